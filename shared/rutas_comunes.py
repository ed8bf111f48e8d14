"""Routes every service has: health, Prometheus metrics, dead-letter operations and its audit stream."""

from __future__ import annotations

import asyncio
from datetime import date
from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Query, Request, Response
from fastapi import Path as FPath
from fastapi.encoders import jsonable_encoder
from fastapi.responses import StreamingResponse
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from sqlalchemy import text

from shared.almacen import crudo
from shared.auditoria import log_servicio
from shared.auditoria.almacen import verificar_almacen
from shared.errores import NoEncontrado
from shared.identidad.dependencias import ActorAutenticado, exigir_rol
from shared.mensajeria import cartas
from shared.programador import hoy_en_lima

router_salud = APIRouter(tags=["salud"])
router_operaciones = APIRouter(tags=["operaciones"])


@router_salud.get("/health/live", summary="El proceso responde")
async def vivo() -> dict[str, str]:
    return {"estado": "vivo"}


@router_salud.get("/health/ready", summary="Almacen de eventos y NATS disponibles")
async def listo(request: Request, response: Response) -> dict[str, Any]:
    comp = request.app.state.componentes

    def _base() -> bool:
        try:
            with comp.motor.connect() as c:
                c.execute(text("SELECT 1"))
            return True
        except Exception:
            return False

    base = await asyncio.to_thread(_base)
    nats = _nats_conectado(comp)
    if not (base and nats):
        response.status_code = 503
    return {"estado": "listo" if base and nats else "no-listo", "almacen": base, "nats": nats}


def _nats_conectado(comp: Any) -> bool:
    if comp.relay is None and not comp.consumidores:
        return True
    return bool(comp.relay and comp.relay.conectado) or any(c._nc is not None and c._nc.is_connected for c in comp.consumidores)


@router_salud.get("/metrics", summary="Metricas Prometheus", include_in_schema=False)
async def metricas() -> Response:
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)


@router_operaciones.get("/operaciones/cartas-muertas", summary="Mensajes en el dead-letter de este servicio")
async def listar_cartas(request: Request, actor: ActorAutenticado) -> list[dict[str, Any]]:
    exigir_rol(actor, "administrador", "operador")
    filas = await asyncio.to_thread(cartas.listar, request.app.state.componentes.motor)
    return [{**f, "creado": f["creado"].isoformat()} for f in filas]


@router_operaciones.post("/operaciones/cartas-muertas/{carta_id}/reprocesar",
                         summary="Re-procesa un mensaje del dead-letter tras corregir su causa")
async def reprocesar_carta(carta_id: Annotated[int, FPath(ge=1, le=2**31 - 1)], request: Request,
                           actor: ActorAutenticado) -> dict[str, Any]:
    exigir_rol(actor, "administrador", "operador")
    comp = request.app.state.componentes
    manejadores = {c.nombre: c.manejador for c in comp.consumidores}
    carta = await cartas.reprocesar(comp.motor, carta_id, manejadores)
    return {"id": carta["id"], "estado": carta["estado"], "consumidor": carta["consumidor"]}


@router_operaciones.post("/operaciones/plazos/vencer",
                         summary="Vence ahora los plazos cumplidos a la fecha dada (por defecto, hoy en Lima)")
async def vencer_plazos(request: Request, actor: ActorAutenticado,
                        hoy: Annotated[date | None, Query()] = None) -> dict[str, Any]:
    """El programador lo hace cada minuto; operadores y pruebas con fechas fijas lo invocan con ``hoy``."""
    exigir_rol(actor, "administrador", "operador")
    programador = request.app.state.componentes.programador
    if programador is None:
        raise NoEncontrado("Este servicio no tiene plazos.")
    fecha = hoy or hoy_en_lima()
    return {"hoy": fecha.isoformat(), "vencidos": await programador.ejecutar(fecha)}


@router_operaciones.post("/operaciones/lecturas/reconstruir",
                         summary="Vacia los modelos de lectura y los reconstruye desde el log de eventos")
async def reconstruir_lecturas(request: Request, actor: ActorAutenticado) -> dict[str, Any]:
    exigir_rol(actor, "administrador", "operador")
    proyector = request.app.state.componentes.proyector
    if proyector is None:
        raise NoEncontrado("Este servicio no tiene modelos de lectura locales.")
    return {"eventos_aplicados": await asyncio.to_thread(proyector.reconstruir)}


def router_auditoria(servicio: str) -> APIRouter:
    """The service's own event log with its hash chains, for auditors (read-only)."""
    r = APIRouter(prefix=f"/api/v1/auditoria/{servicio}", tags=["auditoria"])

    @r.get("/eventos", summary="Eventos del log de este servicio, en orden de notificacion, con sus hashes")
    async def eventos(request: Request, actor: ActorAutenticado,
                      desde: Annotated[int, Query(ge=1)] = 1,
                      limite: Annotated[int, Query(ge=1, le=500)] = 100,
                      correlacion: Annotated[str | None, Query(min_length=1, max_length=120)] = None,
                      hasta: Annotated[int | None, Query(ge=0)] = None) -> dict[str, Any]:
        """Con ``correlacion``: todos los eventos de cada stream que toca ese expediente (hasta ``hasta``)."""
        exigir_rol(actor, "auditor", "administrador")
        app = _aplicacion(request)
        if correlacion is not None:
            items = await asyncio.to_thread(log_servicio.eventos_de_correlacion, app, servicio, correlacion, hasta)
            return {"items": items, "siguiente": None}
        lote = await asyncio.to_thread(app.notificaciones, desde, limite)
        items = [crudo.mensaje(servicio, app.mapper, n) for n in lote]
        siguiente = items[-1]["notificacion_id"] + 1 if len(items) == limite else None
        return {"items": items, "siguiente": siguiente}

    @r.get("/verificacion", summary="Verifica las cadenas de hash de todo el almacen de este servicio")
    async def verificacion(request: Request, actor: ActorAutenticado) -> dict[str, Any]:
        exigir_rol(actor, "auditor", "administrador")
        app = _aplicacion(request)
        fallas = await asyncio.to_thread(verificar_almacen, app, servicio)
        return {"servicio": servicio, "integro": not fallas, "fallas": [f.a_dict() for f in fallas]}

    @r.get("/log", summary="Checkpoint firmado del log ahora y todas sus entradas hasta esa posicion",
           response_class=StreamingResponse, responses={200: {"content": {"application/json": {"schema": {
               "type": "object", "properties": {
                   "servicio": {"type": "string"}, "hasta": {"type": "integer"}, "checkpoint": {"type": "object"},
                   "log": {"type": "array", "description": "[notificacion_id, agregado_id, version, correlacion, hash]",
                           "items": {"type": "array"}}}}}}}})
    async def log_firmado(request: Request, actor: ActorAutenticado) -> Response:
        """Streamed as it is read (``log_servicio.log_firmado_json``): one entry per stored event, never all in
        memory; orjson writes each chunk (FastAPI's generic encoder took seconds per 100k entries)."""
        exigir_rol(actor, "auditor", "administrador")
        partes = log_servicio.log_firmado_json(_aplicacion(request), servicio,
                                               request.app.state.componentes.extra["checkpoints"], jsonable_encoder)
        return StreamingResponse(partes, media_type="application/json")

    @r.get("/agregados/{agregado_id}", summary="Estado de un agregado en una version, segun el propio servicio")
    async def agregado(agregado_id: UUID, request: Request, actor: ActorAutenticado,
                       version: Annotated[int | None, Query(ge=1)] = None) -> dict[str, Any]:
        exigir_rol(actor, "auditor", "administrador")
        return await asyncio.to_thread(log_servicio.estado_agregado, _aplicacion(request), agregado_id, version)

    return r


def _aplicacion(request: Request) -> Any:
    app = request.app.state.componentes.aplicacion
    if app is None:
        raise NoEncontrado("Este servicio no tiene almacen de eventos.")
    return app
