"""Base aggregate: seals every new event with the envelope and the stream's hash chain, and checks the chain on load.

Aggregates keep the eventsourcing style (``@event("InscripcionAprobada")`` on private mutators whose bodies only
assign). What this base adds is invisible to them:

* when an event is recorded, it gets ``sobre`` (the envelope read from the current ``acto`` context),
  ``hash_anterior`` (the hash of the previous event of the same aggregate) and ``hash`` (SHA-256 over the previous
  hash and the canonical encoding of type, ids, version, times, envelope and payload);
* when an event is applied, on creation or on every reload from the store, its chain link and its own hash are
  recomputed; a mismatch raises :class:`CadenaRota` naming the stream and the version, so a tampered store cannot be
  loaded silently.
"""

from __future__ import annotations

import uuid
from typing import Any

from eventsourcing.domain import Aggregate
from eventsourcing.utils import resolve_topic

from shared.eventos.sobre import (GENESIS, a_json, codificacion_canonica, codificacion_rapida, contexto_actual,
                                  hash_evento)

_CAMPOS_SOBRE = ("originator_id", "originator_version", "timestamp", "sobre", "hash_anterior", "hash")


class CadenaRota(Exception):
    """A stored event does not match the hash chain of its stream."""

    def __init__(self, stream: str, version: int, motivo: str) -> None:
        super().__init__(f"cadena de hash rota en el stream {stream}, version {version}: {motivo}")
        self.stream = stream
        self.version = version
        self.motivo = motivo


def datos_evento(estado: dict[str, Any]) -> dict[str, Any]:
    """The payload of an event: its state without identity, times and chain fields."""
    return {k: v for k, v in estado.items() if k not in _CAMPOS_SOBRE and k != "class_version"}


def hash_de(tipo: str, estado: dict[str, Any], hash_anterior: str) -> str:
    canonica = codificacion_canonica(
        tipo=tipo,
        agregado_id=str(estado["originator_id"]),
        version=int(estado["originator_version"]),
        timestamp=a_json(estado["timestamp"]),
        sobre=estado.get("sobre", {}),
        datos=datos_evento(estado),
    )
    return hash_evento(hash_anterior, canonica)


def _sellar(evento: Any, hash_anterior: str, correlacion_por_defecto: str | None) -> None:
    ctx = contexto_actual()
    estado = evento.__dict__
    tipo = type(evento).__name__
    fundamento = estado.get("fundamento_legal") or ctx.fundamento_legal
    sobre = a_json(
        {
            "evento_id": str(uuid.uuid4()),
            "tipo": tipo,
            "version_esquema": getattr(type(evento), "class_version", 1),
            "correlacion": ctx.correlacion or correlacion_por_defecto,
            "causacion": ctx.causacion,
            "actor": ctx.actor.a_dict(),
            "fundamento_legal": fundamento,
            "documentos": list(ctx.documentos) + list(estado.get("documentos") or []),
            "fecha_negocio": ctx.fecha_negocio or a_json(estado["timestamp"]),
            "registrado_en": a_json(estado["timestamp"]),
        }
    )
    object.__setattr__(evento, "sobre", sobre)
    object.__setattr__(evento, "hash_anterior", hash_anterior)
    object.__setattr__(evento, "hash", hash_de(tipo, estado, hash_anterior))


def hash_coincide(tipo: str, estado: dict[str, Any]) -> bool:
    """Whether the event's content matches its stored hash: orjson's candidate first (half the cost of a reload
    of a long file went into the canonical encoding), the defining ``hash_de`` whenever the candidate differs."""
    rapida = codificacion_rapida(tipo, str(estado["originator_id"]), int(estado["originator_version"]),
                                 a_json(estado["timestamp"]), estado.get("sobre", {}), datos_evento(estado))
    if rapida is not None and hash_evento(estado["hash_anterior"], rapida) == estado["hash"]:
        return True
    return hash_de(tipo, estado, estado["hash_anterior"]) == estado["hash"]


def verificar_eslabon(evento: Any, hash_esperado: str) -> None:
    estado = evento.__dict__
    stream, version = str(estado["originator_id"]), int(estado["originator_version"])
    if "hash" not in estado or "hash_anterior" not in estado:
        raise CadenaRota(stream, version, "evento sin sello de hash")
    if estado["hash_anterior"] != hash_esperado:
        raise CadenaRota(stream, version, "hash_anterior no coincide con el evento previo (falta o sobra un evento)")
    if not hash_coincide(type(evento).__name__, estado):
        raise CadenaRota(stream, version, "el contenido del evento no corresponde a su hash")


class Agregado(Aggregate):
    """Base of every aggregate of the suite."""

    _ultimo_hash = GENESIS  # no annotation: eventsourcing would turn it into an event field of subclasses

    @property
    def correlacion(self) -> str | None:
        """The expediente number (or other correlation id) events of this aggregate belong to by default."""
        return None

    @classmethod
    def correlacion_inicial(cls, datos: dict[str, Any]) -> str | None:
        """The default correlation id of the creation event, computed from its payload."""
        return None

    @property
    def ultimo_hash(self) -> str:
        return self._ultimo_hash

    class Event(Aggregate.Event):
        def mutate(self, aggregate: Any) -> Any:
            verificar_eslabon(self, GENESIS if aggregate is None else aggregate._ultimo_hash)
            resultado = super().mutate(aggregate)
            resultado._ultimo_hash = self.__dict__["hash"]
            return resultado

    class Created(Event, Aggregate.Created):
        def __post_init__(self) -> None:
            super().__post_init__()
            if "hash" not in self.__dict__:
                clase = resolve_topic(self.__dict__["originator_topic"])
                _sellar(self, GENESIS, clase.correlacion_inicial(self.__dict__))

    def trigger_event(self, event_class: Any, **kwargs: Any) -> None:
        # Same steps as eventsourcing's BaseAggregate.trigger_event, with the seal applied before the event mutates
        # the aggregate, so the chain is checked on the way in exactly as it will be on every reload.
        kwargs = {**kwargs, "originator_id": self.id, "originator_version": self.version + 1}
        if kwargs.get("timestamp") is None:
            kwargs["timestamp"] = event_class.create_timestamp()
        nuevo = event_class(**kwargs)
        _sellar(nuevo, self._ultimo_hash, self.correlacion)
        nuevo.mutate(self)
        self._pending_events.append(nuevo)
