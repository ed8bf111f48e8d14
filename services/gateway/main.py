"""Composition root of the gateway: ``uvicorn services.gateway.main:crear_app --factory``."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import httpx
from fastapi import APIRouter, FastAPI, Request, Response

from services.gateway import openapi, proxy
from services.gateway.api import autenticacion, documentos, expedientes, flujos, historial, suscripciones
from services.gateway.api import verificacion_documental
from services.gateway.api import auditoria as api_auditoria
from services.gateway.checkpoints import consumidor as consumidor_checkpoints
from services.gateway.clientes import RegistroClientes
from services.gateway.limites import LimiteSolicitudes
from shared.identidad.tokens import Emisor
from services.gateway.proyecciones import proyectar, proyectar_lote
from shared.ciclo import Tarea, con_tareas
from shared.configuracion import Configuracion
from shared.documentos.despacho import Despachador
from shared.documentos.fabrica import cerrar_puerto, crear_puerto
from shared.documentos.tablas import RegistroEntregas
from shared.mensajeria.consumidor import Consumidor
from shared.servicio import Componentes, crear_servicio

MIGRACIONES = Path(__file__).parent / "migrations"
SERVICIOS_CON_EVENTOS = ("registro", "tramite", "fiscalizacion")

router_proxy = APIRouter()


@router_proxy.api_route("/api/v1/{resto:path}", methods=["GET", "POST", "PUT", "PATCH", "DELETE"],
                        include_in_schema=False)
async def reenviar(resto: str, request: Request) -> Response:
    return await proxy.reenviar(request, f"/api/v1/{resto}")


def _consumidores(comp: Componentes) -> list[Consumidor]:
    async def manejar(evento: dict[str, Any]) -> None:
        await asyncio.to_thread(proyectar, comp.motor, evento)

    async def manejar_lote(lote: list[dict[str, Any]]) -> None:
        await asyncio.to_thread(proyectar_lote, comp.motor, lote)

    return [Consumidor(f"gateway-{s}", s, manejar, comp.config.nats_url, comp.motor,
                       max_entregas=comp.config.max_entregas, manejador_lote=manejar_lote)
            for s in SERVICIOS_CON_EVENTOS]


def _al_iniciar(comp: Componentes) -> None:
    comp.extra["http"] = httpx.AsyncClient(timeout=httpx.Timeout(30, connect=3),
                                           limits=httpx.Limits(max_connections=200, max_keepalive_connections=50))
    comp.extra["puerto_dms"] = crear_puerto(comp.config)  # for verification; None without CTI_DMS_URL


def _tareas(comp: Componentes) -> list[Tarea]:
    """Outbound notifications to subscribed systems (``Despachador``); the DMS client is closed on shutdown."""
    c = comp.config
    despachador = Despachador(RegistroEntregas(comp.motor), c.nats_url, max_intentos=c.entregas_max_intentos,
                              espera_base=c.entregas_espera_base, espera_max=c.entregas_espera_max)
    comp.extra["despachador"] = despachador

    async def _cerrar(parar: asyncio.Event) -> None:
        await parar.wait()
        cerrar_puerto(comp.extra.get("puerto_dms"))

    return [despachador.correr, _cerrar]


def crear_app(config: Configuracion | None = None) -> FastAPI:
    config = config or Configuracion(servicio="gateway")
    app = crear_servicio(
        config,
        titulo="CTI Peru - API",
        descripcion=(
            "La puerta unica del sistema de registro de la cooperacion tecnica internacional no reembolsable: "
            "registros de la APCI, tramite de expedientes entre oficinas sectoriales, APCI y Cancilleria, "
            "fiscalizacion y sanciones, e historial verificable de cada expediente. Autenticacion: "
            "`Authorization: Bearer <JWT>`; errores en application/problem+json (RFC 9457)."
        ),
        routers=[autenticacion.router, historial.router, expedientes.router, flujos.router, api_auditoria.router,
                 documentos.router, verificacion_documental.router, suscripciones.router, router_proxy],
        migraciones=MIGRACIONES,
        crear_consumidores=_consumidores,
        al_iniciar=_al_iniciar,
    )
    con_tareas(app, _tareas)
    openapi.instalar(app)
    app.state.componentes.extra["receptor_checkpoints"] = consumidor_checkpoints(config, app.state.componentes.motor)
    app.state.clientes = RegistroClientes.desde_archivo(config.clientes)
    app.state.emisor = (Emisor(Path(config.clave_privada).read_bytes(), config.audiencia_token, config.emisor_token)
                        if config.clave_privada and Path(config.clave_privada).exists() else None)
    app.add_middleware(LimiteSolicitudes, por_segundo=config.limite_solicitudes_s, rafaga=config.limite_rafaga)
    return app
