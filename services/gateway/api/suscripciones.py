"""``/api/v1/suscripciones``: systems subscribed to the suite's events (signed POSTs), their delivery log and the
dead-letter list with re-drive. Administrators only.

Why here: the gateway runs the ``Despachador`` (one durable NATS consumer per subscription, retries with backoff);
creating a subscription synchronises it at once and waits for its consumer, so every event published after the 201
is delivered. The secret is shown once, when the gateway generates it; lists never show secrets.
"""

from __future__ import annotations

import asyncio
import secrets
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request, Response
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.exc import IntegrityError

from shared.documentos.suscripciones import ErrorEntrega, Suscripcion, reenviar
from shared.documentos.tablas import RegistroEntregas
from shared.errores import DatosInvalidos, Duplicado, ErrorDominio, NoEncontrado
from shared.http.respuestas import ERRORES_COMANDO, ERRORES_LECTURA
from shared.identidad.dependencias import ActorAutenticado, exigir_rol

router = APIRouter(prefix="/api/v1/suscripciones", tags=["suscripciones"])
Id = Annotated[str, Path(pattern=r"^[A-Za-z0-9_-]{1,60}$")]
LECTURA = {**ERRORES_LECTURA, 403: ERRORES_COMANDO[403]}


class ReceptorNoDisponible(ErrorDominio):
    tipo, status, titulo = "receptor-no-disponible", 502, "El sistema suscrito no acepto la notificacion"


class CartaYaReenviada(ErrorDominio):
    tipo, status, titulo = "carta-ya-reenviada", 409, "La carta ya fue reenviada"


class SuscripcionCrear(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "id": "sgd-minsa", "url": "https://sgd.minsa.gob.pe/cti/notificaciones", "filtro": "tramite.expediente.>"}]})
    id: str = Field(pattern=r"^[A-Za-z0-9_-]{1,60}$", description="Nombre del sistema suscrito")
    url: str = Field(pattern=r"^https?://\S+$", max_length=500)
    filtro: str = Field(max_length=200, description="Sujeto NATS <servicio>.<agregado>.<Evento>, con * o > al final")
    secreto: str | None = Field(None, min_length=16, max_length=200, description="Por defecto lo genera el gateway")


class SuscripcionPublica(BaseModel):
    id: str
    url: str
    filtro: str
    activa: bool
    creada: str
    secreto: str | None = None  # only in the 201 answer, when generated


class Pagina(BaseModel):
    items: list[dict[str, Any]]
    siguiente: str | None


def _registro(request: Request) -> RegistroEntregas:
    return RegistroEntregas(request.app.state.componentes.motor)


def _publica(fila: dict[str, Any]) -> dict[str, Any]:
    return {k: (v.isoformat() if k == "creada" else v) for k, v in fila.items() if k != "secreto"}


def _pagina(filas: list[dict[str, Any]], cursor: int, limite: int) -> dict[str, Any]:
    resto = [{k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in f.items()} for f in filas
             if f["id"] > cursor]
    return {"items": resto[:limite], "siguiente": str(resto[limite - 1]["id"]) if len(resto) > limite else None}


async def _una(request: Request, id: str) -> dict[str, Any]:
    fila = next((f for f in await asyncio.to_thread(_registro(request).suscripciones, False) if f["id"] == id), None)
    if fila is None:
        raise NoEncontrado(f"No existe la suscripcion {id}.")
    return fila


@router.post("", status_code=201, response_model=SuscripcionPublica, responses=ERRORES_COMANDO,
             summary="Suscribe un sistema a los eventos que cumplen un filtro")
async def crear(cuerpo: SuscripcionCrear, request: Request, response: Response,
                actor: ActorAutenticado) -> dict[str, Any]:
    """Cada evento publicado desde ahora que cumpla ``filtro`` se envia por POST firmado (HMAC-SHA256, cabeceras
    ``X-CTI-Firma``/``X-CTI-Evento-Id``), en orden, con reintentos; agotados, pasa a cartas muertas. Interoperabilidad
    entre sistemas de tramite documentario (D. Leg. 1310 art. 8)."""
    exigir_rol(actor, "administrador")
    generado = cuerpo.secreto is None
    secreto = cuerpo.secreto or secrets.token_urlsafe(32)
    try:
        Suscripcion(cuerpo.id, cuerpo.url, secreto, cuerpo.filtro)
    except ValueError as e:
        raise DatosInvalidos(f"Suscripcion invalida: {e}.", [{"campo": "filtro", "mensaje": str(e)}]) from None
    try:
        await asyncio.to_thread(_registro(request).guardar_suscripcion, cuerpo.id, cuerpo.url, secreto, cuerpo.filtro)
    except IntegrityError:
        raise Duplicado(f"Ya existe la suscripcion {cuerpo.id}.") from None
    despachador = request.app.state.componentes.extra.get("despachador")
    if despachador is not None:
        await despachador.sincronizar()
        activo = despachador.activos.get(cuerpo.id)
        try:  # its durable consumer exists: every event published after this answer is delivered
            await asyncio.wait_for(activo[2].listo.wait(), timeout=10) if activo else None
        except TimeoutError:
            pass  # NATS unreachable right now: the deliverer keeps trying; the subscription stands
    response.headers["Location"] = f"/api/v1/suscripciones/{cuerpo.id}"
    return {**_publica(await _una(request, cuerpo.id)), "secreto": secreto if generado else None}


@router.get("", response_model=Pagina, responses=LECTURA, summary="Suscripciones (activas e inactivas)")
async def listar(request: Request, actor: ActorAutenticado, limite: Annotated[int, Query(ge=1, le=500)] = 50,
                 cursor: Annotated[str | None, Query(max_length=60)] = None) -> dict[str, Any]:
    """Sin secretos."""
    exigir_rol(actor, "administrador")
    filas = [_publica(f) for f in await asyncio.to_thread(_registro(request).suscripciones, False)
             if cursor is None or f["id"] > cursor]
    return {"items": filas[:limite], "siguiente": filas[limite - 1]["id"] if len(filas) > limite else None}


@router.get("/cartas-muertas", response_model=Pagina, responses=LECTURA,
            summary="Notificaciones que agotaron sus reintentos (dead-letter)")
async def cartas(request: Request, actor: ActorAutenticado,
                 estado: Annotated[str | None, Query(pattern="^(pendiente|reenviada)$")] = None,
                 limite: Annotated[int, Query(ge=1, le=500)] = 50,
                 cursor: Annotated[int, Query(ge=0)] = 0) -> dict[str, Any]:
    """Cada una con su suscripcion, evento, sujeto, cuerpo y el ultimo error."""
    exigir_rol(actor, "administrador")
    return _pagina(await asyncio.to_thread(_registro(request).cartas, estado), cursor, limite)


@router.post("/cartas-muertas/{carta_id}/reenviar", responses=ERRORES_COMANDO,
             summary="Reenvia una carta muerta a la URL y con el secreto actuales de su suscripcion")
async def reenviar_carta(carta_id: Annotated[int, Path(ge=1, le=2**31 - 1)], request: Request,
                         actor: ActorAutenticado) -> dict[str, Any]:
    """2xx del receptor: la carta queda ``reenviada``; si no, sigue pendiente (502)."""
    exigir_rol(actor, "administrador")
    registro = _registro(request)
    carta = next((c for c in await asyncio.to_thread(registro.cartas) if c["id"] == carta_id), None)
    if carta is None:
        raise NoEncontrado(f"No existe la carta {carta_id}.")
    if carta["estado"] != "pendiente":
        raise CartaYaReenviada(f"La carta {carta_id} ya fue reenviada.")
    try:
        hecha = await reenviar(registro, carta_id)
    except ErrorEntrega as e:
        raise ReceptorNoDisponible(f"No se pudo reenviar la carta {carta_id}: {e}.") from None
    return {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in hecha.items()}


@router.get("/{id}", response_model=SuscripcionPublica, responses=LECTURA, summary="Una suscripcion")
async def leer(id: Id, request: Request, actor: ActorAutenticado) -> dict[str, Any]:
    exigir_rol(actor, "administrador")
    return _publica(await _una(request, id))


@router.delete("/{id}", status_code=204, responses=ERRORES_COMANDO, summary="Desactiva una suscripcion")
async def desactivar(id: Id, request: Request, actor: ActorAutenticado) -> Response:
    """Deja de entregar; el historial de entregas y las cartas muertas se conservan."""
    exigir_rol(actor, "administrador")
    await _una(request, id)
    await asyncio.to_thread(_registro(request).desactivar, id)
    despachador = request.app.state.componentes.extra.get("despachador")
    if despachador is not None:
        await despachador.sincronizar()
    return Response(status_code=204)


@router.get("/{id}/entregas", response_model=Pagina, responses=LECTURA,
            summary="Registro de intentos de entrega de una suscripcion, en orden")
async def entregas(id: Id, request: Request, actor: ActorAutenticado,
                   limite: Annotated[int, Query(ge=1, le=500)] = 50,
                   cursor: Annotated[int, Query(ge=0)] = 0) -> dict[str, Any]:
    """Cada intento: evento, sujeto, numero de intento, estado (entregado, fallido, reenviado), HTTP y error."""
    exigir_rol(actor, "administrador")
    await _una(request, id)
    return _pagina(await asyncio.to_thread(_registro(request).entregas, id), cursor, limite)
