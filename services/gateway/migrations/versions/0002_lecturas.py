"""Gateway read models: eventos (cross-service history) and oficinas.

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "eventos",
        sa.Column("servicio", sa.String(20), primary_key=True),
        sa.Column("notificacion_id", sa.BigInteger, primary_key=True),
        sa.Column("correlacion", sa.String(120)),
        sa.Column("agregado", sa.String(60), nullable=False),
        sa.Column("agregado_id", sa.String(64), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("tipo", sa.String(120), nullable=False),
        sa.Column("timestamp", sa.String(40), nullable=False),
        sa.Column("fecha_negocio", sa.String(40)),
        sa.Column("sobre", sa.JSON, nullable=False),
        sa.Column("datos", sa.JSON, nullable=False),
        sa.Column("hash_anterior", sa.String(64)),
        sa.Column("hash", sa.String(64)),
    )
    op.create_index("ix_eventos_correlacion", "eventos", ["correlacion", "timestamp"])
    op.create_index("ix_eventos_agregado", "eventos", ["agregado_id", "version"])
    op.create_table(
        "oficinas",
        sa.Column("codigo", sa.String(40), primary_key=True),
        sa.Column("agregado_id", sa.String(64), nullable=False, unique=True),
        sa.Column("nombre", sa.Text, nullable=False),
        sa.Column("tipo", sa.String(40), nullable=False),
        sa.Column("entidad", sa.Text, nullable=False),
        sa.Column("estado", sa.String(20), nullable=False),
        sa.Column("vigente_desde", sa.Date, nullable=False),
        sa.Column("vigente_hasta", sa.Date),
        sa.Column("version", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("oficinas")
    op.drop_table("eventos")
