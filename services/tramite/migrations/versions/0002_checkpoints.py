"""Signed checkpoints of this service's event log (shared.auditoria.checkpoint).

Revision ID: 0002
Revises: 0001
"""
from shared.auditoria.tablas import crear_tabla_checkpoints

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from alembic import op

    crear_tabla_checkpoints(op)


def downgrade() -> None:
    from alembic import op

    op.drop_table("checkpoints")
