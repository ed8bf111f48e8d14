"""The suite wired to a real Mayan EDMS for the DMS tests: registro (in-process), tramite on a real port (the
gateway forwards webhooks to it over HTTP) polling Mayan, and the gateway running the outbound deliverers.

Started once per test module (Mayan's warm start is ~3 s, the services ~2 s); each test works on its own files.
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import uvicorn
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from services.gateway.main import crear_app as crear_gateway
from services.registro.main import crear_app as crear_registro
from services.tramite.consumidores import oficinas_conocidas
from services.tramite.main import crear_app as crear_tramite
from shared.configuracion import Configuracion
from shared.documentos import webhook
from shared.programador import hoy_en_lima
from tests.infra._comun import puerto_libre
from tests.integration.apoyo import esperar

SECRETO = "secreto-compartido-con-mayan-para-pruebas"
OFICINAS = json.loads((Path(__file__).resolve().parents[3] / "services/registro/datos/oficinas.json").read_text())
ONGD, MINSA = "ENTIDAD-20131312955", "MINSA-CTI"


class Servidor:
    """An app on a real port in a thread (the gateway reaches tramite over HTTP, as in production)."""

    def __init__(self, app: Any) -> None:
        self.app, self.puerto = app, puerto_libre()
        self.servidor = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.puerto, log_level="warning"))
        self.hilo = threading.Thread(target=self.servidor.run, daemon=True)

    def __enter__(self) -> str:
        self.hilo.start()
        esperar(lambda: self.servidor.started, 60, "el servicio arranca")
        return f"http://127.0.0.1:{self.puerto}"

    def __exit__(self, *_: object) -> None:
        self.servidor.should_exit = True
        self.hilo.join(20)


class Sistema:
    def __init__(self, mayan: Any, nats_url: str, claves: tuple[Path, Path], emisor: Any, tmp: Path) -> None:
        self.mayan, self.emisor = mayan, emisor
        comun: dict[str, Any] = {"nats_url": nats_url, "clave_publica": claves[1]}
        dms = {"dms_url": mayan.url, "dms_token": mayan.token, "dms_secreto_webhook": SECRETO}
        self.registro = TestClient(crear_registro(Configuracion(
            servicio="registro", database_url=f"sqlite:///{tmp}/registro.db", **comun)))
        self.tramite_app = crear_tramite(Configuracion(
            servicio="tramite", database_url=f"sqlite:///{tmp}/tramite.db", dms_intervalo_sondeo=0.3, **comun, **dms))
        self._tramite = Servidor(self.tramite_app)
        self._tmp, self._comun, self._dms = tmp, comun, dms

    def __enter__(self) -> "Sistema":
        self.registro.__enter__()
        for o in OFICINAS["oficinas"]:
            assert self.registro.post("/api/v1/oficinas", json=o, headers=self.cab("APCI-DE", "administrador")
                                      ).status_code == 201
        url_tramite = self._tramite.__enter__()
        self.gateway = TestClient(crear_gateway(Configuracion(
            servicio="gateway", database_url=f"sqlite:///{self._tmp}/gateway.db",
            urls_servicios={"tramite": url_tramite, "registro": "http://127.0.0.1:9",
                            "fiscalizacion": "http://127.0.0.1:9"},
            entregas_max_intentos=12, entregas_espera_base=0.1, entregas_espera_max=0.5, **self._comun, **self._dms)))
        self.gateway.__enter__()
        esperar(lambda: self._contar_oficinas() == len(OFICINAS["oficinas"]), 30, "tramite aprende las oficinas")
        return self

    def __exit__(self, *exc: Any) -> None:
        self.gateway.__exit__(*exc)
        self._tramite.__exit__(*exc)
        self.registro.__exit__(*exc)

    # ----- reads of tramite's own state -------------------------------------------------------------------

    @property
    def comp(self) -> Any:
        return self.tramite_app.state.componentes

    def _contar_oficinas(self) -> int:
        with self.comp.motor.connect() as c:
            return int(c.execute(select(func.count()).select_from(oficinas_conocidas)).scalar())

    def eventos_tramite(self, numero: str) -> list[Any]:
        app = self.comp.aplicacion
        return list(app.repository.event_store.get(app.expediente(numero).id))

    def incorporados(self, numero: str, dms_id: str | None = None) -> list[Any]:
        return [e for e in self.eventos_tramite(numero) if type(e).__name__ == "DocumentoIncorporado"
                and (dms_id is None or e.referencia["dms_id"] == dms_id)]

    @property
    def sondeo(self) -> Any:
        return self.comp.extra["sondeo_dms"]

    def rondas(self, n: int = 2) -> None:
        """Let the poller complete ``n`` more rounds."""
        inicio = self.sondeo.rondas
        self.sondeo.despertar()
        esperar(lambda: self.sondeo.rondas >= inicio + n, 30, "el sondeo del DMS avanza")

    # ----- HTTP through the gateway ------------------------------------------------------------------------

    def cab(self, oficina: str, *roles: str) -> dict[str, str]:
        token = self.emisor.emitir(f"usuario.{oficina.lower()}", oficina, list(roles or ("tramitador",)))
        return {"Authorization": f"Bearer {token}"}

    def abrir_p1(self) -> str:
        hoy = hoy_en_lima() - timedelta(days=3)
        cuerpo = {"procedimiento": "P1-SOLICITUD-CTI", "promotor": ONGD, "oficina_apertura": MINSA,
                  "presentado_el": hoy.isoformat(), "datos": {"titulo": "Agua segura", "unidad_ejecutora": ONGD},
                  "documentos": [{"tipo": "solicitud", "numero": "S-1", "fecha": hoy.isoformat()}]}
        r = self.gateway.post("/api/v1/expedientes", json=cuerpo, headers=self.cab(ONGD))
        assert r.status_code == 201, r.text
        return r.json()["numero"]

    def abrir_p4(self) -> str:
        hoy = hoy_en_lima() - timedelta(days=3)
        docs = [{"tipo": t, "numero": f"{t}-1", "fecha": hoy.isoformat()}
                for t in ("carta_solicitud", "certificado_donacion", "documento_transporte")]
        cuerpo = {"procedimiento": "P4-DONACION", "promotor": ONGD, "oficina_apertura": MINSA,
                  "presentado_el": hoy.isoformat(), "regimen_promotor": "ongd", "documentos": docs,
                  "datos": {"donante": "Caritas Alemania", "finalidad": "equipos medicos", "aduana": "Callao"}}
        r = self.gateway.post("/api/v1/expedientes", json=cuerpo, headers=self.cab(ONGD))
        assert r.status_code == 201, r.text
        return r.json()["numero"]

    def historial(self, numero: str) -> list[dict[str, Any]]:
        r = self.gateway.get(f"/api/v1/expedientes/{numero}/historial", headers=self.cab("OCI-APCI", "auditor"))
        return r.json()["items"] if r.status_code == 200 else []

    def notificar(self, evento_id: str, cuerpo: dict[str, Any], secreto: str = SECRETO,
                  momento: float | None = None) -> httpx.Response:
        crudo = json.dumps(cuerpo).encode()
        cab = webhook.cabeceras(secreto, evento_id, crudo, int(momento or time.time()))
        return self.gateway.post("/api/v1/dms/notificaciones", content=crudo,
                                 headers={**cab, "content-type": "application/json"})


def sha(contenido: bytes) -> str:
    return hashlib.sha256(contenido).hexdigest()
