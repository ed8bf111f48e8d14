"""``/api/v1/inscripciones``: an entity's application to the ONGD, ENIEX or IPREDA registry and the registration it
becomes (filing, observation and cure, decision, challenges, renewal, suspension of benefits, renunciation), plus the
registration certificate (constancia) as an HTML document with its verification code."""

from __future__ import annotations

import asyncio
import functools
from typing import Any
from uuid import UUID

from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse

from services.registro.api import constancia, rutas_registro as rr
from services.registro.api.acciones_registro import INSCRIPCION
from services.registro.api.esquemas_registro import EstadoAgregado, InscripcionCrear
from shared.http.comandos import ejecutar
from shared.http.respuestas import ERRORES_COMANDO, ERRORES_LECTURA
from shared.identidad.dependencias import ActorAutenticado, ActorOpcional

router = APIRouter(prefix="/api/v1/inscripciones", tags=["inscripciones"])


@router.post("", status_code=201, response_model=EstadoAgregado, responses=ERRORES_COMANDO,
             summary="Presentar una solicitud de inscripcion en un registro de la APCI")
async def presentar(cuerpo: InscripcionCrear, request: Request, response: Response,
                    actor: ActorAutenticado) -> dict[str, Any]:
    """La entidad (oficina ``ENTIDAD-<RUC>``) presenta su solicitud con los requisitos de su registro
    (D.S. 015-92-PCM arts. 70-74; Ley 27692 art. 4(m)). Abre el plazo de 30 dias calendario (art. 76): sin
    pronunciamiento se tiene por inscrita. Un RUC tiene a lo sumo una inscripcion activa por registro (409)."""
    rr.exigir_escritura(actor)
    hoy = rr.fecha_del_acto(cuerpo, "presentada_el")
    datos = rr.argumentos(cuerpo, [k for k in InscripcionCrear.model_fields if k not in ("fecha", "adjuntos")])
    comando = functools.partial(rr.app_de(request).presentar_inscripcion, hoy=hoy, **datos)
    res = await ejecutar(request, actor, cuerpo.ruc, comando, documentos=rr.adjuntos(cuerpo),
                         fecha_negocio=hoy.isoformat())
    response.headers["Location"] = f"/api/v1/inscripciones/{res['id']}"
    return rr.con_etag(res, response)


@router.get("/{agregado_id}/constancia", response_class=HTMLResponse, responses=ERRORES_LECTURA,
            summary="Constancia de inscripcion (HTML) con codigo de verificacion")
async def constancia_html(agregado_id: UUID, request: Request, actor: ActorOpcional) -> HTMLResponse:
    """Constancia del periodo vigente (o del ultimo otorgado): por resolucion, por silencio positivo (D.S. 015-92-PCM
    art. 76: "se tendra por registrada") o por renovacion. El codigo de verificacion son los primeros digitos del hash
    SHA-256 del evento que otorgo el periodo; se comprueba en ``GET /api/v1/registros/constancias/{codigo}``."""
    html = await asyncio.to_thread(constancia.generar, rr.app_de(request), agregado_id)
    return HTMLResponse(html)


rr.montar(router, "inscripcion", INSCRIPCION, "Inscripcion")
