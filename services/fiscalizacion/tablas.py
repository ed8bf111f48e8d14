"""Read-model tables of fiscalizacion (created by migration 0003, never by ``create_all``).

Own events (``proyecciones``): the deadline agenda the scheduler reads, the lists of cases and inspections, and the
public Registro de Sanciones with the fold context it needs. Registro's events (``consumidores``): which RUC each
registro aggregate belongs to, and per entity its renunciation and mirrored suspensions of benefits.
"""

from __future__ import annotations

from sqlalchemy import JSON, Boolean, Column, Date, Integer, MetaData, String, Table

metadata = MetaData()

agenda = Table(
    "fisc_agenda", metadata,
    Column("agregado_id", String(36), primary_key=True),
    Column("agregado", String(40), nullable=False),
    Column("abierto", Boolean, nullable=False, index=True),
    Column("proximo", Date, nullable=True),
    Column("detalle", JSON, nullable=False),
)

expedientes = Table(
    "fisc_expedientes", metadata,
    Column("id", String(36), primary_key=True),
    Column("numero", String(40), nullable=False, unique=True),
    Column("ruc", String(11), nullable=False, index=True),
    Column("codigo", String(30), nullable=False),
    Column("organo_instructor", String(20), nullable=False),
    Column("estado", String(40), nullable=False),
    Column("origen_tipo", String(40), nullable=False),
    Column("abierto_el", Date, nullable=False),
    Column("version", Integer, nullable=False),
)

fiscalizaciones = Table(
    "fisc_fiscalizaciones", metadata,
    Column("id", String(36), primary_key=True),
    Column("correlacion", String(60), nullable=False),
    Column("ruc", String(11), nullable=False, index=True),
    Column("estado", String(40), nullable=False),
    Column("origen_tipo", String(40), nullable=False, index=True),
    Column("programada_el", Date, nullable=False),
    Column("version", Integer, nullable=False),
)

sanciones = Table(
    "fisc_registro_sanciones", metadata,
    Column("expediente_id", String(36), primary_key=True),
    Column("ruc", String(11), nullable=False, index=True),
    Column("infraccion", String(30), nullable=False, index=True),
    Column("fecha_hechos", Date, nullable=False),
    Column("estado", String(30), nullable=False, index=True),
    Column("expediente", String(40), nullable=False),
    Column("resolucion_fecha", Date, nullable=False, index=True),
    Column("monto_soles", String(30), nullable=False),
    Column("sanciones", JSON, nullable=False),
    Column("version_reglamento", String(30), nullable=False),
)

contexto_sanciones = Table(
    "fisc_registro_sanciones_ctx", metadata,
    Column("agregado_id", String(36), primary_key=True),
    Column("tipo", String(20), nullable=False),
    Column("datos", JSON, nullable=False),
)

registro_agregados = Table(
    "fisc_registro_agregados", metadata,
    Column("agregado_id", String(36), primary_key=True),
    Column("ruc", String(11), nullable=False, index=True),
    Column("tipo", String(40), nullable=False),
)

entidades = Table(
    "fisc_entidades", metadata,
    Column("ruc", String(11), primary_key=True),
    Column("renunciada_el", Date, nullable=True),
    Column("suspensiones", JSON, nullable=False),
)

TABLAS = (agenda, expedientes, fiscalizaciones, sanciones, contexto_sanciones, registro_agregados, entidades)
