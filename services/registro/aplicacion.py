"""Registro's event-sourced application: commands on offices and on the registries (inscriptions, annual
obligations, experts and volunteers). Each command loads, calls the domain and saves in one ``guardar``.

The registries' transitions are data (the domain's action tables), so one ``actuar`` runs any of them; what the
application adds is what no single aggregate can do: the uniqueness index saved with a new filing and freed when the
inscription ends, renewal's count of annual reports actually filed, and the process managers of ``politicas``
(a lapsed or repaired annual obligation, a sanction from fiscalizacion) applied to the entity's registration in the
same save. Every registry event correlates with the entity's RUC.
"""

from __future__ import annotations

import time
from datetime import date, timedelta
from typing import Any
from uuid import UUID

from shared.almacen.aplicacion import AplicacionCTI
from shared.errores import Duplicado, NoEncontrado
from shared.eventos.sobre import SISTEMA, acto, contexto_actual
from services.registro import lecturas
from services.registro.domain import experto_reglas, inscripcion_acciones as ia, obligacion_anual as oa, politicas
from services.registro.domain.experto import ExpertoVoluntario
from services.registro.domain.indice import InscripcionActiva, id_inscripcion_activa, reservar
from services.registro.domain.inscripcion import Inscripcion
from services.registro.domain.obligacion_anual import ObligacionAnual
from services.registro.domain.oficina import Oficina
from services.registro.domain.plazos import anios_exigibles
from services.registro.domain.reglas import Registro

RECURSOS: dict[str, tuple[type, dict, str]] = {
    "inscripcion": (Inscripcion, ia.ACCIONES, "la inscripcion"),
    "obligacion": (ObligacionAnual, oa.ACCIONES, "la obligacion anual"),
    "experto": (ExpertoVoluntario, experto_reglas.ACCIONES, "el experto o voluntario"),
}


def ruc_de(agregado: Any) -> str:
    return getattr(agregado, "ruc", None) or agregado.ruc_unidad_ejecutora


class AplicacionRegistro(AplicacionCTI):
    name = "registro"
    componentes: Any = None

    def conectar_lecturas(self, componentes: Any) -> None:
        """The service's components (read-model engine, projector); read at call time: the projector starts later."""
        self.componentes = componentes

    # --- offices (master data) --------------------------------------------------------------------------------

    def crear_oficina(self, *, codigo: str, nombre: str, tipo: str, entidad: str, vigente_desde: date,
                      fundamento_legal: dict) -> dict[str, Any]:
        if self.existe(Oficina.create_id(codigo)):
            raise Duplicado(f"Ya existe la oficina {codigo}.")
        oficina = Oficina.crear(codigo=codigo, nombre=nombre, tipo=tipo, entidad=entidad,
                                vigente_desde=vigente_desde, fundamento_legal=fundamento_legal)
        self.guardar(oficina)
        return oficina.a_dict()

    def oficina(self, codigo: str, version: int | None = None) -> Oficina:
        return self.obtener(Oficina.create_id(codigo), f"la oficina {codigo}", version)

    def renombrar_oficina(self, codigo: str, version_esperada: int | None, **datos: Any) -> dict[str, Any]:
        oficina = self.oficina(codigo)
        self.exigir_version(oficina, version_esperada)
        oficina.renombrar(**datos)
        self.guardar(oficina)
        return oficina.a_dict()

    def cerrar_oficina(self, codigo: str, version_esperada: int | None, **datos: Any) -> dict[str, Any]:
        oficina = self.oficina(codigo)
        self.exigir_version(oficina, version_esperada)
        oficina.cerrar(**datos)
        self.guardar(oficina)
        return oficina.a_dict()

    # --- registries: creation -----------------------------------------------------------------------------------

    def presentar_inscripcion(self, **datos: Any) -> dict[str, Any]:
        """Filing: the new Inscripcion and the uniqueness index (RUC x registry) are saved together."""
        ins = Inscripcion.presentar(actor=contexto_actual().actor, **datos)
        if self.existe(ins.id):
            raise Duplicado(f"El expediente {ins.expediente} ya fue presentado.", inscripcion_id=str(ins.id))
        indice = self._indice(ins.registro, ins.ruc)
        indice = reservar(indice, registro=ins.registro, ruc=ins.ruc, inscripcion_id=ins.id,
                          expediente=ins.expediente)
        self.guardar(indice, ins)
        return self._respuesta(ins)

    def abrir_obligacion(self, **datos: Any) -> dict[str, Any]:
        ob = ObligacionAnual.abrir(actor=contexto_actual().actor, **datos)
        if self.existe(ob.id):
            raise Duplicado(f"Ya esta abierta la obligacion {ob.anio} de {ob.ruc} ({ob.registro}).",
                            obligacion_id=str(ob.id))
        self.guardar(ob)
        return self._respuesta(ob)

    def registrar_experto(self, **datos: Any) -> dict[str, Any]:
        ex = ExpertoVoluntario.registrar_ingreso(actor=contexto_actual().actor, **datos)
        if self.existe(ex.id):
            raise Duplicado("Ya se registro el ingreso de esta persona para esta intervencion y fecha.",
                            experto_id=str(ex.id))
        self.guardar(ex)
        return self._respuesta(ex)

    # --- registries: transitions --------------------------------------------------------------------------------

    def agregado(self, recurso: str, agregado_id: UUID, version: int | None = None) -> Any:
        return self.obtener(agregado_id, RECURSOS[recurso][2], version)

    def actuar(self, recurso: str, agregado_id: UUID, accion: str, version_esperada: int | None,
               **args: Any) -> dict[str, Any]:
        """Any transition of the action tables: load, check the version, call the domain, save with its effects."""
        _, acciones, nombre = RECURSOS[recurso]
        if accion not in acciones:
            raise NoEncontrado(f"No existe la accion '{accion}' para {nombre}.")
        agg = self.agregado(recurso, agregado_id)
        self.exigir_version(agg, version_esperada)
        with acto(correlacion=ruc_de(agg)):
            if accion == "solicitar_renovacion":
                args["anios_declarados"] = self._anios_declarados(agg, args.get("presentada_el"))
            getattr(agg, accion)(actor=contexto_actual().actor, **args)
            self.guardar(agg, *self._consecuencias(agg))
        return self._respuesta(agg)

    def vencer_plazos(self, hoy: date) -> int:
        """The scheduler: record every expiry due by ``hoy`` on the aggregates the deadlines read model names, each
        with the business date it took effect (the day after the term's last day). Idempotent."""
        self._alcanzar_lecturas()
        total = 0
        for fila in lecturas.plazos_vencidos(self.componentes.motor, hoy):
            agg = self.repository.get(UUID(fila.agregado_id))
            with acto(actor=SISTEMA, correlacion=fila.ruc, fecha_negocio=(fila.vence_el + timedelta(1)).isoformat()):
                registrados = agg.vencer_plazos(hoy)
                if registrados:
                    self.guardar(agg, *self._consecuencias(agg))
            total += len(registrados)
        return total

    def aplicar_sancion(self, *, ruc: str, causa_id: str, suspender: bool, hoy: date) -> int:
        """Fiscalizacion's suspension of benefits (or its lifting) on every registration the RUC holds; keyed by the
        sanction, so a redelivered event changes nothing (Ley 27692 art. 22(c))."""
        cambios = []
        for registro in Registro:
            ins = self._inscripcion_activa(registro.value, ruc)
            if ins is None:
                continue
            if suspender and ins.estado in ia.CON_INSCRIPCION:
                ins.suspender_beneficios(actor=SISTEMA, causa="sancion", causa_id=causa_id, hoy=hoy)
            elif not suspender and causa_id in ins.suspensiones and ins.estado in (ia.SUSPENDIDA, ia.RENOVACION):
                ins.restituir_beneficios(actor=SISTEMA, causa_id=causa_id, hoy=hoy)
            if ins.pending_events:
                cambios.append(ins)
        if cambios:
            self.guardar(*cambios)
        return len(cambios)

    # --- helpers ------------------------------------------------------------------------------------------------

    @staticmethod
    def _respuesta(agg: Any) -> dict[str, Any]:
        return {**agg.a_dict(), "acciones_disponibles": agg.acciones_disponibles(contexto_actual().actor)}

    def _indice(self, registro: str, ruc: str) -> InscripcionActiva | None:
        indice_id = id_inscripcion_activa(registro, ruc)
        return self.repository.get(indice_id) if self.existe(indice_id) else None

    def _inscripcion_activa(self, registro: str, ruc: str) -> Inscripcion | None:
        indice = self._indice(registro, ruc)
        return self.repository.get(indice.inscripcion_id) if indice is not None and indice.ocupado else None

    def _anios_declarados(self, ins: Inscripcion, presentada_el: Any) -> list[int]:
        """Years whose annual obligation is ``cumplida`` (filed), among those renewal requires (RGL 75)."""
        if not isinstance(presentada_el, date) or getattr(ins, "vigente_desde", None) is None:
            return []
        anios = []
        for anio in anios_exigibles(ins.vigente_desde, presentada_el):
            ob_id = ObligacionAnual.create_id(ins.registro, ins.ruc, anio)
            if self.existe(ob_id) and self.repository.get(ob_id).cumplida:
                anios.append(anio)
        return anios

    def _consecuencias(self, agg: Any) -> list[Any]:
        """Other aggregates the new events of ``agg`` change, to be saved with it."""
        if isinstance(agg, Inscripcion) and not agg.activa:
            indice = self._indice(agg.registro, agg.ruc)
            if indice is not None:
                indice.liberar(inscripcion_id=agg.id, estado_final=agg.fase)
                return [indice] if indice.pending_events else []
        if isinstance(agg, ObligacionAnual):
            return self._politicas_obligacion(agg)
        return []

    def _politicas_obligacion(self, ob: ObligacionAnual) -> list[Any]:
        """RGL 78: a lapsed obligation suspends the registration's benefits; its repair restores them."""
        ins = None
        for evento in ob.pending_events:
            comando = politicas.comando_para_inscripcion(type(evento).__name__, evento.__dict__)
            if comando is None:
                continue
            ins = ins or self._inscripcion_activa(ob.registro, ob.ruc)
            if ins is None:
                return []
            accion = comando.pop("accion")
            with acto(actor=SISTEMA):
                if accion == "suspender_beneficios" and ins.estado in ia.CON_INSCRIPCION:
                    ins.suspender_beneficios(actor=SISTEMA, **comando)
                elif accion == "restituir_beneficios" and comando["causa_id"] in ins.suspensiones:
                    ins.restituir_beneficios(actor=SISTEMA, **comando)
        return [ins] if ins is not None and ins.pending_events else []

    def _alcanzar_lecturas(self, segundos: float = 5) -> None:
        """Let the deadlines read model include every committed act before it is queried (it is updated async)."""
        proyector = getattr(self.componentes, "proyector", None)
        if proyector is None:
            return
        objetivo, limite = self.ultima_notificacion(), time.monotonic() + segundos
        while proyector.posicion < objetivo and time.monotonic() < limite:
            time.sleep(0.01)  # the projector was woken by the last commit; it polls on its own thread
