"""Which regime applies (the one in force at the facts, unless a later one is more favourable) and which sanction
kinds a regime allows.

Ley 27444 art. 230.5 (TUO art. 248.5): sanctioning rules in force when the conduct happened apply, unless later
ones are more favourable to the offender. The decision records every version considered and why one was chosen. A
later version whose text is not loaded cannot be compared; the facts' version is kept and that is said. When the
facts' version itself has no loaded text, the supplementary version governs (``versiones.version_aplicable``) and
the choice records ``regimen_aplicado``, ``partes_supletorias`` and the reason.
"""

from __future__ import annotations

from typing import Any

from shared.calendario import CALENDARIO_NACIONAL
from shared.errores import DatosInvalidos, ReglaIncumplida
from services.fiscalizacion.domain.calculo import Computo, Hechos, ResultadoSancion, calcular_sancion
from services.fiscalizacion.domain.citas import IRRETROACTIVIDAD
from services.fiscalizacion.domain.reglamento import AMONESTACION, MULTA, SUSPENSION, VersionReglamento
from services.fiscalizacion.domain.versiones import posteriores, version_aplicable

_RANGO = {AMONESTACION: 1, MULTA: 2, SUSPENSION: 3}


def gravedad(r: ResultadoSancion) -> tuple[int, Any]:
    """Order of severity: no sanction < warning < fine < suspension; then the amount in soles."""
    if not r.sancionable:
        return (0, 0)
    return (max((_RANGO.get(s, 9) for s in r.sanciones), default=0), r.multa_soles)


def sancion_con_regimen_aplicable(
    hechos: Hechos, computo: Computo, antecedentes, versiones: tuple[VersionReglamento, ...] | None = None,
    cal=CALENDARIO_NACIONAL,
) -> tuple[ResultadoSancion, dict[str, Any]]:
    base, supletoriedad = version_aplicable(hechos.fecha_hechos, versiones)
    elegido = calcular_sancion(hechos, computo, antecedentes, base, cal)
    eleccion = {"version": base.id, "motivo": "norma vigente a la fecha de los hechos", "consideradas": [],
                "fundamento_legal": IRRETROACTIVIDAD}
    if supletoriedad:
        eleccion.update(motivo=supletoriedad["motivo"], supletoriedad=supletoriedad,
                        regimen_aplicado=supletoriedad["regimen_aplicado"],
                        partes_supletorias=supletoriedad["partes_supletorias"])
    for v in posteriores(hechos.fecha_hechos, computo.fecha_aplicacion, versiones):
        if not v.texto_cargado:
            eleccion["consideradas"].append({"version": v.id, "resultado": "texto no cargado; no comparable"})
            continue
        try:
            r = calcular_sancion(hechos, computo, antecedentes, v, cal)
        except (ReglaIncumplida, DatosInvalidos) as e:
            eleccion["consideradas"].append({"version": v.id, "resultado": f"no aplicable: {e.detalle}"})
            continue
        eleccion["consideradas"].append({"version": v.id, "resultado": f"gravedad {gravedad(r)}"})
        if gravedad(r) < gravedad(elegido):
            elegido = r
            eleccion.update(version=v.id, motivo=f"{v.norma} es mas favorable (retroactividad benigna)")
    return elegido, eleccion


def validar_sanciones(tipos: list[str], resultado: ResultadoSancion, version: VersionReglamento) -> None:
    """Reject any sanction the regime does not allow for this infraction, with the legal reason."""
    for tipo in tipos:
        anulada = version.sanciones_anuladas.get(tipo)
        if anulada:
            raise ReglaIncumplida(f"Sancion '{tipo}' no permitida: {anulada['motivo']}",
                                  fundamento_legal=anulada["fundamento_legal"][0],
                                  fundamentos=anulada["fundamento_legal"])
        if tipo not in resultado.sanciones:
            escala = version.escalas.get(resultado.clase_aplicada)
            raise ReglaIncumplida(
                f"Sancion '{tipo}' no prevista para una infraccion {resultado.clase_aplicada} "
                f"({resultado.codigo}); el regimen solo permite: {', '.join(resultado.sanciones) or 'ninguna'}.",
                fundamento_legal=escala.fundamento_legal if escala else IRRETROACTIVIDAD)
