"""State as of a date or a version: which version of an aggregate was current at a given instant.

``a_la_fecha`` compares with each event's business time (``sobre.fecha_negocio``: when the act happened, e.g. the
date on the cargo de recepcion), which equals the record time for acts recorded live. A business date without a time
counts from the start of that day in Lima. The state itself is then rebuilt by replaying events up to that version,
so "as of" is exactly a replay (architecture principle 10).
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

import orjson
from eventsourcing.persistence import StoredEvent

from shared.almacen import crudo
from shared.almacen.aplicacion import AplicacionCTI
from shared.errores import DatosInvalidos, NoEncontrado

LIMA = ZoneInfo("America/Lima")


def instante(valor: str | date | datetime) -> datetime:
    """Parse a business time: ISO datetime with offset, or a bare date (start of that day in Lima)."""
    if isinstance(valor, datetime):
        return valor if valor.tzinfo else valor.replace(tzinfo=LIMA)
    if isinstance(valor, date):
        return datetime.combine(valor, time.min, LIMA)
    texto = str(valor)
    if len(texto) == 10:
        return datetime.combine(date.fromisoformat(texto), time.min, LIMA)
    dt = datetime.fromisoformat(texto)
    return dt if dt.tzinfo else dt.replace(tzinfo=LIMA)


def _momento(app: AplicacionCTI, registro: StoredEvent) -> str | datetime:
    """An event's business time, read from the row's JSON (~20x cheaper than building the domain event, which a
    file with hundreds of acts would pay on every "as of" query); the mapper reads any row orjson cannot."""
    estado = None
    if crudo.mapper_simple(app.mapper):
        try:
            estado = orjson.loads(registro.state)
        except orjson.JSONDecodeError:
            estado = None
    if not isinstance(estado, dict):
        estado = app.mapper.to_domain_event(registro).__dict__
    sobre: dict[str, Any] = estado.get("sobre") or {}
    marca = estado["timestamp"]
    return sobre.get("fecha_negocio") or (marca["_data_"] if isinstance(marca, dict) else marca)


def version_a_la_fecha(app: AplicacionCTI, agregado_id: UUID, cuando: datetime) -> int:
    """The last version whose act happened at or before ``cuando``; NoEncontrado if the aggregate did not exist."""
    if cuando.tzinfo is None:
        raise DatosInvalidos("La fecha debe tener zona horaria.", [{"campo": "a_la_fecha", "mensaje": "con offset"}])
    version = 0
    for registro in app.recorder.select_events(agregado_id):
        if instante(_momento(app, registro)) <= cuando:
            version = registro.originator_version
    if version == 0:
        raise NoEncontrado(f"No existia a la fecha {cuando.isoformat()}.")
    return version
