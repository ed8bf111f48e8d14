"""Fixtures of the fault suite: the measured-figures collector and suites of real processes.

``suite`` (one per session) serves the tests that do not break anything; the destructive tests (kill -9, NATS outage,
PostgreSQL restart, relay held back) build their own with ``crear_suite`` so nothing leaks between them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.fallas import informe as modulo_informe
from tests.fallas.suite import Suite


@pytest.fixture(scope="session")
def informe() -> Iterator[dict[str, dict[str, Any]]]:
    """Tests put their figures here (``informe["clave"] = {...}``); written to var/informe-fiabilidad.json."""
    figuras: dict[str, dict[str, Any]] = {}
    yield figuras
    modulo_informe.guardar(figuras)


@pytest.fixture
def crear_suite(postgres, tmp_path: Path) -> Iterator[Callable[..., Suite]]:
    creadas: list[Suite] = []

    def _crear(pg: Any = None, entorno: dict[str, dict[str, str]] | None = None) -> Suite:
        s = Suite(tmp_path / f"suite{len(creadas)}", pg or postgres, entorno)
        creadas.append(s)
        return s.iniciar()

    yield _crear
    for s in creadas:
        s.detener()


@pytest.fixture(scope="session")
def suite(postgres, tmp_path_factory) -> Iterator[Suite]:
    s = Suite(tmp_path_factory.mktemp("suite"), postgres)
    try:
        yield s.iniciar()
    finally:
        s.detener()
