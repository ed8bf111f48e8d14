"""Tracked projections: apply an event to read-model rows and record that it was applied, in one transaction.

The tracking row (origin stream, notification id) is the idempotency key: a redelivered message finds its row and
changes nothing. Events a projection ignores still get their tracking row, so rebuilds and lag figures stay exact.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy import Connection, Engine, insert, select

from shared.lecturas.tablas import seguimiento

Aplicador = Callable[[Connection, Mapping[str, Any]], None]


def aplicar_una_vez(motor: Engine, origen: str, notificacion_id: int, aplicar: Callable[[Connection], None]) -> bool:
    """Run ``aplicar`` and record tracking atomically; returns False when the message was already applied."""
    with motor.begin() as conexion:
        ya = conexion.execute(
            select(seguimiento.c.notificacion_id).where(
                seguimiento.c.origen == origen, seguimiento.c.notificacion_id == notificacion_id
            )
        ).first()
        if ya:
            return False
        aplicar(conexion)
        conexion.execute(insert(seguimiento).values(origen=origen, notificacion_id=notificacion_id))
        return True


def pendientes(conexion: Connection, claves: list[tuple[str, int]]) -> set[tuple[str, int]]:
    """Which (origin, notification id) pairs have no tracking row yet (a batch's idempotency check, one query per
    origin; duplicates inside the batch count once)."""
    faltan: set[tuple[str, int]] = set(claves)
    for origen in {o for o, _ in claves}:
        ids = [n for o, n in faltan if o == origen]
        hechos = conexion.execute(select(seguimiento.c.notificacion_id).where(
            seguimiento.c.origen == origen, seguimiento.c.notificacion_id.in_(ids))).scalars()
        faltan -= {(origen, int(n)) for n in hechos}
    return faltan


def ultima_aplicada(motor: Engine, origen: str) -> int:
    from sqlalchemy import func

    with motor.connect() as conexion:
        valor = conexion.execute(
            select(func.max(seguimiento.c.notificacion_id)).where(seguimiento.c.origen == origen)
        ).scalar()
    return int(valor or 0)
