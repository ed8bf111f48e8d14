"""Composition root of registro: ``uvicorn services.registro.main:crear_app --factory``."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from fastapi import FastAPI

from services.registro.api import expertos, inscripciones, obligaciones, oficinas, publico
from services.registro.aplicacion import AplicacionRegistro
from services.registro.consumidores import crear_consumidores
from services.registro.proyecciones import PROYECCIONES
from shared.configuracion import Configuracion
from shared.rutas_comunes import router_auditoria
from shared.servicio import crear_servicio

MIGRACIONES = Path(__file__).parent / "migrations"


def _vencer(app: Any, hoy: date) -> int:
    return app.vencer_plazos(hoy)


def crear_app(config: Configuracion | None = None) -> FastAPI:
    config = config or Configuracion(servicio="registro")
    servicio: dict[str, FastAPI] = {}

    def _aplicacion(c: Configuracion) -> AplicacionRegistro:
        """The application reads its deadlines read model through the service's engine and waits for its projector
        (components are read at call time; connected here, before the scheduler's first run)."""
        aplicacion = AplicacionRegistro(c.database_url)
        aplicacion.conectar_lecturas(servicio["app"].state.componentes)
        return aplicacion

    servicio["app"] = crear_servicio(
        config,
        titulo="CTI Peru - registro",
        descripcion="Registros de la APCI (ONGD, ENIEX, IPREDA, expertos y voluntarios) y datos maestros de oficinas.",
        routers=[oficinas.router, inscripciones.router, obligaciones.router, expertos.router, publico.router,
                 router_auditoria("registro")],
        migraciones=MIGRACIONES,
        crear_aplicacion=_aplicacion,
        crear_consumidores=crear_consumidores,
        proyecciones=PROYECCIONES,
        vencer_plazos=_vencer,
    )
    return servicio["app"]
