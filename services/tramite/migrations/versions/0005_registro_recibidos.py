"""Registro events kept by tramite's consumer so they are applied in each aggregate's version order.

Revision ID: 0005
Revises: 0004
"""
import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "registro_recibidos",
        sa.Column("agregado_id", sa.String(36), primary_key=True),
        sa.Column("version", sa.Integer, primary_key=True),
        sa.Column("evento", sa.JSON, nullable=False),
        sa.Column("aplicado", sa.Boolean, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("registro_recibidos")
