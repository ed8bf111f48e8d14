"""Helpers for fiscalizacion's HTTP tests: the service on a real store and NATS, tokens per organ, acts with fixed
dates, waiting for the read models, and reading the FISCALIZACION stream."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

import nats
from fastapi.testclient import TestClient

from services.fiscalizacion.main import crear_app
from shared.configuracion import Configuracion
from shared.mensajeria.flujos import asegurar_stream_servicio, nombre_stream
from tests.integration.apoyo import esperar

RUC = "20100070970"
OTRO_RUC = "20131312955"


class Tokens:
    def __init__(self, emisor: Any, ruc: str = RUC) -> None:
        e = emisor.emitir
        self.dfs = e("luis.dfs", "APCI-DFS", ["instructor"])
        self.doc = e("ana.doc", "APCI-DOC", ["instructor"])
        self.cis = e("st.cis", "APCI-CIS", ["comision"])
        self.de = e("director", "APCI-DE", ["director_ejecutivo"])
        self.entidad = e("representante", f"ENTIDAD-{ruc}", ["entidad"])
        self.otra_entidad = e("intruso", f"ENTIDAD-{OTRO_RUC}", ["entidad"])
        self.auditor = e("auditora", "APCI-OCI", ["auditor"])
        self.admin = e("admin", "APCI-DE", ["administrador"])


@contextmanager
def servicio(database_url: str, nats_url: str, clave_publica: Any) -> Iterator[TestClient]:
    config = Configuracion(servicio="fiscalizacion", database_url=database_url, nats_url=nats_url,
                           clave_publica=clave_publica)
    with TestClient(crear_app(config)) as c:
        yield c


def cab(token: str | None, version: int | None = None) -> dict[str, str]:
    h = {"Authorization": f"Bearer {token}"} if token else {}
    if version is not None:
        h["If-Match"] = f'"{version}"'
    return h


def actuar(c: TestClient, recurso: str, ref: str, accion: str, token: str, **cuerpo: Any) -> dict[str, Any]:
    r = c.post(f"/api/v1/{recurso}/{ref}/acciones/{accion}", json=_json(cuerpo), headers=cab(token))
    assert r.status_code == 200, f"{accion}: {r.text}"
    return r.json()


def _json(cuerpo: dict[str, Any]) -> dict[str, Any]:
    return {k: v.isoformat() if isinstance(v, date) else v for k, v in cuerpo.items()}


def esperar_lecturas(c: TestClient) -> None:
    comp = c.app.state.componentes
    esperar(lambda: comp.proyector.posicion >= comp.aplicacion.ultima_notificacion(), 10, "proyector al dia")


def vencer(c: TestClient, admin: str, hoy: date) -> int:
    esperar_lecturas(c)
    r = c.post(f"/operaciones/plazos/vencer?hoy={hoy.isoformat()}", headers=cab(admin))
    assert r.status_code == 200, r.text
    return r.json()["vencidos"]


async def _mensajes(nats_url: str, sujeto: str) -> list[dict[str, Any]]:
    nc = await nats.connect(nats_url)
    try:
        js = nc.jetstream()
        await asegurar_stream_servicio(js, "fiscalizacion")
        sub = await js.pull_subscribe(sujeto, stream=nombre_stream("fiscalizacion"))
        salida = []
        while True:
            try:
                lote = await sub.fetch(100, timeout=0.5)
            except (nats.errors.TimeoutError, TimeoutError):
                return salida
            for m in lote:
                salida.append(json.loads(m.data))
                await m.ack()
    finally:
        await nc.close()


def mensajes_fiscalizacion(nats_url: str, sujeto: str = "fiscalizacion.>") -> list[dict[str, Any]]:
    """Every message now on the FISCALIZACION stream matching ``sujeto`` (an ephemeral consumer)."""
    return asyncio.run(_mensajes(nats_url, sujeto))


async def _publicar(nats_url: str, mensajes: list[tuple[str, dict[str, Any], str]]) -> None:
    nc = await nats.connect(nats_url)
    try:
        js = nc.jetstream()
        for sujeto, mensaje, msg_id in mensajes:
            await asegurar_stream_servicio(js, mensaje["servicio"])
            await js.publish(sujeto, json.dumps(mensaje).encode(), headers={"Nats-Msg-Id": msg_id})
    finally:
        await nc.close()


def publicar(nats_url: str, mensajes: list[tuple[str, dict[str, Any], str]]) -> None:
    asyncio.run(_publicar(nats_url, mensajes))
