"""PlanAnualFiscalizacion: the DFS's annual inspection plan and report, and the reporting of results to APCI's
Consejo Directivo and then to the Contraloria (ROF 48.b, 13.d; Ley 27692 art. 10.1.e as amended by Ley 28386).

Cycle: formulated (DFS) -> approved (Director Ejecutivo) -> annual report drafted (DFS) -> approved (DE) ->
presented to the Consejo Directivo (DE) -> approved by the Consejo -> sent to the Contraloria (DE) -> closed.
"""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import event

from shared.errores import DatosInvalidos, SinDerecho, TransicionIlegal
from shared.eventos import Agregado
from services.fiscalizacion.domain.citas import PLAN_ANUAL, RESULTADOS_CONSEJO, rof

# action: (from state, to state, event, office, fields, legal basis)
PASOS: dict[str, tuple[str, str, str, str, tuple[str, ...], Any]] = {
    "aprobar_plan": ("borrador", "vigente", "PlanAnualFiscalizacionAprobado", "DE", (), [PLAN_ANUAL, rof("13.i")]),
    "elaborar_informe": ("vigente", "informe_borrador", "InformeAnualFiscalizacionElaborado", "DFS", ("resultados",),
                         PLAN_ANUAL),
    "aprobar_informe": ("informe_borrador", "informe_aprobado", "InformeAnualFiscalizacionAprobado", "DE", (),
                        PLAN_ANUAL),
    "presentar_al_consejo": ("informe_aprobado", "en_consejo", "ResultadosFiscalizacionPresentadosAlConsejo", "DE",
                             (), [RESULTADOS_CONSEJO, rof("13.d")]),
    "aprobar_en_consejo": ("en_consejo", "aprobado_consejo", "ResultadosFiscalizacionAprobadosPorConsejo",
                           "CONSEJO_DIRECTIVO", ("acuerdo",), RESULTADOS_CONSEJO),
    "remitir_a_contraloria": ("aprobado_consejo", "cerrado", "ResultadosFiscalizacionRemitidosAContraloria", "DE",
                              ("oficio",), RESULTADOS_CONSEJO),
}


def _mutador(nombre: str):
    def mutar(self, el: date, estado: str, datos: dict, fundamento_legal: Any) -> None:
        self.estado = estado
        self.hitos = [*self.hitos, {"evento": nombre, "el": el, **datos}]
        if "resultados" in datos:
            self.resultados = datos["resultados"]

    mutar.__name__ = mutar.__qualname__ = "_" + nombre
    return mutar


class PlanAnualFiscalizacion(Agregado):
    @event("PlanAnualFiscalizacionFormulado")
    def __init__(self, anio: int, programadas: list, formulado_el: date, fundamento_legal: Any) -> None:
        self.anio, self.programadas, self.formulado_el = anio, programadas, formulado_el
        self.estado = "borrador"
        self.hitos: list[dict] = []
        self.resultados: dict | None = None

    @staticmethod
    def create_id(anio: int, **_: Any) -> UUID:
        return uuid5(NAMESPACE_URL, f"/plan-anual-fiscalizacion/{anio}")

    @classmethod
    def formular(cls, *, actor, anio: int, programadas: list[dict], hoy: date) -> PlanAnualFiscalizacion:
        if actor.oficina != "DFS":
            raise SinDerecho("El Plan Anual de Fiscalizacion lo formula la DFS.", "formular_plan:DFS")
        if any(not p.get("ruc") for p in programadas):
            raise DatosInvalidos("Cada fiscalizacion programada requiere RUC.", [{"campo": "programadas",
                                                                                  "mensaje": "falta ruc"}])
        return cls(anio=anio, programadas=programadas, formulado_el=hoy, fundamento_legal=PLAN_ANUAL)

    @property
    def correlacion(self) -> str:
        return f"PAF-{self.anio}"

    def claves_fiscalizaciones(self) -> list[str]:
        """Natural keys of the planned inspections (``Fiscalizacion.create_id`` is derived from them)."""
        return [f"plan/{self.anio}/{p['ruc']}" for p in self.programadas]

    def avanzar(self, accion: str, *, actor, hoy: date, **datos: Any) -> None:
        if accion not in PASOS:
            raise TransicionIlegal(accion, self.estado, self._permitidas())
        desde, hacia, evento, oficina, campos, fundamento = PASOS[accion]
        if self.estado != desde:
            raise TransicionIlegal(accion, self.estado, self._permitidas())
        if actor.oficina != oficina:
            raise SinDerecho(f"'{accion}' corresponde a {oficina}.", f"{accion}:{oficina}")
        faltan = [c for c in campos if not datos.get(c)]
        if faltan:
            raise DatosInvalidos("Faltan datos.", [{"campo": c, "mensaje": "requerido"} for c in faltan])
        getattr(self, "_" + evento)(el=hoy, estado=hacia, datos={c: datos[c] for c in campos},
                                    fundamento_legal=fundamento)

    def _permitidas(self) -> list[str]:
        return [a for a, p in PASOS.items() if p[0] == self.estado]

    for _accion, (_d, _h, _evento, _o, _c, _f) in PASOS.items():
        locals()["_" + _evento] = event(_evento)(_mutador(_evento))
    del _accion, _d, _h, _evento, _o, _c, _f

    def acciones_disponibles(self, actor) -> list[dict]:
        return [{"accion": a, "campos": list(p[4]), "inicia_plazo": None} for a, p in PASOS.items()
                if p[0] == self.estado and p[3] == actor.oficina]

    def a_dict(self) -> dict[str, Any]:
        return {"id": str(self.id), "anio": self.anio, "estado": self.estado, "programadas": self.programadas,
                "resultados": self.resultados, "hitos": self.hitos}
