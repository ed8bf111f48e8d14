"""Composition root of tramite: ``uvicorn services.tramite.main:crear_app --factory``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import FastAPI

from services.tramite.api import bandeja, expedientes, procedimientos
from services.tramite.aplicacion import AplicacionTramite
from services.tramite.consumidores import crear_consumidores
from services.tramite.proyecciones import PROYECCIONES
from shared.configuracion import Configuracion
from shared.rutas_comunes import router_auditoria
from shared.servicio import crear_servicio

MIGRACIONES = Path(__file__).parent / "migrations"


def _vencer(app: Any, hoy: Any) -> int:
    return app.vencer_plazos(hoy)


def crear_app(config: Configuracion | None = None) -> FastAPI:
    config = config or Configuracion(servicio="tramite")

    def _aplicacion(c: Configuracion) -> AplicacionTramite:
        aplicacion = AplicacionTramite(c.database_url)
        aplicacion.conectar_lecturas(app.state.componentes)  # the same engine as the service's read models
        return aplicacion

    app = crear_servicio(
        config,
        titulo="CTI Peru - tramite",
        descripcion="Tramite de expedientes de cooperacion entre la oficina sectorial, la APCI y Cancilleria.",
        routers=[expedientes.router, bandeja.router, procedimientos.router, router_auditoria("tramite")],
        migraciones=MIGRACIONES,
        crear_aplicacion=_aplicacion,
        crear_consumidores=crear_consumidores,
        proyecciones=PROYECCIONES,
        vencer_plazos=_vencer,
    )
    return app
