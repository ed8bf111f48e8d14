"""Registro's public events, built from a real registro store and published on its NATS stream, drive fiscalizacion:
a lapsed annual obligation opens exactly one case even when the trigger is published twice; an entity's renunciation
is remembered, so it cannot be charged for not renewing (STC 0009-2007-PI/TC, fundamentos 107-109)."""

from __future__ import annotations

from datetime import date

import pytest

from services.registro.domain.demo import generar, reproducir
from services.registro.domain.obligacion_anual import ObligacionAnual
from shared import programador
from shared.almacen.publico import evento_publico, sujeto
from shared.eventos.sobre import SISTEMA, acto
from shared.mensajeria.consumidor import PROCESADOS
from shared.mensajeria.flujos import id_mensaje
from tests.integration.apoyo import app_registro, esperar
from tests.integration.fiscalizacion.apoyo import RUC, Tokens, cab, esperar_lecturas, publicar, servicio


@pytest.fixture(autouse=True)
def programador_quieto(monkeypatch):
    monkeypatch.setattr(programador, "hoy_en_lima", lambda: date(2026, 1, 1))


def _eventos_registro(tmp_path) -> tuple[list[dict], str]:
    """A registro store with a renounced registration and a lapsed 2026 annual obligation; its public events."""
    registro = app_registro(f"sqlite:///{tmp_path}/registro.db")
    comandos = generar()
    renuncia = next(c for c in comandos if c["accion"] == "renunciar")
    inscripcion = reproducir([c for c in comandos if c["id"] == renuncia["id"]])[renuncia["id"]]
    with acto(actor=SISTEMA):
        obligacion = ObligacionAnual.abrir(actor=SISTEMA, registro="ONGD", ruc=RUC, anio=2026, hoy=date(2026, 1, 1))
        assert obligacion.vencer_plazos(date(2026, 2, 5)) == ["ObligacionAnualVencida"]
        registro.save(inscripcion)
        registro.save(obligacion)
    eventos = [evento_publico("registro", registro.mapper, n) for n in registro.notificaciones(1, 100)]
    return eventos, inscripcion.ruc


def test_obligacion_vencida_abre_un_solo_caso_aunque_llegue_dos_veces(database_url, nats_servidor, claves, emisor,
                                                                      tmp_path):
    t = Tokens(emisor)
    eventos, ruc_renunciante = _eventos_registro(tmp_path)
    vencida = next(e for e in eventos if e["tipo"] == "ObligacionAnualVencida")
    procesados = PROCESADOS.labels("fiscalizacion-registro")
    with servicio(database_url, nats_servidor.url, claves[1]) as c:
        publicar(nats_servidor.url, [(sujeto(e), e, id_mensaje("registro", e["notificacion_id"])) for e in eventos])
        listar = f"/api/v1/procedimientos-sancionadores?ruc={RUC}"
        esperar(lambda: c.get(listar, headers=cab(t.auditor)).json()["items"], 15, "caso abierto por registro")
        antes = procesados._value.get()
        publicar(nats_servidor.url, [(sujeto(vencida), vencida, "registro:republicado-1")])  # re-published trigger
        esperar(lambda: procesados._value.get() > antes, 15, "reenvio procesado")

        casos = c.get(listar, headers=cab(t.auditor)).json()["items"]
        assert [(x["numero"], x["codigo"], x["origen_tipo"]) for x in casos] == [("PAS-2026-000001", "RIS-6-c",
                                                                                 "registro")]
        exp = c.get("/api/v1/procedimientos-sancionadores/PAS-2026-000001", headers=cab(t.doc)).json()
        assert exp["origen"]["evento_id"] == vencida["sobre"]["evento_id"]
        assert exp["fecha_hechos"] == vencida["datos"]["vencida_el"] and exp["organo_instructor"] == "DOC"
        assert "imputar_cargos" in [a["accion"] for a in exp["acciones_disponibles"]]

        caso = {"ruc": ruc_renunciante, "codigo": "RIS-6-b", "fecha_hechos": "2026-06-01", "fecha_acto": "2026-06-05"}
        r = c.post("/api/v1/procedimientos-sancionadores", json=caso, headers=cab(t.doc))
        assert r.status_code == 422, r.text
        assert r.json()["fundamento_legal"]["articulo"] == "fundamentos 107-109"
        r = c.post("/api/v1/procedimientos-sancionadores", json={**caso, "ruc": RUC}, headers=cab(t.doc))
        assert r.status_code == 201 and r.json()["numero"] == "PAS-2026-000002"


def test_hallazgo_de_tramite_programa_una_fiscalizacion_una_sola_vez(database_url, nats_servidor, claves, emisor):
    """tramite's P8 referral (EjecucionSinAprobacionRemitidaAFiscalizacion) in the public shape the relay publishes:
    the act's own data (RUC, intervention) sit under the event's ``datos``; a redelivery programs nothing more."""
    t = Tokens(emisor)
    hallazgo = {"servicio": "tramite", "agregado": "expediente", "agregado_id": "5f0c7a52-3c1e-4c57-9d43-8f1f4b7a9e01",
                "version": 2, "tipo": "EjecucionSinAprobacionRemitidaAFiscalizacion",
                "timestamp": "2026-03-10T15:00:00+00:00",
                "sobre": {"evento_id": "0b9e8d3c-1f2a-4e5b-8c7d-6a5b4c3d2e1f", "correlacion": "2026-MINSA-000007",
                          "fecha_negocio": "2026-03-10"},
                "datos": {"accion": "derivar_a_fiscalizacion", "estado_nuevo": "derivado_a_fiscalizacion",
                          "datos": {"ruc": RUC, "intervencion": "PRY-2026-0042"}}, "notificacion_id": 41}
    procesados = PROCESADOS.labels("fiscalizacion-tramite")
    with servicio(database_url, nats_servidor.url, claves[1]) as c:
        antes = procesados._value.get()
        sujeto = "tramite.expediente.EjecucionSinAprobacionRemitidaAFiscalizacion"
        publicar(nats_servidor.url, [(sujeto, hallazgo, "tramite:41"), (sujeto, hallazgo, "tramite:41b")])
        esperar(lambda: procesados._value.get() >= antes + 2, 15, "ambos mensajes procesados")
        esperar_lecturas(c)
        items = c.get("/api/v1/fiscalizaciones", headers=cab(t.auditor)).json()["items"]
        assert len(items) == 1
        f = c.get(f"/api/v1/fiscalizaciones/{items[0]['id']}", headers=cab(t.dfs)).json()
        assert f["origen"]["expediente_tramite"] == "2026-MINSA-000007" and f["objeto"]["codigo"] == "PRY-2026-0042"
        assert f["programada_el"] == "2026-03-10"
