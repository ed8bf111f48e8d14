"""A NATS connection that keeps trying: services must start and keep committing while the broker is down."""

from __future__ import annotations

import asyncio
import logging

import nats
from nats.aio.client import Client

log = logging.getLogger("cti.nats")


async def conectar(url: str, nombre: str, parar: asyncio.Event | None = None) -> Client | None:
    """Connect, retrying with backoff until connected or ``parar`` is set (then returns None)."""
    espera = 0.2
    while parar is None or not parar.is_set():
        try:
            return await nats.connect(
                url,
                name=nombre,
                allow_reconnect=True,
                max_reconnect_attempts=-1,
                reconnect_time_wait=0.5,
                connect_timeout=2,
            )
        except Exception as e:  # broker unreachable: keep trying, never crash the service
            log.warning("nats no disponible (%s); reintento en %.1fs", e, espera)
            await asyncio.sleep(espera)
            espera = min(espera * 2, 5.0)
    return None
