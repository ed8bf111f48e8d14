"""The list of files (``GET /api/v1/expedientes``): who took part in each file, a searchable summary and the
``extemporaneo`` marker on the in-tray table.

The new table and columns are read models of events already in the log; rows projected before this revision lack
them, so the revision empties tramite's own read models and forgets the projector's position over its own log: on
the next start the projector replays the log (as ``POST /operaciones/lecturas/reconstruir`` does) and fills every
row. The read models fed by registro's events (offices, registrations) are kept.

Revision ID: 0006
Revises: 0005
"""
import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

ORIGEN_PROPIO = "local:tramite"  # shared.lecturas.proyector_local.ProyectorLocal.origen for tramite


def upgrade() -> None:
    op.execute("DELETE FROM expedientes_plazos")
    op.execute("DELETE FROM expedientes_bandeja")
    op.execute(sa.text("DELETE FROM seguimiento WHERE origen = :origen").bindparams(origen=ORIGEN_PROPIO))
    with op.batch_alter_table("expedientes_bandeja") as t:
        t.add_column(sa.Column("extemporaneo", sa.Boolean, nullable=False, server_default=sa.false()))
        t.add_column(sa.Column("resumen", sa.String(500), nullable=True))
    op.create_index("ix_expedientes_bandeja_presentado_el", "expedientes_bandeja", ["presentado_el"])
    op.create_table(
        "expedientes_participantes",
        sa.Column("agregado_id", sa.String(36), primary_key=True),
        sa.Column("oficina", sa.String(60), primary_key=True),
    )
    op.create_index("ix_expedientes_participantes_oficina", "expedientes_participantes", ["oficina"])


def downgrade() -> None:
    op.drop_table("expedientes_participantes")
    op.drop_index("ix_expedientes_bandeja_presentado_el", "expedientes_bandeja")
    with op.batch_alter_table("expedientes_bandeja") as t:
        t.drop_column("resumen")
        t.drop_column("extemporaneo")
