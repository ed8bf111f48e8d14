"""Read models of fiscalizacion: deadline agenda, lists of cases and inspections, the public Registro de Sanciones
and its fold context (own events); registro aggregates' RUC and entities' renunciation and suspensions (registro's
events over NATS).

Revision ID: 0003
Revises: 0002 (signed checkpoints; 0002 was taken by shared.auditoria when this service's read models were added)
"""
from sqlalchemy import JSON, Boolean, Column, Date, Integer, String

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from alembic import op

    op.create_table(
        "fisc_agenda",
        Column("agregado_id", String(36), primary_key=True),
        Column("agregado", String(40), nullable=False),
        Column("abierto", Boolean, nullable=False, index=True),
        Column("proximo", Date, nullable=True),
        Column("detalle", JSON, nullable=False),
    )
    op.create_table(
        "fisc_expedientes",
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
    op.create_table(
        "fisc_fiscalizaciones",
        Column("id", String(36), primary_key=True),
        Column("correlacion", String(60), nullable=False),
        Column("ruc", String(11), nullable=False, index=True),
        Column("estado", String(40), nullable=False),
        Column("origen_tipo", String(40), nullable=False, index=True),
        Column("programada_el", Date, nullable=False),
        Column("version", Integer, nullable=False),
    )
    op.create_table(
        "fisc_registro_sanciones",
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
    op.create_table(
        "fisc_registro_sanciones_ctx",
        Column("agregado_id", String(36), primary_key=True),
        Column("tipo", String(20), nullable=False),
        Column("datos", JSON, nullable=False),
    )
    op.create_table(
        "fisc_registro_agregados",
        Column("agregado_id", String(36), primary_key=True),
        Column("ruc", String(11), nullable=False, index=True),
        Column("tipo", String(40), nullable=False),
    )
    op.create_table(
        "fisc_entidades",
        Column("ruc", String(11), primary_key=True),
        Column("renunciada_el", Date, nullable=True),
        Column("suspensiones", JSON, nullable=False),
    )


def downgrade() -> None:
    from alembic import op

    for tabla in ("fisc_entidades", "fisc_registro_agregados", "fisc_registro_sanciones_ctx",
                  "fisc_registro_sanciones", "fisc_fiscalizaciones", "fisc_expedientes", "fisc_agenda"):
        op.drop_table(tabla)
