"""The gateway's read models, fed from every service's NATS stream: all events (by correlation) and offices.

Because they come from the streams, the gateway answers history questions while a service is down.
"""

from __future__ import annotations

from sqlalchemy import JSON, BigInteger, Column, Date, Index, Integer, MetaData, String, Table, Text

metadata = MetaData()

eventos = Table(
    "eventos",
    metadata,
    Column("servicio", String(20), primary_key=True),
    Column("notificacion_id", BigInteger, primary_key=True),
    Column("correlacion", String(120)),
    Column("ruc", String(11)),
    Column("agregado", String(60), nullable=False),
    Column("agregado_id", String(64), nullable=False),
    Column("version", Integer, nullable=False),
    Column("tipo", String(120), nullable=False),
    Column("timestamp", String(40), nullable=False),
    Column("fecha_negocio", String(40)),
    Column("sobre", JSON, nullable=False),
    Column("datos", JSON, nullable=False),
    Column("hash_anterior", String(64)),
    Column("hash", String(64)),
    Index("ix_eventos_correlacion", "correlacion", "timestamp"),
    Index("ix_eventos_agregado", "agregado_id", "version"),
    Index("ix_eventos_ruc", "ruc"),
)

oficinas = Table(
    "oficinas",
    metadata,
    Column("codigo", String(40), primary_key=True),
    Column("agregado_id", String(64), nullable=False, unique=True),
    Column("nombre", Text, nullable=False),
    Column("tipo", String(40), nullable=False),
    Column("entidad", Text, nullable=False),
    Column("estado", String(20), nullable=False),
    Column("vigente_desde", Date, nullable=False),
    Column("vigente_hasta", Date),
    Column("version", Integer, nullable=False),
)
