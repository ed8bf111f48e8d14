"""The gateway's own answers: token issuance per client, rate limits, and the cross-service history of a file,
which it serves from its NATS-fed read model even when no service is running."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from services.gateway.clientes import escribir_demo
from services.gateway.main import crear_app
from services.gateway.proyecciones import proyectar
from shared.almacen.publico import evento_publico
from shared.configuracion import Configuracion
from tests.integration.apoyo import app_registro, crear_oficinas


@pytest.fixture
def gateway(tmp_path: Path, claves, nats_servidor):
    secretos = escribir_demo(tmp_path / "clientes.json")
    config = Configuracion(servicio="gateway", database_url=f"sqlite:///{tmp_path}/gw.db",
                           nats_url=nats_servidor.url, clave_publica=claves[1], clave_privada=claves[0],
                           clientes=tmp_path / "clientes.json", limite_solicitudes_s=5, limite_rafaga=10,
                           urls_servicios={"registro": "http://127.0.0.1:9", "tramite": "http://127.0.0.1:9",
                                           "fiscalizacion": "http://127.0.0.1:9"})
    with TestClient(crear_app(config)) as cliente:
        cliente.secretos = secretos
        yield cliente


def _token(cliente, client_id: str) -> str:
    r = cliente.post("/api/v1/auth/token", json={"client_id": client_id, "client_secret": cliente.secretos[client_id]})
    assert r.status_code == 200, r.text
    return r.json()["access_token"]


def _cargar_historia(cliente, tmp_path: Path) -> None:
    app = app_registro(f"sqlite:///{tmp_path}/registro.db")
    crear_oficinas(app, 2, renombres=2)
    motor = cliente.app.state.componentes.motor
    for n in app.notificaciones(1, 100):
        proyectar(motor, evento_publico("registro", app.mapper, n))


def test_cada_tipo_de_cliente_obtiene_un_token_con_su_oficina_y_roles(gateway):
    r = gateway.post("/api/v1/auth/token", json={"client_id": "apci-doc",
                                                 "client_secret": gateway.secretos["apci-doc"]})
    assert r.json()["oficina"] == "APCI-DOC" and "registrador" in r.json()["roles"]
    falso = gateway.post("/api/v1/auth/token", json={"client_id": "apci-doc", "client_secret": "adivinado"})
    assert falso.status_code == 401 and falso.headers["content-type"].startswith("application/problem+json")
    desconocido = gateway.post("/api/v1/auth/token", json={"client_id": "nadie", "client_secret": "x"})
    assert desconocido.status_code == 401


def test_la_historia_de_un_expediente_se_sirve_sin_ningun_servicio_en_marcha(gateway, tmp_path):
    _cargar_historia(gateway, tmp_path)
    token = _token(gateway, "auditor")
    r = gateway.get("/api/v1/expedientes/OFICINA-OF-0001/historial", headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 200, r.text
    cuerpo = r.json()
    assert [e["tipo"] for e in cuerpo["items"]] == ["OficinaCreada", "OficinaRenombrada", "OficinaRenombrada"]
    assert [e["version"] for e in cuerpo["items"]] == [1, 2, 3]
    assert all(e["servicio"] == "registro" and e["sobre"]["actor"]["oficina"] == "APCI-DE" for e in cuerpo["items"])
    assert {f["consumidor"] for f in cuerpo["retraso"]} == {"gateway-registro", "gateway-tramite",
                                                             "gateway-fiscalizacion"}


def test_una_oficina_que_no_participo_no_ve_la_historia_y_el_anonimo_tampoco(gateway, tmp_path):
    _cargar_historia(gateway, tmp_path)
    ruta = "/api/v1/expedientes/OFICINA-OF-0001/historial"
    ajena = gateway.get(ruta, headers={"Authorization": f"Bearer {_token(gateway, 'minsa-cti')}"})
    assert ajena.status_code == 403 and "derecho_requerido" in ajena.json()
    assert gateway.get(ruta).status_code == 401
    propia = gateway.get(ruta, headers={"Authorization": f"Bearer {_token(gateway, 'admin')}"})
    assert propia.status_code == 200


def test_un_servicio_caido_responde_503_problem_json_nombrandolo(gateway):
    r = gateway.get("/api/v1/oficinas/MINSA-CTI")
    assert r.status_code == 503 and "registro" in r.json()["detail"]


def test_superado_el_limite_por_cliente_responde_429_con_retry_after(gateway):
    respuestas = [gateway.get("/api/v1/oficinas").status_code for _ in range(15)]
    assert 429 in respuestas and respuestas[:10] == [200] * 10
    r = gateway.get("/api/v1/oficinas")
    assert r.status_code == 429 and int(r.headers["retry-after"]) >= 1
    assert json.loads(r.text)["type"].endswith("/demasiadas-solicitudes")
