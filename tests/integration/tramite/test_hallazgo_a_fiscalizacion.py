"""Across services: tramite's referral of an intervention executed without prior registration (P8) programs an
inspection in fiscalizacion, learned from tramite's stream over NATS, once, with the file's number as its origin."""

from __future__ import annotations

from datetime import date

from services.tramite.domain.procedimientos import CATALOGO
from tests.integration.apoyo import esperar
from tests.integration.fiscalizacion.apoyo import Tokens, cab, servicio
from tests.integration.tramite.apoyo import APCI, MINSA, ONGD, RUC, doc

P8 = "P8-HALLAZGO-EJECUCION-SIN-REGISTRO"


def test_la_derivacion_de_un_hallazgo_programa_una_fiscalizacion_en_el_otro_servicio(suite, tmp_path, nats_servidor,
                                                                                    claves, emisor):
    hoy = date(2026, 7, 27)
    cuerpo = {"procedimiento": P8, "promotor": ONGD, "oficina_apertura": APCI, "presentado_el": hoy.isoformat(),
              "datos": {"intervencion": "Agua segura en Chumbivilcas", "descripcion": "Ejecuta sin registro previo",
                        "regimen_ejecutor": "ongd"},
              "documentos": [doc("informe_hallazgo", hoy)]}
    r = suite.tramite.post("/api/v1/expedientes", json=cuerpo, headers=suite.cab(MINSA))
    assert r.status_code == 201, r.text
    numero = r.json()["numero"]
    with servicio(f"sqlite:///{tmp_path}/fiscalizacion.db", nats_servidor.url, claves[1]) as fisc:
        assert CATALOGO.obtener(P8, 1).accion("derivar_a_fiscalizacion").documento == "memorando"
        r = suite.tramite.post(f"/api/v1/expedientes/{numero}/acciones/derivar_a_fiscalizacion",
                               headers=suite.cab(APCI),
                               json={"fecha": date(2026, 7, 30).isoformat(), "documentos": [doc("memorando", hoy)],
                                     "datos": {"ruc": RUC, "intervencion": "PRY-2026-0042"}})
        assert r.status_code == 200, r.text
        auditor = Tokens(emisor).auditor

        vistas: list[dict] = []

        def programada() -> bool:
            vistas[:] = fisc.get("/api/v1/fiscalizaciones", headers=cab(auditor)).json()["items"]
            return bool(vistas)

        esperar(programada, 20, "fiscalizacion programa la fiscalizacion del hallazgo")
        (item,) = vistas
        f = fisc.get(f"/api/v1/fiscalizaciones/{item['id']}", headers=cab(Tokens(emisor).dfs)).json()
        assert f["origen"]["expediente_tramite"] == numero
        assert f["origen"]["evento"] == "EjecucionSinAprobacionRemitidaAFiscalizacion"
        assert f["objeto"]["codigo"] == "PRY-2026-0042" and f["ruc"] == RUC
