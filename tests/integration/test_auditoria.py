"""Auditors' tools end to end: a real registro service (uvicorn) signing checkpoints to a real NATS, the gateway
keeping them, and the store tampered with by direct SQL. The online verification and the offline CLI (a
subprocess with only the bundle) must find each kind of tampering; a good bundle must verify with exit 0."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import uvicorn
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from services.gateway.lecturas import eventos as copia
from services.gateway.main import crear_app as crear_gateway
from services.registro.domain.oficina import Oficina
from services.registro.main import crear_app as crear_registro
from shared.auditoria.checkpoint import cargar_o_generar, pem_publica
from shared.auditoria.tablas import checkpoints
from shared.configuracion import Configuracion
from shared.eventos.agregado import hash_de
from shared.eventos.sobre import GENESIS
from tests.infra._comun import puerto_libre
from tests.integration.apoyo import SQLCrudo, app_registro, crear_oficinas, esperar
from tests.integration.test_http import OFICINA

NUMERO = "OFICINA-OF-0001"
MANIPULACIONES = {"editar", "borrar", "borrar_cola", "reordenar", "reescribir"}


class Servidor:
    """A service app on a real port, in a thread, as the gateway meets it in production."""

    def __init__(self, app) -> None:  # type: ignore[no-untyped-def]
        self.puerto = puerto_libre()
        self.servidor = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.puerto, log_level="warning"))
        self.hilo = threading.Thread(target=self.servidor.run, daemon=True)

    def __enter__(self) -> str:
        self.hilo.start()
        esperar(lambda: self.servidor.started, 30, "el servicio arranca")
        return f"http://127.0.0.1:{self.puerto}"

    def __exit__(self, *_: object) -> None:
        self.servidor.should_exit = True
        self.hilo.join(10)


@pytest.fixture
def sistema(database_url, nats_servidor, claves, emisor, tmp_path):
    """registro with 3 offices x 4 events, the gateway, and an auditor's token; waits for a checkpoint of it all."""
    total = crear_oficinas(app_registro(database_url), 3, renombres=3)
    config = Configuracion(servicio="registro", database_url=database_url, nats_url=nats_servidor.url,
                           clave_publica=claves[1], clave_checkpoint=tmp_path / "checkpoint-registro.pem",
                           intervalo_checkpoint=0.2)
    with Servidor(crear_registro(config)) as url:
        gw = Configuracion(servicio="gateway", database_url=f"sqlite:///{tmp_path}/gw.db", nats_url=nats_servidor.url,
                           clave_publica=claves[1], urls_servicios={"registro": url})
        token = emisor.emitir("eva", "OCI-APCI", ["auditor"])
        with TestClient(crear_gateway(gw), headers={"Authorization": f"Bearer {token}"}) as cliente:
            motor = cliente.app.state.componentes.motor
            esperar(lambda: _contar(motor, copia) == total and _max_checkpoint(motor) == total, 30,
                    "el gateway recibe los eventos y un checkpoint de todos")
            cliente.database_url, cliente.tmp = database_url, tmp_path
            yield cliente


def _contar(motor, tabla) -> int:  # type: ignore[no-untyped-def]
    with motor.connect() as c:
        return int(c.execute(select(func.count()).select_from(tabla)).scalar())


def _max_checkpoint(motor) -> int:  # type: ignore[no-untyped-def]
    with motor.connect() as c:
        return int(c.execute(select(func.max(checkpoints.c.posicion))).scalar() or 0)


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "shared.auditoria.cli", *args], capture_output=True, text=True,
                          timeout=60)


def _exportar(cliente, nombre: str = "paquete.json") -> Path:  # type: ignore[no-untyped-def]
    r = cliente.get(f"/api/v1/expedientes/{NUMERO}/paquete")
    assert r.status_code == 200, r.text
    ruta = cliente.tmp / nombre
    ruta.write_bytes(r.content)
    return ruta


def test_un_expediente_integro_verifica_en_linea_y_fuera_de_linea(sistema, tmp_path):
    r = sistema.get(f"/api/v1/expedientes/{NUMERO}/verificacion")
    assert r.status_code == 200, r.text
    informe = r.json()
    assert informe["integro"] is True and informe["servicios"][0]["eventos"] == 4
    assert informe["servicios"][0]["checkpoints"], "el checkpoint del gateway y el de ahora"
    paquete = _exportar(sistema)
    resultado = _cli("verificar", str(paquete))
    assert resultado.returncode == 0, resultado.stderr
    assert "VERIFICADO" in resultado.stdout and "claves no fijadas" in resultado.stderr
    pem = tmp_path / "registro.pem"
    pem.write_text(pem_publica(cargar_o_generar(tmp_path / "checkpoint-registro.pem")))
    assert _cli("verificar", str(paquete), "--clave-publica", f"registro={pem}").returncode == 0
    otra = tmp_path / "otra.pem"
    otra.write_text(pem_publica(cargar_o_generar(tmp_path / "otra-privada.pem")))
    fijada_mal = _cli("verificar", str(paquete), "--clave-publica", f"registro={otra}")
    assert fijada_mal.returncode == 1 and "firma invalida" in fijada_mal.stderr
    reproduccion = _cli("reproducir", str(paquete))
    assert reproduccion.returncode == 0 and reproduccion.stdout.count("OficinaRenombrada") == 3
    pasos = sistema.get(f"/api/v1/expedientes/{NUMERO}/reproduccion", params={"estado_servicio": True}).json()
    assert pasos["verificado"] and [p["version"] for p in pasos["pasos"]] == [1, 2, 3, 4]
    assert pasos["pasos"][1]["estado"]["nombre"] == pasos["pasos"][1]["estado_servicio"]["nombre"] == "Oficina 1 v0"


def test_un_paquete_danado_falla_con_mensaje_claro(sistema):
    paquete = _exportar(sistema)
    truncado = sistema.tmp / "truncado.json"
    truncado.write_bytes(paquete.read_bytes()[:-40])
    r = _cli("verificar", str(truncado))
    assert r.returncode == 2 and "no es JSON valido" in r.stderr
    datos = json.loads(paquete.read_text())
    datos["eventos"][2]["datos"]["nombre"] = "Otra"
    editado = sistema.tmp / "editado.json"
    editado.write_text(json.dumps(datos))
    r = _cli("verificar", str(editado))
    victima = datos["eventos"][2]
    assert r.returncode == 1
    assert f"servicio=registro stream={victima['agregado_id']} version={victima['version']}" in r.stderr


def test_solo_auditor_o_administrador_y_el_auditor_no_cambia_nada(sistema, emisor):
    ajeno = emisor.emitir("luis", "MINSA-CTI", ["tramitador"])
    for ruta in ("verificacion", "paquete", "reproduccion"):
        r = sistema.get(f"/api/v1/expedientes/{NUMERO}/{ruta}", headers={"Authorization": f"Bearer {ajeno}"})
        assert r.status_code == 403 and r.json()["derecho_requerido"] == "auditor | administrador"
    r = sistema.post("/api/v1/oficinas", json=OFICINA)  # with the auditor's token
    assert r.status_code == 403 and r.headers["content-type"].startswith("application/problem+json")


def _manipular(database_url: str, tipo: str) -> None:
    sql = SQLCrudo(database_url)
    oid = Oficina.create_id("OF-0001")
    clave = oid if sql.pg else oid.hex
    filas = dict(sql.ejecutar("SELECT originator_version, state FROM {t} WHERE originator_id = ?", (clave,)))
    poner = "UPDATE {t} SET state = ? WHERE originator_id = ? AND originator_version = ?"
    if tipo == "editar":
        sql.ejecutar(poner, (bytes(filas[2]).replace(b"Oficina 1 v0", b"Oficina 1 v9"), clave, 2))
    elif tipo == "borrar":
        sql.ejecutar("DELETE FROM {t} WHERE originator_id = ? AND originator_version = 2", (clave,))
    elif tipo == "borrar_cola":
        sql.ejecutar("DELETE FROM {t} WHERE originator_id = ? AND originator_version >= 3", (clave,))
    elif tipo == "reordenar":
        sql.ejecutar(poner, (filas[3], clave, 2))
        sql.ejecutar(poner, (filas[2], clave, 3))
    elif tipo == "reescribir":  # a consistent new chain, and the service's own checkpoints wiped too
        app = app_registro(database_url)
        anterior = GENESIS
        for registro in app.recorder.select_events(oid):
            evento = app.mapper.to_domain_event(registro)
            evento.__dict__["nombre"] = "Oficina reescrita"
            evento.__dict__["hash_anterior"] = anterior
            evento.__dict__["hash"] = anterior = hash_de(type(evento).__name__, evento.__dict__, anterior)
            sql.ejecutar(poner, (app.mapper.to_stored_event(evento).state, clave, registro.originator_version))
        sql.ejecutar("DELETE FROM checkpoints")


@pytest.mark.parametrize("tipo", sorted(MANIPULACIONES))
def test_cada_manipulacion_del_almacen_se_detecta_en_linea_y_fuera_de_linea(sistema, tipo):
    _manipular(sistema.database_url, tipo)
    r = sistema.get(f"/api/v1/expedientes/{NUMERO}/verificacion")
    assert r.status_code == 200, r.text
    informe = r.json()
    assert informe["integro"] is False
    hallazgos = informe["servicios"][0]["hallazgos"]
    assert hallazgos and all(h["servicio"] == "registro" for h in hallazgos)
    motivos = " | ".join(h["motivo"] for h in hallazgos)
    resultado = _cli("verificar", str(_exportar(sistema)))
    assert resultado.returncode == 1, resultado.stdout
    assert "FALLA servicio=registro" in resultado.stderr
    if tipo == "reescribir":
        # the chains are consistent: only the gateway's earlier checkpoint (and its NATS copy online) tell
        assert "contenido" not in resultado.stderr and "hash_anterior" not in resultado.stderr
        assert "no coincide con el checkpoint firmado" in resultado.stderr
        assert "difiere de la copia publicada en NATS" in motivos
    if tipo == "borrar_cola":
        assert "faltan eventos" in resultado.stderr
        assert motivos.count("ya no entrega este evento") == 2
