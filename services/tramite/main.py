"""Composition root of tramite: ``uvicorn services.tramite.main:crear_app --factory``."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from fastapi import FastAPI

from services.tramite.api import bandeja, documentos, expedientes, procedimientos
from services.tramite.aplicacion import AplicacionTramite
from services.tramite.consumidores import crear_consumidores
from services.tramite.proyecciones import PROYECCIONES
from services.tramite.sondeo import SondeoDocumental
from shared.ciclo import Tarea, con_tareas
from shared.configuracion import Configuracion
from shared.documentos.fabrica import cerrar_puerto, crear_puerto
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
        aplicacion.puerto = crear_puerto(c)  # None without CTI_DMS_URL: no filing, no polling
        return aplicacion

    def _tareas(comp: Any) -> list[Tarea]:
        """The DMS poller, when there is a DMS and a polling interval; the DMS client is closed on shutdown."""
        puerto = comp.aplicacion.puerto
        if puerto is None:
            return []
        if config.dms_intervalo_sondeo > 0:
            comp.extra["sondeo_dms"] = SondeoDocumental(comp, puerto, config.dms_intervalo_sondeo)

        async def _sondear(parar: asyncio.Event) -> None:
            try:
                await (comp.extra["sondeo_dms"].correr(parar) if "sondeo_dms" in comp.extra else parar.wait())
            finally:  # only once the poller stopped: closing under a request in flight breaks it
                cerrar_puerto(puerto)

        return [_sondear]

    app = crear_servicio(
        config,
        titulo="CTI Peru - tramite",
        descripcion="Tramite de expedientes de cooperacion entre la oficina sectorial, la APCI y Cancilleria.",
        routers=[expedientes.router, bandeja.router, procedimientos.router, documentos.router,
                 router_auditoria("tramite")],
        migraciones=MIGRACIONES,
        crear_aplicacion=_aplicacion,
        crear_consumidores=crear_consumidores,
        proyecciones=PROYECCIONES,
        vencer_plazos=_vencer,
    )
    con_tareas(app, _tareas)
    return app
