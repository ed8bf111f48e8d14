"""The whole suite as real processes, for fault injection: nats-server, one PostgreSQL database per service, the four
services as uvicorn subprocesses (exactly as ``make run`` starts them, ``deploy.procesos.iniciar_servicio``).

Why processes and not TestClient: a ``kill -9``, a broker that disappears and a database that restarts only mean
something to a process with its own connections, pools and background tasks. Each service logs to
``<raiz>/<servicio>.log`` so tests can grep what the services wrote (no secret may appear there).
"""

from __future__ import annotations

import json
import signal
import subprocess
import time
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import Engine

from deploy.procesos import SERVICIOS, esperar_salud, iniciar_servicio, puerto_libre
from services.gateway.clientes import escribir_demo
from shared.identidad.claves import generar_par
from shared.identidad.tokens import Emisor
from shared.lecturas.motor import crear_motor
from tests.infra.nats import ServidorNats

SIN_PROXY = {"trust_env": False}
SECRETO_WEBHOOK = "secreto-de-prueba-del-webhook-dms"  # so the DMS webhook checks signatures instead of answering 503  # never send 127.0.0.1 through an http_proxy of the machine


class Suite:
    def __init__(self, raiz: Path, postgres: Any, entorno: dict[str, dict[str, str]] | None = None) -> None:
        """``entorno``: extra variables per service (e.g. ``{"registro": {"CTI_RELAY_EN_PROCESO": "false"}}``)."""
        self.raiz = raiz
        self.postgres = postgres
        self.entorno_extra = entorno or {}
        self.nats = ServidorNats(store_dir=raiz / "nats")
        self.bases: dict[str, str] = {}
        self.puertos: dict[str, int] = {}
        self.procesos: dict[str, subprocess.Popen[bytes]] = {}
        self._motores: dict[str, Engine] = {}
        privada, self.publica = generar_par(raiz / "claves")
        self.privada = privada
        self.emisor = Emisor(privada.read_bytes())
        self.secretos = escribir_demo(raiz / "clientes.json")  # client_id -> secret, for POST /api/v1/auth/token
        self.emitidos: list[str] = []  # every token handed to a test: none may ever show in a log

    # --- life cycle -------------------------------------------------------------------------------------------
    def iniciar(self) -> Suite:
        (self.raiz / "nats").mkdir(parents=True, exist_ok=True)
        self.nats.start()
        for s in SERVICIOS:
            self.bases[s] = self.postgres.crear_base(f"fallas_{s}")
            self.puertos[s] = puerto_libre()
        for s in SERVICIOS:
            self.arrancar(s, esperar=False)
        for s in SERVICIOS:
            esperar_salud(self.url(s), 60, self.procesos[s])
        return self

    def entorno(self, servicio: str) -> dict[str, str]:
        urls = {s: self.url(s) for s in SERVICIOS if s != "gateway"}
        env = {
            "CTI_DATABASE_URL": self.bases[servicio], "CTI_NATS_URL": self.nats.url,
            "CTI_CLAVE_PUBLICA": str(self.publica), "CTI_URLS_SERVICIOS": json.dumps(urls),
            "CTI_DIRECTORIO_DATOS": str(self.raiz / "datos"), "CTI_MAX_ENTREGAS": "3",
            "CTI_INTERVALO_CHECKPOINT": "2", "CTI_LIMITE_SOLICITUDES_S": "100000", "CTI_LIMITE_RAFAGA": "100000",
            "PYTHONUNBUFFERED": "1",
        }
        if servicio == "gateway":
            env |= {"CTI_CLAVE_PRIVADA": str(self.privada), "CTI_CLIENTES": str(self.raiz / "clientes.json"),
                    "CTI_DMS_SECRETO_WEBHOOK": SECRETO_WEBHOOK}
        return env | self.entorno_extra.get(servicio, {})

    def arrancar(self, servicio: str, esperar: bool = True) -> float:
        """Start (or restart after a kill) one service on its port; returns seconds until /health/live answers."""
        inicio = time.monotonic()
        self.procesos[servicio] = iniciar_servicio(servicio, self.puertos[servicio], self.entorno(servicio),
                                                   self.log(servicio))
        if esperar:
            esperar_salud(self.url(servicio), 60, self.procesos[servicio])
        return time.monotonic() - inicio

    def matar(self, servicio: str) -> None:
        """kill -9: no shutdown hook runs, connections drop, in-flight requests get no answer."""
        proc = self.procesos[servicio]
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)

    def detener(self) -> None:
        for p in self.procesos.values():
            if p.poll() is None:
                p.send_signal(signal.SIGTERM)
        for p in self.procesos.values():
            try:
                p.wait(15)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
        for m in self._motores.values():
            m.dispose()
        self.nats.stop()
        for url in self.bases.values():
            try:
                self.postgres.borrar_base(url)
            except Exception:  # the cluster may be down in a failed test; the session tears it down anyway
                pass

    # --- access -----------------------------------------------------------------------------------------------
    def url(self, servicio: str) -> str:
        return f"http://127.0.0.1:{self.puertos[servicio]}"

    @property
    def gateway(self) -> str:
        return self.url("gateway")

    def log(self, servicio: str) -> Path:
        return self.raiz / f"{servicio}.log"

    def motor(self, servicio: str) -> Engine:
        if servicio not in self._motores:
            self._motores[servicio] = crear_motor(self.bases[servicio])
        return self._motores[servicio]

    def token(self, persona: str = "ana", oficina: str = "APCI-DE", roles: tuple[str, ...] = ("administrador",),
              vigencia: int = 3600) -> str:
        token = self.emisor.emitir(persona, oficina, list(roles), vigencia)
        self.emitidos.append(token)
        return token

    def cabeceras(self, **kw: Any) -> dict[str, str]:
        return {"authorization": f"Bearer {self.token(**kw)}"}

    def esperar_listo(self, servicio: str, segundos: float = 30) -> None:
        """Until /health/ready says the store and NATS are both reachable."""
        limite = time.monotonic() + segundos
        while time.monotonic() < limite:
            try:
                if httpx.get(f"{self.url(servicio)}/health/ready", timeout=2, **SIN_PROXY).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        raise AssertionError(f"{servicio} no quedo listo en {segundos} s")
