"""Database-level helpers shared by the external and the throwaway PostgreSQL (see ``postgres.py``)."""

from __future__ import annotations

import re
import uuid
from urllib.parse import urlsplit

import psycopg
from psycopg import sql

VARIABLE = "CTI_TEST_DATABASE_URL"


class _Bases:
    """Create/drop uniquely named databases on the server behind ``self.url`` (maintenance database)."""

    url: str

    def crear_base(self, prefijo: str = "prueba") -> str:
        """CREATE DATABASE <prefijo>_<random> (autocommit) and return its URL."""
        limpio = re.sub(r"[^a-z0-9_]", "_", prefijo.lower())[:40] or "prueba"
        nombre = f"{limpio}_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(self.url, autocommit=True, connect_timeout=10) as con:
            con.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(nombre)))
        return urlsplit(self.url)._replace(path="/" + nombre).geturl()

    def borrar_base(self, url: str) -> None:
        """DROP DATABASE IF EXISTS ... WITH (FORCE) (disconnects its sessions). Refuses the maintenance db."""
        nombre = urlsplit(url).path.lstrip("/")
        if not nombre or nombre == urlsplit(self.url).path.lstrip("/"):
            raise ValueError(f"refusing to drop the maintenance database of {self.url!r}")
        with psycopg.connect(self.url, autocommit=True, connect_timeout=10) as con:
            con.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(nombre)))


class PostgresExterno(_Bases):
    """A server we do not own (from CTI_TEST_DATABASE_URL): databases only.

    start/stop/restart raise; ``destruir()`` is a no-op so fixtures can tear down either kind alike.
    """

    def __init__(self, url: str) -> None:
        self.url = url

    def _no_propio(self, *_: object) -> None:
        raise RuntimeError(f"PostgreSQL from {VARIABLE} is external: start/stop/restart are not available")

    start = stop = restart = _no_propio

    def destruir(self) -> None:
        """Nothing to do: the external server is not ours."""


def alcanzable(url: str, timeout: int = 3) -> str | None:
    """None if ``url`` accepts a connection within ``timeout`` s, else the reason."""
    try:
        with psycopg.connect(url, connect_timeout=timeout):
            return None
    except psycopg.Error as e:
        return str(e).strip() or type(e).__name__
