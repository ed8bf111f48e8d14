"""The gateway's copy of every service's signed checkpoints, fed from NATS (``checkpoints.<servicio>``).

This copy lives outside the services' databases: someone who rewrites a service's log and its own checkpoint table
still cannot change what the gateway received before, and every bundle and online verification includes it.
A checkpoint with a bad signature is refused (and ends in the dead-letter table after the usual retries).
"""

from __future__ import annotations

import asyncio
from typing import Any

from sqlalchemy import Engine

from shared.auditoria import tablas
from shared.auditoria.checkpoint import firma_valida
from shared.auditoria.tarea import ORIGEN
from shared.configuracion import Configuracion
from shared.mensajeria.consumidor import Consumidor


def guardar_recibido(motor: Engine, mensaje: dict[str, Any]) -> bool:
    if not firma_valida(mensaje, mensaje.get("clave_publica") or ""):
        raise ValueError(f"checkpoint de {mensaje.get('servicio')} en {mensaje.get('posicion')} con firma invalida")
    with motor.begin() as c:
        return tablas.guardar(c, mensaje, mensaje["clave_publica"])


def recibidos(motor: Engine, servicio: str) -> list[dict[str, Any]]:
    with motor.connect() as c:
        return tablas.listar(c, servicio)


def consumidor(config: Configuracion, motor: Engine) -> Consumidor:
    async def manejar(mensaje: dict[str, Any]) -> None:
        await asyncio.to_thread(guardar_recibido, motor, mensaje)

    return Consumidor("gateway-checkpoints", ORIGEN, manejar, config.nats_url, motor,
                      max_entregas=config.max_entregas)
