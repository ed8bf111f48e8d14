"""``/api/v1/eventos`` and ``/api/v1/oficinas`` answered from the gateway's own read models."""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel
from sqlalchemy import and_, or_, select

from services.gateway.lecturas import eventos, oficinas
from shared.http.respuestas import ERRORES_LECTURA

router = APIRouter(prefix="/api/v1", tags=["historial"])


class EventoPublico(BaseModel):
    servicio: str
    notificacion_id: int
    correlacion: str | None
    agregado: str
    agregado_id: str
    version: int
    tipo: str
    timestamp: str
    fecha_negocio: str | None
    sobre: dict[str, Any]
    datos: dict[str, Any]
    hash_anterior: str | None
    hash: str | None


class PaginaEventos(BaseModel):
    items: list[EventoPublico]
    siguiente: str | None


class OficinaResumen(BaseModel):
    codigo: str
    nombre: str
    tipo: str
    entidad: str
    estado: str
    vigente_desde: str
    vigente_hasta: str | None
    version: int


class PaginaOficinas(BaseModel):
    items: list[OficinaResumen]
    siguiente: str | None


def _motor(request: Request) -> Any:
    return request.app.state.componentes.motor


@router.get("/eventos", response_model=PaginaEventos, responses=ERRORES_LECTURA,
            summary="Eventos de todos los servicios de un expediente (por correlacion), en orden")
async def listar_eventos(request: Request, correlacion: Annotated[str, Query(min_length=1, max_length=120)],
                         limite: Annotated[int, Query(ge=1, le=500)] = 50,
                         cursor: Annotated[str | None, Query(pattern=r"^[^|]{1,40}\|[a-z]+\|\d+$")] = None
                         ) -> dict[str, Any]:
    """Todos los eventos con ese ``correlacion`` (numero de expediente u otra clave), del mas antiguo al mas
    reciente, con actor, fundamento legal, documentos y el servicio y la posicion de donde vienen."""
    consulta = select(eventos).where(eventos.c.correlacion == correlacion)
    if cursor:
        ts, svc, n = cursor.split("|")
        consulta = consulta.where(or_(eventos.c.timestamp > ts, and_(eventos.c.timestamp == ts, or_(
            eventos.c.servicio > svc, and_(eventos.c.servicio == svc, eventos.c.notificacion_id > int(n))))))
    consulta = consulta.order_by(eventos.c.timestamp, eventos.c.servicio, eventos.c.notificacion_id).limit(limite)

    def _leer() -> list[dict[str, Any]]:
        with _motor(request).connect() as c:
            return [dict(f._mapping) for f in c.execute(consulta)]

    filas = await asyncio.to_thread(_leer)
    ultimo = filas[-1] if len(filas) == limite else None
    siguiente = f"{ultimo['timestamp']}|{ultimo['servicio']}|{ultimo['notificacion_id']}" if ultimo else None
    return {"items": filas, "siguiente": siguiente}


@router.get("/oficinas", response_model=PaginaOficinas, responses=ERRORES_LECTURA,
            summary="Oficinas de cooperacion (datos maestros), desde la vista del gateway")
async def listar_oficinas(request: Request, tipo: str | None = None, estado: str | None = None,
                          limite: Annotated[int, Query(ge=1, le=500)] = 100,
                          cursor: Annotated[str | None, Query(max_length=40)] = None) -> dict[str, Any]:
    """Oficinas sectoriales, organos de la APCI y la direccion de cooperacion de RREE. Publico."""
    consulta = select(oficinas).order_by(oficinas.c.codigo).limit(limite)
    if tipo:
        consulta = consulta.where(oficinas.c.tipo == tipo)
    if estado:
        consulta = consulta.where(oficinas.c.estado == estado)
    if cursor:
        consulta = consulta.where(oficinas.c.codigo > cursor)

    def _leer() -> list[dict[str, Any]]:
        with _motor(request).connect() as c:
            return [dict(f._mapping) for f in c.execute(consulta)]

    filas = await asyncio.to_thread(_leer)
    items = [{**f, "vigente_desde": f["vigente_desde"].isoformat(),
              "vigente_hasta": f["vigente_hasta"].isoformat() if f["vigente_hasta"] else None} for f in filas]
    return {"items": items, "siguiente": items[-1]["codigo"] if len(items) == limite else None}
