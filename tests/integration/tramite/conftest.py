"""A running pair of services for tramite's tests: registro (source of office kinds and registrations) and tramite,
each with its own database (SQLite or PostgreSQL), connected only through a real NATS server."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.integration.tramite.apoyo import Suite


@pytest.fixture(params=["sqlite", "postgres"])
def bases(request, tmp_path: Path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path}/registro.db", f"sqlite:///{tmp_path}/tramite.db"
        return
    pg = request.getfixturevalue("postgres")
    urls = pg.crear_base("registro"), pg.crear_base("tramite")
    yield urls
    for url in urls:
        pg.borrar_base(url)


@pytest.fixture
def suite(bases, nats_servidor, claves, emisor):
    with Suite(*bases, nats_servidor.url, claves[1], emisor) as s:
        yield s
