"""Composition root of registro: ``uvicorn services.registro.main:crear_app --factory``."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI

from services.registro.api import oficinas
from services.registro.aplicacion import AplicacionRegistro
from shared.configuracion import Configuracion
from shared.rutas_comunes import router_auditoria
from shared.servicio import crear_servicio

MIGRACIONES = Path(__file__).parent / "migrations"


def crear_app(config: Configuracion | None = None) -> FastAPI:
    config = config or Configuracion(servicio="registro")
    return crear_servicio(
        config,
        titulo="CTI Peru - registro",
        descripcion="Registros de la APCI (ONGD, ENIEX, IPREDA, expertos y voluntarios) y datos maestros de oficinas.",
        routers=[oficinas.router, router_auditoria("registro")],
        migraciones=MIGRACIONES,
        crear_aplicacion=lambda c: AplicacionRegistro(c.database_url),
    )
