"""Replay a file step by step from its public events alone: each event with the state of its aggregate after it.

The state is generic (the payloads of a stream folded into a dict, later fields overwrite earlier ones), so the
offline tool needs no service code; it is what the events say, which is what an auditor checks against the
aggregate's own view (the gateway can ask each service for that view at a given version).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any


def orden(e: Mapping[str, Any]) -> tuple[str, str, int]:
    """Record time across services; within one service the log position (which also keeps each stream in order)."""
    return (str(e.get("timestamp")), str(e.get("servicio")), int(e.get("notificacion_id") or 0))


def pasos(eventos: Iterable[Mapping[str, Any]]) -> Iterator[dict[str, Any]]:
    estados: dict[str, dict[str, Any]] = {}
    for i, e in enumerate(sorted(eventos, key=orden), start=1):
        datos = {k: v for k, v in (e.get("datos") or {}).items() if k != "originator_topic"}
        estado = {**estados.get(e["agregado_id"], {}), **datos}
        estados[e["agregado_id"]] = estado
        sobre = e.get("sobre") or {}
        yield {
            "paso": i, "servicio": e.get("servicio"), "agregado": e.get("agregado"), "agregado_id": e["agregado_id"],
            "version": e.get("version"), "tipo": e.get("tipo"), "notificacion_id": e.get("notificacion_id"),
            "registrado_en": e.get("timestamp"), "fecha_negocio": sobre.get("fecha_negocio"),
            "correlacion": sobre.get("correlacion"), "actor": sobre.get("actor"),
            "fundamento_legal": sobre.get("fundamento_legal"), "hash": e.get("hash"), "estado": dict(estado),
        }
