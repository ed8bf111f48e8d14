"""The ``checkpoints`` table: each service keeps the checkpoints it signed, the gateway those it received from NATS.

The primary key includes ``raiz``: a second, different checkpoint for the same position (what a service whose log
and checkpoint table were rewritten would emit) is kept next to the first instead of replacing it, so the conflict
stays visible to every later verification.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import BigInteger, Column, Connection, MetaData, String, Table, Text, select

metadata = MetaData()

checkpoints = Table(
    "checkpoints",
    metadata,
    Column("servicio", String(20), primary_key=True),
    Column("posicion", BigInteger, primary_key=True),
    Column("raiz", String(64), primary_key=True),
    Column("cantidad", BigInteger, nullable=False),
    Column("emitido_en", String(40), nullable=False),
    Column("clave_id", String(16), nullable=False),
    Column("firma", Text, nullable=False),
    Column("clave_publica", Text, nullable=False),
)


def crear_tabla_checkpoints(op) -> None:  # type: ignore[no-untyped-def]
    """Called from the checkpoint migration of every service and of the gateway."""
    op.create_table(checkpoints.name, *[c._copy() for c in checkpoints.columns])


def guardar(conexion: Connection, cp: dict[str, Any], clave_publica: str) -> bool:
    """Insert a signed checkpoint unless the very same one is already there; never overwrites another."""
    fila = {k: cp[k] for k in ("servicio", "posicion", "raiz", "cantidad", "emitido_en", "clave_id", "firma")}
    ya = conexion.execute(select(checkpoints.c.posicion).where(
        checkpoints.c.servicio == fila["servicio"], checkpoints.c.posicion == fila["posicion"],
        checkpoints.c.raiz == fila["raiz"])).first()
    if ya:
        return False
    conexion.execute(checkpoints.insert().values(**fila, clave_publica=clave_publica))
    return True


def listar(conexion: Connection, servicio: str) -> list[dict[str, Any]]:
    """Every kept checkpoint of ``servicio``, oldest position first, with its public key."""
    consulta = select(checkpoints).where(checkpoints.c.servicio == servicio).order_by(
        checkpoints.c.posicion, checkpoints.c.emitido_en)
    return [dict(f._mapping) for f in conexion.execute(consulta)]
