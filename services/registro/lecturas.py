"""Read-model tables of registro (created by migration 0002_lecturas_registro) and the small helpers every reader
and the projection share. The projection that fills them is in ``proyecciones``; queries of the API are in
``api/consultas``; the scheduler's query (``plazos_vencidos``) is here because the application uses it.
"""

from __future__ import annotations

import unicodedata
from datetime import date
from typing import Any

from sqlalchemy import (JSON, Boolean, Column, Connection, Date, Engine, Integer, MetaData, String, Table, delete,
                        insert, select)

metadata = MetaData()


registro_publico = Table(
    "registro_publico", metadata,
    Column("inscripcion_id", String(36), primary_key=True),
    Column("registro", String(10), nullable=False),
    Column("ruc", String(11), nullable=False, index=True),
    Column("razon_social", String(300), nullable=False),
    Column("nombre_busqueda", String(300), nullable=False),
    Column("expediente", String(60), nullable=False),
    Column("fase", String(40), nullable=False),
    Column("estado", String(40), nullable=False, index=True),
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

obligaciones = Table(
    "obligaciones_lectura", metadata,
    Column("obligacion_id", String(36), primary_key=True),
    Column("registro", String(10), nullable=False),
    Column("ruc", String(11), nullable=False, index=True),
    Column("anio", Integer, nullable=False),
    Column("estado", String(30), nullable=False),
    Column("vence_el", Date, nullable=False),
    Column("subsanacion_vence_el", Date, nullable=True),
    Column("faltantes", JSON, nullable=False),
    Column("extemporanea", Boolean, nullable=False),
    Column("version", Integer, nullable=False),
)

expertos = Table(
    "registro_expertos", metadata,
    Column("experto_id", String(36), primary_key=True),
    Column("tipo", String(20), nullable=False),
    Column("nombre", String(200), nullable=False),
    Column("nacionalidad", String(2), nullable=False),
    Column("profesion", String(200), nullable=False),
    Column("fuente_cooperante", String(200), nullable=False),
    Column("intervencion", String(120), nullable=False),
    Column("ruc_unidad_ejecutora", String(11), nullable=False, index=True),
    Column("estado", String(30), nullable=False),
    Column("numero_registro", String(60), nullable=True),
    Column("fecha_ingreso", Date, nullable=False),
    Column("inicio_servicio", Date, nullable=False),
    Column("fin_servicio", Date, nullable=False),
    Column("version", Integer, nullable=False),
)

constancias = Table(
    "constancias", metadata,
    Column("codigo", String(40), primary_key=True),
    Column("inscripcion_id", String(36), nullable=False, index=True),
    Column("tipo_evento", String(60), nullable=False),
    Column("hash", String(64), nullable=False),
    Column("via", String(30), nullable=False),
    Column("vigente_desde", Date, nullable=False),
    Column("vigente_hasta", Date, nullable=False),
    Column("version", Integer, nullable=False),
)

plazos = Table(
    "plazos_registro", metadata,
    Column("agregado_id", String(36), primary_key=True),
    Column("tipo", String(20), nullable=False),
    Column("ruc", String(11), nullable=False),
    Column("codigo", String(60), nullable=False),
    Column("vence_el", Date, nullable=False, index=True),
)


def normalizar(texto: str) -> str:
    """Lower case without accents: the key of the case- and accent-insensitive name search."""
    sin_tildes = unicodedata.normalize("NFKD", texto).encode("ascii", "ignore").decode()
    return " ".join(sin_tildes.lower().split())


def fecha(valor: Any) -> date | None:
    return None if valor is None else date.fromisoformat(str(valor)[:10])


def codigo_constancia(hash_evento: str) -> str:
    """Verification code printed on a certificate: the first 20 hex digits of the granting event's hash."""
    h = hash_evento[:20].upper()
    return "-".join(h[i:i + 5] for i in range(0, 20, 5))


def plazos_vencidos(motor: Engine, hoy: date) -> list[Any]:
    """Aggregates whose open deadline ended before ``hoy`` (a term is late from the day after its last day)."""
    with motor.connect() as c:
        return list(c.execute(select(plazos).where(plazos.c.vence_el < hoy)
                              .order_by(plazos.c.vence_el, plazos.c.agregado_id)))


def abrir_plazo(c: Connection, aid: str, tipo: str, ruc: str, codigo: str, vence_el: date | None) -> None:
    c.execute(delete(plazos).where(plazos.c.agregado_id == aid))
    if vence_el is not None:
        c.execute(insert(plazos).values(agregado_id=aid, tipo=tipo, ruc=ruc, codigo=codigo, vence_el=vence_el))


# --- tables fed by the consumers of other services' events (not rebuilt from registro's own log) ---------------------

expertos_aceptados = Table(
    "expertos_aceptados", metadata,
    Column("expediente", String(60), primary_key=True),
    Column("agregado_id", String(36), nullable=False, index=True),
    Column("candidato", JSON, nullable=True),
    Column("modalidad", String(20), nullable=True),
    Column("promotor", String(60), nullable=True),
    Column("estado", String(40), nullable=False),
    Column("aceptado_el", Date, nullable=True),
    Column("inscrito_el", Date, nullable=True),
    Column("version", Integer, nullable=False),
)
"""P2 candidacies of experts followed in tramite (the Foreign Ministry's acceptance and the sector's request to
register): what the registry keeper expects to see arrive as ``ExpertoVoluntario`` files."""

sanciones_conocidas = Table(
    "sanciones_conocidas", metadata,
    Column("sancion_id", String(36), primary_key=True),
    Column("ruc", String(11), nullable=False),
    Column("expediente", String(60), nullable=True),
)
"""Sanction id -> RUC, from fiscalizacion's ``EjecucionSancionIniciada``: later sanction events may not repeat the
RUC in their payload."""
