"""``/api/v1/oficinas``: master data of cooperation offices (create, rename, close; read with ETag)."""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response

from services.registro.api.esquemas import OficinaCerrar, OficinaCrear, OficinaPublica, OficinaRenombrar
from shared.http.comandos import ejecutar, version_if_match
from shared.http.respuestas import ERRORES_COMANDO, ERRORES_LECTURA
from shared.identidad.dependencias import ActorAutenticado, ActorOpcional, exigir_rol

router = APIRouter(prefix="/api/v1/oficinas", tags=["oficinas"])

ROL_ADMIN = "administrador"


def _app(request: Request) -> Any:
    return request.app.state.componentes.aplicacion


def _publica(datos: dict[str, Any], response: Response, acciones: bool = True) -> dict[str, Any]:
    response.headers["ETag"] = f'"{datos["version"]}"'
    return datos


@router.post("", status_code=201, response_model=OficinaPublica, responses=ERRORES_COMANDO,
             summary="Registrar una oficina de cooperacion")
async def crear_oficina(cuerpo: OficinaCrear, request: Request, response: Response,
                        actor: ActorAutenticado) -> dict[str, Any]:
    """Alta de una oficina en los datos maestros (oficina sectorial, organo de la APCI, direccion de RREE).
    Cada dependencia competente debe notificarse al ente rector: D.S. 015-92-PCM, art. 5."""
    exigir_rol(actor, ROL_ADMIN)
    datos = cuerpo.model_dump(mode="python")
    datos["fundamento_legal"] = cuerpo.fundamento_legal.model_dump()
    res = await ejecutar(request, actor, f"OFICINA-{cuerpo.codigo}", _app(request).crear_oficina, **datos)
    response.headers["Location"] = f"/api/v1/oficinas/{cuerpo.codigo}"
    return _publica(res, response)


@router.get("/{codigo}", response_model=OficinaPublica, responses=ERRORES_LECTURA,
            summary="Una oficina, con las acciones que el solicitante puede realizar ahora")
async def leer_oficina(codigo: str, request: Request, response: Response, actor: ActorOpcional,
                       version: Annotated[int | None, Query(ge=1)] = None) -> dict[str, Any]:
    """Estado actual (o en la ``version`` pedida) de la oficina; ``ETag`` lleva la version."""
    oficina = await asyncio.to_thread(_app(request).oficina, codigo, version)
    datos = oficina.a_dict()
    datos["acciones_disponibles"] = oficina.acciones_disponibles() if ROL_ADMIN in actor.roles else []
    return _publica(datos, response)


@router.post("/{codigo}/acciones/renombrar", response_model=OficinaPublica, responses=ERRORES_COMANDO,
             summary="Cambiar la denominacion de una oficina (nuevo ROF)")
async def renombrar_oficina(codigo: str, cuerpo: OficinaRenombrar, request: Request, response: Response,
                            actor: ActorAutenticado) -> dict[str, Any]:
    """La denominacion cambia con cada ROF aprobado por Decreto Supremo (Ley 29158, art. 22)."""
    exigir_rol(actor, ROL_ADMIN)
    res = await ejecutar(request, actor, f"OFICINA-{codigo}", _app(request).renombrar_oficina, codigo,
                         version_if_match(request), nombre=cuerpo.nombre, fecha=cuerpo.fecha,
                         fundamento_legal=cuerpo.fundamento_legal.model_dump())
    return _publica(res, response)


@router.post("/{codigo}/acciones/cerrar", response_model=OficinaPublica, responses=ERRORES_COMANDO,
             summary="Cerrar una oficina (fin de vigencia)")
async def cerrar_oficina(codigo: str, cuerpo: OficinaCerrar, request: Request, response: Response,
                         actor: ActorAutenticado) -> dict[str, Any]:
    """Fin de vigencia de la oficina; su historia se conserva."""
    exigir_rol(actor, ROL_ADMIN)
    res = await ejecutar(request, actor, f"OFICINA-{codigo}", _app(request).cerrar_oficina, codigo,
                         version_if_match(request), fecha=cuerpo.fecha,
                         fundamento_legal=cuerpo.fundamento_legal.model_dump())
    return _publica(res, response)
