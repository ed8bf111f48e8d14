"""Chassis tables every service has: relay position, consumer tracking, idempotency keys, dead letters.

They are created by each service's first Alembic migration (``crear_tablas_chasis``), never by ``create_all``.
"""

from __future__ import annotations

from sqlalchemy import JSON, BigInteger, Column, DateTime, Integer, MetaData, String, Table, Text

metadata = MetaData()

relay_posicion = Table(
    "relay_posicion",
    metadata,
    Column("servicio", String(40), primary_key=True),
    Column("ultima_notificacion", BigInteger, nullable=False),
)

seguimiento = Table(
    "seguimiento",
    metadata,
    Column("origen", String(80), primary_key=True),
    Column("notificacion_id", BigInteger, primary_key=True),
)

idempotencia = Table(
    "idempotencia",
    metadata,
    Column("clave", String(200), primary_key=True),
    Column("huella", String(64), nullable=False),
    Column("status", Integer, nullable=False),
    Column("cuerpo", Text, nullable=False),
    Column("cabeceras", JSON, nullable=False),
    Column("creado", DateTime(timezone=True), nullable=False),
)

cartas_muertas = Table(
    "cartas_muertas",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("consumidor", String(80), nullable=False),
    Column("sujeto", String(200), nullable=False),
    Column("origen", String(80), nullable=False),
    Column("notificacion_id", BigInteger, nullable=False),
    Column("mensaje", Text, nullable=False),
    Column("error", Text, nullable=False),
    Column("estado", String(20), nullable=False),
    Column("creado", DateTime(timezone=True), nullable=False),
)


def crear_tablas_chasis(op) -> None:  # type: ignore[no-untyped-def]
    """Called from each service's initial migration."""
    for tabla in metadata.sorted_tables:
        op.create_table(tabla.name, *[c._copy() for c in tabla.columns])
