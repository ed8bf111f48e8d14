"""Across services over NATS, with both services real: a sanction decided in fiscalizacion suspends the entity's
benefits in registro, the appeal (which suspends enforcement, RIS 24) restores them, and the Director Ejecutivo's
confirmation suspends them again. Registro learns all of it from fiscalizacion's stream, never by being called."""

from __future__ import annotations

from datetime import date

import pytest
from fastapi.testclient import TestClient

from services.registro.main import crear_app as crear_registro
from shared.configuracion import Configuracion
from tests.integration.fiscalizacion.apoyo import RUC, Tokens, actuar, servicio, vencer
from tests.integration.registro.apoyo_registro import Cliente


@pytest.fixture(autouse=True)
def programadores_quietos(monkeypatch):
    monkeypatch.setattr("shared.programador.hoy_en_lima", lambda: date(2000, 1, 1))


def _estado(reg: Cliente, ins_id: str) -> dict:
    return reg.get(f"/api/v1/inscripciones/{ins_id}", RUC).json()


def test_sancion_suspende_beneficios_en_registro_la_apelacion_los_restituye_y_la_confirmacion_los_suspende(
        tmp_path, url_postgres, nats_servidor, claves, emisor, token_admin):
    t = Tokens(emisor)
    config_registro = Configuracion(servicio="registro", database_url=f"sqlite:///{tmp_path}/registro.db",
                                    nats_url=nats_servidor.url, clave_publica=claves[1])
    with TestClient(crear_registro(config_registro)) as http_registro, \
            servicio(url_postgres, nats_servidor.url, claves[1]) as fisc:
        reg = Cliente(http_registro, emisor, token_admin)
        ins = reg.inscrita(RUC, "APCI-DOC-2025-000777", "2025-11-03", "2025-11-20")
        assert _estado(reg, ins["id"])["estado"] == "vigente"

        r = fisc.post("/api/v1/procedimientos-sancionadores", headers={"Authorization": f"Bearer {t.doc}"},
                      json={"ruc": RUC, "codigo": "RIS-8-c", "fecha_hechos": "2026-02-02",
                            "fecha_acto": "2026-02-09"})
        assert r.status_code == 201, r.text
        n = r.json()["numero"]
        pas = "procedimientos-sancionadores"
        actuar(fisc, pas, n, "imputar_cargos", t.doc, notificado_el="2026-02-10",
               hechos_imputados="Informacion falsa para renovar la inscripcion", fecha_acto="2026-02-10")
        vencer(fisc, t.admin, date(2026, 2, 20))
        actuar(fisc, pas, n, "formular_propuesta", t.doc, tipo="sancion", sanciones_propuestas=["suspension_beneficios"],
               fecha_acto="2026-03-02")
        actuar(fisc, pas, n, "notificar_propuesta", t.cis, notificado_el="2026-03-03", fecha_acto="2026-03-03")
        vencer(fisc, t.admin, date(2026, 3, 13))
        actuar(fisc, pas, n, "imponer_sancion", t.cis, sanciones=["suspension_beneficios"], fecha_acto="2026-03-16")
        actuar(fisc, pas, n, "notificar_resolucion", t.cis, notificado_el="2026-03-17", fecha_acto="2026-03-17")

        suspendida = reg.esperar(lambda: (e := _estado(reg, ins["id"]))["estado"] == "beneficios_suspendidos" and e,
                                 20, "registro suspende los beneficios por la sancion")
        (causa,) = suspendida["suspensiones"].values()
        assert causa["causa"] == "sancion"

        actuar(fisc, pas, n, "interponer_apelacion", t.entidad, presentado_el="2026-03-20",
               fundamentos="Los documentos no eran falsos", fecha_acto="2026-03-20")
        reg.esperar(lambda: _estado(reg, ins["id"])["estado"] == "vigente", 20,
                    "la apelacion suspende la ejecucion y registro restituye los beneficios")

        actuar(fisc, pas, n, "conceder_apelacion", t.cis, fecha_acto="2026-03-23")
        actuar(fisc, pas, n, "elevar_expediente", t.cis, recibido_el="2026-03-25", fecha_acto="2026-03-25")
        actuar(fisc, pas, n, "resolver_apelacion", t.de, confirma=True, motivo="Se confirma", fecha_acto="2026-04-20")
        reg.esperar(lambda: _estado(reg, ins["id"])["estado"] == "beneficios_suspendidos", 20,
                    "la sancion firme suspende de nuevo")

        eventos = [e for e in reg.eventos(RUC) if e["agregado_id"] == ins["id"]]
        tipos = [e["tipo"] for e in eventos if e["tipo"] in ("BeneficiosSuspendidos", "BeneficiosRestituidos")]
        assert tipos == ["BeneficiosSuspendidos", "BeneficiosRestituidos", "BeneficiosSuspendidos"]
        assert all(e["sobre"]["correlacion"] == RUC for e in eventos)
