"""Composition root of fiscalizacion: ``uvicorn services.fiscalizacion.main:crear_app --factory``."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI

from services.fiscalizacion.aplicacion import AplicacionFiscalizacion
from shared.configuracion import Configuracion
from shared.rutas_comunes import router_auditoria
from shared.servicio import crear_servicio

MIGRACIONES = Path(__file__).parent / "migrations"


def crear_app(config: Configuracion | None = None) -> FastAPI:
    config = config or Configuracion(servicio="fiscalizacion")
    return crear_servicio(
        config,
        titulo="CTI Peru - fiscalizacion",
        descripcion="Fiscalizacion, procedimiento sancionador (D.S. 027-2007-RE) y registro de sanciones.",
        routers=[router_auditoria("fiscalizacion")],
        migraciones=MIGRACIONES,
        crear_aplicacion=lambda c: AplicacionFiscalizacion(c.database_url),
    )
