"""Stored events read as plain JSON, without rebuilding domain objects: the fast path of auditors' whole-log scans.

Decoding a row through eventsourcing's mapper builds a domain event (an object hook on every JSON object) and
``a_json`` walks it back to JSON types: about 300 us for a 2 KB event, so a checkpoint, a file's verification or a
store's chain check over 100k events took tens of seconds (bench B5). Those scans need JSON only. Here a row's bytes
get the four scalar transcodings our stores write (``datetime_iso``, ``date_iso``, ``uuid_hex``, ``decimal_str``)
rewritten to the strings ``a_json`` gives those values, then orjson decodes them; the canonical encoding is orjson's
sorted output, byte-identical to ``codificacion_canonica`` (checked for every code point and 200k doubles).

Every row this path is not sure about goes through the mapper exactly as before: a cipher or compressor in use, any
other transcoding left in the bytes, a float printed with an exponent (Python and orjson write those differently),
integers beyond 64 bits, NaN or Infinity, undecodable bytes, a topic that does not resolve. Results are therefore identical to the slow path by
construction; ``tests/unit/test_crudo.py`` and the integration tests compare both on real stores.
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
_EXPONENTE = re.compile(rb"[0-9]e[-+][0-9]{2,3}[,\]}]")
"""A float Python printed with an exponent (``1e+16``, ``1e-05``): the only floats orjson prints differently (checked
on 200k random doubles and every power of ten). It may also match inside a string: that row takes the slow path."""


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
    if (b"e+" in state or b"e-" in state) and _EXPONENTE.search(state):
        return None
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


def mensaje_y_hash(servicio: str, mapper: Mapper, registro: StoredEvent) -> tuple[dict[str, Any], str]:
    """The same dict as :func:`shared.almacen.publico.evento_publico` and the hash recomputed from its content
    (what a chain check compares with the stored ``hash``)."""
    estado = estado_json(registro.state) if mapper_simple(mapper) else None
    try:
        tipo = _tipo(registro.topic) if estado is not None else None
    except Exception:  # noqa: BLE001 - an unknown topic is the mapper's finding to report
        tipo = None
    if estado is None or tipo is None:
        lento = evento_publico(servicio, mapper, registro)
        return lento, hash_de_mensaje(lento)
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
    doc = {"tipo": tipo, "agregado_id": m["agregado_id"], "version": m["version"], "timestamp": m["timestamp"],
           "sobre": m["sobre"] or {}, "datos": m["datos"]}
    return m, hash_evento(m["hash_anterior"] or "", orjson.dumps(doc, option=orjson.OPT_SORT_KEYS))


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
