"""Signed checkpoints of a service's whole event log (pure: no I/O besides reading or creating a key file).

A hash chain per stream catches an edited, missing or swapped event, but not a stream rewritten with a consistent
new chain, nor a deleted tail. A checkpoint closes that gap: the service signs, every few seconds, a running hash
over its ordered log (``raiz``), and the gateway keeps a copy from NATS. Any later rewrite of an event at or before
that position changes the recomputed root, even if the attacker also rewrites the service's own checkpoint table.

Each log entry is ``[notificacion_id, agregado_id, version, correlacion, hash]``: the stream, version and file are
inside the signed root, so an auditor holding only the entries (not the other files' events) can tell which
positions belong to the file's streams and prove none of them is missing from a bundle.
A running hash (not a Merkle tree) keeps this simple; the price is that a bundle carries every entry of the log.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from shared.eventos.sobre import GENESIS

Entrada = Sequence[Any]  # [notificacion_id, agregado_id, version, correlacion, hash]
CAMPOS_FIRMADOS = ("servicio", "posicion", "cantidad", "raiz", "emitido_en", "clave_id")


def entrada_de(evento: Mapping[str, Any]) -> list[Any]:
    """The log entry of a public event."""
    return [int(evento["notificacion_id"]), str(evento["agregado_id"]), int(evento["version"]),
            (evento.get("sobre") or {}).get("correlacion"), evento.get("hash")]


def extender(raiz: str, entradas: Iterable[Entrada]) -> str:
    """h_n = sha256(h_{n-1} || canonical JSON of entry n); the root of an empty log is GENESIS."""
    for e in entradas:
        raiz = hashlib.sha256(raiz.encode() + json.dumps(list(e), separators=(",", ":")).encode()).hexdigest()
    return raiz


def raiz_hasta(entradas: Sequence[Entrada], posicion: int) -> tuple[str, int]:
    """Root and count of the entries with ``notificacion_id <= posicion``, in the order given."""
    prefijo = [e for e in entradas if int(e[0]) <= posicion]
    return extender(GENESIS, prefijo), len(prefijo)


def raices_en(entradas: Sequence[Entrada], posiciones: Sequence[int]) -> dict[int, tuple[str, int]]:
    """``raiz_hasta`` at each of ``posiciones``. A bundle carries every checkpoint the gateway kept (one every 30 s),
    and recomputing each from the genesis cost entries x checkpoints; on an ordered log (the normal case) one pass
    gives them all. A log out of order (itself a finding) is judged position by position, exactly as before."""
    ids = [int(e[0]) for e in entradas]
    if any(a >= b for a, b in zip(ids, ids[1:])):
        return {p: raiz_hasta(entradas, p) for p in posiciones}
    resultado: dict[int, tuple[str, int]] = {}
    raiz, n = GENESIS, 0
    pendientes = sorted(set(posiciones))
    for e, ident in zip(entradas, ids):
        while pendientes and ident > pendientes[0]:
            resultado[pendientes.pop(0)] = (raiz, n)
        if not pendientes:
            break
        raiz, n = extender(raiz, (e,)), n + 1
    for p in pendientes:
        resultado[p] = (raiz, n)
    return resultado


def canonica(cp: Mapping[str, Any]) -> bytes:
    return json.dumps({k: cp[k] for k in CAMPOS_FIRMADOS}, sort_keys=True, separators=(",", ":")).encode()


def pem_publica(clave: Ed25519PrivateKey) -> str:
    return clave.public_key().public_bytes(serialization.Encoding.PEM,
                                           serialization.PublicFormat.SubjectPublicKeyInfo).decode()


def clave_id(pem: str | bytes) -> str:
    """A short, stable name of a public key: SHA-256 of its raw bytes, first 16 hex digits."""
    publica = _publica(pem)
    crudo = publica.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(crudo).hexdigest()[:16]


def firmar(clave: Ed25519PrivateKey, servicio: str, posicion: int, cantidad: int, raiz: str,
           emitido_en: str) -> dict[str, Any]:
    cp: dict[str, Any] = {"servicio": servicio, "posicion": posicion, "cantidad": cantidad, "raiz": raiz,
                          "emitido_en": emitido_en, "clave_id": clave_id(pem_publica(clave))}
    cp["firma"] = base64.b64encode(clave.sign(canonica(cp))).decode()
    return cp


def firma_valida(cp: Mapping[str, Any], pem: str | bytes) -> bool:
    try:
        _publica(pem).verify(base64.b64decode(cp["firma"]), canonica(cp))
        return cp["clave_id"] == clave_id(pem)
    except (InvalidSignature, KeyError, ValueError, TypeError):
        return False


def _publica(pem: str | bytes) -> Ed25519PublicKey:
    clave = serialization.load_pem_public_key(pem.encode() if isinstance(pem, str) else pem)
    if not isinstance(clave, Ed25519PublicKey):
        raise ValueError("la clave publica no es Ed25519")
    return clave


def cargar_o_generar(ruta: Path, generar: bool = True) -> Ed25519PrivateKey:
    """Load the service's checkpoint key; in development create it once (atomically: concurrent starts agree)."""
    if not ruta.exists():
        if not generar:
            raise FileNotFoundError(f"falta la clave de checkpoints {ruta} (CTI_CLAVE_CHECKPOINT)")
        ruta.parent.mkdir(parents=True, exist_ok=True)
        temporal = ruta.with_name(f".{ruta.name}.{os.getpid()}")
        temporal.write_bytes(Ed25519PrivateKey.generate().private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
        temporal.chmod(0o600)
        try:
            os.link(temporal, ruta)  # fails if another process created it first: then use theirs
        except FileExistsError:
            pass
        finally:
            temporal.unlink()
    clave = serialization.load_pem_private_key(ruta.read_bytes(), password=None)
    if not isinstance(clave, Ed25519PrivateKey):
        raise ValueError(f"{ruta} no es una clave Ed25519")
    return clave
