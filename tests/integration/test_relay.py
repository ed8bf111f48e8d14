"""The outbox relay: every committed event reaches the consumer exactly once, in order per stream, through a NATS
outage and through a kill -9 of the relay's own process."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path

import nats
import pytest
from sqlalchemy import func, select

from services.gateway.lecturas import eventos
from services.gateway.main import MIGRACIONES as MIGRACIONES_GATEWAY
from services.gateway.proyecciones import proyectar
from shared.lecturas.migraciones import migrar
from shared.lecturas.motor import crear_motor
from shared.mensajeria.consumidor import Consumidor
from shared.mensajeria.relay import Relay
from tests.integration.apoyo import app_registro, crear_oficinas, esperar, esperar_async


class Receptor:
    """A consumer that projects into a gateway read model and remembers what it applied, in arrival order."""

    def __init__(self, tmp_path: Path, nats_url: str) -> None:
        url = f"sqlite:///{tmp_path}/receptor.db"
        migrar(url, MIGRACIONES_GATEWAY)
        self.motor = crear_motor(url)
        self.aplicados: list[tuple[str, int, int]] = []
        self.consumidor = Consumidor("prueba-registro", "registro", self.manejar, nats_url, self.motor)

    async def manejar(self, e: dict) -> None:
        if await asyncio.to_thread(proyectar, self.motor, e):
            self.aplicados.append((e["agregado_id"], e["version"], e["notificacion_id"]))

    def filas(self) -> int:
        with self.motor.connect() as c:
            return int(c.execute(select(func.count()).select_from(eventos)).scalar())

    def verificar_exactamente_una_vez_en_orden(self, total: int) -> None:
        assert sorted(n for *_, n in self.aplicados) == list(range(1, total + 1))
        por_stream: dict[str, list[int]] = defaultdict(list)
        for agregado, version, _ in self.aplicados:
            por_stream[agregado].append(version)
        for versiones in por_stream.values():
            assert versiones == list(range(1, len(versiones) + 1))


async def test_caida_de_nats_mientras_se_confirman_eventos_no_pierde_ni_duplica(database_url, nats_servidor,
                                                                               tmp_path):
    app = app_registro(database_url)
    relay = Relay("registro", app, crear_motor(database_url), nats_servidor.url)
    receptor = Receptor(tmp_path, nats_servidor.url)
    parar = asyncio.Event()
    tareas = [asyncio.create_task(relay.correr(parar)), asyncio.create_task(receptor.consumidor.correr(parar))]
    total = 0

    def confirmar() -> None:
        nonlocal total
        for lote in range(6):
            total += crear_oficinas(app, 15, renombres=3, prefijo=f"L{lote}")
            time.sleep(0.15)

    hilo = threading.Thread(target=confirmar)
    hilo.start()
    await asyncio.sleep(0.3)
    nats_servidor.stop()           # the broker goes away while commands keep committing
    await asyncio.sleep(1.5)
    nats_servidor.start()
    await asyncio.to_thread(hilo.join)

    await esperar_async(lambda: receptor.filas() == total, 60, f"el receptor aplica los {total} eventos")
    await asyncio.sleep(0.5)
    parar.set()
    await asyncio.gather(*tareas)
    assert total == 360
    receptor.verificar_exactamente_una_vez_en_orden(total)


async def _mensajes_en_stream(url: str) -> int:
    nc = await nats.connect(url)
    try:
        return (await nc.jetstream().stream_info("REGISTRO")).state.messages
    except Exception:
        return 0
    finally:
        await nc.close()


def _relay_en_proceso(database_url: str, nats_url: str, log: Path) -> subprocess.Popen:
    env = {**os.environ, "CTI_SERVICIO": "registro", "CTI_DATABASE_URL": database_url, "CTI_NATS_URL": nats_url}
    return subprocess.Popen([sys.executable, "-m", "shared.mensajeria.proceso_relay", "--servicio", "registro"],
                            env=env, stdout=open(log, "ab"), stderr=subprocess.STDOUT)


async def test_kill_9_del_relay_a_mitad_de_publicacion_y_reinicio_publica_cada_evento_una_vez(
        database_url, nats_servidor, tmp_path):
    app = app_registro(database_url)
    total = crear_oficinas(app, 700, renombres=2)
    proceso = _relay_en_proceso(database_url, nats_servidor.url, tmp_path / "relay.log")
    try:
        inicio = time.monotonic()
        publicados = 0
        while publicados < 200 and time.monotonic() - inicio < 30:
            publicados = await _mensajes_en_stream(nats_servidor.url)
        proceso.send_signal(signal.SIGKILL)
        proceso.wait()
        en_el_corte = await _mensajes_en_stream(nats_servidor.url)
        assert 0 < en_el_corte < total, "el corte debe ocurrir a mitad de la publicacion"

        proceso = _relay_en_proceso(database_url, nats_servidor.url, tmp_path / "relay.log")
        receptor = Receptor(tmp_path, nats_servidor.url)
        parar = asyncio.Event()
        tarea = asyncio.create_task(receptor.consumidor.correr(parar))
        await esperar_async(lambda: receptor.filas() == total, 60, "el receptor recibe todo")
        await asyncio.sleep(0.5)
        parar.set()
        await tarea
    finally:
        proceso.send_signal(signal.SIGTERM)
        proceso.wait(timeout=10)
    assert await _mensajes_en_stream(nats_servidor.url) == total  # JetStream dropped the re-published duplicates
    receptor.verificar_exactamente_una_vez_en_orden(total)
