"""A very serious infraction (RIS 8.c) decided with suspension of benefits: cancellation is refused with its legal
reason; notification publishes ``SuspensionBeneficiosAplicada`` on the FISCALIZACION stream (what registro consumes:
RUC, case number, legal basis); the entity's appeal suspends enforcement and lifts it (RIS 24); the Director
Ejecutivo confirms, the decision becomes final and the suspension is applied again. Only the entity of the case may
appeal; auditors read but never act. Strict mode (supletoriedad off) refuses today's cases with its reason."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from services.fiscalizacion.domain import versiones
from services.fiscalizacion.domain.reglamento import SUPLETORIEDAD
from shared import programador
from tests.integration.apoyo import esperar
from tests.integration.fiscalizacion.apoyo import (
    RUC, Tokens, actuar, cab, mensajes_fiscalizacion, servicio, vencer,
)

CASO = {"ruc": RUC, "codigo": "RIS-8-c", "fecha_hechos": "2026-02-02", "fecha_acto": "2026-02-09"}


@pytest.fixture(autouse=True)
def programador_quieto(monkeypatch):
    monkeypatch.setattr(programador, "hoy_en_lima", lambda: date(2026, 1, 1))


def _problema(r, status: int, tipo: str) -> dict:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    assert r.json()["type"].endswith("/" + tipo)
    return r.json()


def _hasta_evaluacion_cis(c, t) -> str:
    r = c.post("/api/v1/procedimientos-sancionadores", json=CASO, headers=cab(t.doc))
    assert r.status_code == 201, r.text
    n = r.json()["numero"]
    assert r.headers["location"].endswith(n) and r.json()["organo_instructor"] == "DOC"
    actuar(c, "procedimientos-sancionadores", n, "imputar_cargos", t.doc, notificado_el="2026-02-10",
           hechos_imputados="Informacion falsa para renovar la inscripcion", fecha_acto="2026-02-10")
    vencer(c, t.admin, date(2026, 2, 20))
    actuar(c, "procedimientos-sancionadores", n, "formular_propuesta", t.doc, tipo="sancion",
           sanciones_propuestas=["suspension_beneficios"], fecha_acto="2026-03-02")
    actuar(c, "procedimientos-sancionadores", n, "notificar_propuesta", t.cis, notificado_el="2026-03-03",
           fecha_acto="2026-03-03")
    vencer(c, t.admin, date(2026, 3, 13))
    return n


def test_apelacion_suspende_la_ejecucion_y_la_suspension_de_beneficios_viaja_por_nats(
        database_url, nats_servidor, claves, emisor):
    t = Tokens(emisor)
    with servicio(database_url, nats_servidor.url, claves[1]) as c:
        n = _hasta_evaluacion_cis(c, t)
        url = f"/api/v1/procedimientos-sancionadores/{n}/acciones/imponer_sancion"
        r = c.post(url, json={"sanciones": ["cancelacion_inscripcion"], "fecha_acto": "2026-03-16"},
                   headers=cab(t.cis))
        problema = _problema(r, 422, "regla-incumplida")
        assert problema["fundamento_legal"]["norma"].startswith("STC 0009-2007-PI/TC")
        assert "organo judicial" in problema["detail"]
        _problema(c.post(url, json={"sanciones": ["suspension_beneficios"]}, headers=cab(t.auditor)), 403,
                  "sin-derecho")
        _problema(c.post(url, json={"sanciones": ["suspension_beneficios"]}, headers=cab(t.doc)), 403, "sin-derecho")
        actuar(c, "procedimientos-sancionadores", n, "imponer_sancion", t.cis, sanciones=["suspension_beneficios"],
               fecha_acto="2026-03-16")
        exp = actuar(c, "procedimientos-sancionadores", n, "notificar_resolucion", t.cis,
                     notificado_el="2026-03-17", fecha_acto="2026-03-17")
        assert exp["sancion"]["suspension_activa"] and exp["ejecutable"]

        esperar(lambda: mensajes_fiscalizacion(nats_servidor.url, "fiscalizacion.sancion.SuspensionBeneficiosAplicada"),
                15, "suspension publicada")
        aplicada = mensajes_fiscalizacion(nats_servidor.url, "fiscalizacion.sancion.SuspensionBeneficiosAplicada")[0]
        assert aplicada["datos"]["ruc"] == RUC and aplicada["datos"]["expediente"] == n
        assert aplicada["datos"]["causa_id"] == f"sancion:{exp['sancion']['id']}"
        assert aplicada["sobre"]["correlacion"] == n
        assert aplicada["datos"]["fundamento_legal"]["norma"].startswith("Ley 27692")

        apelar = {"presentado_el": "2026-03-20", "fundamentos": "Los documentos no eran falsos",
                  "fecha_acto": "2026-03-20"}
        url = f"/api/v1/procedimientos-sancionadores/{n}/acciones/interponer_apelacion"
        _problema(c.post(url, json=apelar, headers=cab(t.otra_entidad)), 403, "sin-derecho")
        _problema(c.post(url, json=apelar, headers=cab(t.auditor)), 403, "sin-derecho")
        exp = actuar(c, "procedimientos-sancionadores", n, "interponer_apelacion", t.entidad, **apelar)
        assert exp["ejecucion_suspendida"] and exp["sancion"]["ejecucion_suspendida"]
        assert not exp["sancion"]["suspension_activa"]
        esperar(lambda: mensajes_fiscalizacion(nats_servidor.url, "fiscalizacion.sancion.SuspensionBeneficiosLevantada"),
                15, "levantamiento publicado")

        actuar(c, "procedimientos-sancionadores", n, "conceder_apelacion", t.cis, fecha_acto="2026-03-23")
        actuar(c, "procedimientos-sancionadores", n, "elevar_expediente", t.cis, recibido_el="2026-03-25",
               fecha_acto="2026-03-25")
        r = c.post(f"/api/v1/procedimientos-sancionadores/{n}/acciones/resolver_apelacion",
                   json={"confirma": True, "fecha_acto": "2026-04-20"}, headers=cab(t.cis))
        _problema(r, 403, "sin-derecho")
        exp = actuar(c, "procedimientos-sancionadores", n, "resolver_apelacion", t.de, confirma=True,
                     motivo="Se confirma", fecha_acto="2026-04-20")
        assert exp["estado"] == "firme" and exp["decisiones"][-1]["organo"] == "DE"
        assert exp["sancion"]["firme"] and exp["sancion"]["suspension_activa"]
        assert not exp["sancion"]["ejecucion_suspendida"]
        assert exp["sancion"]["periodos_suspension"] == [["2026-03-20", "2026-04-19"]]
        esperar(lambda: len(mensajes_fiscalizacion(
            nats_servidor.url, "fiscalizacion.sancion.SuspensionBeneficiosAplicada")) == 2, 15, "suspension de nuevo")

        r = c.post(f"/api/v1/procedimientos-sancionadores/{n}/acciones/archivar", json={"motivo": "x"},
                   headers=cab(t.cis))
        assert _problema(r, 422, "transicion-ilegal")["estado_actual"] == "firme"
        leido = c.get(f"/api/v1/procedimientos-sancionadores/{n}", headers=cab(t.auditor))
        assert leido.status_code == 200 and leido.json()["acciones_disponibles"] == []
        assert leido.headers["etag"] == f'"{leido.json()["version"]}"'
        _problema(c.get(f"/api/v1/procedimientos-sancionadores/{n}", headers=cab(t.otra_entidad)), 403, "sin-derecho")


def test_modo_estricto_rechaza_los_casos_de_hoy(database_url, nats_servidor, claves, emisor, monkeypatch):
    estricto = tuple(replace(v, parametros={**v.parametros, SUPLETORIEDAD: replace(v.parametros[SUPLETORIEDAD],
                                                                                   valor=False)})
                     if not v.texto_cargado else v for v in versiones.VERSIONES)
    monkeypatch.setattr(versiones, "VERSIONES", estricto)
    t = Tokens(emisor)
    with servicio(database_url, nats_servidor.url, claves[1]) as c:
        r = c.post("/api/v1/procedimientos-sancionadores", json=CASO, headers=cab(t.doc))
        problema = _problema(r, 422, "regla-incumplida")
        assert "modo estricto" in problema["detail"]
        assert problema["fundamento_legal"]["norma"] == "Ley 32301 + D.S. 033-2025-RE"
