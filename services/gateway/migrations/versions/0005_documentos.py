"""Document-management notifications: seen inbound webhook ids, outbound subscriptions, delivery log, dead letters.

Revision ID: 0005
Revises: 0004
"""
from shared.documentos.tablas import crear_tablas_documentales, metadata

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from alembic import op

    crear_tablas_documentales(op)


def downgrade() -> None:
    from alembic import op

    for tabla in reversed(metadata.sorted_tables):
        op.drop_table(tabla.name)
