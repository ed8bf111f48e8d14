"""Many clients acting on the same aggregate at once, through the gateway.

With ``If-Match`` exactly one action wins per version and every other client gets 409 problem+json naming the current
version (and an ETag with it); without ``If-Match`` every act is applied, serialised, each on its own version. Either
way the store's versions are gap-free, every acknowledged act is in it under the version the client was told, and
nothing else is: no lost update, no duplicate.
"""

from __future__ import annotations

import asyncio

import pytest

from tests.fallas import carga
from tests.fallas.comprobaciones import esperar, eventos_almacen, versiones_oficinas

pytestmark = pytest.mark.lento

CLIENTES = 40
RONDAS = 5


async def _escenario(suite):
    cab = suite.cabeceras()
    async with carga.cliente(suite.gateway, CLIENTES) as c:
        creaciones = await asyncio.gather(*(carga.crear(c, "CONC-1", cab) for _ in range(CLIENTES)))
        rondas = []
        version = 1
        for ronda in range(RONDAS):
            rs = await asyncio.gather(*(carga.renombrar(c, "CONC-1", f"ronda {ronda} cliente {k}", version, cab)
                                        for k in range(CLIENTES)))
            rondas.append((version, rs))
            version += 1
        libres = await asyncio.gather(*(carga.renombrar(c, "CONC-1", f"libre {k}", None, cab)
                                        for k in range(CLIENTES)))
    return creaciones, rondas, libres


def test_muchos_clientes_sobre_el_mismo_agregado_uno_gana_por_version_y_nada_se_pierde(suite, informe):
    creaciones, rondas, libres = asyncio.run(_escenario(suite))
    assert sorted(r.status for r in creaciones) == [201] + [409] * (CLIENTES - 1)
    assert all(r.cuerpo["type"].endswith("/duplicado") for r in creaciones if r.status == 409)

    ganadores, conflictos = [], 0
    for version, rs in rondas:
        ok = [r for r in rs if r.status == 200]
        assert len(ok) == 1, f"version {version}: {len(ok)} ganadores"
        ganadores.append(ok[0])
        for r in rs:
            if r.status != 200:
                assert r.status == 409 and r.content_type.startswith("application/problem+json"), (r.status, r.cuerpo)
                assert r.cuerpo["version_actual"] == version + 1
                conflictos += 1
        assert ok[0].cuerpo["version"] == version + 1
    assert all(r.status == 200 for r in libres)
    versiones_libres = sorted(r.cuerpo["version"] for r in libres)
    assert versiones_libres == list(range(RONDAS + 2, RONDAS + 2 + CLIENTES)), "cada acto en su propia version"

    eventos = [e for e in eventos_almacen(suite, "registro") if e["sobre"]["correlacion"] == "OFICINA-CONC-1"]
    assert [e["version"] for e in eventos] == list(range(1, 2 + RONDAS + CLIENTES))
    por_version = {e["version"]: e["datos"].get("nombre") for e in eventos}
    nombres_pedidos = {r.cuerpo["version"]: r.cuerpo["nombre"] for r in ganadores + libres}
    perdidas = sum(por_version[v] != n for v, n in nombres_pedidos.items())
    assert perdidas == 0
    assert len(eventos) == 1 + len(ganadores) + len(libres), "ningun acto aplicado dos veces ni de mas"
    esperar(lambda: versiones_oficinas(suite, "gateway").get("CONC-1") == len(eventos), 20,
            "la vista del gateway llega a la ultima version")
    informe["concurrencia"] = {"clientes": CLIENTES, "rondas": RONDAS, "ganadores_por_version": 1,
                               "conflictos": conflictos, "perdidas": perdidas,
                               "duplicadas": len(eventos) - 1 - len(ganadores) - len(libres)}
