"""Redelivery and poison messages against the real consumers (gateway history and offices view, tramite's offices).

Registro runs with its relay out of process and stopped, so the test can play a misbehaving publisher: it publishes
the committed events duplicated and out of order (fresh message ids, so JetStream keeps every copy), then starts the
real relay, which publishes them all once more. Nothing may change: each consumer applies each event once and its read
model equals the store. Then a poison message: a stale row in the gateway's offices view makes the projection of a new
office fail; after ``CTI_MAX_ENTREGAS`` attempts it goes to ``dlq.gateway-registro`` and the ``cartas_muertas`` table,
shows in ``/metrics``, does not block the messages behind it, and an operator re-drives it after removing the row.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import time

import httpx
import nats
import pytest
from sqlalchemy import text

from shared.mensajeria.flujos import asegurar_stream_servicio
from tests.fallas import carga
from tests.fallas.comprobaciones import (consumidores_de_registro, duplicados, esperar, eventos_almacen,
                                         historia_gateway, versiones_oficinas)

pytestmark = pytest.mark.lento

CONSUMIDORES = ("gateway-registro", "tramite-registro")
SIN_PROXY = {"trust_env": False}


async def _publicar(url: str, eventos: list[dict], orden: list[int]) -> None:
    nc = await nats.connect(url)
    js = nc.jetstream()
    await asegurar_stream_servicio(js, "registro")
    for k, i in enumerate(orden):
        e = eventos[i]
        await js.publish(f"registro.{e['agregado']}.{e['tipo']}", json.dumps(e).encode(),
                         headers={"Nats-Msg-Id": f"prueba-{k}"})
    await nc.close()


async def _pendientes(url: str) -> int:
    nc = await nats.connect(url)
    try:
        total = 0
        for nombre in CONSUMIDORES:
            info = await nc.jetstream().consumer_info("REGISTRO", nombre)
            total += info.num_pending + info.num_ack_pending
        return total
    finally:
        await nc.close()


def _drenado(suite) -> bool:
    return asyncio.run(_pendientes(suite.nats.url)) == 0


def _relay(suite) -> subprocess.Popen:
    env = {**os.environ, **suite.entorno("registro"), "CTI_SERVICIO": "registro"}
    return subprocess.Popen([sys.executable, "-m", "shared.mensajeria.proceso_relay", "--servicio", "registro"],
                            env=env, stdout=open(suite.raiz / "relay.log", "ab"), stderr=subprocess.STDOUT)


def _crear_oficinas(suite, codigos: list[str], renombres: int) -> None:
    async def _todo() -> None:
        async with carga.cliente(suite.gateway) as c:
            for codigo in codigos:
                rs = await carga.vida_de_oficina(c, codigo, suite.cabeceras(), renombres=renombres)
                assert all(r.confirmado for r in rs), [(r.status, r.cuerpo) for r in rs]
    asyncio.run(_todo())


@pytest.fixture
def suite_sin_relay(crear_suite):
    suite = crear_suite(entorno={"registro": {"CTI_RELAY_EN_PROCESO": "false"}})
    suite.esperar_listo("gateway")
    esperar(lambda: _drenado(suite), 30, "los consumidores de registro estan suscritos")
    return suite


def test_reentregas_duplicadas_y_desordenadas_no_cambian_nada_y_el_veneno_va_al_dead_letter(suite_sin_relay, informe):
    suite = suite_sin_relay
    _crear_oficinas(suite, ["RD-A", "RD-B"], renombres=2)
    eventos = eventos_almacen(suite, "registro")
    assert len(eventos) == 6 and historia_gateway(suite, "registro") == []  # committed, not yet published

    desorden = [2, 0, 0, 5, 1, 2, 4, 3, 1, 5, 3, 4]  # later versions first, every event twice
    asyncio.run(_publicar(suite.nats.url, eventos, desorden))
    esperar(lambda: _drenado(suite), 30, "los consumidores procesan las entregas desordenadas")
    relay = _relay(suite)
    try:
        esperar(lambda: asyncio.run(_contar(suite)) == len(desorden) + len(eventos), 30, "el relay publica todo")
        esperar(lambda: _drenado(suite), 30, "los consumidores procesan las publicaciones del relay")

        ids = sorted(e["notificacion_id"] for e in eventos)
        aplicados = consumidores_de_registro(suite)
        for nombre, vistos in aplicados.items():
            assert sorted(vistos) == ids and duplicados(vistos) == 0, nombre
        finales = {e["sobre"]["correlacion"].removeprefix("OFICINA-"): e["version"] for e in eventos}
        assert versiones_oficinas(suite, "gateway") == finales, "la vista de oficinas del gateway sigue al almacen"
        with suite.motor("gateway").connect() as c:
            nombres = dict(c.execute(text("SELECT codigo, nombre FROM oficinas")).all())
        assert nombres == {"RD-A": "Oficina RD-A r1", "RD-B": "Oficina RD-B r1"}

        reprocesada = _veneno_y_reproceso(suite)
    finally:
        relay.send_signal(signal.SIGTERM)
        relay.wait(10)
    informe["reentregas"] = {"mensajes": len(desorden) + len(eventos), "eventos": len(eventos),
                             "aplicados": len(set(aplicados["gateway (historial)"])),
                             "iguales": "si", "reprocesada": "si" if reprocesada else "no"}


async def _contar(suite) -> int:
    nc = await nats.connect(suite.nats.url)
    try:
        return (await nc.jetstream().stream_info("REGISTRO")).state.messages
    finally:
        await nc.close()


def _metrica(suite, consumidor: str) -> float:
    cuerpo = httpx.get(f"{suite.gateway}/metrics", **SIN_PROXY).text
    for linea in cuerpo.splitlines():
        if linea.startswith("cti_cartas_muertas_total{") and f'consumidor="{consumidor}"' in linea:
            return float(linea.rsplit(" ", 1)[1])
    return 0.0


def _veneno_y_reproceso(suite) -> bool:
    motor = suite.motor("gateway")
    with motor.begin() as c:  # a stale row left in the read model: the projection of RD-C will fail on it
        c.execute(text("INSERT INTO oficinas (codigo, agregado_id, nombre, tipo, entidad, estado, vigente_desde, "
                       "version) VALUES ('RD-C', 'fila-huerfana', 'x', 'sector', 'x', 'activa', '2020-01-01', 1)"))
    _crear_oficinas(suite, ["RD-C"], renombres=0)
    _crear_oficinas(suite, ["RD-D"], renombres=0)  # behind the poison: must not be blocked
    admin = suite.cabeceras()
    operaciones = f"{suite.gateway}/operaciones/cartas-muertas"
    esperar(lambda: len(httpx.get(operaciones, headers=admin, **SIN_PROXY).json()) == 1, 30,
            "el mensaje venenoso llega al dead-letter")
    esperar(lambda: "RD-D" in versiones_oficinas(suite, "gateway"), 15, "el mensaje de atras no queda bloqueado")
    (carta,) = httpx.get(operaciones, headers=admin, **SIN_PROXY).json()
    assert carta["consumidor"] == "gateway-registro" and carta["estado"] == "pendiente"
    assert "RD-C" in carta["mensaje"] and carta["sujeto"] == "registro.oficina.OficinaCreada"
    assert _metrica(suite, "gateway-registro") == 1.0
    assert asyncio.run(_mensajes_dlq(suite)) == 1

    auditor = suite.cabeceras(persona="aud", oficina="CONTRALORIA", roles=("auditor",))
    r = httpx.post(f"{operaciones}/{carta['id']}/reprocesar", headers=auditor, **SIN_PROXY)
    assert r.status_code == 403 and r.headers["content-type"].startswith("application/problem+json")
    r = httpx.post(f"{operaciones}/{carta['id']}/reprocesar", headers=admin, **SIN_PROXY)
    assert r.status_code >= 400, "sin corregir la causa, re-procesar vuelve a fallar"
    with motor.begin() as c:  # the operator's fix
        c.execute(text("DELETE FROM oficinas WHERE agregado_id = 'fila-huerfana'"))
    r = httpx.post(f"{operaciones}/{carta['id']}/reprocesar", headers=admin, **SIN_PROXY)
    assert r.status_code == 200 and r.json()["estado"] == "reprocesada", r.text
    assert versiones_oficinas(suite, "gateway")["RD-C"] == 1
    assert sorted(historia_gateway(suite, "registro")) == sorted(e["notificacion_id"]
                                                                 for e in eventos_almacen(suite, "registro"))
    r = httpx.post(f"{operaciones}/{carta['id']}/reprocesar", headers=admin, **SIN_PROXY)
    assert r.status_code == 422 and r.headers["content-type"].startswith("application/problem+json")
    return True


async def _mensajes_dlq(suite) -> int:
    nc = await nats.connect(suite.nats.url)
    try:
        return (await nc.jetstream().stream_info("DLQ")).state.messages
    finally:
        await nc.close()


def test_tramite_tolera_entregas_desordenadas(suite_sin_relay):
    suite = suite_sin_relay
    _crear_oficinas(suite, ["RD-T"], renombres=1)
    eventos = eventos_almacen(suite, "registro")
    asyncio.run(_publicar(suite.nats.url, eventos, [1, 0]))
    esperar(lambda: _drenado(suite), 30, "tramite procesa las entregas")
    assert versiones_oficinas(suite, "tramite") == {"RD-T": 2}
