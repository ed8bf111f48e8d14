"""Prescription of APCI's power to establish an infraction (RIS arts. 25-27).

* 5 years from the act or, for a continuing infraction, from the day it stopped (RIS 25).
* Only the entity can raise it, as a defence; the authority decides it by checking dates only and, if upheld, orders
  liability proceedings into why the administration did not act (RIS 26). It is never applied by itself.
* Opening the procedure interrupts it (which act opens it is a parameter, gap G2); the count resumes while the file
  is stopped more than one month for reasons not attributable to the entity (RIS 27).
* It is suspended while a court must first decide criminal liability (RIS 27).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from services.fiscalizacion.domain.citas import ris

FUNDAMENTO = [ris("25"), ris("26"), ris("27")]


def sumar_anios(dia: date, anios: int) -> date:
    try:
        return dia.replace(year=dia.year + anios)
    except ValueError:  # 29 February
        return dia.replace(year=dia.year + anios, day=28)


def _mas_de_un_mes(a: date, b: date, meses: int) -> bool:
    return b > sumar_meses(a, meses)


def sumar_meses(dia: date, meses: int) -> date:
    mes = dia.month - 1 + meses
    anio, mes = dia.year + mes // 12, mes % 12 + 1
    for d in (dia.day, 30, 29, 28):
        try:
            return date(anio, mes, d)
        except ValueError:
            continue
    raise ValueError(dia)


@dataclass(frozen=True)
class EvaluacionPrescripcion:
    prescrita: bool
    vence_el: date
    detalle: str

    def a_dict(self) -> dict[str, Any]:
        return {"prescrita": self.prescrita, "vence_el": self.vence_el, "detalle": self.detalle,
                "fundamento_legal": FUNDAMENTO}


def evaluar_prescripcion(
    fecha_hechos: date, *, cese: date | None, interrupcion: date | None, evaluada_el: date, anios: int = 5,
    paralizaciones: Iterable[tuple[date, date]] = (), suspensiones: Iterable[tuple[date, date]] = (),
    meses_paralizacion: int = 1,
) -> EvaluacionPrescripcion:
    """Whether the power to sanction had prescribed when the plea is decided (``evaluada_el``)."""
    inicio = cese or fecha_hechos
    suspendido = sum(((b - a).days + 1 for a, b in suspensiones), 0)
    vence = sumar_anios(inicio, anios) + timedelta(days=suspendido)
    if interrupcion is None or interrupcion > vence:
        corte = interrupcion or evaluada_el
        return EvaluacionPrescripcion(corte > vence, vence,
                                      f"computo desde {inicio.isoformat()}; vence {vence.isoformat()}; "
                                      f"{'sin interrupcion' if interrupcion is None else 'procedimiento abierto'} "
                                      f"el {corte.isoformat()}")
    restante = (vence - interrupcion).days
    reanudado = sum((b - a).days for a, b in paralizaciones if _mas_de_un_mes(a, b, meses_paralizacion))
    nuevo_vence = vence + timedelta(days=max(0, (evaluada_el - interrupcion).days - reanudado))
    prescrita = reanudado > restante
    return EvaluacionPrescripcion(
        prescrita, nuevo_vence if not prescrita else interrupcion + timedelta(days=restante),
        f"interrumpida el {interrupcion.isoformat()} con {restante} dias por correr; paralizacion imputable a la "
        f"administracion computada: {reanudado} dias")
