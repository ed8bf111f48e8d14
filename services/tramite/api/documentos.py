"""``/api/v1/dms/incorporaciones``: a DMS notification, already accepted by the gateway, becomes an incorporation.

Why tramite checks the signature again (and no token): the gateway owns replay protection (its ``webhook_vistos``
table) and forwards the exact signed bytes and headers; tramite re-verifies the HMAC with the same shared secret, so
this route trusts no network position and needs no service token. A replay sent straight to tramite inside the
5-minute window changes nothing either: incorporation is idempotent by (dms, dms_id, version). The reference is
built by downloading the file from the DMS and hashing it (``entrada.de_notificacion``), never from the body.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import json
import time
from typing import Any

from fastapi import APIRouter, Request
from pydantic import BaseModel

from services.tramite.api.esquemas import DocumentoEmitido
from services.tramite.documentos import SIN_DMS, incorporar_en_acto
from shared.documentos import entrada, webhook
from shared.documentos.puerto import ErrorDocumental
from shared.errores import DatosInvalidos, NoAutenticado, ServicioNoDisponible
from shared.http.respuestas import ERRORES_COMANDO

router = APIRouter(prefix="/api/v1/dms", tags=["documentos"])


class ResultadoIncorporacion(BaseModel):
    evento_id: str
    incorporado: bool
    numero: str | None = None
    version: int | None = None
    referencia: dict[str, Any] | None = None
    motivo: str | None = None
    repetida: bool = False


def emitido(doc: DocumentoEmitido | None) -> dict[str, Any] | None:
    if doc is None:
        return None
    try:
        contenido = base64.b64decode(doc.contenido_base64, validate=True)
    except (binascii.Error, ValueError):
        raise DatosInvalidos("El documento emitido no es base64 valido.",
                             [{"campo": "documento_emitido.contenido_base64", "mensaje": "base64"}]) from None
    return {"nombre": doc.nombre, "contenido": contenido, "numero": doc.numero, "fecha": doc.fecha.isoformat(),
            "tipo": doc.tipo}


@router.post("/incorporaciones", response_model=ResultadoIncorporacion,
             responses={k: v for k, v in ERRORES_COMANDO.items() if k in (401, 422, 503)},
             summary="Incorpora al expediente el documento que anuncia una notificacion firmada del DMS")
async def incorporar(request: Request) -> dict[str, Any]:
    """Uso interno del gateway (``POST /api/v1/dms/notificaciones``): cuerpo ``{"dms_id": "41", "version": "57"}``
    firmado con HMAC-SHA256 (cabeceras ``X-CTI-Firma`` y ``X-CTI-Evento-Id``). El documento se descarga del DMS y
    se verifica su SHA-256 antes de incorporarlo (D. Leg. 1310 art. 8; Ley 27269 de firmas y certificados)."""
    comp = request.app.state.componentes
    config, puerto = request.app.state.config, comp.aplicacion.puerto
    if not config.dms_secreto_webhook or puerto is None:
        raise ServicioNoDisponible(SIN_DMS)
    cuerpo = await request.body()
    evento_id = request.headers.get(webhook.CABECERA_EVENTO)
    try:
        webhook.comprobar([config.dms_secreto_webhook], evento_id, cuerpo,
                          request.headers.get(webhook.CABECERA_FIRMA), time.time())
        datos = json.loads(cuerpo)
    except webhook.NotificacionRechazada as e:
        raise NoAutenticado(f"Notificacion rechazada: {e.motivo}.") from None
    except ValueError:
        raise DatosInvalidos("El cuerpo no es JSON.", [{"campo": "cuerpo", "mensaje": "JSON"}]) from None
    if not isinstance(datos, dict):
        raise DatosInvalidos("El cuerpo debe ser un objeto.", [{"campo": "cuerpo", "mensaje": "objeto JSON"}])
    try:
        inc = await asyncio.to_thread(entrada.de_notificacion, puerto, str(evento_id), datos)
    except ErrorDocumental as e:
        raise ServicioNoDisponible(f"El DMS no pudo describir el documento: {e}") from None
    if inc is None:
        return {"evento_id": evento_id, "incorporado": False,
                "motivo": "el documento no tiene numero de expediente o su archivo aun no esta procesado"}
    resultado = await comp.escritor.ejecutar(incorporar_en_acto, comp.aplicacion, inc)
    return {"evento_id": evento_id, **resultado}
