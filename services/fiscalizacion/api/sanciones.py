"""``/api/v1/sanciones``: the public Registro de Sanciones (D.S. 027-2007-RE, Tercera Disposicion Final), searchable
anonymously. Built by a local projection of this service's events with the domain's ``registro_sanciones`` fold."""

from __future__ import annotations

import asyncio
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from services.fiscalizacion.api.esquemas_procedimientos import RegistroSanciones
from services.fiscalizacion.consultas import buscar_sanciones
from shared.http.respuestas import ERRORES_LECTURA

router = APIRouter(prefix="/api/v1/sanciones", tags=["sanciones"])

ESTADOS = ("impuesta", "notificada", "impugnada", "firme", "pagada", "en_cobranza_coactiva", "revocada")


@router.get("", response_model=RegistroSanciones, responses={422: ERRORES_LECTURA[422]},
            summary="Buscar en el Registro de Sanciones (publico)")
async def buscar(request: Request, ruc: Annotated[str | None, Query(pattern=r"^\d{11}$")] = None,
                 infraccion: Annotated[str | None, Query(max_length=30, examples=["RIS-6-c"])] = None,
                 estado: Annotated[str | None, Query(description=", ".join(ESTADOS))] = None,
                 desde: Annotated[date | None, Query(description="Resolucion desde (inclusive)")] = None,
                 hasta: Annotated[date | None, Query(description="Resolucion hasta (inclusive)")] = None,
                 limite: Annotated[int, Query(ge=1, le=500)] = 50, cursor: str | None = None) -> dict[str, Any]:
    """Cada sancion impuesta con su resolucion (numero de procedimiento y fecha), monto en soles, infraccion y
    estado (firme, pagada, en cobranza coactiva, revocada...). La lleva la DOC (D.S. 027-2007-RE, Tercera
    Disposicion Final); no requiere autenticacion."""
    items, siguiente = await asyncio.to_thread(
        buscar_sanciones, request.app.state.componentes.motor, ruc=ruc, infraccion=infraccion, estado=estado,
        desde=desde, hasta=hasta, limite=limite, cursor=cursor)
    return {"items": items, "siguiente": siguiente}
