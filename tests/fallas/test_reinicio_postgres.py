"""Database restart under load: the PostgreSQL cluster every service uses goes down for a few seconds and comes back.

While it is down every answer that is not a success is a 503 problem+json (never a 500, never a hang); the services
recover by themselves (no restart of theirs); nothing acknowledged is lost, no message ends in a dead-letter table
because of the outage, and every consumer ends with exactly the committed events. The suite gets its own throwaway
cluster, since the session's may be an external server that cannot be restarted.
"""

from __future__ import annotations

import asyncio
import threading
import time

import pytest
from sqlalchemy import func, select

from shared.lecturas.tablas import cartas_muertas
from tests.fallas import carga
from tests.fallas.comprobaciones import consumidores_al_dia, consumidores_de_registro, esperar, eventos_almacen
from tests.infra.postgres import ServidorPostgres

pytestmark = pytest.mark.lento

CAIDA_S = 5.0
CLIENTES = 10
PROBLEMA = "application/problem+json"


@pytest.fixture
def pg_propio():
    servidor = ServidorPostgres().start()
    yield servidor
    servidor.destruir()


async def _clientes(suite, parar: threading.Event, bitacora: list) -> None:
    cab = suite.cabeceras()
    async with carga.cliente(suite.gateway, CLIENTES) as c:

        async def uno(k: int) -> None:
            i = 0
            while not parar.is_set():
                for r in await carga.vida_de_oficina(c, f"PG-{k:02d}-{i:04d}", cab, renombres=1):
                    bitacora.append((time.monotonic(), r))
                i += 1
                await asyncio.sleep(0.05)

        await asyncio.gather(*(uno(k) for k in range(CLIENTES)))


def test_reinicio_de_postgres_bajo_carga_da_503_se_recupera_solo_y_no_pierde_nada(crear_suite, pg_propio, informe):
    suite = crear_suite(pg=pg_propio)
    suite.esperar_listo("gateway")
    parar, bitacora = threading.Event(), []
    hilo = threading.Thread(target=lambda: asyncio.run(_clientes(suite, parar, bitacora)))
    hilo.start()
    try:
        time.sleep(2)
        pg_propio.stop()
        caida = time.monotonic()
        time.sleep(CAIDA_S)
        pg_propio.start()
        vuelta = time.monotonic()
        esperar(lambda: any(t > vuelta and r.confirmado for t, r in bitacora), 60,
                "los servicios vuelven a confirmar comandos sin reiniciarse")
        recuperacion = min(t for t, r in bitacora if t > vuelta and r.confirmado) - vuelta
        time.sleep(2)
    finally:
        parar.set()
        hilo.join(60)

    fallidos = [r for _, r in bitacora if not r.confirmado]
    no_503 = [(r.status, r.cuerpo) for r in fallidos if r.status != 503 or not r.content_type.startswith(PROBLEMA)]
    assert fallidos, "la caida debe notarse"
    assert no_503 == [], f"solo 503 problem+json mientras la base no esta: {no_503[:5]}"
    for s in ("registro", "tramite", "fiscalizacion", "gateway"):
        assert suite.procesos[s].poll() is None, f"{s} sigue vivo"
        suite.esperar_listo(s, 30)

    eventos = eventos_almacen(suite, "registro")
    por_codigo = {(e["sobre"]["correlacion"], e["version"]) for e in eventos}
    confirmados = [r for _, r in bitacora if r.confirmado]
    perdidos = [r for r in confirmados if (f"OFICINA-{r.codigo}", r.cuerpo["version"]) not in por_codigo]
    assert perdidos == []
    esperar(consumidores_al_dia(suite, len(eventos)), 60, "los consumidores reciben todo tras la caida")
    ids = sorted(e["notificacion_id"] for e in eventos)
    for nombre, aplicados in consumidores_de_registro(suite).items():
        assert sorted(aplicados) == ids, nombre
    for base in ("gateway", "tramite"):
        with suite.motor(base).connect() as c:
            assert c.execute(select(func.count()).select_from(cartas_muertas)).scalar() == 0, base
    informe["reinicio_postgres"] = {
        "caida_s": vuelta - caida, "respuestas_503": len(fallidos),
        "respuestas_500": sum(r.status == 500 for r in fallidos),
        "recuperacion_s": recuperacion, "confirmados": len(confirmados), "perdidos": len(perdidos)}
