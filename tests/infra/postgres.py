"""PostgreSQL for the tests: an external server if configured and reachable, else a throwaway cluster.

Policy of :func:`obtener_postgres`:

1. ``CTI_TEST_DATABASE_URL`` set AND reachable (connect within 3 s) -> :class:`PostgresExterno` on it.
2. Otherwise a throwaway cluster (:class:`ServidorPostgres`) in a temp dir on a free port, built with the
   machine's ``initdb``/``pg_ctl`` (installed with apt-get if missing; if that is impossible the error
   says why, so the test command fails instead of skipping).

Both give ``url``, ``crear_base(prefijo) -> url`` and ``borrar_base(url)``.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
import time
import warnings
from pathlib import Path

from tests.infra import pg_binarios
from tests.infra._comun import cola, puerto_libre
from tests.infra.pg_bases import VARIABLE, PostgresExterno, _Bases, alcanzable

__all__ = ["VARIABLE", "PostgresExterno", "ServidorPostgres", "alcanzable", "obtener_postgres"]

HOST = "127.0.0.1"


class ServidorPostgres(_Bases):
    """Throwaway cluster: data in a temp dir under /tmp, listening on 127.0.0.1:<free port> (and a socket
    in that dir). Owned by the ``postgres`` user when running as root. ``destruir()`` stops and deletes it
    (also registered with atexit as a safety net). ``padre``: where the temp dir goes (/tmp by default;
    a tmpfs such as /dev/shm makes initdb ~2x and CREATE DATABASE ~10x faster, if it is big enough)."""

    def __init__(self, padre: str = "/tmp") -> None:
        self.padre = padre
        self.binarios = pg_binarios.asegurar_binarios()
        self.usuario = pg_binarios.usuario_servidor()
        self.base_dir: Path | None = None
        self.puerto: int | None = None
        self.segundos_initdb: float | None = None
        self.segundos_arranque: float | None = None  # last start() (pg_ctl -w start)

    @property
    def url(self) -> str:
        if self.puerto is None:
            raise RuntimeError("ServidorPostgres not started yet")
        return f"postgresql://postgres@{HOST}:{self.puerto}/postgres"

    @property
    def data_dir(self) -> Path:
        assert self.base_dir is not None
        return self.base_dir / "data"

    def _pg(self, herramienta: str, *args: str, timeout: float = 120) -> str:
        cmd = [str(self.binarios / herramienta), *args]
        return pg_binarios.ejecutar(cmd, self.usuario, cwd=self.base_dir or Path("/tmp"), timeout=timeout)

    def _initdb(self) -> None:
        inicio = time.monotonic()
        self.base_dir = Path(tempfile.mkdtemp(prefix="cti-pg-", dir=self.padre))
        pg_binarios.entregar(self.base_dir, self.usuario)
        atexit.register(self.destruir)
        # --locale=C: works on any machine (no generated locales needed); -N: no fsync, it is throwaway.
        self._pg("initdb", "-D", str(self.data_dir), "--auth=trust", "-U", "postgres", "-E", "UTF8",
                 "--locale=C", "-N")
        self.segundos_initdb = time.monotonic() - inicio

    def start(self) -> "ServidorPostgres":
        """initdb on first call, then pg_ctl -w start (same data dir and port on later calls)."""
        if self.base_dir is None:
            self._initdb()
        fijo = self.puerto is not None
        for intento in range(1 if fijo else 3):  # a fresh port may be taken meanwhile: retry
            puerto = self.puerto if fijo else puerto_libre()
            # fsync/synchronous_commit/full_page_writes off: a throwaway test cluster needs no crash safety.
            opciones = (f"-h {HOST} -p {puerto} -k {self.base_dir} -c fsync=off -c synchronous_commit=off "
                        "-c full_page_writes=off -c max_connections=300")
            inicio = time.monotonic()
            try:
                self._pg("pg_ctl", "-D", str(self.data_dir), "-l", str(self.log), "-o", opciones,
                         "-w", "-t", "60", "start")
            except RuntimeError as e:
                if fijo or intento == 2:
                    raise RuntimeError(f"{e}\nlog {self.log}:\n{cola(self.log)}") from None
                continue
            self.puerto, self.segundos_arranque = puerto, time.monotonic() - inicio
            break
        return self

    @property
    def log(self) -> Path:
        assert self.base_dir is not None
        return self.base_dir / "postgres.log"

    @property
    def corriendo(self) -> bool:
        return self.base_dir is not None and (self.data_dir / "postmaster.pid").exists()

    def stop(self) -> None:
        """pg_ctl stop -m fast (waits until the server is down)."""
        if self.base_dir is None:
            raise RuntimeError("ServidorPostgres not started (or already destroyed)")
        self._pg("pg_ctl", "-D", str(self.data_dir), "-m", "fast", "-w", "-t", "60", "stop")

    def restart(self) -> "ServidorPostgres":
        self.stop()
        return self.start()

    def destruir(self) -> None:
        """Stop (if running) and delete the cluster's directory. Idempotent."""
        if self.base_dir is None:
            return
        if self.corriendo:
            try:
                self.stop()
            except RuntimeError:
                pass
        shutil.rmtree(self.base_dir, ignore_errors=True)
        atexit.unregister(self.destruir)
        self.base_dir = self.puerto = None

    def __enter__(self) -> "ServidorPostgres":
        return self if self.puerto is not None and self.corriendo else self.start()

    def __exit__(self, *exc: object) -> None:
        self.destruir()


def obtener_postgres() -> PostgresExterno | ServidorPostgres:
    """External server from CTI_TEST_DATABASE_URL if reachable, else a started throwaway cluster."""
    url = os.environ.get(VARIABLE)
    if url:
        motivo = alcanzable(url)
        if motivo is None:
            return PostgresExterno(url)
        warnings.warn(f"{VARIABLE} is not reachable ({motivo}); starting a throwaway PostgreSQL", stacklevel=2)
    return ServidorPostgres().start()
