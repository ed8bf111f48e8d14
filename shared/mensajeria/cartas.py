"""Dead letters an operator can list and re-drive once the cause is fixed."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Engine, select, update

from shared.errores import NoEncontrado, TransicionIlegal
from shared.lecturas.tablas import cartas_muertas
from shared.mensajeria.consumidor import Manejador


def listar(motor: Engine, consumidor: str | None = None) -> list[dict[str, Any]]:
    consulta = select(cartas_muertas).order_by(cartas_muertas.c.id)
    if consumidor:
        consulta = consulta.where(cartas_muertas.c.consumidor == consumidor)
    with motor.connect() as c:
        return [dict(f._mapping) for f in c.execute(consulta)]


async def reprocesar(motor: Engine, carta_id: int, manejadores: dict[str, Manejador]) -> dict[str, Any]:
    """Run the dead message through its consumer's handler again; on success it is marked ``reprocesada``."""
    with motor.connect() as c:
        fila = c.execute(select(cartas_muertas).where(cartas_muertas.c.id == carta_id)).first()
    if fila is None:
        raise NoEncontrado(f"No existe la carta muerta {carta_id}.")
    carta = dict(fila._mapping)
    if carta["estado"] != "pendiente":
        raise TransicionIlegal("reprocesar", carta["estado"], [])
    await manejadores[carta["consumidor"]](json.loads(carta["mensaje"]))
    with motor.begin() as c:
        c.execute(update(cartas_muertas).where(cartas_muertas.c.id == carta_id).values(estado="reprocesada"))
    carta["estado"] = "reprocesada"
    return carta
