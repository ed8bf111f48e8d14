"""Documents at the gateway: the DMS's signed notifications, and auditors' verification of a file's references.

Webhook order, and why: signature and time window first (401, nothing recorded, so a forged request cannot burn an
event id); then the replay table (a repeat answers 200 without effect, so an honest retry stops); then the exact
signed bytes are forwarded to tramite, which re-verifies them, fetches and hashes the document and records it;
only once tramite answered 200 is the id recorded. If tramite or the DMS is down the answer is 503 and the id is not
recorded, so the DMS's retry still works. Two concurrent copies may both be forwarded: tramite attaches a revision
once (idempotent by (dms, dms_id, version)). The simplest correct path: no new transport, no service token.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any

import httpx
from fastapi import APIRouter, Request
from pydantic import BaseModel
from sqlalchemy import select

from shared.documentos import webhook
from shared.documentos.tablas import VistosSQL, webhook_vistos
from shared.errores import NoAutenticado, ServicioNoDisponible
from shared.http.problemas import problema
from shared.http.respuestas import ERRORES_COMANDO

log = logging.getLogger("cti.documentos")
router = APIRouter(prefix="/api/v1", tags=["documentos"])


class ResultadoNotificacion(BaseModel):
    evento_id: str
    incorporado: bool
    repetida: bool = False
    numero: str | None = None
    version: int | None = None
    referencia: dict[str, Any] | None = None
    motivo: str | None = None


def _visto(motor: Any, evento_id: str) -> bool:
    with motor.connect() as c:
        return c.execute(select(webhook_vistos.c.evento_id).where(webhook_vistos.c.evento_id == evento_id)).first() \
            is not None


@router.post("/dms/notificaciones", response_model=ResultadoNotificacion,
             responses={k: v for k, v in ERRORES_COMANDO.items() if k in (401, 422, 503)},
             openapi_extra={"requestBody": {"content": {"application/json": {"example": {
                 "dms_id": "41", "version": "57"}}}}},
             summary="Notificacion firmada del DMS: un documento registrado para un expediente")
async def recibir_notificacion(request: Request) -> Any:
    """Autenticada solo por su firma: ``X-CTI-Firma: t=<unix>,v1=<HMAC-SHA256 hex>`` sobre
    ``"<t>.<evento_id>." + cuerpo`` con el secreto compartido, y ``X-CTI-Evento-Id``; ventana de 5 minutos. Una
    firma falsa o vencida: 401 sin efecto; una repeticion: 200 sin efecto. El documento se descarga del DMS y su
    SHA-256 se verifica antes de incorporarlo (D. Leg. 1310 art. 8; Modelo de Gestion Documental, R.S.G.D.
    001-2017-PCM/SEGDI)."""
    config, comp = request.app.state.config, request.app.state.componentes
    if not config.dms_secreto_webhook:
        raise ServicioNoDisponible("El gateway no tiene secreto de notificaciones del DMS (CTI_DMS_SECRETO_WEBHOOK).")
    cuerpo = await request.body()
    evento_id = request.headers.get(webhook.CABECERA_EVENTO)
    firma = request.headers.get(webhook.CABECERA_FIRMA)
    try:
        webhook.comprobar([config.dms_secreto_webhook], evento_id, cuerpo, firma, time.time())
    except webhook.NotificacionRechazada as e:
        log.warning("notificacion del DMS rechazada (%s): evento %r", e.motivo, evento_id)
        raise NoAutenticado(f"Notificacion rechazada: {e.motivo}.") from None
    assert evento_id is not None
    if await asyncio.to_thread(_visto, comp.motor, evento_id):
        return {"evento_id": evento_id, "incorporado": False, "repetida": True, "motivo": "evento ya recibido"}
    cabeceras = {webhook.CABECERA_EVENTO: evento_id, webhook.CABECERA_FIRMA: firma or "",
                 "content-type": "application/json"}
    if request.headers.get("x-request-id"):
        cabeceras["x-request-id"] = request.headers["x-request-id"]
    try:
        r = await comp.extra["http"].post(f"{config.urls_servicios['tramite']}/api/v1/dms/incorporaciones",
                                          content=cuerpo, headers=cabeceras)
    except httpx.HTTPError:
        raise ServicioNoDisponible("El servicio tramite no responde; el DMS debe reintentar.") from None
    if r.status_code >= 500:
        raise ServicioNoDisponible(f"tramite no pudo incorporar el documento (HTTP {r.status_code}); reintente.")
    if r.status_code != 200:
        datos = r.json()
        return problema(r.status_code, datos.get("type", "").rsplit("/", 1)[-1] or "http", datos.get("title", ""),
                        datos.get("detail", ""), str(request.url.path), errores=datos.get("errores"))
    nuevo = await asyncio.to_thread(VistosSQL(comp.motor).registrar, evento_id, time.time())
    return {**r.json(), "evento_id": evento_id, "repetida": not nuevo}
