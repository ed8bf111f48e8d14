"""The full history of a file and of an entity, across services, from the gateway's NATS-fed read model.

Because it is built from the streams, it answers while a service is down, and says how far behind each stream it
is (``retraso``). Access: auditors and administrators read every file; an office reads the files it took part in
(it acted, held custody, sent, received or was copied); an entity reads its own history.
"""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel
from sqlalchemy import or_, select

from services.gateway.api.historial import EventoPublico
from services.gateway.lecturas import eventos
from shared.errores import NoEncontrado, SinDerecho
from shared.eventos.sobre import Actor
from shared.http.respuestas import ERRORES_LECTURA
from shared.identidad.dependencias import ActorAutenticado

router = APIRouter(prefix="/api/v1", tags=["historial"])

ROLES_LECTURA_TOTAL = {"auditor", "administrador"}


class Retraso(BaseModel):
    consumidor: str
    stream: str | None = None
    conectado: bool
    pendientes: int | None


class Historial(BaseModel):
    correlacion: str
    items: list[EventoPublico]
    siguiente: int | None
    retraso: list[Retraso]


def _participo(actor: Actor, filas: list[dict[str, Any]]) -> bool:
    oficina = actor.oficina
    for f in filas:
        if (f["sobre"].get("actor") or {}).get("oficina") == oficina:
            return True
        d = f["datos"]
        tramo = d.get("tramo") or {}
        if oficina in (d.get("custodia"), tramo.get("remitente"), tramo.get("destinatario")) or \
                oficina in (tramo.get("cc") or []):
            return True
    return False


def _exigir_acceso(actor: Actor, filas: list[dict[str, Any]], recurso: str) -> None:
    if ROLES_LECTURA_TOTAL & set(actor.roles) or _participo(actor, filas):
        return
    raise SinDerecho(f"La oficina {actor.oficina or '(ninguna)'} no participo en {recurso}.",
                     derecho_requerido="participacion en el expediente, o rol auditor/administrador")


async def _leer(request: Request, condicion: Any) -> list[dict[str, Any]]:
    consulta = select(eventos).where(condicion).order_by(eventos.c.timestamp, eventos.c.servicio,
                                                         eventos.c.notificacion_id)

    def _ejecutar() -> list[dict[str, Any]]:
        with request.app.state.componentes.motor.connect() as c:
            return [dict(f._mapping) for f in c.execute(consulta)]

    return await asyncio.to_thread(_ejecutar)


async def _retraso(request: Request) -> list[dict[str, Any]]:
    resultado = []
    for c in request.app.state.componentes.consumidores:
        try:
            resultado.append(await c.retraso())
        except Exception:
            resultado.append({"consumidor": c.nombre, "conectado": False, "pendientes": None})
    return resultado


def _pagina(filas: list[dict[str, Any]], desde: int, limite: int) -> tuple[list[dict[str, Any]], int | None]:
    trozo = filas[desde:desde + limite]
    return trozo, (desde + limite if desde + limite < len(filas) else None)


@router.get("/expedientes/{numero}/historial", response_model=Historial, responses=ERRORES_LECTURA,
            summary="Historia completa de un expediente en todos los servicios")
async def historial_expediente(numero: str, request: Request, actor: ActorAutenticado,
                               limite: Annotated[int, Query(ge=1, le=500)] = 500,
                               cursor: Annotated[int, Query(ge=0)] = 0) -> dict[str, Any]:
    """Todos los eventos del expediente (tramos de tramite, eventos de registro que lo afectaron, fiscalizaciones y
    sanciones), en orden causal y temporal, cada uno con actor, oficina, fundamento legal, documentos y el servicio y
    la posicion de donde viene; ``retraso`` dice cuanto falta aplicar de cada stream."""
    filas = await _leer(request, eventos.c.correlacion == numero)
    if not filas:
        raise NoEncontrado(f"No hay eventos del expediente {numero}.")
    _exigir_acceso(actor, filas, f"el expediente {numero}")
    items, siguiente = _pagina(filas, cursor, limite)
    return {"correlacion": numero, "items": items, "siguiente": siguiente, "retraso": await _retraso(request)}


@router.get("/entidades/{ruc}/historial", response_model=Historial, responses=ERRORES_LECTURA,
            summary="Historia de una entidad (por RUC) en todos los servicios")
async def historial_entidad(ruc: str, request: Request,
                            actor: ActorAutenticado, limite: Annotated[int, Query(ge=1, le=500)] = 500,
                            cursor: Annotated[int, Query(ge=0)] = 0) -> dict[str, Any]:
    """Eventos cuya correlacion es el RUC (registros) o que nombran a la entidad (fiscalizacion, tramite)."""
    filas = await _leer(request, or_(eventos.c.correlacion == ruc, eventos.c.ruc == ruc))
    if not filas:
        raise NoEncontrado(f"No hay eventos de la entidad {ruc}.")
    if not (ROLES_LECTURA_TOTAL & set(actor.roles) or actor.oficina == f"ENTIDAD-{ruc}"
            or actor.oficina.startswith("APCI-")):
        raise SinDerecho("Solo la propia entidad, la APCI o un auditor leen su historia completa.",
                         derecho_requerido="oficina ENTIDAD-<RUC>, organo de la APCI o rol auditor")
    items, siguiente = _pagina(filas, cursor, limite)
    return {"correlacion": ruc, "items": items, "siguiente": siguiente, "retraso": await _retraso(request)}
