"""Position of tramite's poller in each DMS event log (``services.tramite.sondeo``).

Revision ID: 0004
Revises: 0003
"""
from sqlalchemy import BigInteger, Column, String

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from alembic import op

    op.create_table("dms_posiciones", Column("origen", String(80), primary_key=True),
                    Column("posicion", BigInteger, nullable=False))


def downgrade() -> None:
    from alembic import op

    op.drop_table("dms_posiciones")
