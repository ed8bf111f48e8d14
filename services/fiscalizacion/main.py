"""Composition root of fiscalizacion: ``uvicorn services.fiscalizacion.main:crear_app --factory``.

The application reads the service's own read models (deadline agenda, renunciations, earlier sanctions) through the
same engine as the projector, handed to it when the store is created.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from fastapi import FastAPI

from services.fiscalizacion.api import fiscalizaciones, planes, procedimientos, sanciones
from services.fiscalizacion.aplicacion import AplicacionFiscalizacion
from services.fiscalizacion.consumidores import crear_consumidores
from services.fiscalizacion.proyecciones import PROYECCIONES
from shared.configuracion import Configuracion
from shared.rutas_comunes import router_auditoria
from shared.servicio import crear_servicio

MIGRACIONES = Path(__file__).parent / "migrations"


def _vencer(app: Any, hoy: date) -> int:
    return app.vencer_plazos(hoy)


def crear_app(config: Configuracion | None = None) -> FastAPI:
    config = config or Configuracion(servicio="fiscalizacion")

    def _aplicacion(c: Configuracion) -> AplicacionFiscalizacion:
        aplicacion = AplicacionFiscalizacion(c.database_url)
        aplicacion.lecturas = app.state.componentes.motor
        return aplicacion

    app = crear_servicio(
        config,
        titulo="CTI Peru - fiscalizacion",
        descripcion="Fiscalizacion, procedimiento sancionador (D.S. 027-2007-RE) y registro de sanciones. Mientras "
                    "el texto del reglamento vigente no este cargado, rige supletoriamente el RIS 2007 (parametro "
                    "supletoriedad_texto_no_cargado), con constancia en cada decision.",
        routers=[planes.router, fiscalizaciones.router, fiscalizaciones.denuncias, procedimientos.router,
                 sanciones.router, router_auditoria("fiscalizacion")],
        migraciones=MIGRACIONES,
        crear_aplicacion=_aplicacion,
        crear_consumidores=crear_consumidores,
        proyecciones=PROYECCIONES,
        vencer_plazos=_vencer,
    )
    return app
