"""The public, self-describing form of a stored event: what the relay publishes and auditors download.

It carries everything needed to recompute the event's hash without the service's code (type, ids, version, times,
envelope, payload), so the gateway and the offline audit tool verify chains from messages alone.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from eventsourcing.persistence import Mapper, Notification, StoredEvent

from shared.eventos.agregado import datos_evento
from shared.eventos.sobre import a_json


@lru_cache(maxsize=4096)
def nombre_agregado(topic: str) -> str:
    """``services.registro.domain.oficina:Oficina.OficinaCreada`` -> ``oficina``."""
    qualname = topic.split(":", 1)[-1]
    return qualname.split(".")[0].lower()


def evento_publico(servicio: str, mapper: Mapper, registro: StoredEvent) -> dict[str, Any]:
    evento = mapper.to_domain_event(registro)
    estado = dict(evento.__dict__)
    mensaje: dict[str, Any] = {
        "servicio": servicio,
        "agregado": nombre_agregado(registro.topic),
        "agregado_id": str(registro.originator_id),
        "version": registro.originator_version,
        "tipo": type(evento).__name__,
        "timestamp": a_json(estado["timestamp"]),
        "sobre": estado.get("sobre", {}),
        "datos": a_json(datos_evento(estado)),
        "hash_anterior": estado.get("hash_anterior"),
        "hash": estado.get("hash"),
    }
    if isinstance(registro, Notification):
        mensaje["notificacion_id"] = registro.id
    return mensaje


def sujeto(mensaje: dict[str, Any]) -> str:
    """NATS subject ``<service>.<aggregate>.<EventName>``."""
    return f"{mensaje['servicio']}.{mensaje['agregado']}.{mensaje['tipo']}"
