"""Gather one file's evidence from every service and check it: the bundle, the online verification, the replay.

Each service gives a checkpoint signed now, its log entries up to the position read just before, and the whole
streams that concern the file up to that same position (one consistent cut). The gateway adds the checkpoints it
received earlier from NATS, builds the bundle and verifies it with the very function the offline tool runs; online it
also compares each event with the copy the relay published to NATS, which names the exact event that was deleted
or rewritten where a checkpoint can only say that the log changed before its position.
"""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import orjson
from fastapi import Request
from sqlalchemy import Engine, or_, select

from services.gateway.checkpoints import recibidos
from services.gateway.lecturas import eventos as copia
from shared.auditoria import paquete as paq
from shared.auditoria.verificacion import Hallazgo
from shared.errores import ServicioNoDisponible


async def recoger(request: Request, numero: str) -> dict[str, dict[str, Any] | str]:
    """Per service: its signed log and the file's streams, or why it could not be had."""
    comp = request.app.state.componentes
    cliente: httpx.AsyncClient = comp.extra["http"]
    cabeceras = {"authorization": request.headers.get("authorization", "")}

    async def uno(servicio: str, base: str) -> dict[str, Any] | str:
        try:
            r = await cliente.get(f"{base}/api/v1/auditoria/{servicio}/log", headers=cabeceras)
            if r.status_code != 200:
                return f"el servicio respondio {r.status_code} al pedir su log"
            log = orjson.loads(r.content)  # one entry per event of the service: the fast parser
            r = await cliente.get(f"{base}/api/v1/auditoria/{servicio}/eventos", headers=cabeceras,
                                  params={"correlacion": numero, "hasta": log["hasta"]})
            if r.status_code != 200:
                return f"el servicio respondio {r.status_code} al pedir los eventos"
            eventos = r.json()["items"]
        except httpx.HTTPError as e:
            return f"el servicio no responde ({type(e).__name__})"
        except (ValueError, KeyError, TypeError) as e:  # a log streamed and cut, or not the expected shape
            return f"el servicio respondio un log ilegible ({type(e).__name__})"
        return {**log, "eventos": eventos}

    urls = request.app.state.config.urls_servicios
    resultados = await asyncio.gather(*(uno(s, b) for s, b in urls.items()))
    return dict(zip(urls, resultados, strict=True))


async def armar_paquete(motor: Engine, numero: str, datos: dict[str, dict[str, Any]]) -> dict[str, Any]:
    secciones = []
    for servicio, d in datos.items():
        firmados = await asyncio.to_thread(recibidos, motor, servicio)
        firmados += [d["checkpoint"]] if d.get("checkpoint") else []
        if d["log"] or firmados:
            secciones.append(paq.seccion(servicio, d["eventos"], d["log"], firmados))
    return paq.armar(numero, secciones)


def comparar_con_copia(motor: Engine, servicio: str, numero: str, d: dict[str, Any]) -> tuple[list[Hallazgo], int]:
    """Findings against the gateway's NATS copy, and how many of the service's events have not reached it yet."""
    del_servicio = {int(e["notificacion_id"]): e for e in d["eventos"] if e.get("notificacion_id") is not None}
    streams = {e["agregado_id"] for e in d["eventos"]}
    consulta = select(copia.c.notificacion_id, copia.c.agregado_id, copia.c.version, copia.c.hash).where(
        copia.c.servicio == servicio, copia.c.notificacion_id <= int(d["hasta"]),
        or_(copia.c.correlacion == numero, copia.c.agregado_id.in_(streams)))
    with motor.connect() as c:
        filas = c.execute(consulta).all()
    hallazgos = []
    for n, agregado_id, version, hash_ in filas:
        e = del_servicio.get(int(n))
        if e is None:
            motivo = "el servicio ya no entrega este evento, que si publico en NATS (borrado u ocultado)"
        elif (e.get("hash"), e["agregado_id"], int(e["version"])) != (hash_, agregado_id, version):
            motivo = "el evento del servicio difiere de la copia publicada en NATS (alterado o reescrito)"
        else:
            continue
        hallazgos.append(Hallazgo(servicio, motivo, agregado_id, version, int(n)))
    return hallazgos, len(set(del_servicio) - {int(f[0]) for f in filas})


def exigir_completo(datos: dict[str, dict[str, Any] | str]) -> dict[str, dict[str, Any]]:
    caidos = {s: d for s, d in datos.items() if isinstance(d, str)}
    if caidos:
        raise ServicioNoDisponible("No se pudo reunir la evidencia de todos los servicios: "
                                   + "; ".join(f"{s}: {m}" for s, m in caidos.items()))
    return datos  # type: ignore[return-value]

