"""Sancion: enforcement of a notified sanction (RIS 11-14, 24; Ley 27692 arts. 4.t, 22; ROF 30.g).

* Leve: written warning with 30 calendar days to cure, then 0.10 UIT per day up to 10 UIT.
* Grave: 0.50 UIT per day up to 30 UIT; at the cap, if not cured, suspension of the benefits of registration.
* Muy grave 8.a / 8.c: suspension of benefits until the omission is repaired.
* Art. 9: 0.10 UIT per day up to 20 UIT. Aggravated (RIS 13): a fixed fine in the band.
* A pending appeal suspends enforcement (RIS 24): accrual stops and nothing is collected or suspended meanwhile.
* ``SuspensionBeneficiosAplicada`` / ``SuspensionBeneficiosLevantada`` are what registro consumes: besides the
  common fields they carry ``ruc``, ``expediente`` (the case number), ``sancion_id`` and ``causa_id`` (the key under
  which registro keeps the suspension, the same in both events), so the message alone says whom, why and on what basis.
* Fines are paid or collected by coactive collection once final (Ley 27692 4.t; ROF 30.g).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import event

from shared.eventos import Agregado
from services.fiscalizacion.domain import ejecucion_sancion as ej

EVENTOS = (
    "PlazoSubsanacionVencido", "TopeMultaAlcanzado", "SuspensionBeneficiosAplicada", "SuspensionBeneficiosLevantada",
    "SubsanacionVerificada", "MultaLiquidada", "EjecucionSuspendida", "EjecucionReanudada", "SancionFirme",
    "SancionDejadaSinEfecto", "MultaPagada", "CobranzaCoactivaIniciada",
)


def _mutador(nombre: str):
    def mutar(self, el: date, asigna: dict, version_reglamento: str, regla: str, fundamento_legal: Any) -> None:
        self._aplicar(el, asigna)

    mutar.__name__ = mutar.__qualname__ = "_" + nombre
    return mutar


EFECTOS_REGISTRO = ("SuspensionBeneficiosAplicada", "SuspensionBeneficiosLevantada")


def _mutador_efecto(nombre: str):
    def mutar(self, el: date, asigna: dict, version_reglamento: str, regla: str, fundamento_legal: Any, ruc: str,
              expediente: str, sancion_id: str, causa_id: str) -> None:
        self._aplicar(el, asigna)

    mutar.__name__ = mutar.__qualname__ = "_" + nombre
    return mutar


class Sancion(Agregado):
    @event("EjecucionSancionIniciada")
    def __init__(self, expediente_id: str, expediente: str, ruc: str, codigo: str, resultado: dict,
                 hechos: dict, inicio_devengo: date, firme: bool, version_reglamento: str, regla: str,
                 fundamento_legal: Any) -> None:
        self.expediente_id, self.expediente, self.ruc, self.codigo = expediente_id, expediente, ruc, codigo
        self.resultado, self.hechos, self.inicio_devengo = resultado, hechos, inicio_devengo
        self.version_reglamento, self.firme = version_reglamento, firme
        self.clase = resultado["clase_aplicada"]
        banda = any(p["paso"] == "multa_agravada" for p in resultado["pasos"])
        self.multa_soles: Decimal = resultado["multa_soles"] if banda else Decimal("0.00")
        self.estado = "multa_liquidada" if banda else ("amonestada" if "amonestacion" in resultado["sanciones"]
                                                        else "multa_devengando" if "multa" in resultado["sanciones"]
                                                        else "suspension_pendiente")
        self.suspension_activa = False
        self.suspension_en_suspenso = False  # lifted while an appeal is pending (RIS 24), re-applied if it stands
        self.ejecucion_suspendida = False
        self.periodos_suspension: list[list] = []
        self.pagada = self.en_cobranza = self.subsanada = False
        self.historial: list[dict] = []

    @staticmethod
    def create_id(expediente_id: str, **_: Any) -> UUID:
        return uuid5(NAMESPACE_URL, f"/sancion/{expediente_id}")

    @property
    def correlacion(self) -> str:
        return self.expediente

    def _aplicar(self, el: date, asigna: dict) -> None:
        for k, v in asigna.items():
            setattr(self, k, v)
        self.historial = [*self.historial, {"el": el, **{k: v for k, v in asigna.items() if k == "estado"}}]

    def _registrar(self, evento: str, el: date, regla: str, fundamento_legal: Any, **asigna: Any) -> None:
        efecto = ({"ruc": self.ruc, "expediente": self.expediente, "sancion_id": str(self.id),
                   "causa_id": f"sancion:{self.id}"} if evento in EFECTOS_REGISTRO else {})
        getattr(self, "_" + evento)(el=el, asigna=asigna, version_reglamento=self.version_reglamento, regla=regla,
                                    fundamento_legal=fundamento_legal, **efecto)

    for _nombre in EVENTOS:
        _hace = _mutador_efecto if _nombre in EFECTOS_REGISTRO else _mutador
        locals()["_" + _nombre] = event(_nombre)(_hace(_nombre))
    del _nombre, _hace

    def excluidos(self, hasta: date) -> tuple[tuple[date, date], ...]:
        return tuple((a, b or hasta) for a, b in self.periodos_suspension)

    # ---- commands (rules in ejecucion_sancion) ----
    def vencer_plazos(self, hoy: date) -> list[str]: return ej.vencer_plazos(self, hoy)
    def suspender_ejecucion(self, *, desde: date, hoy: date) -> None: ej.suspender(self, desde, hoy)
    def reanudar_ejecucion(self, *, desde: date, hoy: date) -> None: ej.reanudar(self, desde, hoy)
    def declarar_firme(self, *, hoy: date) -> None: ej.declarar_firme(self, hoy)
    def dejar_sin_efecto(self, *, motivo: str, hoy: date) -> None: ej.dejar_sin_efecto(self, motivo, hoy)
    def verificar_subsanacion(self, actor, *, subsanado_el: date, hoy: date) -> None:
        ej.verificar_subsanacion(self, actor, subsanado_el, hoy)
    def registrar_pago(self, *, monto: Decimal, pagado_el: date, hoy: date) -> None:
        ej.registrar_pago(self, monto, pagado_el, hoy)
    def iniciar_cobranza_coactiva(self, actor, *, hoy: date) -> None: ej.iniciar_cobranza(self, actor, hoy)

    def acciones_disponibles(self, actor) -> list[dict]:
        return ej.acciones_disponibles(self, actor)

    def a_dict(self) -> dict[str, Any]:
        claves = ("expediente_id", "expediente", "ruc", "codigo", "clase", "estado", "multa_soles",
                  "suspension_activa", "suspension_en_suspenso", "ejecucion_suspendida", "periodos_suspension", "firme", "pagada",
                  "en_cobranza", "subsanada", "inicio_devengo", "version_reglamento")
        return {"id": str(self.id), **{k: getattr(self, k) for k in claves}}


