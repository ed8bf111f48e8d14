"""Stored events read as plain JSON, without rebuilding domain objects: projections and auditors' whole-log scans.

Decoding a row through eventsourcing's mapper builds a domain event (an object hook on every JSON object) and
``a_json`` walks it back to JSON types: about 300 us for a 2 KB event, so a checkpoint, a file's verification, a
store's chain check or a read-model rebuild over 100k events took tens of seconds (bench B4, B5). They need JSON
only. Here a row's bytes get the four scalar transcodings our stores write (``datetime_iso``, ``date_iso``,
``uuid_hex``, ``decimal_str``) rewritten to the strings ``a_json`` gives those values, then orjson decodes them.

Rows this path cannot read faithfully go through the mapper exactly as before: a cipher or compressor in use, any
other transcoding left in the bytes, integers beyond 64 bits (orjson would give floats), NaN or Infinity,
undecodable bytes, a topic that does not resolve. A recomputed hash is written by orjson and trusted only when it
equals the stored one (same bytes, so the canonical ones); otherwise (an exponent float, which orjson prints
differently, or an altered row) the defining ``codificacion_canonica`` decides. ``tests/integration/test_crudo.py``
compares both paths on awkward payloads and tampered rows.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any
from uuid import UUID

import orjson
from eventsourcing.persistence import Mapper, StoredEvent
from eventsourcing.utils import resolve_topic

from shared.almacen.publico import evento_publico, nombre_agregado
from shared.auditoria.cadena import hash_de_mensaje
from shared.eventos.agregado import _CAMPOS_SOBRE
from shared.eventos.sobre import hash_evento

_ESCALAR = re.compile(rb'\{"_type_":"(datetime_iso|date_iso|decimal_str|uuid_hex)","_data_":"([^"\\]*)"\}')


_DIGITOS = bytes(ord("0") if 48 <= i <= 57 else ord("x") if chr(i) in ":,[-" else ord(" ") for i in range(256))
_LARGO_INT64 = b"x" + b"0" * 19
"""orjson reads integers beyond 64 bits as floats. Any such integer is a run of at least 19 digits right after a
``:``, ``,``, ``[`` or ``-`` (value position); ``translate`` finds one in ~2 us per 2 KB. Hashes (the genesis hash is
64 zeros) follow a quote, so they do not match; a string that merely contains such a run sends its row to the slow
path."""


def _escalar(m: re.Match[bytes]) -> bytes:
    if m.group(1) == b"uuid_hex":
        return b'"' + str(UUID(m.group(2).decode())).encode() + b'"'
    return b'"' + m.group(2) + b'"'


def mapper_simple(mapper: Mapper) -> bool:
    """Rows are plain JSON bytes (no cipher, no compressor): the only case the fast path reads."""
    return getattr(mapper, "cipher", None) is None and getattr(mapper, "compressor", None) is None


@lru_cache(maxsize=4096)
def _tipo(topic: str) -> str:
    return resolve_topic(topic).__name__


def estado_json(state: bytes) -> dict[str, Any] | None:
    """The row's state with ``a_json`` values, or None when only the mapper can read it faithfully."""
    if _LARGO_INT64 in state.translate(_DIGITOS):
        return None
    texto = _ESCALAR.sub(_escalar, state)
    if b'"_type_"' in texto:
        return None
    try:
        estado = orjson.loads(texto)
    except orjson.JSONDecodeError:
        return None
    return estado if isinstance(estado, dict) else None


def _mensaje_rapido(servicio: str, mapper: Mapper, registro: StoredEvent) -> dict[str, Any] | None:
    estado = estado_json(registro.state) if mapper_simple(mapper) else None
    try:
        tipo = _tipo(registro.topic) if estado is not None else None
    except Exception:  # noqa: BLE001 - an unknown topic is the mapper's finding to report
        tipo = None
    if estado is None or tipo is None:
        return None
    m: dict[str, Any] = {
        "servicio": servicio,
        "agregado": nombre_agregado(registro.topic),
        "agregado_id": str(registro.originator_id),
        "version": registro.originator_version,
        "tipo": tipo,
        "timestamp": estado.get("timestamp"),
        "sobre": estado.get("sobre", {}),
        "datos": {k: v for k, v in estado.items() if k not in _CAMPOS_SOBRE and k != "class_version"},
        "hash_anterior": estado.get("hash_anterior"),
        "hash": estado.get("hash"),
    }
    if hasattr(registro, "id"):
        m["notificacion_id"] = registro.id
    return m


def mensaje(servicio: str, mapper: Mapper, registro: StoredEvent) -> dict[str, Any]:
    """The same dict as :func:`shared.almacen.publico.evento_publico` (what projections and the relay consume)."""
    return _mensaje_rapido(servicio, mapper, registro) or evento_publico(servicio, mapper, registro)


def mensaje_y_hash(servicio: str, mapper: Mapper, registro: StoredEvent) -> tuple[dict[str, Any], str]:
    """:func:`mensaje` and the hash recomputed from its content (what a chain check compares with ``hash``)."""
    m = _mensaje_rapido(servicio, mapper, registro)
    if m is None:
        lento = evento_publico(servicio, mapper, registro)
        return lento, hash_de_mensaje(lento)
    doc = {"tipo": m["tipo"], "agregado_id": m["agregado_id"], "version": m["version"],
           "timestamp": m["timestamp"], "sobre": m["sobre"] or {}, "datos": m["datos"]}
    calculado = hash_evento(m["hash_anterior"] or "", orjson.dumps(doc, option=orjson.OPT_SORT_KEYS))
    if calculado != m["hash"]:  # orjson wrote other bytes (an exponent float...) or the row was altered:
        lento = evento_publico(servicio, mapper, registro)  # the defining encoding decides
        return lento, hash_de_mensaje(lento)
    return m, calculado


def entrada(servicio: str, mapper: Mapper, registro: Any) -> list[Any]:
    """The log entry ``[notificacion_id, agregado_id, version, correlacion, hash]`` of a notification.

    Only ``sobre.correlacion`` and ``hash`` are read, which are plain strings in every row, so orjson alone decodes
    them; rows it cannot decode, or whose topic does not resolve, go through the mapper, and a row the mapper cannot
    read either has no hash (what the verifier reports as an unreadable event).
    """
    estado = None
    if mapper_simple(mapper):
        try:
            estado = orjson.loads(registro.state)
            _tipo(registro.topic)
        except Exception:  # noqa: BLE001
            estado = None
    if not isinstance(estado, dict):
        try:
            estado = evento_publico(servicio, mapper, registro)
        except Exception:  # noqa: BLE001 - an unreadable row: an entry without hash, for the verifier to report
            return [registro.id, str(registro.originator_id), registro.originator_version, None, None]
    sobre = estado.get("sobre")
    correlacion = sobre.get("correlacion") if isinstance(sobre, dict) else None
    return [registro.id, str(registro.originator_id), registro.originator_version, correlacion, estado.get("hash")]
