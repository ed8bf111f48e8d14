"""Durable consumers: a message delivered twice has its effect once; a poison message goes to the dead-letter
subject after the configured attempts while later messages are processed, and an operator can re-drive it."""

from __future__ import annotations

import asyncio
import json

import nats
from prometheus_client import REGISTRY
from sqlalchemy import func, select

from services.gateway.lecturas import eventos
from services.gateway.main import MIGRACIONES as MIGRACIONES_GATEWAY
from services.gateway.proyecciones import proyectar
from shared.almacen.publico import evento_publico, sujeto
from shared.lecturas.migraciones import migrar
from shared.lecturas.motor import crear_motor
from shared.mensajeria import cartas
from shared.mensajeria.consumidor import Consumidor
from shared.mensajeria.flujos import asegurar_stream_servicio
from tests.integration.apoyo import app_registro, crear_oficinas, esperar_async


async def _publicar_eventos_reales(database_url: str, nats_url: str, n: int, repetir: set[int] = frozenset()):
    """Commit ``n`` real events and publish them by hand; those in ``repetir`` are published twice with different
    message ids, as a redelivery past JetStream's duplicate window would look."""
    app = app_registro(database_url)
    crear_oficinas(app, n)
    mensajes = [evento_publico("registro", app.mapper, x) for x in app.notificaciones(1, n)]
    nc = await nats.connect(nats_url)
    js = nc.jetstream()
    await asegurar_stream_servicio(js, "registro")
    for m in mensajes:
        veces = 2 if m["notificacion_id"] in repetir else 1
        for i in range(veces):
            await js.publish(sujeto(m), json.dumps(m).encode(),
                             headers={"Nats-Msg-Id": f"registro:{m['notificacion_id']}:{i}"})
    await nc.close()
    return mensajes


def _filas(motor) -> int:
    with motor.connect() as c:
        return int(c.execute(select(func.count()).select_from(eventos)).scalar())


def _motor_consumidor(url: str):
    migrar(url, MIGRACIONES_GATEWAY)
    return crear_motor(url)


async def test_el_mismo_mensaje_entregado_dos_veces_produce_su_efecto_una_vez(database_url, nats_servidor,
                                                                               tmp_path):
    motor = _motor_consumidor(database_url)
    llamadas: list[int] = []

    async def manejar(e):
        llamadas.append(e["notificacion_id"])
        await asyncio.to_thread(proyectar, motor, e)

    await _publicar_eventos_reales(f"sqlite:///{tmp_path}/origen.db", nats_servidor.url, 3, repetir={2})
    consumidor = Consumidor("dup", "registro", manejar, nats_servidor.url, motor)
    parar = asyncio.Event()
    tarea = asyncio.create_task(consumidor.correr(parar))
    await esperar_async(lambda: len(llamadas) == 4, 15, "cuatro entregas")
    parar.set()
    await tarea
    assert sorted(llamadas) == [1, 2, 2, 3]
    assert _filas(motor) == 3


async def test_mensaje_venenoso_va_al_dead_letter_sin_bloquear_y_se_puede_reprocesar(database_url, nats_servidor,
                                                                                     tmp_path):
    motor = _motor_consumidor(database_url)
    defectuoso = {"activo": True}

    async def manejar(e):
        if e["notificacion_id"] == 2 and defectuoso["activo"]:
            raise ValueError("dato que este consumidor no sabe interpretar")
        await asyncio.to_thread(proyectar, motor, e)

    antes = REGISTRY.get_sample_value("cti_cartas_muertas_total", {"consumidor": "veneno"}) or 0
    await _publicar_eventos_reales(f"sqlite:///{tmp_path}/origen.db", nats_servidor.url, 5)
    consumidor = Consumidor("veneno", "registro", manejar, nats_servidor.url, motor, max_entregas=3,
                            espera_base=0.05)
    parar = asyncio.Event()
    tarea = asyncio.create_task(consumidor.correr(parar))
    await esperar_async(lambda: _filas(motor) == 4, 15, "los otros cuatro se procesan")
    await esperar_async(lambda: len(cartas.listar(motor, "veneno")) == 1, 15, "el venenoso llega al dead-letter")
    parar.set()
    await tarea

    carta = cartas.listar(motor, "veneno")[0]
    assert (carta["origen"], carta["notificacion_id"], carta["estado"]) == ("registro", 2, "pendiente")
    assert REGISTRY.get_sample_value("cti_cartas_muertas_total", {"consumidor": "veneno"}) == antes + 1
    nc = await nats.connect(nats_servidor.url)
    dlq = await nc.jetstream().get_last_msg("DLQ", "dlq.veneno")
    await nc.close()
    assert json.loads(dlq.data)["notificacion_id"] == 2

    defectuoso["activo"] = False  # the operator deploys the fix, then re-drives
    reprocesada = await cartas.reprocesar(motor, carta["id"], {"veneno": manejar})
    assert reprocesada["estado"] == "reprocesada"
    assert _filas(motor) == 5


async def test_un_lote_se_aplica_en_una_transaccion_y_un_lote_con_veneno_cae_al_camino_uno_por_uno(
        database_url, nats_servidor, tmp_path):
    """The gateway's batch path: duplicates inside a batch and events already applied count once; a batch that
    fails (here a poison message) goes message by message, so the others are applied and the poison one is
    dead-lettered exactly as without batches."""
    from services.gateway.proyecciones import proyectar_lote

    motor = _motor_consumidor(database_url)
    lotes: list[int] = []

    async def manejar(e):
        if e["notificacion_id"] == 4:
            raise ValueError("no interpretable")
        await asyncio.to_thread(proyectar, motor, e)

    async def manejar_lote(lote):
        lotes.append(len(lote))
        if any(e["notificacion_id"] == 4 for e in lote):
            raise ValueError("no interpretable")
        await asyncio.to_thread(proyectar_lote, motor, lote)

    mensajes = await _publicar_eventos_reales(f"sqlite:///{tmp_path}/origen.db", nats_servidor.url, 3, repetir={2})
    await asyncio.to_thread(proyectar, motor, mensajes[0])  # already applied before the batch arrives
    consumidor = Consumidor("lote", "registro", manejar, nats_servidor.url, motor, max_entregas=2,
                            espera_base=0.05, manejador_lote=manejar_lote)
    parar = asyncio.Event()
    tarea = asyncio.create_task(consumidor.correr(parar))
    await esperar_async(lambda: _filas(motor) == 3, 15, "el lote de cuatro mensajes deja tres filas")
    assert lotes and lotes[0] == 4

    app = app_registro(f"sqlite:///{tmp_path}/origen.db")
    crear_oficinas(app, 3, prefijo="OTRA")  # notifications 4..6: 4 is poison for this consumer
    nc = await nats.connect(nats_servidor.url)
    js = nc.jetstream()
    for x in app.notificaciones(4, 3):
        m = evento_publico("registro", app.mapper, x)
        await js.publish(sujeto(m), json.dumps(m).encode(), headers={"Nats-Msg-Id": f"registro:{x.id}"})
    await nc.close()
    await esperar_async(lambda: _filas(motor) == 5, 15, "5 y 6 aplicados uno por uno")
    await esperar_async(lambda: len(cartas.listar(motor, "lote")) == 1, 15, "el 4 al dead-letter")
    parar.set()
    await tarea
    assert cartas.listar(motor, "lote")[0]["notificacion_id"] == 4
