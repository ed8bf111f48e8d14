"""Tamper evidence at scale: 1,000 random single modifications of stored events, every one detected.

The store is registro's, on PostgreSQL; its raw rows (``originator_id, originator_version, topic, state``, the bytes an
attacker with database access edits) are read once, and each trial changes one thing in a copy of them: edits a byte
or a field, deletes an event, swaps two events, or truncates the log's tail. Verification is what the chassis runs:
decoding plus every stream's hash chain (as ``shared/auditoria/almacen.verificar_almacen``), and the log against a
signed checkpoint taken before the tampering (``shared/auditoria/checkpoint``). A deleted last event of a stream or a
truncated tail leaves consistent chains: only the checkpoint catches those, and the test says which ones it was.
"""

from __future__ import annotations

import json
import random
from collections import Counter
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from eventsourcing.persistence import Notification

from shared.almacen.publico import evento_publico
from shared.auditoria.cadena import verificar_cadenas
from shared.auditoria.checkpoint import entrada_de, extender, firma_valida, firmar, pem_publica, raiz_hasta
from shared.eventos.sobre import GENESIS
from tests.integration.apoyo import app_registro, crear_oficinas

pytestmark = pytest.mark.lento

INTENTOS = 1000
TIPOS = ("editar_byte", "editar_campo", "borrar", "reordenar", "truncar")


def _publicos(app, filas: list[Notification]) -> tuple[list[dict], int]:
    eventos, ilegibles = [], 0
    for n in filas:
        try:
            eventos.append(evento_publico("registro", app.mapper, n))
        except Exception:  # a row that no longer decodes is itself a finding
            ilegibles += 1
            eventos.append({"notificacion_id": n.id, "agregado_id": str(n.originator_id),
                            "version": n.originator_version, "sobre": {}, "hash": None})
    return eventos, ilegibles


def _detectar(app, filas: list[Notification], checkpoint: dict, clave_publica: str) -> set[str]:
    """Which verifications flag the (possibly tampered) rows: chains/decoding and/or the signed checkpoint."""
    eventos, ilegibles = _publicos(app, filas)
    por = set()
    if ilegibles or verificar_cadenas([e for e in eventos if e.get("hash")]):
        por.add("cadena")
    assert firma_valida(checkpoint, clave_publica)
    raiz, cantidad = raiz_hasta([entrada_de(e) for e in eventos], checkpoint["posicion"])
    if raiz != checkpoint["raiz"] or cantidad != checkpoint["cantidad"]:
        por.add("checkpoint")
    return por


def _manipular(tipo: str, filas: list[Notification], azar: random.Random) -> list[Notification]:
    filas = list(filas)
    i = azar.randrange(len(filas))
    if tipo == "editar_byte":
        estado = bytearray(filas[i].state)
        k = azar.randrange(len(estado))
        estado[k] = (estado[k] + azar.randrange(1, 256)) % 256
        filas[i] = replace(filas[i], state=bytes(estado))
    elif tipo == "editar_campo":
        estado = json.loads(filas[i].state)
        campos = [k for k, v in estado.items() if isinstance(v, str) and k not in ("hash", "hash_anterior")]
        campo = azar.choice(campos)
        estado[campo] = estado[campo] + azar.choice([" ", "x", "0"])
        filas[i] = replace(filas[i], state=json.dumps(estado).encode())
    elif tipo == "borrar":
        del filas[i]
    elif tipo == "reordenar":
        mismo = [j for j, f in enumerate(filas) if f.originator_id == filas[i].originator_id and j != i]
        j = azar.choice(mismo) if mismo else (i + 1) % len(filas)
        filas[i], filas[j] = replace(filas[i], state=filas[j].state, topic=filas[j].topic), \
            replace(filas[j], state=filas[i].state, topic=filas[i].topic)
    else:  # truncar: the last k events of the log disappear
        del filas[len(filas) - azar.randint(1, 5):]
    return filas


def test_mil_manipulaciones_aleatorias_del_almacen_son_todas_detectadas(url_postgres, informe):
    app = app_registro(url_postgres)
    crear_oficinas(app, 25, renombres=2, prefijo="MANIP")
    filas = list(app.notificaciones(1, 10_000))
    assert len(filas) == 75
    eventos, _ = _publicos(app, filas)
    clave = Ed25519PrivateKey.generate()
    entradas = [entrada_de(e) for e in eventos]
    checkpoint = firmar(clave, "registro", entradas[-1][0], len(entradas), extender(GENESIS, entradas),
                        datetime.now(UTC).isoformat())
    assert _detectar(app, filas, checkpoint, pem_publica(clave)) == set(), "el almacen intacto verifica"

    azar = random.Random(20261125)
    intentadas, detectadas, solo_checkpoint = Counter(), Counter(), Counter()
    no_detectadas = []
    for k in range(INTENTOS):
        tipo = TIPOS[k % len(TIPOS)]
        manipuladas = _manipular(tipo, filas, azar)
        if manipuladas == filas:  # a byte changed to itself cannot happen (+1..255), but be explicit
            continue
        por = _detectar(app, manipuladas, checkpoint, pem_publica(clave))
        intentadas[tipo] += 1
        if por:
            detectadas[tipo] += 1
            solo_checkpoint[tipo] += por == {"checkpoint"}
        else:
            no_detectadas.append(tipo)
    informe["manipulacion"] = {
        "intentadas": sum(intentadas.values()), "detectadas": sum(detectadas.values()),
        "por_tipo": ", ".join(f"{t} {detectadas[t]}/{intentadas[t]}"
                              + (f" ({solo_checkpoint[t]} solo por checkpoint)" if solo_checkpoint[t] else "")
                              for t in TIPOS)}
    assert sum(intentadas.values()) == INTENTOS
    assert no_detectadas == []
    assert solo_checkpoint["truncar"] == intentadas["truncar"], "un corte de la cola solo lo ve el checkpoint"
