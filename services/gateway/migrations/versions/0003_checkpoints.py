"""Checkpoints of every service's log, as received from NATS: an independent copy an auditor checks logs against.

Revision ID: 0003
Revises: 0002
"""
from shared.auditoria.tablas import crear_tabla_checkpoints

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from alembic import op

    crear_tabla_checkpoints(op)


def downgrade() -> None:
    from alembic import op

    op.drop_table("checkpoints")
