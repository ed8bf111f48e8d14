"""The servers a benchmark runs against: PostgreSQL and NATS from ``tests.infra``, the suite from ``deploy.procesos``.

``Entorno`` owns what lives for the whole run (PostgreSQL, NATS, signing keys, a scratch directory). ``Suite`` is one
set of four databases and the four service processes on them; each scenario (empty stores, 10k events, 1M events)
gets its own, dropped afterwards, so no scenario sees another's rows.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

from deploy.procesos import SERVICIOS, detener, esperar_salud, iniciar_servicio, puerto_libre
from shared.identidad.claves import generar_par
from shared.identidad.tokens import Emisor
from tests.infra.nats import ServidorNats
from tests.infra.postgres import VARIABLE, PostgresExterno, obtener_postgres

CON_ALMACEN = ("registro", "tramite", "fiscalizacion")


class Entorno:
    def __init__(self) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="cti-bench-"))
        self.postgres = obtener_postgres()
        self.origen_postgres = (f"{VARIABLE} (externo)" if isinstance(self.postgres, PostgresExterno)
                                else "cluster desechable de tests.infra (fsync=off, synchronous_commit=off)")
        (self.dir / "nats").mkdir()
        self.nats = ServidorNats(store_dir=self.dir / "nats").start()
        self.privada, self.publica = generar_par(self.dir / "claves")
        self.emisor = Emisor(self.privada.read_bytes())

    def token(self, persona: str, oficina: str, *roles: str) -> str:
        return self.emisor.emitir(persona, oficina, list(roles), 4 * 3600)

    def cerrar(self) -> None:
        self.nats.stop()
        self.postgres.destruir()
        shutil.rmtree(self.dir, ignore_errors=True)


class Suite:
    """Four databases (one per service) and, once ``arrancar`` is called, the four uvicorn processes."""

    def __init__(self, entorno: Entorno, nombre: str) -> None:
        self.entorno = entorno
        self.nombre = nombre
        self.urls_db = {s: entorno.postgres.crear_base(f"bench_{nombre}_{s}") for s in SERVICIOS}
        self.puertos = {s: puerto_libre() for s in SERVICIOS}
        self.urls = {s: f"http://127.0.0.1:{p}" for s, p in self.puertos.items()}
        self.procesos: dict[str, subprocess.Popen[bytes]] = {}
        self.arranque_s: dict[str, float] = {}
        self.datos = entorno.dir / nombre
        self.datos.mkdir(exist_ok=True)

    @property
    def gateway(self) -> str:
        return self.urls["gateway"]

    def entorno_de(self, servicio: str) -> dict[str, str]:
        e = {"CTI_DATABASE_URL": self.urls_db[servicio], "CTI_NATS_URL": self.entorno.nats.url,
             "CTI_CLAVE_PUBLICA": str(self.entorno.publica), "CTI_DIRECTORIO_DATOS": str(self.datos),
             "CTI_URLS_SERVICIOS": json.dumps({k: v for k, v in self.urls.items() if k != "gateway"}),
             "CTI_NIVEL_LOG": os.environ.get("CTI_NIVEL_LOG", "WARNING")}
        return e

    def arrancar(self, servicios: tuple[str, ...] = SERVICIOS) -> dict[str, float]:
        """Start each service and time it from process start to its first ``/health/live`` answer."""
        for s in servicios:
            inicio = time.monotonic()
            p = iniciar_servicio(s, self.puertos[s], self.entorno_de(s), self.datos / f"{s}.log")
            self.procesos[s] = p
            esperar_salud(self.urls[s], 300, p)
            self.arranque_s[s] = time.monotonic() - inicio
        return dict(self.arranque_s)

    def pids(self) -> dict[str, int]:
        return {s: p.pid for s, p in self.procesos.items() if p.poll() is None}

    def detener(self) -> None:
        detener(list(self.procesos.values()))
        self.procesos.clear()

    def borrar(self) -> None:
        self.detener()
        for url in self.urls_db.values():
            try:
                self.entorno.postgres.borrar_base(url)
            except Exception:  # noqa: BLE001 - cleanup must not hide the run's result
                pass

    def log(self, servicio: str, lineas: int = 20) -> str:
        try:
            return "\n".join((self.datos / f"{servicio}.log").read_text(errors="replace").splitlines()[-lineas:])
        except OSError:
            return ""


def rss_mb(pid: int) -> float | None:
    try:
        for linea in Path(f"/proc/{pid}/status").read_text().splitlines():
            if linea.startswith("VmRSS:"):
                return int(linea.split()[1]) / 1024
    except OSError:
        pass
    return None


def cpu_s(pid: int) -> float:
    """User + system CPU seconds of a process so far (from /proc)."""
    try:
        campos = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(campos[11]) + int(campos[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


def cpu_de(pids: dict[str, int]) -> dict[str, float]:
    return {s: cpu_s(p) for s, p in pids.items()}


def delta_cpu(antes: dict[str, float], despues: dict[str, float], segundos: float) -> dict[str, Any]:
    """Cores each process used on average between two readings."""
    return {s: round((despues[s] - antes.get(s, 0.0)) / segundos, 2) for s in despues}


def cpu_postgres() -> float:
    """CPU seconds of every ``postgres`` process on the machine (the server's share of a measurement)."""
    total = 0.0
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                if (d / "comm").read_text().strip() == "postgres":
                    total += cpu_s(int(d.name))
            except OSError:
                continue
    return total
