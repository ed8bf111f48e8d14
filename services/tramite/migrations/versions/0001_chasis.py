"""Chassis tables: relay position, consumer tracking, idempotency keys, dead letters.

Revision ID: 0001
Revises:
"""
from shared.lecturas.tablas import crear_tablas_chasis, metadata

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    from alembic import op

    crear_tablas_chasis(op)


def downgrade() -> None:
    from alembic import op

    for tabla in reversed(metadata.sorted_tables):
        op.drop_table(tabla.name)
