"""tramite's event-sourced application: open files (allocating their number), take acts, expire deadlines.

Commands run on the service's single writer inside an act context (actor, correlation, business time), load the
aggregate, call the domain with the lookups it needs (office kinds, registration of the promoter: read models fed by
registro's events) and save. The domain never sees the database; the read models never decide alone: an act is
always re-checked against the aggregate loaded from the event log.
"""

from __future__ import annotations

import time
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from sqlalchemy import Engine

from services.tramite import consultas
from services.tramite.documentos import ComandosDocumentales
from services.tramite.domain.expediente import Expediente
from services.tramite.numerador import Numerador, sigla_de
from shared.almacen.aplicacion import AplicacionCTI
from shared.errores import ConflictoVersion, DatosInvalidos, NoEncontrado, SinDerecho
from shared.eventos.sobre import acto, contexto_actual
from shared.programador import hoy_en_lima

NO_REGISTRADA = "no_registrada"
"""Kind given to an acting office registro has not announced: every permission check then refuses it (403)."""
REINTENTOS_NUMERO = 5


def _dia(valor: Any) -> date:
    return valor if isinstance(valor, date) else date.fromisoformat(str(valor)[:10])


class AplicacionTramite(ComandosDocumentales, AplicacionCTI):
    name = "tramite"
    componentes: Any = None

    def conectar_lecturas(self, componentes: Any) -> None:
        """Give the application the service's components: its read models' engine and (once started) the projector.

        Read at call time, because the projector is created after the application during start-up."""
        self.componentes = componentes

    @property
    def motor(self) -> Engine:
        return self.componentes.motor

    @property
    def proyector(self) -> Any:
        return self.componentes.proyector

    def tipo_oficina(self, codigo: str) -> str | None:
        return consultas.tipo_oficina(self.motor, codigo)

    def expediente(self, numero: str, version: int | None = None) -> Expediente:
        return self.obtener(Expediente.create_id(numero), f"el expediente {numero}", version)

    def resumen_expediente(self, numero: str) -> dict[str, Any] | None:
        """Another file a rule names (``Antecedente``), loaded from the event log, never a read model; None when no
        file has that number (the domain answers 422 naming the field)."""
        try:
            return self.expediente(numero).resumen()
        except NoEncontrado:
            return None

    # ----- commands ------------------------------------------------------------------------------------------

    def abrir_expediente(self, *, procedimiento: str, promotor: str, oficina_apertura: str, presentado_el: date,
                         datos: dict[str, Any] | None = None, documentos: list[dict[str, Any]] | None = None,
                         regimen_promotor: str | None = None, version_procedimiento: int | None = None) -> dict:
        actor = contexto_actual().actor
        tipo_apertura = self.tipo_oficina(oficina_apertura)
        if tipo_apertura is None:
            raise DatosInvalidos(f"La oficina {oficina_apertura} no esta registrada o esta cerrada.",
                                 [{"campo": "oficina_apertura", "mensaje": "oficina vigente de los datos maestros"}])
        tipo_actor = self.tipo_oficina(actor.oficina) or NO_REGISTRADA
        if tipo_actor == "promotor" and promotor != actor.oficina:
            raise SinDerecho(f"{actor.oficina} solo puede presentar expedientes propios, no de {promotor}.",
                             derecho_requerido=f"ser el promotor {promotor}")
        if presentado_el > hoy_en_lima():
            raise DatosInvalidos("La fecha de presentacion no puede ser futura.",
                                 [{"campo": "presentado_el", "mensaje": "<= hoy (Lima)"}])
        for _ in range(REINTENTOS_NUMERO):
            numerador = self._numerador(presentado_el.year, sigla_de(oficina_apertura))
            numero = numerador.siguiente()
            with acto(correlacion=numero):
                numerador.asignar()
                exp = Expediente.abrir(
                    procedimiento=procedimiento, numero=numero, promotor=promotor, oficina_apertura=oficina_apertura,
                    tipo_oficina_apertura=tipo_apertura, presentado_el=presentado_el, actor=actor,
                    actor_tipo_oficina=tipo_actor, datos=datos, documentos=documentos,
                    regimen_promotor=regimen_promotor, version=version_procedimiento,
                    consultar_expediente=self.resumen_expediente)
            try:
                self.guardar(numerador, exp)  # one atomic save: the number exists exactly when its file does
                return self._vista(exp, actor, tipo_actor)
            except ConflictoVersion:
                continue  # another writer took this number first: read the counter again
        raise ConflictoVersion(version_actual=numerador.version)

    def _numerador(self, anio: int, sigla: str) -> Numerador:
        id_ = Numerador.create_id(anio, sigla)
        return self.repository.get(id_) if self.existe(id_) else Numerador(anio=anio, sigla=sigla)

    def ejecutar_accion(self, numero: str, accion: str, version_esperada: int | None, *, fecha: date | None = None,
                        datos: dict[str, Any] | None = None, documentos: list[dict[str, Any]] | None = None,
                        fecha_cargo: date | None = None, documento_emitido: dict[str, Any] | None = None) -> dict:
        """``documento_emitido`` (nombre, contenido, numero, fecha, tipo?): the document the act produces, filed in
        the DMS under the file number once the act is known to be lawful (``ComandosDocumentales``)."""
        actor = contexto_actual().actor
        exp = self.expediente(numero)
        hoy = fecha or hoy_en_lima()
        self._exigir_fecha(exp, hoy)
        resolver = lru_cache(maxsize=None)(self.tipo_oficina)
        tipo_actor = resolver(actor.oficina) or NO_REGISTRADA
        argumentos: dict[str, Any] = dict(
            actor=actor, actor_tipo_oficina=tipo_actor, hoy=hoy, datos=datos, fecha_cargo=fecha_cargo,
            version_esperada=version_esperada, resolver_tipo=resolver,
            inscrito_vigente=lambda p: consultas.inscrito_vigente(self.motor, p, exp.regimen_promotor, hoy),
            consultar_expediente=self.resumen_expediente)
        docs = list(documentos or [])
        if documento_emitido:
            docs.append(self.emitir_para_acto(exp, accion, documento_emitido, docs, argumentos))
        exp.ejecutar(accion, documentos=docs, **argumentos)
        self.guardar(exp)
        return self._vista(exp, actor, tipo_actor)

    @staticmethod
    def _vista(exp: Expediente, actor: Any, tipo_actor: str) -> dict[str, Any]:
        """The new state with what the same caller may do next (saves reloading the file to answer)."""
        return {**exp.a_dict(), "acciones_disponibles": exp.acciones_disponibles(actor, tipo_actor)}

    @staticmethod
    def _exigir_fecha(exp: Expediente, hoy: date) -> None:
        """An act happens today or is recorded late with its own date, never before the file reached its holder."""
        ultimo = exp.tramos[-1]
        recibido = _dia(ultimo.get("fecha_cargo") or ultimo["fecha"])
        if hoy > hoy_en_lima() or hoy < recibido:
            raise DatosInvalidos(
                f"La fecha del acto debe estar entre {recibido.isoformat()} (recepcion del ultimo tramo) y hoy.",
                [{"campo": "fecha", "mensaje": f">= {recibido.isoformat()} y <= {hoy_en_lima().isoformat()}"}])

    def vencer_plazos(self, hoy: date) -> int:
        """Record the legal effect of every deadline due by ``hoy``; idempotent. Returns the events recorded.

        Each expiry is recorded with the business date it took effect (the day after the last day of the term), in
        due-date order, so ``a_la_fecha`` shows a silence from the day it operated even if the scheduler ran later.
        """
        self._alcanzar_lecturas()
        total = 0
        for numero in consultas.con_plazos_cumplidos(self.motor, hoy):
            exp = self.expediente(numero)
            vencen = sorted({_dia(p["vence_el"]) for p in exp.plazos_abiertos() if _dia(p["vence_el"]) < hoy})
            for ultimo_dia in vencen:
                efecto = ultimo_dia + timedelta(days=1)
                with acto(correlacion=numero, fecha_negocio=efecto.isoformat()):
                    total += len(exp.vencer_plazos(efecto))
            try:
                self.guardar(exp)
            except ConflictoVersion:
                continue  # an act got there first; the next run judges the new state
        return total

    def _alcanzar_lecturas(self, segundos: float = 5) -> None:
        """Let the deadline read model include every committed act before it is queried (it is updated async)."""
        if self.proyector is None:
            return
        objetivo, limite = self.ultima_notificacion(), time.monotonic() + segundos
        while self.proyector.posicion < objetivo and time.monotonic() < limite:
            time.sleep(0.01)  # the projector was woken by the last commit; it polls on its own thread
