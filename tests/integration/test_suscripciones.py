"""Outbound notifications from NATS to subscribed systems over signed HTTP POSTs (``shared.documentos``).

A receiver that is down for a while and then comes up gets every notification once, in order; one that keeps
failing sends its notifications to the dead-letter list, from where they are re-driven; a failing subscriber
never delays a healthy one.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import nats
import pytest

from shared.documentos import webhook
from shared.documentos.despacho import Despachador
from shared.documentos.suscripciones import Entregador, ErrorEntrega, Suscripcion, reenviar
from shared.documentos.tablas import RegistroEntregas, VistosSQL, metadata
from shared.lecturas.motor import crear_motor
from shared.mensajeria.flujos import asegurar_stream_servicio
from tests.infra._comun import puerto_libre

SECRETO = "secreto-del-sistema-suscrito"
RAPIDO = dict(espera_base=0.05, espera_max=0.3, trust_env=False)


class Receptor:
    """A subscriber's HTTP endpoint on 127.0.0.1 that verifies each signature like a real one would."""

    def __init__(self, status: int = 200) -> None:
        self.puerto, self.status, self.recibidos, self._srv = puerto_libre(), status, [], None
        self.vistos = webhook.VistosEnMemoria()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.puerto}/hook"

    def levantar(self) -> "Receptor":
        receptor = self

        class Manejador(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                cuerpo = self.rfile.read(int(self.headers["Content-Length"]))
                if receptor.status == 200:
                    webhook.aceptar([SECRETO], self.headers[webhook.CABECERA_EVENTO], cuerpo,
                                    self.headers[webhook.CABECERA_FIRMA], time.time(), receptor.vistos)
                    receptor.recibidos.append((self.headers[webhook.CABECERA_EVENTO], json.loads(cuerpo)))
                self.send_response(receptor.status)
                self.end_headers()

            def log_message(self, *a) -> None:  # quiet
                pass

        self._srv = ThreadingHTTPServer(("127.0.0.1", self.puerto), Manejador)
        threading.Thread(target=self._srv.serve_forever, daemon=True).start()
        return self

    def bajar(self) -> None:
        if self._srv:
            self._srv.shutdown()
            self._srv.server_close()


@pytest.fixture
def registro(database_url):
    """The delivery log and dead letters on SQLite and on PostgreSQL, like every store-level test."""
    motor = crear_motor(database_url)
    metadata.create_all(motor)
    yield RegistroEntregas(motor)
    motor.dispose()


async def _publicar(url: str, n: int, inicio: int = 1, sujeto: str = "tramite.expediente.DocumentoIncorporado"):
    nc = await nats.connect(url)
    js = nc.jetstream()
    await asegurar_stream_servicio(js, "tramite")
    for i in range(inicio, inicio + n):
        cuerpo = {"servicio": "tramite", "notificacion_id": i, "tipo": sujeto.rsplit(".", 1)[-1]}
        await js.publish(sujeto, json.dumps(cuerpo).encode(), headers={"Nats-Msg-Id": f"tramite:{i}"})
    await nc.close()


async def _esperar(condicion, timeout: float = 20.0) -> None:
    limite = time.monotonic() + timeout
    while not condicion():
        assert time.monotonic() < limite, "timeout"
        await asyncio.sleep(0.05)


async def test_receptor_caido_un_rato_recibe_todo_una_vez_y_en_orden(nats_servidor, registro):
    receptor = Receptor()
    s = Suscripcion("sistema-a", receptor.url, SECRETO, "tramite.expediente.>")
    entregador, parar = Entregador(s, nats_servidor.url, registro, max_intentos=100, **RAPIDO), asyncio.Event()
    tarea = asyncio.create_task(entregador.correr(parar))
    await asyncio.wait_for(entregador.listo.wait(), 10)
    await _publicar(nats_servidor.url, 20)
    await _publicar(nats_servidor.url, 1, 21, sujeto="tramite.procedimiento.Publicado")  # outside the filter
    await asyncio.sleep(1.5)  # the receiver is down: attempts fail, nothing is skipped
    assert receptor.recibidos == []
    receptor.levantar()
    try:
        await _esperar(lambda: len(receptor.recibidos) >= 20)
        await asyncio.sleep(0.5)  # nothing more arrives
    finally:
        parar.set()
        await tarea
        receptor.bajar()
    assert [e for e, _ in receptor.recibidos] == [f"tramite:{i}" for i in range(1, 21)]
    assert [c["notificacion_id"] for _, c in receptor.recibidos] == list(range(1, 21))
    log = registro.entregas("sistema-a")
    assert [f["evento_id"] for f in log if f["estado"] == "entregado"] == [f"tramite:{i}" for i in range(1, 21)]
    fallidos = [f for f in log if f["estado"] == "fallido"]
    assert len(fallidos) >= 3 and {f["evento_id"] for f in fallidos} == {"tramite:1"}
    assert registro.cartas() == []


async def test_receptor_que_siempre_falla_va_a_cartas_y_se_reenvia_sin_frenar_a_otros(nats_servidor, registro):
    malo, bueno = Receptor(status=500).levantar(), Receptor().levantar()
    registro.guardar_suscripcion("sistema-malo", malo.url, SECRETO, "tramite.>")
    registro.guardar_suscripcion("sistema-bueno", bueno.url, SECRETO, "tramite.expediente.*")
    despachador = Despachador(registro, nats_servidor.url, refresco=0.2, max_intentos=3, **RAPIDO)
    parar = asyncio.Event()
    tarea = asyncio.create_task(despachador.correr(parar))
    try:
        await _esperar(lambda: len(despachador.activos) == 2 and all(e.listo.is_set()
                                                                     for _, _, e in despachador.activos.values()))
        await _publicar(nats_servidor.url, 3)
        await _esperar(lambda: len(bueno.recibidos) == 3 and len(registro.cartas("pendiente")) == 3)
    finally:
        parar.set()
        await tarea
    assert [e for e, _ in bueno.recibidos] == ["tramite:1", "tramite:2", "tramite:3"]
    cartas = registro.cartas("pendiente")
    assert [(c["suscripcion"], c["evento_id"], c["error"]) for c in cartas] == [
        ("sistema-malo", f"tramite:{i}", "HTTP 500") for i in (1, 2, 3)]
    intentos = [f["intento"] for f in registro.entregas("sistema-malo")]
    assert intentos == [1, 2, 3] * 3  # each tried max_intentos times, one after the other, in order
    with pytest.raises(ErrorEntrega, match="HTTP 500"):
        await reenviar(registro, cartas[0]["id"], trust_env=False)  # still failing: stays pending
    malo.status = 200  # the subscriber fixed its endpoint
    for c in cartas:
        assert (await reenviar(registro, c["id"], trust_env=False))["estado"] == "reenviada"
    assert [e for e, _ in malo.recibidos] == ["tramite:1", "tramite:2", "tramite:3"]
    assert registro.cartas("pendiente") == []
    with pytest.raises(ErrorEntrega):
        await reenviar(registro, cartas[0]["id"], trust_env=False)  # re-driving twice is refused
    malo.bajar()
    bueno.bajar()


def test_suscripcion_valida_sus_campos():
    for malo in (dict(id="a.b"), dict(url="ftp://x"), dict(filtro=">"), dict(filtro="tramite.>.x"),
                 dict(secreto="corto")):
        with pytest.raises(ValueError):
            Suscripcion(**{"id": "s1", "url": "http://x/h", "secreto": SECRETO, "filtro": "tramite.>", **malo})


def test_ids_vistos_de_webhooks_entrantes_persisten(registro):
    cuerpo, ahora = b'{"dms_id": "41"}', int(time.time())
    firma = webhook.cabeceras(SECRETO, "mayan:25", cuerpo, ahora)[webhook.CABECERA_FIRMA]
    assert webhook.aceptar([SECRETO], "mayan:25", cuerpo, firma, ahora, VistosSQL(registro.motor))
    with pytest.raises(webhook.NotificacionRepetida):  # a new store object on the same table: survives a restart
        webhook.aceptar([SECRETO], "mayan:25", cuerpo, firma, ahora, VistosSQL(registro.motor))
