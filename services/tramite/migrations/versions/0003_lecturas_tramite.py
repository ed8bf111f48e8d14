"""Read models of tramite: the in-tray and open deadlines (own events), office kinds and promoters' registrations
(registro's events over NATS).

Revision ID: 0003
Revises: 0002 (signed checkpoints, added alongside)
"""
from sqlalchemy import JSON, Boolean, Column, Date, Integer, String

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from alembic import op

    op.create_table(
        "expedientes_bandeja",
        Column("numero", String(40), primary_key=True),
        Column("agregado_id", String(36), nullable=False, unique=True),
        Column("procedimiento", String(60), nullable=False),
        Column("version_procedimiento", Integer, nullable=False),
        Column("estado", String(60), nullable=False),
        Column("terminado", Boolean, nullable=False),
        Column("custodia", String(60), nullable=False),
        Column("promotor", String(60), nullable=False),
        Column("oficina_apertura", String(60), nullable=False),
        Column("presentado_el", Date, nullable=False),
        Column("ultimo_acto", Date, nullable=False),
        Column("proximo_vencimiento", Date, nullable=True),
        Column("version", Integer, nullable=False),
    )
    op.create_index("ix_expedientes_bandeja_custodia", "expedientes_bandeja", ["custodia"])
    op.create_table(
        "expedientes_plazos",
        Column("agregado_id", String(36), primary_key=True),
        Column("codigo", String(60), primary_key=True),
        Column("numero", String(40), nullable=False),
        Column("vence_el", Date, nullable=False),
        Column("efecto", String(30), nullable=False),
        Column("estado", String(20), nullable=False),
    )
    op.create_index("ix_expedientes_plazos_vence_el", "expedientes_plazos", ["vence_el"])
    op.create_table(
        "oficinas_conocidas",
        Column("codigo", String(60), primary_key=True),
        Column("agregado_id", String(36), nullable=False),
        Column("tipo_registro", String(40), nullable=False),
        Column("tipo", String(30), nullable=True),
        Column("estado", String(20), nullable=False),
        Column("version", Integer, nullable=False),
    )
    op.create_index("ix_oficinas_conocidas_agregado_id", "oficinas_conocidas", ["agregado_id"])
    op.create_table(
        "inscripciones_promotores",
        Column("inscripcion_id", String(36), primary_key=True),
        Column("ruc", String(11), nullable=False),
        Column("registro", String(10), nullable=False),
        Column("fase", String(40), nullable=False),
        Column("suspensiones", JSON, nullable=False),
        Column("vigente_hasta", Date, nullable=True),
        Column("version", Integer, nullable=False),
    )
    op.create_index("ix_inscripciones_promotores_ruc", "inscripciones_promotores", ["ruc"])


def downgrade() -> None:
    from alembic import op

    for tabla in ("inscripciones_promotores", "oficinas_conocidas", "expedientes_plazos", "expedientes_bandeja"):
        op.drop_table(tabla)
