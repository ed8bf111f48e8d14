"""Read models of registro: the public registry of entities, constancias, annual obligations, experts registry, open
deadlines (own events); experts accepted in tramite and known sanctions (other services' events over NATS).

Chained after 0002 (checkpoints), which another slice added with the revision id "0002": two revisions revising
"0001" would leave two heads and ``alembic upgrade head`` would refuse to run.

Revision ID: 0002_lecturas
Revises: 0002
"""
from sqlalchemy import JSON, Boolean, Column, Date, Integer, String

revision = "0002_lecturas"
down_revision = "0002"
branch_labels = None
depends_on = None

TABLAS = ("registro_publico", "obligaciones_lectura", "registro_expertos", "constancias", "plazos_registro",
          "expertos_aceptados", "sanciones_conocidas")


def upgrade() -> None:
    from alembic import op

    op.create_table(
        "registro_publico",
        Column("inscripcion_id", String(36), primary_key=True),
        Column("registro", String(10), nullable=False),
        Column("ruc", String(11), nullable=False),
        Column("razon_social", String(300), nullable=False),
        Column("nombre_busqueda", String(300), nullable=False),
        Column("expediente", String(60), nullable=False),
        Column("fase", String(40), nullable=False),
        Column("estado", String(40), nullable=False),
        Column("departamento", String(40), nullable=False),
        Column("ubigeo", String(6), nullable=False),
        Column("presentada_el", Date, nullable=False),
        Column("inscrita_desde", Date, nullable=True),
        Column("vigente_desde", Date, nullable=True),
        Column("vigente_hasta", Date, nullable=True),
        Column("via", String(30), nullable=True),
        Column("numero_registro", String(40), nullable=True),
        Column("suspensiones", JSON, nullable=False),
        Column("beneficios_suspendidos", Boolean, nullable=False),
        Column("version", Integer, nullable=False),
    )
    op.create_index("ix_registro_publico_ruc", "registro_publico", ["ruc"])
    op.create_index("ix_registro_publico_estado", "registro_publico", ["estado"])
    op.create_table(
        "obligaciones_lectura",
        Column("obligacion_id", String(36), primary_key=True),
        Column("registro", String(10), nullable=False),
        Column("ruc", String(11), nullable=False),
        Column("anio", Integer, nullable=False),
        Column("estado", String(30), nullable=False),
        Column("vence_el", Date, nullable=False),
        Column("subsanacion_vence_el", Date, nullable=True),
        Column("faltantes", JSON, nullable=False),
        Column("extemporanea", Boolean, nullable=False),
        Column("version", Integer, nullable=False),
    )
    op.create_index("ix_obligaciones_lectura_ruc", "obligaciones_lectura", ["ruc"])
    op.create_table(
        "registro_expertos",
        Column("experto_id", String(36), primary_key=True),
        Column("tipo", String(20), nullable=False),
        Column("nombre", String(200), nullable=False),
        Column("nacionalidad", String(2), nullable=False),
        Column("profesion", String(200), nullable=False),
        Column("fuente_cooperante", String(200), nullable=False),
        Column("intervencion", String(120), nullable=False),
        Column("ruc_unidad_ejecutora", String(11), nullable=False),
        Column("estado", String(30), nullable=False),
        Column("numero_registro", String(60), nullable=True),
        Column("fecha_ingreso", Date, nullable=False),
        Column("inicio_servicio", Date, nullable=False),
        Column("fin_servicio", Date, nullable=False),
        Column("version", Integer, nullable=False),
    )
    op.create_index("ix_registro_expertos_ruc_unidad_ejecutora", "registro_expertos", ["ruc_unidad_ejecutora"])
    op.create_table(
        "constancias",
        Column("codigo", String(40), primary_key=True),
        Column("inscripcion_id", String(36), nullable=False),
        Column("tipo_evento", String(60), nullable=False),
        Column("hash", String(64), nullable=False),
        Column("via", String(30), nullable=False),
        Column("vigente_desde", Date, nullable=False),
        Column("vigente_hasta", Date, nullable=False),
        Column("version", Integer, nullable=False),
    )
    op.create_index("ix_constancias_inscripcion_id", "constancias", ["inscripcion_id"])
    op.create_table(
        "plazos_registro",
        Column("agregado_id", String(36), primary_key=True),
        Column("tipo", String(20), nullable=False),
        Column("ruc", String(11), nullable=False),
        Column("codigo", String(60), nullable=False),
        Column("vence_el", Date, nullable=False),
    )
    op.create_index("ix_plazos_registro_vence_el", "plazos_registro", ["vence_el"])
    op.create_table(
        "expertos_aceptados",
        Column("expediente", String(60), primary_key=True),
        Column("agregado_id", String(36), nullable=False),
        Column("candidato", JSON, nullable=True),
        Column("modalidad", String(20), nullable=True),
        Column("promotor", String(60), nullable=True),
        Column("estado", String(40), nullable=False),
        Column("aceptado_el", Date, nullable=True),
        Column("inscrito_el", Date, nullable=True),
        Column("version", Integer, nullable=False),
    )
    op.create_index("ix_expertos_aceptados_agregado_id", "expertos_aceptados", ["agregado_id"])
    op.create_table(
        "sanciones_conocidas",
        Column("sancion_id", String(36), primary_key=True),
        Column("ruc", String(11), nullable=False),
        Column("expediente", String(60), nullable=True),
    )


def downgrade() -> None:
    from alembic import op

    for tabla in reversed(TABLAS):
        op.drop_table(tabla)
