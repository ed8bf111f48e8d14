"""Identity of DMS documents inside a file: the key that makes incorporation idempotent.

Why a key and not the whole reference: the same revision may reach the file by several paths (the DMS event log,
a signed webhook, an act that filed it itself); it is the same document exactly when it is the same object and
revision in the same DMS. References without ``dms`` (typed in by an office, never checked against a DMS) have no
key and never collide.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any


def clave_dms(doc: Mapping[str, Any]) -> tuple[str, str, str] | None:
    if doc.get("dms") and doc.get("dms_id") and doc.get("version"):
        return str(doc["dms"]), str(doc["dms_id"]), str(doc["version"])
    return None


def claves_dms(docs: Iterable[Mapping[str, Any]] | None) -> frozenset[tuple[str, str, str]]:
    return frozenset(c for c in (clave_dms(d) for d in docs or ()) if c is not None)
