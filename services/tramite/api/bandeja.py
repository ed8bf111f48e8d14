"""``/api/v1/bandeja``: the in-tray of an office, overdue files first, then by the next deadline.

Read from the ``expedientes_bandeja`` read model (waiting for it to include the caller's own last act), sorted by the
domain's ``ordenar_bandeja``. An office sees its own in-tray; administrators and auditors may ask for any office.
"""

from __future__ import annotations

import asyncio
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from services.tramite import consultas
from services.tramite.api.acceso import ROLES_LECTURA_TOTAL, aplicacion
from services.tramite.api.esquemas import Bandeja
from services.tramite.domain.bandeja import marcar_vencidos
from shared.errores import DatosInvalidos, SinDerecho
from shared.http.respuestas import ERRORES_COMANDO, ERRORES_LECTURA
from shared.identidad.dependencias import ActorAutenticado
from shared.programador import hoy_en_lima

router = APIRouter(prefix="/api/v1/bandeja", tags=["bandeja"])


@router.get("", response_model=Bandeja, responses={**ERRORES_LECTURA, 403: ERRORES_COMANDO[403]},
            summary="Expedientes en custodia de una oficina: vencidos primero, luego por proximo vencimiento")
async def leer_bandeja(request: Request, actor: ActorAutenticado,
                       oficina: Annotated[str | None, Query(max_length=60, examples=["MINSA-CTI"])] = None,
                       hoy: Annotated[date | None, Query(description="Dia para juzgar vencimientos")] = None,
                       limite: Annotated[int, Query(ge=1, le=500)] = 50,
                       cursor: Annotated[str | None, Query()] = None) -> dict[str, Any]:
    """Los plazos se cuentan desde el dia siguiente al cargo (Ley 27444, art. 145); un plazo vence al terminar su
    ultimo dia. Por defecto, la bandeja de la oficina del solicitante."""
    oficina = oficina or actor.oficina
    if oficina != actor.oficina and not set(ROLES_LECTURA_TOTAL) & set(actor.roles):
        raise SinDerecho(f"La oficina {actor.oficina} solo ve su propia bandeja, no la de {oficina}.",
                         derecho_requerido="ser la oficina consultada, o rol administrador o auditor")
    if cursor is not None and not cursor.isdigit():
        raise DatosInvalidos("Cursor invalido.", [{"campo": "cursor", "mensaje": "use el valor de 'siguiente'"}])
    comp = request.app.state.componentes
    if comp.proyector is not None:  # read-your-writes: include every act committed before this request
        await comp.proyector.alcanzar(await asyncio.to_thread(aplicacion(request).ultima_notificacion), 5)
    dia = hoy or hoy_en_lima()
    filas = marcar_vencidos(await asyncio.to_thread(consultas.en_custodia, comp.motor, oficina), dia)
    desde = int(cursor or 0)
    items = filas[desde:desde + limite]
    siguiente = str(desde + limite) if desde + limite < len(filas) else None
    return {"oficina": oficina, "hoy": dia, "items": items, "siguiente": siguiente}
