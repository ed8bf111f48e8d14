"""Fixtures shared by the whole suite: a real nats-server and a real PostgreSQL, started by the tests themselves.

PostgreSQL comes from ``CTI_TEST_DATABASE_URL`` when it is set and reachable, otherwise from a throwaway cluster
built with the machine's binaries (installed if absent). Tests that need it never skip: if it cannot be had, the
fixture raises and says why. NATS servers are cheap (about 12 ms to start), so each test gets its own and may stop,
kill or restart it freely.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from shared.identidad.claves import generar_par
from shared.identidad.tokens import Emisor
from tests.infra.nats import ServidorNats
from tests.infra.postgres import obtener_postgres


@pytest.fixture(scope="session")
def postgres():
    servidor = obtener_postgres()
    yield servidor
    servidor.destruir()


@pytest.fixture
def url_postgres(postgres) -> Iterator[str]:
    url = postgres.crear_base("cti")
    yield url
    postgres.borrar_base(url)


@pytest.fixture(params=["sqlite", "postgres"])
def database_url(request, tmp_path: Path) -> str:
    """Every store-level test runs on both backends."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path}/servicio.db"
    return request.getfixturevalue("url_postgres")


@pytest.fixture
def nats_servidor(tmp_path: Path) -> Iterator[ServidorNats]:
    (tmp_path / "nats").mkdir()
    with ServidorNats(store_dir=str(tmp_path / "nats")) as servidor:
        yield servidor


@pytest.fixture(scope="session")
def claves(tmp_path_factory) -> tuple[Path, Path]:
    return generar_par(tmp_path_factory.mktemp("claves"))


@pytest.fixture(scope="session")
def emisor(claves) -> Emisor:
    return Emisor(claves[0].read_bytes())


@pytest.fixture(scope="session")
def token_admin(emisor) -> str:
    return emisor.emitir("ana", "APCI-DE", ["administrador"])
