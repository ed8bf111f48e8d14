"""``/api/v1/fiscalizaciones`` and ``/api/v1/denuncias``: inspections by the DFS (Ley 27692 art. 3.3; ROF 47-48)
and complaints, which are inspections whose origin is a denuncia (ROF 48.g): admitted with ``iniciar`` or rejected
with ``desestimar_denuncia``. Findings are referred to the sanctioning procedure with ``recomendar_instruccion``,
which opens the cases in the same act."""

from __future__ import annotations

import asyncio
from functools import partial
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response

from services.fiscalizacion.api.acceso import (
    actor_procesal, aplicacion, campos_de_accion, exigir_lectura, exigir_organo, fecha_acto,
)
from services.fiscalizacion.api.esquemas import (
    DenunciaCrear, FiscalizacionAccion, FiscalizacionCrear, FiscalizacionPublica, Lista,
)
from services.fiscalizacion.consultas import listar_fiscalizaciones
from services.fiscalizacion.domain.comandos_fiscalizacion import ACCIONES
from shared.almacen.historia import instante, version_a_la_fecha
from shared.errores import SinDerecho, TransicionIlegal
from shared.http.comandos import ejecutar, version_if_match
from shared.http.respuestas import ERRORES_COMANDO, ERRORES_LECTURA
from shared.identidad.dependencias import ActorAutenticado

router = APIRouter(prefix="/api/v1/fiscalizaciones", tags=["fiscalizaciones"])
denuncias = APIRouter(prefix="/api/v1/denuncias", tags=["denuncias"])
OPCIONALES = {"requerir_documentos": ("plazo_dias",), "registrar_hallazgo": ("codigo_infraccion",)}


def _etag(datos: dict[str, Any], response: Response) -> dict[str, Any]:
    response.headers["ETag"] = f'"{datos["version"]}"'
    return datos


@router.post("", status_code=201, response_model=FiscalizacionPublica, responses=ERRORES_COMANDO,
             summary="Programar una fiscalizacion de oficio")
async def programar(cuerpo: FiscalizacionCrear, request: Request, response: Response,
                    actor: ActorAutenticado) -> dict[str, Any]:
    """La DFS fiscaliza por delegacion del Director Ejecutivo (Ley 27692 art. 3.3; D.S. 028-2007-RE art. 48)."""
    procesal = exigir_organo(actor, "DFS")
    app, hoy = aplicacion(request), fecha_acto(cuerpo.fecha_acto)
    fn = partial(app.programar_fiscalizacion, ruc=cuerpo.ruc, objeto=cuerpo.objeto, hoy=hoy)
    res = await ejecutar(request, actor, None, fn, fecha_negocio=hoy.isoformat())
    res["acciones_disponibles"] = (await asyncio.to_thread(app.fiscalizacion, res["id"])).acciones_disponibles(procesal)
    response.headers["Location"] = f"{router.prefix}/{res['id']}"
    return _etag(res, response)


@denuncias.post("", status_code=201, response_model=FiscalizacionPublica, responses=ERRORES_COMANDO,
                summary="Registrar una denuncia contra una entidad")
async def registrar_denuncia(cuerpo: DenunciaCrear, request: Request, response: Response,
                             actor: ActorAutenticado) -> dict[str, Any]:
    """La DFS atiende las denuncias (D.S. 028-2007-RE art. 48.g); la identidad del denunciante puede reservarse."""
    procesal = exigir_organo(actor, "DFS")
    app, hoy = aplicacion(request), fecha_acto(cuerpo.fecha_acto)
    fn = partial(app.registrar_denuncia, ruc=cuerpo.ruc, hechos=cuerpo.hechos, denunciante=cuerpo.denunciante, hoy=hoy)
    res = await ejecutar(request, actor, None, fn, fecha_negocio=hoy.isoformat())
    res["acciones_disponibles"] = (await asyncio.to_thread(app.fiscalizacion, res["id"])).acciones_disponibles(procesal)
    response.headers["Location"] = f"{denuncias.prefix}/{res['id']}"
    return _etag(res, response)


async def _listar(request: Request, actor: Any, es_denuncia: bool, ruc: str | None, estado: str | None,
                  limite: int, cursor: str | None) -> dict[str, Any]:
    if actor.oficina.startswith("ENTIDAD-"):
        ruc = actor.oficina.removeprefix("ENTIDAD-")
    exigir_lectura(actor, ruc)
    items, siguiente = await asyncio.to_thread(listar_fiscalizaciones, request.app.state.componentes.motor,
                                               denuncias=es_denuncia, ruc=ruc, estado=estado, limite=limite,
                                               cursor=cursor)
    return {"items": items, "siguiente": siguiente}


@router.get("", response_model=Lista, responses=ERRORES_LECTURA, summary="Fiscalizaciones (sin denuncias)")
async def listar(request: Request, actor: ActorAutenticado, ruc: str | None = None, estado: str | None = None,
                 limite: Annotated[int, Query(ge=1, le=500)] = 50, cursor: str | None = None) -> dict[str, Any]:
    """Lista paginada de fiscalizaciones del plan, de oficio y por hallazgos de tramite."""
    return await _listar(request, actor, False, ruc, estado, limite, cursor)


@denuncias.get("", response_model=Lista, responses=ERRORES_LECTURA, summary="Denuncias")
async def listar_denuncias(request: Request, actor: ActorAutenticado, ruc: str | None = None,
                           estado: str | None = None, limite: Annotated[int, Query(ge=1, le=500)] = 50,
                           cursor: str | None = None) -> dict[str, Any]:
    """Lista paginada de denuncias (D.S. 028-2007-RE art. 48.g)."""
    return await _listar(request, actor, True, ruc, estado, limite, cursor)


async def _leer(request: Request, response: Response, actor: Any, fid: str, version: int | None,
                a_la_fecha: str | None) -> dict[str, Any]:
    app = aplicacion(request)
    f = await asyncio.to_thread(app.fiscalizacion, fid)
    exigir_lectura(actor, f.ruc)
    if a_la_fecha is not None:
        version = await asyncio.to_thread(version_a_la_fecha, app, f.id, instante(a_la_fecha))
    if version is not None:
        f = await asyncio.to_thread(app.fiscalizacion, fid, version)
    try:
        procesal = actor_procesal(actor, f.ruc)
    except SinDerecho:
        procesal = None
    datos = app.estado_fiscalizacion(f, procesal)
    datos.setdefault("acciones_disponibles", [])
    return _etag(datos, response)


async def _actuar(request: Request, response: Response, actor: Any, fid: str, accion: str,
                  cuerpo: FiscalizacionAccion) -> dict[str, Any]:
    app = aplicacion(request)
    f = await asyncio.to_thread(app.fiscalizacion, fid)
    procesal = actor_procesal(actor, f.ruc)
    if accion not in ACCIONES:
        raise TransicionIlegal(accion, f.estado, [a["accion"] for a in f.acciones_disponibles(procesal)])
    opcionales = OPCIONALES.get(accion, ())
    requeridos = tuple(c for c in ACCIONES[accion][2] if c not in opcionales)
    datos = campos_de_accion(accion, cuerpo.model_dump(mode="python"), requeridos, opcionales)
    hoy = fecha_acto(cuerpo.fecha_acto)
    el = datos.get("notificado_el") or datos.get("exhibido_el") or datos.get("fecha") or hoy
    fn = partial(app.actuar_fiscalizacion, fid, accion, procesal, version_if_match(request), hoy=hoy, **datos)
    return _etag(await ejecutar(request, actor, f.correlacion, fn, fecha_negocio=el.isoformat()), response)


LEER = dict(response_model=FiscalizacionPublica, responses=ERRORES_LECTURA)
ACTUAR = dict(response_model=FiscalizacionPublica, responses=ERRORES_COMANDO)


@router.get("/{fid}", summary="Una fiscalizacion, con las acciones del solicitante", **LEER)
async def leer(fid: str, request: Request, response: Response, actor: ActorAutenticado,
               version: Annotated[int | None, Query(ge=1)] = None,
               a_la_fecha: Annotated[str | None, Query(examples=["2026-03-20"])] = None) -> dict[str, Any]:
    """Estado actual, en una ``version`` o ``a_la_fecha`` (reconstruido desde los eventos)."""
    return await _leer(request, response, actor, fid, version, a_la_fecha)


@router.post("/{fid}/acciones/{accion}", summary="Realizar un acto de la fiscalizacion", **ACTUAR)
async def actuar(fid: str, accion: str, cuerpo: FiscalizacionAccion, request: Request, response: Response,
                 actor: ActorAutenticado) -> dict[str, Any]:
    """Requerimientos con plazo (no exhibir es la infraccion D.S. 027-2007-RE art. 7.a), visitas con acta,
    hallazgos, informe, medidas correctivas (Ley 27692 art. 4.f) y derivacion a instruccion (ROF art. 48.d)."""
    return await _actuar(request, response, actor, fid, accion, cuerpo)


@denuncias.get("/{fid}", summary="Una denuncia, con las acciones del solicitante", **LEER)
async def leer_denuncia(fid: str, request: Request, response: Response, actor: ActorAutenticado,
                        version: Annotated[int | None, Query(ge=1)] = None,
                        a_la_fecha: Annotated[str | None, Query(examples=["2026-03-20"])] = None) -> dict[str, Any]:
    """La denuncia y la fiscalizacion que origina (D.S. 028-2007-RE art. 48.g)."""
    return await _leer(request, response, actor, fid, version, a_la_fecha)


@denuncias.post("/{fid}/acciones/{accion}", summary="Admitir (iniciar) o desestimar una denuncia", **ACTUAR)
async def actuar_denuncia(fid: str, accion: str, cuerpo: FiscalizacionAccion, request: Request,
                          response: Response, actor: ActorAutenticado) -> dict[str, Any]:
    """``iniciar`` abre la fiscalizacion; ``desestimar_denuncia`` la archiva con motivo (ROF art. 48.g)."""
    return await _actuar(request, response, actor, fid, accion, cuerpo)
