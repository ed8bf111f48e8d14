"""The outbox relay: publishes every committed event, in notification order, to the service's JetStream stream.

No dual writes (architecture principle 4): commands only commit to the event store; this relay reads the committed
notification log from its durable position and publishes each event with ``Nats-Msg-Id = <service>:<notification
id>``. It records its position after each batch, so a crash re-publishes at most the last batch, which JetStream
drops as duplicates (and consumers drop by their tracking rows anyway). While NATS is down it waits and retries from
the same position: nothing is skipped, nothing is reordered (publishes are awaited one by one, in order).
"""

from __future__ import annotations

import asyncio
import json
import logging

from prometheus_client import Counter, Gauge
from sqlalchemy import Engine, select, update
from sqlalchemy.dialects import postgresql, sqlite

from shared.almacen.aplicacion import AplicacionCTI
from shared.almacen import crudo
from shared.almacen.publico import sujeto
from shared.lecturas.tablas import relay_posicion
from shared.mensajeria.conexion import conectar
from shared.mensajeria.flujos import asegurar_stream_servicio, id_mensaje

log = logging.getLogger("cti.relay")

PUBLICADOS = Counter("cti_relay_publicados_total", "Eventos publicados por el relay", ["servicio"])
DUPLICADOS = Counter("cti_relay_duplicados_total", "Publicaciones que JetStream reconocio como duplicadas", ["servicio"])
POSICION = Gauge("cti_relay_posicion", "Ultima notificacion publicada y registrada", ["servicio"])
PENDIENTES = Gauge("cti_relay_pendientes", "Notificaciones confirmadas aun no publicadas", ["servicio"])


class PosicionRelay:
    """The relay's durable position, in the service's own database."""

    def __init__(self, motor: Engine, servicio: str) -> None:
        self.motor = motor
        self.servicio = servicio

    def leer(self) -> int:
        with self.motor.connect() as c:
            fila = c.execute(select(relay_posicion.c.ultima_notificacion).where(
                relay_posicion.c.servicio == self.servicio)).first()
        return int(fila[0]) if fila else 0

    def guardar(self, posicion: int) -> None:
        dialecto = postgresql if self.motor.dialect.name == "postgresql" else sqlite
        with self.motor.begin() as c:
            sentencia = dialecto.insert(relay_posicion).values(servicio=self.servicio, ultima_notificacion=posicion)
            c.execute(sentencia.on_conflict_do_nothing(index_elements=["servicio"]))
            c.execute(update(relay_posicion).where(relay_posicion.c.servicio == self.servicio)
                      .values(ultima_notificacion=posicion))


class Relay:
    def __init__(self, servicio: str, app: AplicacionCTI, motor: Engine, nats_url: str, lote: int = 500) -> None:
        self.servicio = servicio
        self.app = app
        self.posicion = PosicionRelay(motor, servicio)
        self.nats_url = nats_url
        self.lote = lote
        self._despertar = asyncio.Event()
        self.publicados = 0
        self._nc = None

    @property
    def conectado(self) -> bool:
        return self._nc is not None and self._nc.is_connected

    def despertar(self) -> None:
        """Called after each local commit so new events go out at once instead of at the next poll."""
        self._despertar.set()

    async def correr(self, parar: asyncio.Event) -> None:
        nc = await conectar(self.nats_url, f"relay-{self.servicio}", parar)
        if nc is None:
            return
        self._nc = nc
        js = nc.jetstream(timeout=3)
        posicion = await asyncio.to_thread(self.posicion.leer)
        espera = 0.2
        try:
            while not parar.is_set():
                try:
                    await asegurar_stream_servicio(js, self.servicio)
                    posicion = await self._publicar_pendientes(js, posicion, parar)
                    espera = 0.2
                except Exception as e:  # NATS down or timing out: keep the position, retry later
                    log.warning("relay %s: publicacion interrumpida en %s (%s)", self.servicio, posicion, e)
                    await asyncio.sleep(espera)
                    espera = min(espera * 2, 3.0)
                    continue
                self._despertar.clear()
                try:
                    await asyncio.wait_for(self._despertar.wait(), timeout=0.25)
                except TimeoutError:
                    pass
        finally:
            await nc.close()

    async def _publicar_pendientes(self, js, posicion: int, parar: asyncio.Event) -> int:  # type: ignore[no-untyped-def]
        while not parar.is_set():
            lote = await asyncio.to_thread(self.app.notificaciones, posicion + 1, self.lote)
            if not lote:
                PENDIENTES.labels(self.servicio).set(0)
                return posicion
            try:
                for n in lote:
                    mensaje = crudo.mensaje(self.servicio, self.app.mapper, n)  # no domain objects: ~6x cheaper
                    cabeceras = {
                        "Nats-Msg-Id": id_mensaje(self.servicio, n.id),
                        "Cti-Correlacion": str(mensaje["sobre"].get("correlacion") or ""),
                        "Cti-Causacion": str(mensaje["sobre"].get("causacion") or ""),
                    }
                    ack = await js.publish(sujeto(mensaje), json.dumps(mensaje).encode(), headers=cabeceras)
                    if ack.duplicate:
                        DUPLICADOS.labels(self.servicio).inc()
                    posicion = n.id
                    self.publicados += 1
                    PUBLICADOS.labels(self.servicio).inc()
            finally:
                await asyncio.to_thread(self.posicion.guardar, posicion)
                POSICION.labels(self.servicio).set(posicion)
        return posicion
