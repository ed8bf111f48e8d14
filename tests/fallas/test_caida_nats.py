"""Broker outage: NATS stopped for 30 s while clients keep sending commands through the gateway.

Services commit without the broker (the outbox relay publishes later), so every command is still acknowledged; when
NATS returns, the backlog drains and the gateway's history and tramite's read model end with exactly the committed
events. The time from NATS coming back until every consumer holds every event is the drain time in the report.
"""

from __future__ import annotations

import asyncio
import threading
import time

import httpx
import pytest

from tests.fallas import carga
from tests.fallas.comprobaciones import (consumidores_al_dia, consumidores_de_registro, duplicados, esperar,
                                         eventos_almacen, mensajes_stream_sync)

pytestmark = pytest.mark.lento

CAIDA_S = 30.0
CLIENTES = 10


async def _clientes(suite, parar: threading.Event, bitacora: list) -> None:
    cab = suite.cabeceras()
    async with carga.cliente(suite.gateway, CLIENTES) as c:

        async def uno(k: int) -> None:
            i = 0
            while not parar.is_set():
                codigo = f"NATS-{k:02d}-{i:04d}"
                for r in await carga.vida_de_oficina(c, codigo, cab, renombres=1):
                    bitacora.append((time.monotonic(), r))
                i += 1
                await asyncio.sleep(0.2)

        await asyncio.gather(*(uno(k) for k in range(CLIENTES)))


def test_caida_de_nats_30_s_bajo_carga_no_frena_comandos_y_el_atraso_drena_exacto(crear_suite, informe):
    suite = crear_suite()
    suite.esperar_listo("gateway")
    parar, bitacora = threading.Event(), []
    hilo = threading.Thread(target=lambda: asyncio.run(_clientes(suite, parar, bitacora)))
    hilo.start()
    try:
        time.sleep(2)
        suite.nats.stop()
        caida = time.monotonic()
        time.sleep(CAIDA_S)
        sondeo = httpx.get(f"{suite.url('registro')}/health/ready", timeout=5, trust_env=False)
        suite.nats.start()
        vuelta = time.monotonic()
    finally:
        parar.set()
        hilo.join(60)
    assert sondeo.status_code == 503 and sondeo.json()["nats"] is False, "readiness dice que falta NATS"

    durante = [r for t, r in bitacora if caida <= t <= vuelta]
    errores = [r for _, r in bitacora if not r.confirmado]
    assert len(durante) > 100, "los clientes siguieron enviando comandos durante la caida"
    assert errores == [], f"sin broker los servicios igual confirman: {errores[:3]}"

    eventos = eventos_almacen(suite, "registro")
    total = len(eventos)
    assert total == len(bitacora)
    esperar(consumidores_al_dia(suite, total), 120, f"los consumidores reciben los {total} eventos", paso=0.05)
    drenado = time.monotonic() - vuelta  # from NATS back until every consumer holds every committed event
    ids = sorted(e["notificacion_id"] for e in eventos)
    perdidos = dup = 0
    for nombre, aplicados in consumidores_de_registro(suite).items():
        perdidos += len(set(ids) - set(aplicados))
        dup += duplicados(aplicados) + len(set(aplicados) - set(ids))
        assert sorted(set(aplicados)) == ids, nombre
    assert mensajes_stream_sync(suite.nats.url, "REGISTRO") == total
    muestra = bitacora[len(bitacora) // 2][1].codigo
    historia = httpx.get(f"{suite.gateway}/api/v1/eventos", params={"correlacion": f"OFICINA-{muestra}"},
                         trust_env=False).json()["items"]
    assert [e["version"] for e in historia] == list(range(1, len(historia) + 1)) and historia
    informe["caida_nats"] = {"caida_s": vuelta - caida, "aceptados_durante": len(durante),
                             "errores_durante": len(errores), "eventos": total,
                             "drenado_s": drenado,
                             "perdidos": perdidos, "duplicados": dup}
