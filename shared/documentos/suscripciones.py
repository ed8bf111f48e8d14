"""Outbound notifications: systems subscribe (URL, secret, NATS subject filter) and get signed JSON POSTs.

Why one durable pull consumer per subscription, one message in flight: each subscriber has its own position in
the service's stream, so a subscriber that is down delays only itself, and its notifications arrive in stream
order (a message is retried in place with exponential backoff, never overtaken). After ``max_intentos`` failed
attempts (or at once on a permanent 4xx) the notification goes to the dead-letter list and delivery moves on; an
operator re-drives it with ``reenviar``. Every attempt is logged. A message is acked only after it is logged as
delivered or dead, and logged ones are skipped on redelivery; the receiver may still see a POST twice if we crash
between its 2xx and our log write, so it should dedupe on ``X-CTI-Evento-Id`` (the relay's ``Nats-Msg-Id``).
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
from dataclasses import dataclass

import httpx
from nats.errors import TimeoutError as NatsTimeout
from nats.js.api import AckPolicy, ConsumerConfig, DeliverPolicy

from shared.documentos.tablas import RegistroEntregas
from shared.documentos.webhook import cabeceras
from shared.mensajeria.conexion import conectar
from shared.mensajeria.flujos import asegurar_stream_servicio, nombre_stream

log = logging.getLogger("cti.suscripciones")
_ID = re.compile(r"^[A-Za-z0-9_-]{1,60}$")  # goes into the durable consumer's name
_FILTRO = re.compile(r"^[a-z][a-z0-9_]*(\.([A-Za-z0-9_-]+|\*))*(\.>)?$")
_PERMANENTES = {400, 401, 403, 404, 405, 410, 413, 415, 422}


class ErrorEntrega(Exception):
    pass


@dataclass(frozen=True)
class Suscripcion:
    """``filtro`` is a NATS subject pattern whose first token is the service: ``tramite.expediente.>``."""

    id: str
    url: str
    secreto: str
    filtro: str
    desde_inicio: bool = False  # deliver the stream's history too, not only what is published from now on

    def __post_init__(self) -> None:
        if not _ID.match(self.id):
            raise ValueError("id de suscripcion: [A-Za-z0-9_-], hasta 60")
        if not re.match(r"^https?://[^\s]+$", self.url):
            raise ValueError("url http(s) requerida")
        if not _FILTRO.match(self.filtro):
            raise ValueError("filtro: sujeto NATS <servicio>.<...> con * o > al final")
        if len(self.secreto) < 16:
            raise ValueError("secreto de al menos 16 caracteres")


async def enviar(cliente: httpx.AsyncClient, url: str, secreto: str, evento_id: str, cuerpo: bytes) -> int:
    """One signed POST; returns the HTTP status (raises httpx errors when the receiver is unreachable)."""
    cab = {"Content-Type": "application/json", **cabeceras(secreto, evento_id, cuerpo, int(time.time()))}
    return (await cliente.post(url, content=cuerpo, headers=cab)).status_code


class Entregador:
    def __init__(self, suscripcion: Suscripcion, nats_url: str, registro: RegistroEntregas, max_intentos: int = 8,
                 espera_base: float = 0.5, espera_max: float = 60.0, timeout_http: float = 10.0,
                 trust_env: bool = True) -> None:
        self.s, self.nats_url, self.registro = suscripcion, nats_url, registro
        self.max_intentos, self.espera_base, self.espera_max = max_intentos, espera_base, espera_max
        self.timeout_http, self.trust_env = timeout_http, trust_env
        self.listo = asyncio.Event()  # set once the durable consumer exists

    async def correr(self, parar: asyncio.Event) -> None:
        nc = await conectar(self.nats_url, f"entrega-{self.s.id}", parar)
        if nc is None:
            return
        servicio = self.s.filtro.split(".")[0]
        config = ConsumerConfig(durable_name=f"entrega-{self.s.id}", ack_policy=AckPolicy.EXPLICIT,
                                deliver_policy=DeliverPolicy.ALL if self.s.desde_inicio else DeliverPolicy.NEW,
                                ack_wait=120, max_ack_pending=1, filter_subject=self.s.filtro)
        try:
            js = nc.jetstream(timeout=5)
            await asegurar_stream_servicio(js, servicio)
            sub = await js.pull_subscribe(self.s.filtro, durable=config.durable_name,
                                          stream=nombre_stream(servicio), config=config)
            self.listo.set()
            async with httpx.AsyncClient(timeout=self.timeout_http, trust_env=self.trust_env) as cliente:
                while not parar.is_set():
                    try:
                        for msg in await sub.fetch(1, timeout=0.5):
                            await self._entregar(cliente, msg, parar)
                    except (NatsTimeout, TimeoutError):
                        continue
                    except Exception as e:  # NATS or the database hiccuping: unacked, so redelivered later
                        log.warning("suscripcion %s: entrega interrumpida (%r)", self.s.id, e)
                        await asyncio.sleep(0.5)
        finally:
            await nc.close()

    async def _entregar(self, cliente: httpx.AsyncClient, msg, parar: asyncio.Event) -> None:
        evento_id = (msg.headers or {}).get("Nats-Msg-Id") or f"{msg.metadata.stream}:{msg.metadata.sequence.stream}"
        if await asyncio.to_thread(self.registro.resuelto, self.s.id, evento_id):
            await msg.ack()
            return
        intento = 0
        while not parar.is_set():
            intento += 1
            status, error = None, ""
            try:
                status = await enviar(cliente, self.s.url, self.s.secreto, evento_id, msg.data)
            except httpx.HTTPError as e:
                error = repr(e)
            ok = status is not None and 200 <= status < 300
            await asyncio.to_thread(self.registro.anotar, self.s.id, evento_id, msg.subject, intento,
                                    "entregado" if ok else "fallido", status, error or None)
            if ok:
                await msg.ack()
                return
            if intento >= self.max_intentos or status in _PERMANENTES:
                log.error("suscripcion %s: %s al dead-letter tras %s intentos (%s)", self.s.id, evento_id,
                          intento, status or error)
                await asyncio.to_thread(self.registro.a_cartas, self.s.id, evento_id, msg.subject,
                                        msg.data.decode("utf-8", "replace"), error or f"HTTP {status}")
                await msg.ack()
                return
            await msg.in_progress()
            espera = min(self.espera_max, self.espera_base * 2 ** (intento - 1))
            try:
                await asyncio.wait_for(parar.wait(), timeout=espera)
            except TimeoutError:
                pass
        # stopping mid-retry: no ack, so NATS redelivers this same message first on the next run


async def reenviar(registro: RegistroEntregas, carta_id: int, cliente: httpx.AsyncClient | None = None,
                   trust_env: bool = True) -> dict:
    """Re-drive a dead letter to its subscription's current URL and secret; on a 2xx it is marked ``reenviada``."""
    carta = next((c for c in registro.cartas() if c["id"] == carta_id), None)
    if carta is None or carta["estado"] != "pendiente":
        raise ErrorEntrega(f"no hay carta pendiente {carta_id}")
    s = next((s for s in registro.suscripciones(False) if s["id"] == carta["suscripcion"]), None)
    if s is None:
        raise ErrorEntrega(f"la suscripcion {carta['suscripcion']} ya no existe")
    propio = cliente is None
    cliente = cliente or httpx.AsyncClient(timeout=10, trust_env=trust_env)
    try:
        status = await enviar(cliente, s["url"], s["secreto"], carta["evento_id"], carta["cuerpo"].encode())
    except httpx.HTTPError as e:
        raise ErrorEntrega(f"el receptor no responde: {e!r}") from e
    finally:
        if propio:
            await cliente.aclose()
    ok = 200 <= status < 300
    registro.anotar(s["id"], carta["evento_id"], carta["sujeto"], 0, "reenviado" if ok else "fallido", status)
    if not ok:
        raise ErrorEntrega(f"el receptor respondio HTTP {status}")
    registro.marcar_reenviada(carta_id)
    return {**carta, "estado": "reenviada"}


def desde_fila(fila: dict) -> Suscripcion:
    return Suscripcion(id=fila["id"], url=fila["url"], secreto=fila["secreto"], filtro=fila["filtro"])
