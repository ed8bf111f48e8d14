"""``/api/v1/obligaciones-anuales``: a registered entity's annual obligation for one year (Declaracion Anual: report
of the previous year and plan of the current one, or the IPREDA report), its verification and its lapse."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, Response

from services.registro.api import rutas_registro as rr
from services.registro.api.acciones_registro import OBLIGACION
from services.registro.api.esquemas_registro import EstadoAgregado, ObligacionCrear
from shared.http.comandos import ejecutar
from shared.http.respuestas import ERRORES_COMANDO
from shared.identidad.dependencias import ActorAutenticado

router = APIRouter(prefix="/api/v1/obligaciones-anuales", tags=["obligaciones-anuales"])


@router.post("", status_code=201, response_model=EstadoAgregado, responses=ERRORES_COMANDO,
             summary="Abrir el periodo de declaracion anual de una entidad inscrita")
async def abrir(cuerpo: ObligacionCrear, request: Request, response: Response,
                actor: ActorAutenticado) -> dict[str, Any]:
    """El registrador (o el sistema) abre el periodo el 1 de enero; vence el 31 de enero (siguiente dia habil si es
    inhabil). Omitirla suspende los beneficios hasta repararla (D.S. 015-92-PCM art. 78; Directivas 001/002/003-2009-
    APCI/DOC)."""
    rr.exigir_escritura(actor)
    hoy = rr.fecha_del_acto(cuerpo, None)
    res = await ejecutar(request, actor, cuerpo.ruc, rr.app_de(request).abrir_obligacion,
                         documentos=rr.adjuntos(cuerpo), fecha_negocio=hoy.isoformat(), registro=cuerpo.registro,
                         ruc=cuerpo.ruc, anio=cuerpo.anio, hoy=hoy)
    response.headers["Location"] = f"/api/v1/obligaciones-anuales/{res['id']}"
    return rr.con_etag(res, response)


rr.montar(router, "obligacion", OBLIGACION, "ObligacionAnual")
