"""Entity (RUC) named by each event, so an entity's history is one indexed query.

Revision ID: 0004
Revises: 0003
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("eventos", sa.Column("ruc", sa.String(11)))
    op.create_index("ix_eventos_ruc", "eventos", ["ruc"])


def downgrade() -> None:
    op.drop_index("ix_eventos_ruc", "eventos")
    op.drop_column("eventos", "ruc")
