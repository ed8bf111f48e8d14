"""Crash during load: ``kill -9`` of registro while 200 clients send 600 commands through the gateway, then restart.

What must hold afterwards: every acknowledged (2xx) command is in the store, in the gateway's history, in tramite's
read model and in JetStream exactly once; a command that got no answer is either applied whole (store, stream and
every consumer) or not at all; after the clients reconcile (re-send with the same Idempotency-Key, then read), what
they believe, the store and both read models agree office by office.
"""

from __future__ import annotations

import asyncio
import time
from collections import defaultdict

import pytest

from shared.auditoria.cadena import verificar_cadenas
from tests.fallas import carga
from tests.fallas.comprobaciones import (consumidores_al_dia, consumidores_de_registro, duplicados, esperar,
                                         eventos_almacen, mensajes_stream_sync, versiones_oficinas)

pytestmark = pytest.mark.lento

OFICINAS = 200
RENOMBRES = 2


async def _carga_con_caida(suite, codigos):
    cab = suite.cabeceras()
    hechos = {"n": 0}
    reinicio = {}
    async with carga.cliente(suite.gateway, OFICINAS) as c:

        async def vida(codigo):
            res = [await carga.crear(c, codigo, cab)]
            hechos["n"] += 1
            version = res[0].cuerpo.get("version") if res[0].confirmado else None
            for i in range(RENOMBRES):
                if version is None:
                    break
                await asyncio.sleep(0.05)
                r = await carga.renombrar(c, codigo, f"Oficina {codigo} r{i}", version, cab)
                hechos["n"] += 1
                res.append(r)
                version = r.cuerpo.get("version") if r.confirmado else None
            return res

        async def verdugo():
            while hechos["n"] < OFICINAS * (1 + RENOMBRES) // 3:
                await asyncio.sleep(0.005)
            await asyncio.to_thread(suite.matar, "registro")
            await asyncio.sleep(0.5)
            reinicio["s"] = await asyncio.to_thread(suite.arrancar, "registro")

        tareas = [asyncio.create_task(vida(cod)) for cod in codigos]
        await verdugo()
        grupos = await asyncio.gather(*tareas)
    return [r for g in grupos for r in g], reinicio["s"]


async def _reconciliar(suite, resultados):
    """The clients' side after the crash: re-send unanswered creations with the same key, then read every office."""
    cab = suite.cabeceras()
    async with carga.cliente(suite.gateway, 50) as c:
        for r in [r for r in resultados if r.incierto and r.operacion == "crear"]:
            otra = await carga.crear(c, r.codigo, cab, llave=r.llave)
            assert otra.status in (201, 409), (otra.status, otra.cuerpo)
        vistas = {}
        for codigo in {r.codigo for r in resultados}:
            resp = await c.get(f"/api/v1/oficinas/{codigo}", headers=cab)
            assert resp.status_code == 200, (codigo, resp.status_code)
            vistas[codigo] = (resp.json()["version"], resp.json()["nombre"])
    return vistas


def test_kill_9_bajo_carga_no_pierde_ni_duplica_ni_deja_nada_a_medias(crear_suite, informe):
    suite = crear_suite()
    suite.esperar_listo("gateway")
    codigos = [f"K9-{i:04d}" for i in range(OFICINAS)]
    resultados, reinicio_s = asyncio.run(_carga_con_caida(suite, codigos))
    confirmados = [r for r in resultados if r.confirmado]
    inciertos = [r for r in resultados if r.incierto]
    assert inciertos, "la caida debe ocurrir con comandos en vuelo"
    assert all(r.status is None or r.status in (502, 503, 504) for r in inciertos)

    # Before any client retries: the store, the stream and every consumer agree, nothing half-applied.
    eventos = eventos_almacen(suite, "registro")
    total = len(eventos)
    esperar(consumidores_al_dia(suite, total), 60, f"los consumidores reciben los {total} eventos")
    assert verificar_cadenas(eventos) == []
    ids_almacen = sorted(e["notificacion_id"] for e in eventos)
    for nombre, ids in consumidores_de_registro(suite).items():
        assert sorted(set(ids)) == ids_almacen, f"{nombre} no tiene exactamente los eventos del almacen"
        assert duplicados(ids) == 0, nombre
    assert mensajes_stream_sync(suite.nats.url, "REGISTRO") == total, "cada evento publicado una sola vez"

    por_oficina = defaultdict(list)
    for e in eventos:
        por_oficina[e["datos"].get("codigo") or e["sobre"]["correlacion"].removeprefix("OFICINA-")].append(e)
    encontrados = 0
    for r in confirmados:
        evs = por_oficina[r.codigo]
        version = r.cuerpo["version"]
        assert any(e["version"] == version and e["tipo"] == ("OficinaCreada" if r.operacion == "crear"
                                                              else "OficinaRenombrada") for e in evs), r
        encontrados += 1
    aplicados = 0
    for r in inciertos:  # applied whole or not at all: an event in the store is in every consumer (checked above)
        evs = por_oficina[r.codigo]
        aplicado = bool(evs) if r.operacion == "crear" else any(e["tipo"] == "OficinaRenombrada" for e in evs)
        aplicados += aplicado

    vistas = asyncio.run(_reconciliar(suite, resultados))
    eventos = eventos_almacen(suite, "registro")
    esperar(consumidores_al_dia(suite, len(eventos)), 30, "los consumidores reciben las reconciliaciones")
    ultimo = {}
    for e in eventos:
        ultimo[e["datos"].get("codigo") or e["sobre"]["correlacion"].removeprefix("OFICINA-")] = e["version"]
    gateway, tramite = versiones_oficinas(suite, "gateway"), versiones_oficinas(suite, "tramite")
    for codigo, (version, _) in vistas.items():
        assert ultimo[codigo] == version == gateway[codigo] == tramite[codigo], codigo

    informe["caida_servicio"] = {
        "comandos": len(resultados), "clientes": OFICINAS, "confirmados": len(confirmados),
        "encontrados": encontrados, "inciertos": len(inciertos), "inciertos_aplicados": aplicados,
        "inciertos_no_aplicados": len(inciertos) - aplicados, "perdidos": len(confirmados) - encontrados,
        "duplicados": 0, "consumidores": len(consumidores_de_registro(suite)), "reinicio_s": reinicio_s,
    }
