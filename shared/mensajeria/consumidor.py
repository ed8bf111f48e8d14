"""Durable pull consumers with bounded redelivery and a dead-letter subject.

A handler gets the public event (a dict) and must be idempotent by (origin service, notification id): projections
use ``aplicar_una_vez`` and event-producing reactions record an eventsourcing tracking row with their new events, so
a redelivered message never doubles an effect. The message is acked only after the handler's commit. A handler that
keeps failing is retried with backoff up to ``max_entregas`` deliveries; then the message is published to
``dlq.<consumer>``, stored in the ``cartas_muertas`` table (where an operator can re-drive it) and terminated, so it
never blocks the messages behind it.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

from nats.errors import TimeoutError as NatsTimeout
from nats.js.api import AckPolicy, ConsumerConfig, DeliverPolicy
from prometheus_client import Counter
from sqlalchemy import Engine, insert

from shared.errores import es_base_caida
from shared.lecturas.tablas import cartas_muertas
from shared.mensajeria.conexion import conectar
from shared.mensajeria.flujos import asegurar_stream_dlq, asegurar_stream_servicio, nombre_stream

log = logging.getLogger("cti.consumidor")

Manejador = Callable[[dict[str, Any]], Awaitable[None]]
ManejadorLote = Callable[[list[dict[str, Any]]], Awaitable[None]]

PROCESADOS = Counter("cti_consumidor_procesados_total", "Mensajes procesados", ["consumidor"])
FALLIDOS = Counter("cti_consumidor_fallos_total", "Intentos fallidos de procesar un mensaje", ["consumidor"])
MUERTOS = Counter("cti_cartas_muertas_total", "Mensajes enviados al dead-letter", ["consumidor"])


class Consumidor:
    def __init__(
        self,
        nombre: str,
        servicio_origen: str,
        manejador: Manejador,
        nats_url: str,
        motor: Engine,
        filtro: str | None = None,
        max_entregas: int = 5,
        espera_base: float = 0.2,
        manejador_lote: ManejadorLote | None = None,
    ) -> None:
        """``manejador_lote``: optional, applies a whole fetched batch in one transaction (same idempotency as
        ``manejador``). Any failure of a batch sends its messages through the one-by-one path, which owns retries,
        backoff and dead letters, so a bad message still only costs itself."""
        self.manejador_lote = manejador_lote
        self.nombre = nombre
        self.servicio_origen = servicio_origen
        self.manejador = manejador
        self.nats_url = nats_url
        self.motor = motor
        self.filtro = filtro or f"{servicio_origen}.>"
        self.max_entregas = max_entregas
        self.espera_base = espera_base
        self.conectado = asyncio.Event()
        self._nc = None

    async def correr(self, parar: asyncio.Event) -> None:
        nc = await conectar(self.nats_url, f"consumidor-{self.nombre}", parar)
        if nc is None:
            return
        self._nc = nc
        js = nc.jetstream(timeout=5)
        try:
            suscripcion = await self._suscribir(js, parar)
            while suscripcion is not None and not parar.is_set():
                try:
                    mensajes = await suscripcion.fetch(100, timeout=0.5)
                except (NatsTimeout, TimeoutError):
                    continue
                except Exception as e:  # broker restarting: wait and fetch again
                    log.warning("consumidor %s: fetch fallo (%s)", self.nombre, e)
                    await asyncio.sleep(0.5)
                    continue
                if await self._procesar_lote(mensajes):
                    continue
                for msg in mensajes:
                    try:
                        await self._procesar(js, msg, parar)
                    except Exception as e:  # e.g. the dead letter could not be stored: JetStream redelivers it
                        log.error("consumidor %s: %s sin procesar (%s)", self.nombre, msg.subject, e)
        finally:
            await nc.close()

    async def retraso(self) -> dict[str, Any]:
        """How far behind its stream this consumer is (messages not yet acknowledged)."""
        if self._nc is None or not self._nc.is_connected:
            return {"consumidor": self.nombre, "stream": nombre_stream(self.servicio_origen), "conectado": False,
                    "pendientes": None}
        info = await self._nc.jetstream().consumer_info(nombre_stream(self.servicio_origen), self.nombre)
        return {"consumidor": self.nombre, "stream": nombre_stream(self.servicio_origen), "conectado": True,
                "pendientes": info.num_pending + info.num_ack_pending,
                "ultima_secuencia_stream": info.delivered.stream_seq if info.delivered else 0}

    async def _suscribir(self, js, parar: asyncio.Event):  # type: ignore[no-untyped-def]
        config = ConsumerConfig(
            durable_name=self.nombre,
            ack_policy=AckPolicy.EXPLICIT,
            deliver_policy=DeliverPolicy.ALL,
            max_deliver=self.max_entregas + 1,  # one spare delivery so the last failure can be dead-lettered
            ack_wait=30,
            max_ack_pending=1000,
            filter_subject=self.filtro,
        )
        while not parar.is_set():
            try:
                await asegurar_stream_servicio(js, self.servicio_origen)
                await asegurar_stream_dlq(js)
                sub = await js.pull_subscribe(
                    self.filtro, durable=self.nombre, stream=nombre_stream(self.servicio_origen), config=config
                )
                self.conectado.set()
                return sub
            except Exception as e:
                log.warning("consumidor %s: no se pudo suscribir (%s)", self.nombre, e)
                await asyncio.sleep(0.5)
        return None

    async def _procesar_lote(self, mensajes: list[Any]) -> bool:
        """True when the whole batch was applied and acked; False leaves every message to ``_procesar``."""
        if self.manejador_lote is None or len(mensajes) < 2:
            return False
        try:
            eventos = [json.loads(m.data) for m in mensajes]
            await self.manejador_lote(eventos)
        except Exception as e:  # noqa: BLE001 - judged again message by message
            log.info("consumidor %s: lote de %s uno por uno (%s)", self.nombre, len(mensajes), e)
            return False
        for m in mensajes:
            await m.ack()
        PROCESADOS.labels(self.nombre).inc(len(mensajes))
        return True

    async def _procesar(self, js, msg, parar: asyncio.Event) -> None:  # type: ignore[no-untyped-def]
        intentos = msg.metadata.num_delivered
        try:
            evento = json.loads(msg.data)
            await self._manejar_esperando_base(evento, msg, parar)
        except Exception as e:
            FALLIDOS.labels(self.nombre).inc()
            if intentos >= self.max_entregas:
                await self._a_cartas_muertas(js, msg, e)
                return
            log.warning("consumidor %s: intento %s fallo (%s)", self.nombre, intentos, e)
            await msg.nak(delay=self.espera_base * (2 ** (intentos - 1)))
            return
        PROCESADOS.labels(self.nombre).inc()
        await msg.ack()

    async def _manejar_esperando_base(self, evento: dict[str, Any], msg, parar: asyncio.Event) -> None:  # type: ignore[no-untyped-def]
        """A database that is down is not the message's fault: wait and retry in place (keeping the order and
        extending the ack deadline) instead of spending deliveries that would dead-letter a good message."""
        espera = self.espera_base
        while True:
            try:
                await self.manejador(evento)
                return
            except Exception as e:
                if not es_base_caida(e) or parar.is_set():
                    raise
                log.warning("consumidor %s: base no disponible; reintento en %.1fs", self.nombre, espera)
            await asyncio.sleep(espera)
            espera = min(espera * 2, 5.0)
            with contextlib.suppress(Exception):
                await msg.in_progress()

    async def _a_cartas_muertas(self, js, msg, error: Exception) -> None:  # type: ignore[no-untyped-def]
        log.error("consumidor %s: %s va al dead-letter tras %s intentos: %s",
                  self.nombre, msg.subject, msg.metadata.num_delivered, error)
        try:
            datos = json.loads(msg.data)
            origen, notificacion = datos.get("servicio", "?"), int(datos.get("notificacion_id", 0))
        except Exception:
            origen, notificacion = "?", 0
        cabeceras = {"Cti-Error": str(error)[:500], "Cti-Sujeto-Original": msg.subject,
                     "Nats-Msg-Id": f"dlq:{self.nombre}:{msg.metadata.sequence.stream}"}
        await js.publish(f"dlq.{self.nombre}", msg.data, headers=cabeceras)
        fila = dict(consumidor=self.nombre, sujeto=msg.subject, origen=origen, notificacion_id=notificacion,
                    mensaje=msg.data.decode("utf-8", "replace"), error=str(error)[:2000], estado="pendiente",
                    creado=datetime.now(UTC))
        await asyncio.to_thread(self._guardar_carta, fila)
        MUERTOS.labels(self.nombre).inc()
        await msg.term()

    def _guardar_carta(self, fila: dict[str, Any]) -> None:
        with self.motor.begin() as c:
            c.execute(insert(cartas_muertas).values(**fila))
