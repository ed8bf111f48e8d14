"""ExpedienteSancionador: the two-instance sanctioning procedure of D.S. 027-2007-RE (RIS arts. 4, 10, 15-27).

Investigator (DOC or DFS) notifies charges -> 7 business days for the defence -> 30 (+15) days to propose -> the
CIS notifies the proposal -> 7 days for a second defence (a cured leve / art. 9 infraction closes the case) -> the
CIS resolves (30 days from its notice) and notifies within 5 -> reconsideration (new evidence) or appeal, 15 days
each, once each; an appeal suspends enforcement (RIS 24); the Director Ejecutivo decides appeals; late decisions are
deemed rejections (RIS 22). Which act starts each deadline, its unit and effect are data (``plazos_2007``); the
ambiguous readings are parameters of the rulebook version (``parametros_2007``).

Every event carries the version of the rulebook the procedure runs under, the rule (``regla``) and the legal basis.
Commands delegate to ``comandos_expediente`` (opening, instruction, CIS), ``recursos_expediente`` (notification and
appeals) and ``vencimientos_expediente`` (expiry); they validate, then record; the events here only assign.
"""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import event

from shared.eventos import Agregado
from services.fiscalizacion.domain import comandos_expediente as cmd
from services.fiscalizacion.domain import recursos_expediente as rec
from services.fiscalizacion.domain import vencimientos_expediente as vencimientos
from services.fiscalizacion.domain.procedimiento import TERMINALES, disponibles
from services.fiscalizacion.domain.versiones import version_por_id


EVENTOS = (
    "InvestigacionPreliminarArchivada", "SubsanacionEspontaneaVerificada", "ComunicacionEntidadPublicaDispuesta",
    "CargosImputadosNotificados", "DescargosPresentados", "PlazoDescargosVencido", "PlazoInstruccionProrrogado",
    "PropuestaResolucionFormulada", "ProcedimientoSancionadorIniciado", "ProcedimientoConcluidoAnticipadamente",
    "ExcepcionPrescripcionDeducida", "PrescripcionDeclaradaFundada", "PrescripcionDeclaradaInfundada",
    "ActuacionesComplementariasDispuestas", "SancionImpuesta", "ProcedimientoArchivado", "ResolucionNotificada",
    "RecursoReconsideracionInterpuesto", "ReconsideracionResuelta", "RecursoApelacionInterpuesto",
    "ApelacionConcedida", "ApelacionDenegada", "ExpedienteElevado", "ResolucionConfirmada", "ResolucionRevocada",
    "SilencioNegativoOperado", "PlazoImpugnatorioVencido", "PlazoVencido",
)


def _mutador(nombre: str):
    def mutar(self, el: date, estado: str | None, abre: dict, cierra: list, asigna: dict, decision: dict | None,
              version_reglamento: str, regla: str, fundamento_legal: Any) -> None:
        self._aplicar(el, estado, abre, cierra, asigna, decision)

    mutar.__name__ = mutar.__qualname__ = "_" + nombre
    return mutar


class ExpedienteSancionador(Agregado):
    @event("InvestigacionPreliminarIniciada")
    def __init__(self, clave_origen: str, ruc: str, codigo: str, fecha_hechos: date, cese: date | None,
                 organo_instructor: str, origen: dict, entidad_publica: bool, renuncio_beneficios: bool,
                 abierto_el: date, version_reglamento: str, regla: str, fundamento_legal: Any,
                 numero: str | None = None, supletoriedad: dict | None = None) -> None:
        self.clave_origen, self.ruc, self.codigo = clave_origen, ruc, codigo
        self.numero, self.supletoriedad = numero, supletoriedad
        self.fecha_hechos, self.cese, self.organo_instructor = fecha_hechos, cese, organo_instructor
        self.origen, self.entidad_publica, self.renuncio_beneficios = origen, entidad_publica, renuncio_beneficios
        self.abierto_el, self.version_reglamento = abierto_el, version_reglamento
        self.estado = "en_evaluacion_preliminar"
        self.plazos: dict[str, dict] = {}
        self.descargos: list[dict] = []
        self.recursos_usados: list[str] = []
        self.propuesta = self.resultado = self.eleccion_regimen = self.prescripcion = None
        self.prescripcion_interrumpida_el = self.resolucion_notificada_el = None
        self.cargos = self.resuelto_el = None
        self.ejecutable = self.ejecucion_suspendida = False
        self.decisiones: list[dict] = []
        self.ultimo_vencimiento = self.ultima_actuacion = self.ultimo_recurso = None

    @staticmethod
    def create_id(clave_origen: str, **_: Any) -> UUID:
        return uuid5(NAMESPACE_URL, f"/expediente-sancionador/{clave_origen}")

    @property
    def correlacion(self) -> str:
        """The case number (PAS-<anio>-<secuencia>) when the application allocated one."""
        return self.numero or f"PAS-{self.ruc}-{str(self.id)[:8]}"

    @classmethod
    def correlacion_inicial(cls, datos: dict[str, Any]) -> str | None:
        return datos.get("numero")

    @property
    def reglamento(self):
        return version_por_id(self.version_reglamento)

    # ---- commands: validation and rule look-ups live in comandos_expediente / plazos_expediente ----
    def archivar_preliminar(self, actor, **kw): cmd.archivar_preliminar(self, actor, **kw)
    def verificar_subsanacion_espontanea(self, actor, **kw): cmd.verificar_subsanacion_espontanea(self, actor, **kw)
    def comunicar_entidad_publica(self, actor, **kw): cmd.comunicar_entidad_publica(self, actor, **kw)
    def imputar_cargos(self, actor, **kw): cmd.imputar_cargos(self, actor, **kw)
    def presentar_descargos(self, actor, **kw): cmd.presentar_descargos(self, actor, **kw)
    def prorrogar_instruccion(self, actor, **kw): cmd.prorrogar_instruccion(self, actor, **kw)
    def formular_propuesta(self, actor, **kw): cmd.formular_propuesta(self, actor, **kw)
    def notificar_propuesta(self, actor, **kw): cmd.notificar_propuesta(self, actor, **kw)
    def acreditar_subsanacion(self, actor, **kw): cmd.acreditar_subsanacion(self, actor, **kw)
    def deducir_prescripcion(self, actor, **kw): cmd.deducir_prescripcion(self, actor, **kw)
    def resolver_prescripcion(self, actor, **kw): cmd.resolver_prescripcion(self, actor, **kw)
    def disponer_actuaciones_complementarias(self, actor, **kw): cmd.disponer_actuaciones(self, actor, **kw)
    def imponer_sancion(self, actor, **kw): cmd.imponer_sancion(self, actor, **kw)
    def archivar(self, actor, **kw): cmd.archivar(self, actor, **kw)
    def notificar_resolucion(self, actor, **kw): rec.notificar_resolucion(self, actor, **kw)
    def interponer_reconsideracion(self, actor, **kw): rec.interponer_reconsideracion(self, actor, **kw)
    def resolver_reconsideracion(self, actor, **kw): rec.resolver_reconsideracion(self, actor, **kw)
    def interponer_apelacion(self, actor, **kw): rec.interponer_apelacion(self, actor, **kw)
    def conceder_apelacion(self, actor, **kw): rec.conceder_apelacion(self, actor, **kw)
    def denegar_apelacion(self, actor, **kw): rec.denegar_apelacion(self, actor, **kw)
    def elevar_expediente(self, actor, **kw): rec.elevar_expediente(self, actor, **kw)
    def resolver_apelacion(self, actor, **kw): rec.resolver_apelacion(self, actor, **kw)
    def vencer_plazos(self, hoy: date) -> list[str]: return vencimientos.vencer_plazos(self, hoy)

    def plazos_abiertos(self) -> list[str]:
        return [n for n, p in self.plazos.items() if p["estado"] == "abierto"]

    def acciones_disponibles(self, actor) -> list[dict]:
        return disponibles(self.estado, actor, self.organo_instructor, self.reglamento.plazos)

    def a_dict(self) -> dict[str, Any]:
        claves = ("numero", "clave_origen", "supletoriedad", "abierto_el", "ruc", "codigo", "fecha_hechos", "cese", "organo_instructor", "origen", "estado",
                  "version_reglamento", "plazos", "cargos", "descargos", "recursos_usados", "propuesta", "resultado",
                  "eleccion_regimen", "prescripcion", "prescripcion_interrumpida_el", "resuelto_el",
                  "resolucion_notificada_el", "ejecutable", "ejecucion_suspendida", "decisiones")
        return {"id": str(self.id), "correlacion": self.correlacion, "terminado": self.estado in TERMINALES,
                **{k: getattr(self, k) for k in claves}}

    # ---- events: bodies only assign ----
    def _aplicar(self, el: date, estado: str | None, abre: dict, cierra: list, asigna: dict,
                 decision: dict | None) -> None:
        plazos = {k: v for k, v in self.plazos.items()}
        for nombre in cierra:
            if nombre in plazos:
                final = "vencido" if el > plazos[nombre]["vence_el"] else "cumplido"
                plazos[nombre] = {**plazos[nombre], "estado": final, "cerrado_el": el}
        for nombre, datos in abre.items():
            plazos[nombre] = {**datos, "estado": "abierto"}
        self.plazos = plazos
        for k, v in asigna.items():
            setattr(self, k, [*getattr(self, k), v] if k in ("descargos", "recursos_usados") else v)
        if decision:
            self.decisiones = [*self.decisiones, decision]
        if estado:
            self.estado = estado

    def _registrar(self, evento: str, el: date, regla: str, fundamento_legal: Any, estado: str | None = None,
                   abre: dict | None = None, cierra: list | None = None, asigna: dict | None = None,
                   decision: dict | None = None) -> None:
        getattr(self, "_" + evento)(
            el=el, estado=estado, abre=abre or {}, cierra=cierra or [], asigna=asigna or {}, decision=decision,
            version_reglamento=self.version_reglamento, regla=regla, fundamento_legal=fundamento_legal)

    # One explicit event per legal act; all share the mutator shape above (state, deadlines opened and closed,
    # assigned facts, decision record), so each is declared by name only.
    for _nombre in EVENTOS:
        locals()["_" + _nombre] = event(_nombre)(_mutador(_nombre))
    del _nombre
