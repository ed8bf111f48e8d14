"""``GET /api/v1/expedientes/{numero}/documentos/verificacion``: every document reference in the file's history,
checked against the DMS that holds it.

Why from the gateway's history: it holds every service's events of the file (tramite's acts and incorporations,
fiscalizacion's...), each envelope listing the documents that carried the act. Each full reference is re-checked by
the DMS adapter (``verificar``: bytes downloaded and hashed, DMS checksum, current revision); a reference whose bytes
no longer match its SHA-256 (or that vanished) is a discrepancy naming the document and the act. A newer revision
of a document is NOT a discrepancy (the act keeps pointing at its own, intact bytes) but is reported as
``reemplazado``. References typed in without a DMS identity are listed as ``no_verificable``.
"""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

from fastapi import APIRouter, Path, Request
from pydantic import BaseModel
from sqlalchemy import select

from services.gateway.lecturas import eventos
from shared.documentos.puerto import ErrorDocumental, EstadoVerificacion, PuertoDocumental
from shared.documentos.referencia import ReferenciaDocumento, ReferenciaInvalida
from shared.errores import NoEncontrado, ServicioNoDisponible
from shared.http.respuestas import ERRORES_COMANDO
from shared.identidad.dependencias import ActorAutenticado, exigir_rol

router = APIRouter(prefix="/api/v1/expedientes", tags=["documentos"])
DISCREPANTES = {EstadoVerificacion.ALTERADO.value, EstadoVerificacion.AUSENTE.value}


class ReferenciaVerificada(BaseModel):
    documento: dict[str, Any]
    acto: dict[str, Any]
    estado: str  # integro | reemplazado | alterado | ausente | no_verificable
    detalle: str = ""
    sha256_dms: str | None = None
    checksum_dms: str | None = None
    version_vigente: str | None = None
    sha256_vigente: str | None = None


class VerificacionDocumental(BaseModel):
    correlacion: str
    integro: bool
    verificadas: int
    referencias: list[ReferenciaVerificada]
    discrepancias: list[ReferenciaVerificada]


def _acto(fila: dict[str, Any]) -> dict[str, Any]:
    return {"servicio": fila["servicio"], "tipo": fila["tipo"], "agregado_id": fila["agregado_id"],
            "version": fila["version"], "notificacion_id": fila["notificacion_id"],
            "fecha_negocio": fila["fecha_negocio"], "accion": (fila["datos"] or {}).get("accion")}


def _verificar(motor: Any, puerto: PuertoDocumental, numero: str) -> list[dict[str, Any]]:
    with motor.connect() as c:
        filas = [dict(f._mapping) for f in c.execute(select(eventos).where(eventos.c.correlacion == numero).order_by(
            eventos.c.timestamp, eventos.c.servicio, eventos.c.notificacion_id))]
    if not filas:
        raise NoEncontrado(f"No hay eventos del expediente {numero}.")
    hechas: dict[tuple[str, ...], Any] = {}  # one download per distinct reference
    salida = []
    for fila in filas:
        for doc in (fila["sobre"] or {}).get("documentos") or []:
            item: dict[str, Any] = {"documento": {k: doc.get(k) for k in ("tipo", "numero", "nombre", "dms", "dms_id",
                                                                         "version", "sha256")},
                                    "acto": _acto(fila)}
            try:
                ref = ReferenciaDocumento.de_dict(dict(doc))
            except (TypeError, ReferenciaInvalida):
                salida.append({**item, "estado": "no_verificable", "detalle": "referencia sin identidad en un DMS"})
                continue
            if ref.dms != puerto.nombre:
                salida.append({**item, "estado": "no_verificable", "detalle": f"guardado en otro DMS ({ref.dms})"})
                continue
            clave = (ref.dms, ref.dms_id, ref.version, ref.sha256)
            if clave not in hechas:
                hechas[clave] = puerto.verificar(ref)
            r = hechas[clave]
            salida.append({**item, "estado": r.estado.value, "detalle": r.detalle, "sha256_dms": r.sha256_dms,
                           "checksum_dms": r.checksum_dms, "version_vigente": r.version_vigente,
                           "sha256_vigente": r.sha256_vigente})
    return salida


@router.get("/{numero}/documentos/verificacion", response_model=VerificacionDocumental,
            responses={**ERRORES_COMANDO}, summary="Verifica contra el DMS cada documento citado en el expediente")
async def verificar_documentos(numero: Annotated[str, Path(min_length=1, max_length=120)], request: Request,
                               actor: ActorAutenticado) -> dict[str, Any]:
    """Cada referencia de los eventos del expediente se descarga del DMS y se compara con su SHA-256: un documento
    cuyo archivo ya no coincide (o desaparecio) se informa nombrando el documento y el acto que lo cito (integridad
    del documento electronico: Ley 27269; D. Leg. 1310 art. 8). Solo auditores y administradores."""
    exigir_rol(actor, "auditor", "administrador")
    puerto = request.app.state.componentes.extra.get("puerto_dms")
    if puerto is None:
        raise ServicioNoDisponible("El gateway no tiene un sistema de gestion documental configurado (CTI_DMS_URL).")
    try:
        items = await asyncio.to_thread(_verificar, request.app.state.componentes.motor, puerto, numero)
    except ErrorDocumental as e:
        raise ServicioNoDisponible(f"El DMS no responde; no se puede verificar ahora: {e}") from None
    discrepancias = [i for i in items if i["estado"] in DISCREPANTES]
    return {"correlacion": numero, "integro": not discrepancias, "referencias": items, "discrepancias": discrepancias,
            "verificadas": sum(1 for i in items if i["estado"] != "no_verificable")}
