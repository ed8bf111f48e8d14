"""Large stores, fast: clone template chains, re-seal them with the real hash code, COPY them into PostgreSQL.

Each clone gets its own aggregate id, file number/code and correlation; every event its own ``evento_id``; the chain
is recomputed with ``hash_de`` (the function ``Agregado`` uses), and the stored form comes from the application's
own mapper, so the services load, verify and project these events exactly as if they had been recorded live. The
same public events fill the gateway's history (``eventos``). Then the stores are put in the state a live system
would be in: the relay's position at the end of the log, and a signed checkpoint covering it.
Two processes generate in parallel (one per core); each COPYs its own slice of notification ids.
"""

from __future__ import annotations

import copy
import json
import multiprocessing
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from uuid import UUID

import psycopg

from services.gateway.proyecciones import _ruc
from shared.almacen.aplicacion import AplicacionCTI
from shared.almacen.publico import nombre_agregado
from shared.auditoria import tablas
from shared.auditoria.checkpoint import cargar_o_generar, extender, firmar, pem_publica
from shared.eventos.agregado import datos_evento, hash_de
from shared.eventos.sobre import GENESIS, a_json

_MAPPER = AplicacionCTI("sqlite:///:memory:").mapper
COLUMNAS_GATEWAY = ("servicio", "notificacion_id", "correlacion", "ruc", "agregado", "agregado_id", "version", "tipo",
                    "timestamp", "fecha_negocio", "sobre", "datos", "hash_anterior", "hash")


@dataclass
class Familia:
    """A template chain and how to make clone ``i`` of it: (aggregate id, old->new string, correlation)."""

    servicio: str
    plantilla: list[Any]
    clon: Callable[[int], tuple[UUID, tuple[str, str] | None, str]]


def _sustituir(valor: Any, viejo: str, nuevo: str) -> Any:
    if isinstance(valor, str):
        return valor.replace(viejo, nuevo) if viejo in valor else valor
    if isinstance(valor, dict):
        return {k: _sustituir(v, viejo, nuevo) for k, v in valor.items()}
    if isinstance(valor, list):
        return [_sustituir(v, viejo, nuevo) for v in valor]
    return valor


def clonar(plantilla: list[Any], nuevo_id: UUID, cambio: tuple[str, str] | None, correlacion: str) -> list[Any]:
    anterior, salida = GENESIS, []
    for ev in plantilla:
        nuevo = copy.copy(ev)
        d = nuevo.__dict__
        d["originator_id"] = nuevo_id
        if cambio:
            for k in datos_evento(d):
                d[k] = _sustituir(d[k], *cambio)
        d["sobre"] = {**d["sobre"], "evento_id": str(uuid.uuid4()), "correlacion": correlacion}
        d["hash_anterior"] = anterior
        d["hash"] = anterior = hash_de(type(nuevo).__name__, d, anterior)
        salida.append(nuevo)
    return salida


def publico(servicio: str, topic: str, ev: Any, n: int) -> dict[str, Any]:
    """The public event (as ``shared.almacen.publico.evento_publico`` builds it) of a domain event."""
    estado = ev.__dict__
    return {"servicio": servicio, "agregado": nombre_agregado(topic), "agregado_id": str(estado["originator_id"]),
            "version": estado["originator_version"], "tipo": type(ev).__name__,
            "timestamp": a_json(estado["timestamp"]), "sobre": estado["sobre"], "datos": a_json(datos_evento(estado)),
            "hash_anterior": estado["hash_anterior"], "hash": estado["hash"], "notificacion_id": n}


def _fila_gateway(m: dict[str, Any]) -> tuple[Any, ...]:
    s = m["sobre"]
    return (m["servicio"], m["notificacion_id"], s.get("correlacion"), _ruc(m), m["agregado"], m["agregado_id"],
            m["version"], m["tipo"], m["timestamp"], s.get("fecha_negocio"), json.dumps(s), json.dumps(m["datos"]),
            m["hash_anterior"], m["hash"])


def escribir(url_servicio: str, url_gateway: str, tabla: str, servicio: str,
             cadenas: list[list[Any]], primera_notificacion: int) -> int:
    """COPY these chains into the service's event table and the gateway's history, from ``primera_notificacion``."""
    n = primera_notificacion
    with psycopg.connect(url_servicio) as cs, psycopg.connect(url_gateway) as cg:
        with cs.cursor().copy(f"COPY {tabla} (originator_id, originator_version, topic, state, notification_id) "
                              "FROM STDIN") as cp_s, \
                cg.cursor().copy(f"COPY eventos ({', '.join(COLUMNAS_GATEWAY)}) FROM STDIN") as cp_g:
            for cadena in cadenas:
                for ev in cadena:
                    guardado = _MAPPER.to_stored_event(ev)
                    cp_s.write_row((guardado.originator_id, guardado.originator_version, guardado.topic,
                                    guardado.state, n))
                    cp_g.write_row(_fila_gateway(publico(servicio, guardado.topic, ev, n)))
                    n += 1
    return n - primera_notificacion


_FAMILIAS: dict[str, Familia] = {}


def _trabajo(args: tuple[str, str, str, str, int, int, int]) -> int:
    servicio, url_s, url_g, tabla, desde, hasta, primera = args
    f = _FAMILIAS[servicio]
    cadenas = [clonar(f.plantilla, *f.clon(i)) for i in range(desde, hasta)]
    return escribir(url_s, url_g, tabla, servicio, cadenas, primera)


def generar(familia: Familia, clones: int, url_servicio: str, url_gateway: str, tabla: str,
            procesos: int = 2, lote: int = 1000) -> int:
    """``clones`` copies of the family's chain, notification ids from 1; returns the next free id."""
    _FAMILIAS[familia.servicio] = familia
    largo = len(familia.plantilla)
    tareas = [(familia.servicio, url_servicio, url_gateway, tabla, i, min(i + lote, clones), 1 + i * largo)
              for i in range(0, clones, lote)]
    if procesos > 1 and len(tareas) > 1:
        with multiprocessing.get_context("fork").Pool(procesos) as pool:
            sum(pool.imap_unordered(_trabajo, tareas))
    else:
        for t in tareas:
            _trabajo(t)
    return 1 + clones * largo


def finalizar(servicio: str, url_servicio: str, url_gateway: str, tabla: str, clave: Path) -> dict[str, Any]:
    """Sequence, relay position and a signed checkpoint at the end of the log; ANALYZE both databases."""
    with psycopg.connect(url_gateway) as cg:
        filas = cg.execute("SELECT notificacion_id, agregado_id, version, correlacion, hash FROM eventos "
                           "WHERE servicio = %s ORDER BY notificacion_id", (servicio,)).fetchall()
    raiz = extender(GENESIS, ([int(a), str(b), int(c), d, e] for a, b, c, d, e in filas))
    ultima = int(filas[-1][0]) if filas else 0
    privada = cargar_o_generar(clave)
    cp = firmar(privada, servicio, ultima, len(filas), raiz, datetime.now(UTC).isoformat())
    with psycopg.connect(url_servicio) as cs:
        cs.execute(f"SELECT setval(pg_get_serial_sequence('{tabla}', 'notification_id'), %s)", (max(ultima, 1),))
        cs.execute("INSERT INTO relay_posicion (servicio, ultima_notificacion) VALUES (%s, %s)", (servicio, ultima))
    from sqlalchemy import create_engine

    from shared.configuracion import url_sqlalchemy

    motor = create_engine(url_sqlalchemy(url_servicio))
    with motor.begin() as c:
        tablas.guardar(c, cp, pem_publica(privada))
    motor.dispose()
    for url in (url_servicio, url_gateway):
        with psycopg.connect(url, autocommit=True) as c:
            c.execute("VACUUM ANALYZE")
    return {"eventos": len(filas), "ultima_notificacion": ultima}
