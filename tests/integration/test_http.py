"""HTTP conventions, on SQLite and PostgreSQL: problem+json naming the field, 404, 409 on a stale version,
Idempotency-Key replays, request ids echoed, and 403 naming the missing right."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from services.registro.main import crear_app
from shared.configuracion import Configuracion

OFICINA = {"codigo": "MINSA-CTI", "nombre": "Oficina General de Cooperacion Tecnica Internacional",
           "tipo": "sector", "entidad": "Ministerio de Salud", "vigente_desde": "2017-03-30",
           "fundamento_legal": {"norma": "D.S. 008-2017-SA", "articulo": "38"}}
RENOMBRE = {"nombre": "Oficina Ejecutiva de Cooperacion", "fecha": "2026-03-01",
            "fundamento_legal": {"norma": "D.S. 011-2026-SA", "articulo": "3"}}


@pytest.fixture
def cliente(database_url, nats_servidor, claves, token_admin):
    config = Configuracion(servicio="registro", database_url=database_url, nats_url=nats_servidor.url,
                           clave_publica=claves[1])
    with TestClient(crear_app(config), headers={"Authorization": f"Bearer {token_admin}"}) as c:
        yield c


def _es_problema(r, status: int, tipo: str) -> dict:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    cuerpo = r.json()
    assert cuerpo["status"] == status and cuerpo["type"].endswith("/" + tipo)
    return cuerpo


def test_json_malformado_es_422_problem_json(cliente):
    r = cliente.post("/api/v1/oficinas", content=b'{"codigo": "X",', headers={"content-type": "application/json"})
    assert _es_problema(r, 422, "json-malformado")["errores"]


def test_tipo_incorrecto_es_422_nombrando_el_campo(cliente):
    r = cliente.post("/api/v1/oficinas", json={**OFICINA, "vigente_desde": "no-es-fecha"})
    assert [e["campo"] for e in _es_problema(r, 422, "validacion")["errores"]] == ["body.vigente_desde"]


def test_campo_faltante_es_422_nombrando_el_campo(cliente):
    sin_nombre = {k: v for k, v in OFICINA.items() if k != "nombre"}
    r = cliente.post("/api/v1/oficinas", json=sin_nombre)
    assert [e["campo"] for e in _es_problema(r, 422, "validacion")["errores"]] == ["body.nombre"]


def test_id_desconocido_es_404_problem_json(cliente):
    _es_problema(cliente.get("/api/v1/oficinas/NO-EXISTE"), 404, "no-encontrado")


def test_version_desactualizada_es_409_con_la_version_actual(cliente):
    assert cliente.post("/api/v1/oficinas", json=OFICINA).status_code == 201
    r = cliente.post("/api/v1/oficinas/MINSA-CTI/acciones/renombrar", json=RENOMBRE, headers={"If-Match": '"1"'})
    assert r.status_code == 200 and r.headers["etag"] == '"2"'
    r = cliente.post("/api/v1/oficinas/MINSA-CTI/acciones/renombrar", json=RENOMBRE, headers={"If-Match": '"1"'})
    assert _es_problema(r, 409, "conflicto-de-version")["version_actual"] == 2


def test_idempotency_key_repetida_devuelve_la_respuesta_original_sin_repetir_el_acto(cliente):
    cab = {"Idempotency-Key": "alta-minsa-1"}
    primera = cliente.post("/api/v1/oficinas", json=OFICINA, headers=cab)
    segunda = cliente.post("/api/v1/oficinas", json=OFICINA, headers=cab)
    assert primera.status_code == segunda.status_code == 201
    assert segunda.json() == primera.json() and segunda.headers["idempotent-replayed"] == "true"
    assert cliente.get("/api/v1/oficinas/MINSA-CTI").json()["version"] == 1
    otra = cliente.post("/api/v1/oficinas", json={**OFICINA, "nombre": "Otra cosa"}, headers=cab)
    _es_problema(otra, 422, "clave-idempotencia-reutilizada")


def test_transicion_ilegal_es_422_con_estado_y_acciones_permitidas(cliente):
    cliente.post("/api/v1/oficinas", json=OFICINA)
    cerrar = {"fecha": "2026-12-31", "fundamento_legal": {"norma": "D.S. 001-2027-PCM", "articulo": "2"}}
    assert cliente.post("/api/v1/oficinas/MINSA-CTI/acciones/cerrar", json=cerrar).status_code == 200
    r = cliente.post("/api/v1/oficinas/MINSA-CTI/acciones/renombrar", json=RENOMBRE)
    cuerpo = _es_problema(r, 422, "transicion-ilegal")
    assert cuerpo["estado_actual"] == "cerrada" and cuerpo["acciones_permitidas"] == []


def test_sin_el_rol_requerido_es_403_nombrando_el_derecho(cliente, emisor):
    token = emisor.emitir("luis", "MINSA-CTI", ["tramitador"])
    r = cliente.post("/api/v1/oficinas", json=OFICINA, headers={"Authorization": f"Bearer {token}"})
    assert _es_problema(r, 403, "sin-derecho")["derecho_requerido"] == "administrador"


def test_sin_token_es_401_y_los_ids_de_solicitud_se_devuelven(cliente):
    r = cliente.post("/api/v1/oficinas", json=OFICINA, headers={"Authorization": "", "X-Request-ID": "abc-123"})
    _es_problema(r, 401, "no-autenticado")
    assert r.headers["x-request-id"] == "abc-123"
