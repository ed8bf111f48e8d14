"""End to end through the gateway, as ``make run`` starts the suite (separate processes, SQLite, bundled NATS):
tramite learns the demo offices from registro over NATS, then a file is presented, routed and read via the
gateway's single API, and its history reaches the gateway's event read model."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import httpx

from shared.identidad.tokens import Emisor
from tests.integration.apoyo import esperar

RAIZ = Path(__file__).resolve().parents[3]
ONGD = "ENTIDAD-20131312955"


def test_expediente_por_la_pasarela_con_make_run(tmp_path):
    var = tmp_path / "var"
    proc = subprocess.Popen([sys.executable, "-m", "deploy.runner"], cwd=RAIZ, text=True, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, env={**os.environ, "CTI_DIRECTORIO_DATOS": str(var),
                                                           "PYTHONUNBUFFERED": "1", "CTI_PUERTOS_LIBRES": "1"})
    try:
        salida = ""
        while "Ctrl-C" not in salida and proc.poll() is None:
            salida += proc.stdout.readline()
        g = re.search(r"Gateway:\s+(http://\S+)", salida).group(1)
        emisor = Emisor((var / "claves" / "privada.pem").read_bytes())

        def cab(oficina: str, *roles: str) -> dict[str, str]:
            return {"Authorization": "Bearer " + emisor.emitir("p", oficina, list(roles or ("tramitador",)))}

        cuerpo = {"procedimiento": "P1-SOLICITUD-CTI", "promotor": ONGD, "oficina_apertura": "MINSA-CTI",
                  "presentado_el": "2026-03-02", "datos": {"titulo": "t", "unidad_ejecutora": ONGD},
                  "documentos": [{"tipo": "solicitud", "numero": "S-1", "fecha": "2026-03-02"}]}
        respuesta: dict = {}

        def presentar() -> bool:  # 422 until tramite has learned MINSA-CTI from registro's events
            respuesta["r"] = httpx.post(f"{g}/api/v1/expedientes", json=cuerpo, headers=cab(ONGD))
            return respuesta["r"].status_code == 201

        esperar(presentar, 20, "tramite conoce las oficinas de la demo")
        numero = respuesta["r"].json()["numero"]
        assert numero == "2026-MINSA-000001" and respuesta["r"].headers["etag"] == '"1"'
        r = httpx.post(f"{g}/api/v1/expedientes/{numero}/acciones/derivar_a_rectora",
                       headers={**cab("MINSA-CTI"), "If-Match": '"1"'},
                       json={"fecha": "2026-03-10", "destinatario": "APCI-DGNI", "datos": {"prioridad_sectorial": 1},
                             "documentos": [{"tipo": "oficio", "numero": "OF-1", "fecha": "2026-03-10"}]})
        assert r.status_code == 200 and r.json()["custodia"] == "APCI-DGNI" and r.headers["etag"] == '"2"'
        tramos = httpx.get(f"{g}/api/v1/expedientes/{numero}/tramos", headers=cab("MINSA-CTI")).json()["items"]
        assert [(t["remitente"], t["destinatario"]) for t in tramos] == [(ONGD, "MINSA-CTI"),
                                                                        ("MINSA-CTI", "APCI-DGNI")]
        bandeja = httpx.get(f"{g}/api/v1/bandeja", params={"hoy": "2026-03-11"}, headers=cab("APCI-DGNI")).json()
        assert [e["numero"] for e in bandeja["items"]] == [numero]
        assert httpx.get(f"{g}/api/v1/procedimientos").json()["items"]
        lista = httpx.get(f"{g}/api/v1/expedientes", params={"oficina": "APCI-DGNI", "hoy": "2026-03-11"},
                          headers=cab("MINSA-CTI"))  # the list is routed to tramite, with the same access rule
        assert lista.status_code == 200 and [e["numero"] for e in lista.json()["items"]] == [numero]
        assert httpx.get(f"{g}/api/v1/expedientes", headers=cab("MINEDU-CTI")).json()["items"] == []
        rutas = httpx.get(f"{g}/openapi.json").json()["paths"]
        assert {"get", "post"} <= set(rutas["/api/v1/expedientes"])  # both merged into the gateway's document

        def en_historial() -> bool:
            h = httpx.get(f"{g}/api/v1/eventos", params={"correlacion": numero}, headers=cab("APCI-DE", "auditor"))
            return "SolicitudDerivadaARectora" in [e["tipo"] for e in h.json().get("items", [])]

        esperar(en_historial, 20, "el historial del gateway recibe los eventos de tramite")
    finally:
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=30) == 0
