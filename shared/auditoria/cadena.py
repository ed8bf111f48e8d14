"""Verify per-stream hash chains from public events alone (no service code needed).

A stream is one aggregate's events. Each event's ``hash`` covers the previous hash and the canonical encoding of its
type, ids, version, times, envelope and payload, so editing a byte changes the hash, deleting or swapping events
breaks the version sequence or the ``hash_anterior`` link. Failures name the stream and the version.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from shared.eventos.sobre import GENESIS, codificacion_canonica, hash_evento


@dataclass(frozen=True)
class Falla:
    stream: str
    version: int
    motivo: str

    def a_dict(self) -> dict[str, Any]:
        return {"stream": self.stream, "version": self.version, "motivo": self.motivo}


def hash_de_mensaje(m: Mapping[str, Any]) -> str:
    canonica = codificacion_canonica(
        m["tipo"], m["agregado_id"], int(m["version"]), m["timestamp"], m.get("sobre") or {}, m.get("datos") or {}
    )
    return hash_evento(m.get("hash_anterior") or "", canonica)


Calculo = Callable[[Mapping[str, Any]], str]
"""How an event's hash is recomputed: from the message by default; the store scan passes hashes it computed while
decoding (``shared.almacen.crudo``)."""


def verificar_stream(stream: str, eventos: list[Mapping[str, Any]],
                     calcular: Calculo = hash_de_mensaje) -> list[Falla]:
    fallas: list[Falla] = []
    anterior = GENESIS
    esperada = 1
    for m in sorted(eventos, key=lambda e: int(e["version"])):
        version = int(m["version"])
        if version != esperada:
            fallas.append(Falla(stream, esperada, f"falta el evento de la version {esperada} (siguiente: {version})"))
        if m.get("hash_anterior") != anterior:
            fallas.append(Falla(stream, version, "hash_anterior no enlaza con el evento previo"))
        if calcular(m) != m.get("hash"):
            fallas.append(Falla(stream, version, "el contenido no corresponde a su hash"))
        anterior = m.get("hash") or ""
        esperada = version + 1
    return fallas


def verificar_cadenas(eventos: Iterable[Mapping[str, Any]], calcular: Calculo = hash_de_mensaje) -> list[Falla]:
    por_stream: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for m in eventos:
        por_stream[m["agregado_id"]].append(m)
    fallas: list[Falla] = []
    for stream, lista in por_stream.items():
        fallas.extend(verificar_stream(stream, lista, calcular))
    return fallas
