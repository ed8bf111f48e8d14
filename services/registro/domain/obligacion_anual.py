"""``ObligacionAnual``: one registered entity's annual obligation for one year (SM-2 of the laws note; the P-DA
procedure of the donations note). Variants and contents are in ``obligacion_anual_reglas``.

States: ``pendiente`` (opened 1 January) -> ``presentada`` once every component is filed -> ``validada`` or
``en_subsanacion`` (5 business days) -> back to ``presentada``, or ``no_conforme`` when not corrected (passed to the
DFS). If the 31 January deadline (next business day when it falls on a non-working day) passes with components
missing, ``ObligacionAnualVencida`` records ``omitida`` and names its effects: the benefits are suspended until the
omission is repaired (RGL 78) and fiscalizacion may open a case for INF-03 / INF-04. A late filing completes the
obligation and records ``OmisionReparada``, on which the benefits come back (see ``politicas``).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import event

from shared.errores import DatosInvalidos, ReglaIncumplida
from shared.eventos import Actor, Agregado
from shared.eventos.sobre import a_json

from services.registro.domain import maquina, permisos
from services.registro.domain.maquina import Accion, tabla
from services.registro.domain.obligacion_anual_reglas import (
    FUND_OMISION, FUND_REPARACION, FUND_VERIFICACION, INFORME_ANUAL, INFORME_ASISTENCIAL, PLAN_ANUAL, VARIANTES,
    validar_componente,
)
from services.registro.domain.plazos import plazo, vencimiento_declaracion_anual
from services.registro.domain.reglas import ORGANO_FISCALIZACION, Registro, registro_valido
from services.registro.domain.validacion import exigir_texto, validar_fecha, validar_ruc_persona_juridica

PENDIENTE, PRESENTADA, EN_SUBSANACION = "pendiente", "presentada", "en_subsanacion"
VALIDADA, NO_CONFORME, OMITIDA = "validada", "no_conforme", "omitida"

ACCIONES = tabla(
    Accion("presentar_componente", (PENDIENTE, OMITIDA), (permisos.ENTIDAD,),
           ("componente", "contenido", "presentado_el", "hoy")),
    Accion("notificar_inconsistencias", (PRESENTADA,), (permisos.REGISTRADOR,),
           ("inconsistencias", "notificada_el", "hoy"), "subsanacion_declaracion"),
    Accion("subsanar", (EN_SUBSANACION,), (permisos.ENTIDAD,), ("correcciones", "subsanada_el", "hoy")),
    Accion("validar", (PRESENTADA,), (permisos.REGISTRADOR,), ("hoy",)),
)


class ObligacionAnual(Agregado):
    @staticmethod
    def create_id(registro: str, ruc: str, anio: int) -> UUID:
        return uuid5(NAMESPACE_URL, f"/obligacion-anual/{registro}/{ruc}/{anio}")

    @property
    def correlacion(self) -> str | None:
        return f"DA-{self.anio}-{self.registro}-{self.ruc}" if hasattr(self, "anio") else None

    @classmethod
    def correlacion_inicial(cls, datos: dict[str, Any]) -> str:
        return f"DA-{datos['anio']}-{datos['registro']}-{datos['ruc']}"

    @classmethod
    def abrir(cls, *, actor: Actor, registro: str, ruc: str, anio: int, hoy: date) -> ObligacionAnual:
        """Opened by the scheduler on 1 January for every registered entity (or by the registry keeper)."""
        reg = registro_valido(registro)
        ruc = validar_ruc_persona_juridica(ruc)
        permisos.exigir(actor, (permisos.SISTEMA, permisos.REGISTRADOR), "abrir", ruc)
        if not isinstance(anio, int) or hoy < date(anio, 1, 1):
            raise DatosInvalidos("El periodo se abre el 1 de enero del anio.",
                                 errores=[{"campo": "anio", "mensaje": f"no puede ser posterior a {hoy.year}"}])
        variante = VARIANTES[reg]
        return cls(registro=reg.value, ruc=ruc, anio=anio, anio_declarado=anio - 1,
                   componentes_exigidos=list(variante["componentes"]), directiva=variante["directiva"],
                   vence_el=vencimiento_declaracion_anual(anio), plazo=plazo("declaracion_anual").a_dict(),
                   fundamento_legal=variante["fundamento_legal"])

    @event("PeriodoDeclaracionAbierto")
    def __init__(self, registro: str, ruc: str, anio: int, anio_declarado: int, componentes_exigidos: list,
                 directiva: str, vence_el: date, plazo: dict, fundamento_legal: list) -> None:
        self.registro, self.ruc, self.anio, self.anio_declarado = registro, ruc, anio, anio_declarado
        self.componentes_exigidos, self.directiva, self.vence_el = componentes_exigidos, directiva, vence_el
        self.estado = PENDIENTE
        self.presentados: dict[str, dict] = {}
        self.extemporanea = False
        self.inconsistencias: list[str] = []
        self.subsanacion_vence_el: date | None = None
        self.vencida_el: date | None = None
        self.reparada_el: date | None = None

    def _exigir(self, accion: str, actor: Actor) -> None:
        maquina.exigir_accion(ACCIONES, accion, self.estado, actor, self.ruc)

    # --- filing -------------------------------------------------------------------------------------------------

    def presentar_componente(self, *, actor: Actor, componente: str, contenido: dict, presentado_el: date,
                             hoy: date) -> None:
        self._exigir("presentar_componente", actor)
        validar_componente(Registro(self.registro), componente, contenido)
        validar_fecha(presentado_el, "presentado_el", hoy=hoy, no_antes_de=date(self.anio, 1, 1))
        if componente in self.presentados:
            raise ReglaIncumplida(f"El componente '{componente}' ya fue presentado; use la subsanacion.",
                                  fundamento_legal=FUND_VERIFICACION[0])
        self.vencer_plazos(presentado_el)  # a late filing found still "pendiente" is first recorded as omitted
        registrar = {INFORME_ANUAL: self._informe_anual, PLAN_ANUAL: self._plan_anual,
                     INFORME_ASISTENCIAL: self._informe_asistencial}[componente]
        fundamento = VARIANTES[Registro(self.registro)]["fundamento_legal"]
        registrar(contenido=contenido, presentado_el=presentado_el, extemporaneo=presentado_el > self.vence_el,
                  fundamento_legal=fundamento)
        if self.estado == OMITIDA and not self.faltantes():
            self._reparar(reparada_el=presentado_el, causa_id=str(self.id), fundamento_legal=FUND_REPARACION)

    def _registrar_componente(self, componente: str, contenido: dict, presentado_el: date, extemporaneo: bool) -> None:
        self.presentados = {**self.presentados, componente: {"presentado_el": presentado_el, "contenido": contenido}}
        self.extemporanea = self.extemporanea or extemporaneo
        if not self.faltantes() and self.estado == PENDIENTE:
            self.estado = PRESENTADA

    @event("InformeAnualPresentado")
    def _informe_anual(self, contenido: dict, presentado_el: date, extemporaneo: bool, fundamento_legal: list) -> None:
        self._registrar_componente(INFORME_ANUAL, contenido, presentado_el, extemporaneo)

    @event("PlanAnualActividadesPresentado")
    def _plan_anual(self, contenido: dict, presentado_el: date, extemporaneo: bool, fundamento_legal: list) -> None:
        self._registrar_componente(PLAN_ANUAL, contenido, presentado_el, extemporaneo)

    @event("InformeActividadesAsistencialesPresentado")
    def _informe_asistencial(self, contenido: dict, presentado_el: date, extemporaneo: bool,
                             fundamento_legal: list) -> None:
        self._registrar_componente(INFORME_ASISTENCIAL, contenido, presentado_el, extemporaneo)

    @event("OmisionReparada")
    def _reparar(self, reparada_el: date, causa_id: str, fundamento_legal: list) -> None:
        self.estado, self.reparada_el = PRESENTADA, reparada_el

    def faltantes(self) -> list[str]:
        return [c for c in self.componentes_exigidos if c not in self.presentados]

    # --- verification (Title III) -------------------------------------------------------------------------------

    def notificar_inconsistencias(self, *, actor: Actor, inconsistencias: list[str], notificada_el: date,
                                  hoy: date) -> None:
        self._exigir("notificar_inconsistencias", actor)
        lista = [exigir_texto(i, "inconsistencias") for i in inconsistencias]
        if not lista:
            raise DatosInvalidos("Indique las inconsistencias.", errores=[{"campo": "inconsistencias",
                                                                            "mensaje": "vacio"}])
        validar_fecha(notificada_el, "notificada_el", hoy=hoy)
        regla = plazo("subsanacion_declaracion")
        self._inconsistencias(inconsistencias=lista, notificada_el=notificada_el,
                              subsanacion_vence_el=regla.vence(notificada_el), plazo=regla.a_dict(),
                              fundamento_legal=FUND_VERIFICACION)

    @event("InconsistenciasNotificadas")
    def _inconsistencias(self, inconsistencias: list, notificada_el: date, subsanacion_vence_el: date, plazo: dict,
                         fundamento_legal: list) -> None:
        self.estado, self.inconsistencias = EN_SUBSANACION, inconsistencias
        self.subsanacion_vence_el = subsanacion_vence_el

    def subsanar(self, *, actor: Actor, correcciones: dict, subsanada_el: date, hoy: date) -> None:
        self._exigir("subsanar", actor)
        validar_fecha(subsanada_el, "subsanada_el", hoy=hoy)
        if subsanada_el > self.subsanacion_vence_el:
            raise ReglaIncumplida(f"El plazo de 5 dias habiles vencio el {self.subsanacion_vence_el.isoformat()}.",
                                  fundamento_legal=FUND_VERIFICACION[0])
        if not isinstance(correcciones, dict) or not correcciones:
            raise DatosInvalidos("Indique las correcciones.", errores=[{"campo": "correcciones", "mensaje": "vacio"}])
        self._subsanar(correcciones=correcciones, subsanada_el=subsanada_el, fundamento_legal=FUND_VERIFICACION)

    @event("InconsistenciasSubsanadas")
    def _subsanar(self, correcciones: dict, subsanada_el: date, fundamento_legal: list) -> None:
        self.estado, self.inconsistencias, self.subsanacion_vence_el = PRESENTADA, [], None

    def validar(self, *, actor: Actor, hoy: date) -> None:
        self._exigir("validar", actor)
        self._validar(validada_el=hoy, publicable=True, fundamento_legal=FUND_VERIFICACION)

    @event("DeclaracionValidada")
    def _validar(self, validada_el: date, publicable: bool, fundamento_legal: list) -> None:
        self.estado = VALIDADA

    # --- deadlines (scheduler) ----------------------------------------------------------------------------------

    def vencer_plazos(self, hoy: date) -> list[str]:
        if self.estado == PENDIENTE and hoy > self.vence_el:
            variante = VARIANTES[Registro(self.registro)]
            self._vencer(vencida_el=self.vence_el + timedelta(days=1), componentes_faltantes=self.faltantes(),
                         causa_id=str(self.id), efectos=["suspender_beneficios", "iniciar_fiscalizacion"],
                         infraccion=variante["infraccion"], fundamento_legal=FUND_OMISION)
            return ["ObligacionAnualVencida"]
        if self.estado == EN_SUBSANACION and hoy > self.subsanacion_vence_el:
            self._no_conforme(calificada_el=self.subsanacion_vence_el + timedelta(days=1),
                              inconsistencias=self.inconsistencias, derivada_a=ORGANO_FISCALIZACION,
                              efectos=["iniciar_fiscalizacion"], fundamento_legal=FUND_VERIFICACION)
            return ["DeclaracionCalificadaNoConforme"]
        return []

    @event("ObligacionAnualVencida")
    def _vencer(self, vencida_el: date, componentes_faltantes: list, causa_id: str, efectos: list, infraccion: str,
                fundamento_legal: list) -> None:
        self.estado, self.vencida_el = OMITIDA, vencida_el

    @event("DeclaracionCalificadaNoConforme")
    def _no_conforme(self, calificada_el: date, inconsistencias: list, derivada_a: str, efectos: list,
                     fundamento_legal: list) -> None:
        self.estado = NO_CONFORME

    # --- queries ------------------------------------------------------------------------------------------------

    @property
    def cumplida(self) -> bool:
        return self.estado in (PRESENTADA, EN_SUBSANACION, VALIDADA)

    def acciones_disponibles(self, actor: Actor) -> list[dict[str, Any]]:
        return maquina.disponibles(ACCIONES, self.estado, actor, self.ruc)

    def a_dict(self) -> dict[str, Any]:
        campos = ("registro", "ruc", "anio", "anio_declarado", "componentes_exigidos", "directiva", "vence_el",
                  "extemporanea", "inconsistencias", "subsanacion_vence_el", "vencida_el", "reparada_el")
        return a_json({"id": self.id, "version": self.version, "estado": self.estado, "cumplida": self.cumplida,
                       "faltantes": self.faltantes(),
                       "presentados": {k: v["presentado_el"] for k, v in self.presentados.items()},
                       **{c: getattr(self, c) for c in campos}})
