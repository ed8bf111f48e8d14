"""Fixtures of registro's HTTP tests: a real service (SQLite and PostgreSQL, real NATS) and tokens for each role.

The tests act on fixed past dates and expire deadlines explicitly (``POST /operaciones/plazos/vencer?hoy=``). The
service's background scheduler would run with today's date at start-up and every minute, and could, say, operate a
positive silence between a test's filing and its approval; so here its clock reads 2000-01-01 (nothing is due then).
"""

from __future__ import annotations

from datetime import date

import pytest
from fastapi.testclient import TestClient

from services.registro.main import crear_app
from shared.configuracion import Configuracion
from tests.integration.registro.apoyo_registro import Cliente


@pytest.fixture
def servicio(database_url, nats_servidor, claves, emisor, token_admin, monkeypatch):
    monkeypatch.setattr("shared.programador.hoy_en_lima", lambda: date(2000, 1, 1))
    config = Configuracion(servicio="registro", database_url=database_url, nats_url=nats_servidor.url,
                           clave_publica=claves[1])
    with TestClient(crear_app(config)) as c:
        yield Cliente(c, emisor, token_admin)
