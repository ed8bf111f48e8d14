"""The whole path through the HTTP API with fixed 2026 dates, on SQLite and PostgreSQL with a real NATS:
an inspection whose documents are not shown (RIS 7.a) -> referral -> case PAS-2026-000001 under the supplementary
2007 rulebook -> charges, defence, proposal, CIS decision, notification -> the appeal term lapses (firm) -> cure.
Then the public registry (anonymous search, identical after a rebuild) and the state as of a date.

Peru 2026 holidays crossed: 2-3 Apr (Holy Thursday/Friday), 1 May.
"""

from __future__ import annotations

from datetime import date

import pytest

from shared import programador
from tests.integration.fiscalizacion.apoyo import RUC, Tokens, actuar, cab, esperar_lecturas, servicio, vencer


@pytest.fixture(autouse=True)
def programador_quieto(monkeypatch):
    """The automatic run uses a date before every act of these tests; expiries run only when the test says so."""
    monkeypatch.setattr(programador, "hoy_en_lima", lambda: date(2026, 1, 1))


def test_procedimiento_completo_con_fechas_fijas(database_url, nats_servidor, claves, emisor):
    t = Tokens(emisor)
    with servicio(database_url, nats_servidor.url, claves[1]) as c:
        r = c.post("/api/v1/fiscalizaciones", headers=cab(t.dfs),
                   json={"ruc": RUC, "objeto": {"tipo": "entidad"}, "fecha_acto": "2026-03-02"})
        assert r.status_code == 201, r.text
        fid = r.json()["id"]
        assert [a["accion"] for a in r.json()["acciones_disponibles"]] == ["iniciar"]
        actuar(c, "fiscalizaciones", fid, "iniciar", t.dfs, notificado_el="2026-03-03", fecha_acto="2026-03-03")
        f = actuar(c, "fiscalizaciones", fid, "requerir_documentos", t.dfs, documentos=["convenios"],
                   notificado_el="2026-03-04", fecha_acto="2026-03-04")
        assert f["requerimientos"][0]["vence_el"] == "2026-03-18"  # 10 business days (parameter G12)
        assert vencer(c, t.admin, date(2026, 3, 18)) == 0
        assert vencer(c, t.admin, date(2026, 3, 19)) == 2  # PlazoExhibicionVencido + IndicioInfraccionRegistrado
        assert vencer(c, t.admin, date(2026, 3, 19)) == 0
        actuar(c, "fiscalizaciones", fid, "emitir_informe", t.dfs, resumen="No exhibio", fecha_acto="2026-03-20")
        f = actuar(c, "fiscalizaciones", fid, "recomendar_instruccion", t.dfs, codigos=["RIS-7-a"],
                   fecha_acto="2026-03-20")
        exp_id = f["derivacion"][0]["expediente_id"]

        exp = c.get(f"/api/v1/procedimientos-sancionadores/{exp_id}", headers=cab(t.dfs)).json()
        assert exp["numero"] == exp["correlacion"] == "PAS-2026-000001"
        assert exp["version_reglamento"] == "RIS-2007" and exp["organo_instructor"] == "DFS"
        assert exp["supletoriedad"]["hechos"]["regimen_vigente"]["id"] == "RIS-2025"
        n = exp["numero"]
        exp = actuar(c, "procedimientos-sancionadores", n, "imputar_cargos", t.dfs, notificado_el="2026-03-23",
                     hechos_imputados="No exhibio la documentacion requerida", fecha_acto="2026-03-23")
        assert exp["plazos"]["descargos_instruccion"]["vence_el"] == "2026-04-01"
        actuar(c, "procedimientos-sancionadores", n, "presentar_descargos", t.entidad, presentado_el="2026-03-30",
               resumen="Los documentos estaban en auditoria", fecha_acto="2026-03-30")
        vencer(c, t.admin, date(2026, 4, 2))
        actuar(c, "procedimientos-sancionadores", n, "formular_propuesta", t.dfs, tipo="sancion",
               sanciones_propuestas=["multa"], fecha_acto="2026-04-15")
        exp = actuar(c, "procedimientos-sancionadores", n, "notificar_propuesta", t.cis, notificado_el="2026-04-16",
                     fecha_acto="2026-04-16")
        assert exp["plazos"]["descargos_cis"]["vence_el"] == "2026-04-27"
        vencer(c, t.admin, date(2026, 4, 28))
        exp = actuar(c, "procedimientos-sancionadores", n, "imponer_sancion", t.cis, sanciones=["multa"],
                     fecha_acto="2026-04-29")
        decision = exp["decisiones"][-1]
        assert decision["regimen_aplicado"]["id"] == "RIS-2007" and decision["regimen_vigente"]["id"] == "RIS-2025"
        assert "supletoriamente" in decision["motivo"] and decision["partes_supletorias"]
        exp = actuar(c, "procedimientos-sancionadores", n, "notificar_resolucion", t.cis, notificado_el="2026-04-30",
                     fecha_acto="2026-04-30")
        assert exp["plazos"]["impugnacion"]["vence_el"] == "2026-05-22"  # 15 business days; 1 May is a holiday
        assert exp["sancion"]["estado"] == "multa_devengando" and not exp["sancion"]["firme"]
        vencer(c, t.admin, date(2026, 5, 23))
        exp = c.get(f"/api/v1/procedimientos-sancionadores/{n}", headers=cab(t.dfs)).json()
        assert exp["estado"] == "firme" and exp["sancion"]["firme"]
        exp = actuar(c, "procedimientos-sancionadores", n, "verificar_subsanacion", t.dfs, subsanado_el="2026-05-29",
                     fecha_acto="2026-05-29")
        assert exp["sancion"]["estado"] == "multa_liquidada"
        assert exp["sancion"]["multa_soles"] == "55000.00"  # 20 business days (4-29 May) x 0.5 UIT of S/ 5,500

        calculo = c.get(f"/api/v1/procedimientos-sancionadores/{n}/calculo", headers=cab(t.auditor)).json()
        assert [p["paso"] for p in calculo["pasos"]][:2] == ["tipificacion", "uit"]
        assert calculo["supletoriedad"]["regimen_aplicado"]["id"] == "RIS-2007"
        antes = c.get(f"/api/v1/procedimientos-sancionadores/{n}?a_la_fecha=2026-04-20", headers=cab(t.auditor))
        assert antes.json()["estado"] == "en_descargos_cis" and antes.json()["sancion"] is None

        esperar_lecturas(c)
        buscar = "/api/v1/sanciones?ruc=20100070970&infraccion=RIS-7-a&desde=2026-04-01&hasta=2026-04-30"
        registro = c.get(buscar).json()["items"]  # anonymous
        assert [(s["expediente"], s["estado"], s["monto_soles"], s["resolucion"]["fecha"]) for s in registro] == [
            ("PAS-2026-000001", "firme", "55000.00", "2026-04-29")]
        assert c.get("/api/v1/sanciones?estado=revocada").json()["items"] == []
        todo = c.get("/api/v1/sanciones").json()
        r = c.post("/operaciones/lecturas/reconstruir", headers=cab(t.admin))
        assert r.status_code == 200 and r.json()["eventos_aplicados"] > 20
        assert c.get("/api/v1/sanciones").json() == todo
        assert c.get(buscar).json()["items"] == registro
        lista = c.get("/api/v1/procedimientos-sancionadores?ruc=20100070970", headers=cab(t.entidad)).json()
        assert [e["numero"] for e in lista["items"]] == ["PAS-2026-000001"]
