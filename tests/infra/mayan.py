"""A real Mayan EDMS (variant A: gunicorn, eager Celery, SQLite) started on a free port for the tests.

Installation and the initialized media snapshot are cached by ``tests.infra.mayan_instalacion`` (cold ~1-2 min,
once per machine); each ``start()`` copies the snapshot into a fresh temporary media dir and starts one gunicorn
worker, so every server begins from the same empty Mayan (~3 s). Usage::

    with ServidorMayan() as mayan:
        httpx.get(f"{mayan.url}/api/v4/documents/", headers={"Authorization": f"Token {mayan.token}"})
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

import httpx

from tests.infra._comun import cola, esperar_cerrado, puerto_libre
from tests.infra.mayan_instalacion import ADMIN, CLAVE_ADMIN, directorio_cache, entorno_mayan, preparar

HOST = "127.0.0.1"


def _reubicar(media: Path, origen: Path) -> None:
    """Point the snapshot's storage paths at this server's media dir. ``common_initial_setup`` writes absolute
    locations of the setup dir into ``config.yml`` (document storage, caches, log); left as they are, every server
    would store its files in the shared cache dir instead of its own throwaway one."""
    for nombre in ("config.yml", "config_backup.yml"):
        archivo = media / nombre
        if archivo.exists():
            archivo.write_text(archivo.read_text().replace(str(origen), str(media)))


class ServidorMayan:
    """One gunicorn serving Mayan on 127.0.0.1; ``url``, ``usuario``/``clave`` (admin) and an API ``token``."""

    def __init__(self, cache: Path | None = None, timeout: float = 120.0) -> None:
        self._cache = cache or directorio_cache()
        self._timeout = timeout
        self._dir: Path | None = None
        self._proc: subprocess.Popen | None = None
        self.puerto: int | None = None
        self.token: str | None = None
        self.usuario, self.clave = ADMIN, CLAVE_ADMIN
        self.tiempos_preparacion: dict[str, float] = {}  # apt/pip/setup seconds when built by this instance
        self.segundos_arranque: float | None = None  # snapshot copy + gunicorn until the API answers + token

    @property
    def url(self) -> str:
        if self.puerto is None:
            raise RuntimeError("ServidorMayan not started yet")
        return f"http://{HOST}:{self.puerto}"

    @property
    def api(self) -> str:
        return f"{self.url}/api/v4"

    @property
    def log(self) -> Path:
        if self._dir is None:
            raise RuntimeError("ServidorMayan not started yet")
        return self._dir / "gunicorn.log"

    def start(self) -> "ServidorMayan":
        if self._proc is not None and self._proc.poll() is None:
            raise RuntimeError("ServidorMayan already running")
        self.tiempos_preparacion = preparar(self._cache)
        inicio = time.monotonic()
        self._dir = Path(tempfile.mkdtemp(prefix="cti-mayan-"))
        media = self._dir / "media"
        shutil.copytree(self._cache / "media_snapshot", media, symlinks=True)
        _reubicar(media, self._cache / "media_setup")
        self.puerto = puerto_libre()
        cmd = [str(self._cache / "venv" / "bin" / "gunicorn"), "--bind", f"{HOST}:{self.puerto}", "--workers", "1",
               "--timeout", "120", "--log-file", str(self.log), "mayan.wsgi"]
        with open(self.log, "ab") as salida:
            self._proc = subprocess.Popen(cmd, env=entorno_mayan(self._cache, media), cwd=self._dir,
                                          stdin=subprocess.DEVNULL, stdout=salida, stderr=subprocess.STDOUT,
                                          start_new_session=True)
        try:
            self.token = self._esperar_token()
        except Exception:
            self.stop()
            raise
        self.segundos_arranque = time.monotonic() - inicio
        return self

    def _esperar_token(self) -> str:
        """Poll the token endpoint until it answers; Accept: application/json is required (else HTTP 500)."""
        limite = time.monotonic() + self._timeout
        ultimo = "no answer"
        with httpx.Client(trust_env=False, timeout=10) as cliente:
            while time.monotonic() < limite:
                if self._proc is None or self._proc.poll() is not None:
                    raise RuntimeError(f"Mayan gunicorn exited; log {self.log}:\n{cola(self.log)}")
                try:
                    r = cliente.post(f"{self.api}/auth/token/obtain/", headers={"Accept": "application/json"},
                                     json={"username": self.usuario, "password": self.clave})
                    if r.status_code == 200:
                        return r.json()["token"]
                    ultimo = f"HTTP {r.status_code}: {r.text[:200]}"
                except httpx.TransportError as e:
                    ultimo = repr(e)
                time.sleep(0.1)
        raise RuntimeError(f"Mayan did not answer in {self._timeout} s ({ultimo}); log {self.log}:\n{cola(self.log)}")

    def stop(self, timeout: float = 15.0) -> None:
        """SIGTERM the gunicorn process group (master and worker), SIGKILL if needed; remove the media dir."""
        proc, self._proc = self._proc, None
        if proc is not None and proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        if proc is not None and self.puerto is not None:
            esperar_cerrado(HOST, self.puerto)
        if self._dir is not None and not os.environ.get("CTI_MAYAN_CONSERVAR"):
            shutil.rmtree(self._dir, ignore_errors=True)

    @property
    def corriendo(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def __enter__(self) -> "ServidorMayan":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def __repr__(self) -> str:
        return f"ServidorMayan(url={self.url if self.puerto else None!r}, cache={str(self._cache)!r})"
