"""``/api/v1/planes-fiscalizacion``: the DFS's annual inspection plan and the reporting of its results to the
Consejo Directivo and the Contraloria (D.S. 028-2007-RE arts. 13.d, 48.b; Ley 27692 art. 10.1.e)."""

from __future__ import annotations

import asyncio
from functools import partial
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request, Response

from services.fiscalizacion.api.acceso import (
    ORGANOS_REQUERIDOS,
    actor_procesal, aplicacion, campos_de_accion, exigir_lectura, exigir_organo, fecha_acto,
)
from services.fiscalizacion.api.esquemas import PlanAccion, PlanCrear, PlanPublico
from services.fiscalizacion.domain.plan_anual import PASOS
from shared.almacen.historia import instante, version_a_la_fecha
from shared.errores import SinDerecho, TransicionIlegal
from shared.http.comandos import ejecutar, version_if_match
from shared.http.respuestas import ERRORES_COMANDO, ERRORES_LECTURA
from shared.identidad.dependencias import ActorAutenticado

router = APIRouter(prefix="/api/v1/planes-fiscalizacion", tags=["planes-fiscalizacion"])
Anio = Annotated[int, Path(ge=2007, le=2100, examples=[2026])]


def _etag(datos: dict[str, Any], response: Response) -> dict[str, Any]:
    response.headers["ETag"] = f'"{datos["version"]}"'
    return datos


@router.post("", status_code=201, response_model=PlanPublico, responses=ERRORES_COMANDO,
             summary="Formular el Plan Anual de Fiscalizacion")
async def formular(cuerpo: PlanCrear, request: Request, response: Response, actor: ActorAutenticado) -> dict[str, Any]:
    """Lo formula la DFS y lo aprueba el Director Ejecutivo (D.S. 028-2007-RE art. 48.b). Aprobarlo programa en el
    mismo acto una fiscalizacion por cada entidad (no a las que renunciaron a los beneficios)."""
    procesal = exigir_organo(actor, "DFS")
    app, hoy = aplicacion(request), fecha_acto(cuerpo.fecha_acto)
    fn = partial(app.formular_plan, actor=procesal, anio=cuerpo.anio, programadas=cuerpo.programadas, hoy=hoy)
    res = await ejecutar(request, actor, f"PAF-{cuerpo.anio}", fn, fecha_negocio=hoy.isoformat())
    res["acciones_disponibles"] = (await asyncio.to_thread(app.plan, cuerpo.anio)).acciones_disponibles(procesal)
    response.headers["Location"] = f"{router.prefix}/{cuerpo.anio}"
    return _etag(res, response)


@router.get("/{anio}", response_model=PlanPublico, responses=ERRORES_LECTURA, summary="Un plan anual y su ciclo")
async def leer(anio: Anio, request: Request, response: Response, actor: ActorAutenticado,
               version: Annotated[int | None, Query(ge=1)] = None,
               a_la_fecha: Annotated[str | None, Query(examples=["2026-06-30"])] = None) -> dict[str, Any]:
    """Estado actual, en una ``version`` o ``a_la_fecha``."""
    exigir_lectura(actor)
    app = aplicacion(request)
    plan = await asyncio.to_thread(app.plan, anio)
    if a_la_fecha is not None:
        version = await asyncio.to_thread(version_a_la_fecha, app, plan.id, instante(a_la_fecha))
    if version is not None:
        plan = await asyncio.to_thread(app.plan, anio, version)
    try:
        acciones = plan.acciones_disponibles(actor_procesal(actor))
    except SinDerecho:
        acciones = []
    return _etag({**plan.a_dict(), "version": plan.version, "acciones_disponibles": acciones}, response)


@router.post("/{anio}/acciones/{accion}", response_model=PlanPublico, responses=ERRORES_COMANDO,
             summary="Avanzar el ciclo del plan (aprobar, informe anual, Consejo Directivo, Contraloria)")
async def actuar(anio: Anio, accion: str, cuerpo: PlanAccion, request: Request, response: Response,
                 actor: ActorAutenticado) -> dict[str, Any]:
    """Resultados al Consejo Directivo y luego a la Contraloria (Ley 27692 art. 10.1.e, mod. Ley 28386;
    D.S. 028-2007-RE art. 13.d)."""
    procesal = actor_procesal(actor)
    if "administrado" in procesal.roles:  # the annual plan is APCI's own cycle: no entity acts on it
        raise SinDerecho("El Plan Anual de Fiscalizacion lo gestionan los organos de la APCI.",
                         derecho_requerido=ORGANOS_REQUERIDOS)
    app = aplicacion(request)
    if accion not in PASOS:
        plan = await asyncio.to_thread(app.plan, anio)
        raise TransicionIlegal(accion, plan.estado, [a["accion"] for a in plan.acciones_disponibles(procesal)])
    datos = campos_de_accion(accion, cuerpo.model_dump(mode="python"), PASOS[accion][4])
    hoy = fecha_acto(cuerpo.fecha_acto)
    fn = partial(app.avanzar_plan, anio, accion, procesal, version_if_match(request), hoy=hoy, **datos)
    res = await ejecutar(request, actor, f"PAF-{anio}", fn, fecha_negocio=hoy.isoformat())
    res["acciones_disponibles"] = (await asyncio.to_thread(app.plan, anio)).acciones_disponibles(procesal)
    return _etag(res, response)
