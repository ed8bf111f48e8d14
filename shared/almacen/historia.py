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


def version_a_la_fecha(app: AplicacionCTI, agregado_id: UUID, cuando: datetime) -> int:
    """The last version whose act happened at or before ``cuando``; NoEncontrado if the aggregate did not exist."""
    if cuando.tzinfo is None:
        raise DatosInvalidos("La fecha debe tener zona horaria.", [{"campo": "a_la_fecha", "mensaje": "con offset"}])
    version = 0
    for registro in app.recorder.select_events(agregado_id):
        evento = app.mapper.to_domain_event(registro)
        sobre: dict[str, Any] = evento.__dict__.get("sobre") or {}
        momento = instante(sobre.get("fecha_negocio") or evento.__dict__["timestamp"])
        if momento <= cuando:
            version = registro.originator_version
    if version == 0:
        raise NoEncontrado(f"No existia a la fecha {cuando.isoformat()}.")
    return version
