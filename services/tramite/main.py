"""Composition root of tramite: ``uvicorn services.tramite.main:crear_app --factory``."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI

from services.tramite.aplicacion import AplicacionTramite
from shared.configuracion import Configuracion
from shared.rutas_comunes import router_auditoria
from shared.servicio import crear_servicio

MIGRACIONES = Path(__file__).parent / "migrations"


def crear_app(config: Configuracion | None = None) -> FastAPI:
    config = config or Configuracion(servicio="tramite")
    return crear_servicio(
        config,
        titulo="CTI Peru - tramite",
        descripcion="Tramite de expedientes de cooperacion entre la oficina sectorial, la APCI y Cancilleria.",
        routers=[router_auditoria("tramite")],
        migraciones=MIGRACIONES,
        crear_aplicacion=lambda c: AplicacionTramite(c.database_url),
    )
