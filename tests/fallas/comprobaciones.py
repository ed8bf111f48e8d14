"""What the fault tests compare: a service's store (read straight from its database), what each consumer applied
(its tracking rows and read models), what JetStream holds, and what the clients were told.

The store is read with the service's own eventsourcing application over its database, not through its API, so the
check does not depend on the process under test being up or honest.
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

import nats
from sqlalchemy import select, text

from services.gateway.lecturas import eventos as historia
from shared.almacen.aplicacion import AplicacionCTI
from shared.auditoria.log_servicio import recorrer
from shared.lecturas.tablas import seguimiento
from tests.fallas.suite import Suite

ORIGEN_TRAMITE = "registro>tramite"  # services/tramite/consumidores.py


def aplicacion(suite: Suite, servicio: str) -> AplicacionCTI:
    clase = type(f"Lectura{servicio}", (AplicacionCTI,), {"name": servicio})
    return clase(suite.bases[servicio])


def eventos_almacen(suite: Suite, servicio: str) -> list[dict[str, Any]]:
    """Every committed event of ``servicio``, in notification order, as public dicts."""
    app = aplicacion(suite, servicio)
    try:
        return list(recorrer(app, servicio))
    finally:
        app.close()


def historia_gateway(suite: Suite, servicio: str) -> list[int]:
    """Notification ids of ``servicio`` in the gateway's history table (one row per applied event)."""
    with suite.motor("gateway").connect() as c:
        return [int(n) for (n,) in c.execute(select(historia.c.notificacion_id).where(historia.c.servicio == servicio))]


def seguidos(suite: Suite, base: str, origen: str) -> list[int]:
    """Tracking rows of one consumer: each message it applied (the idempotency key of its read models)."""
    with suite.motor(base).connect() as c:
        return [int(n) for (n,) in c.execute(select(seguimiento.c.notificacion_id).where(seguimiento.c.origen == origen))]


def consumidores_de_registro(suite: Suite) -> dict[str, list[int]]:
    """Every consumer of registro's stream in the suite, with what it applied."""
    return {"gateway (historial)": historia_gateway(suite, "registro"),
            "gateway (seguimiento)": seguidos(suite, "gateway", "registro"),
            "tramite (oficinas_conocidas)": seguidos(suite, "tramite", ORIGEN_TRAMITE)}


def duplicados(ids: list[int]) -> int:
    return sum(n - 1 for n in Counter(ids).values() if n > 1)


def versiones_oficinas(suite: Suite, base: str) -> dict[str, int]:
    tabla = "oficinas" if base == "gateway" else "oficinas_conocidas"
    with suite.motor(base).connect() as c:
        return {cod: int(v) for cod, v in c.execute(text(f"SELECT codigo, version FROM {tabla}"))}


async def mensajes_stream(url: str, stream: str) -> int:
    nc = await nats.connect(url)
    try:
        return (await nc.jetstream().stream_info(stream)).state.messages
    finally:
        await nc.close()


def mensajes_stream_sync(url: str, stream: str) -> int:
    return asyncio.run(mensajes_stream(url, stream))


def esperar(condicion: Callable[[], bool], segundos: float, mensaje: str, paso: float = 0.1) -> float:
    """Poll until ``condicion()``; returns the seconds it took. Fails naming what did not happen."""
    inicio = time.monotonic()
    while time.monotonic() - inicio < segundos:
        try:
            if condicion():
                return time.monotonic() - inicio
        except Exception:  # a database or broker still coming back: poll again
            pass
        time.sleep(paso)
    raise AssertionError(f"no se cumplio en {segundos} s: {mensaje}")


def consumidores_al_dia(suite: Suite, total: int) -> Callable[[], bool]:
    def _al_dia() -> bool:
        return all(len(set(ids)) >= total for ids in consumidores_de_registro(suite).values())
    return _al_dia
