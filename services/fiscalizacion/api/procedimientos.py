"""``/api/v1/procedimientos-sancionadores``: the two-instance sanctioning procedure (D.S. 027-2007-RE arts. 4, 10,
15-27) and the enforcement of its sanction. A case is addressed by its number (PAS-2026-000123) or its id."""

from __future__ import annotations

import asyncio
from functools import partial
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response

from services.fiscalizacion.aplicacion_expedientes import ACCIONES_SANCION
from services.fiscalizacion.api.acceso import (
    actor_procesal, aplicacion, campos_de_accion, exigir_lectura, exigir_organo, fecha_acto,
)
from services.fiscalizacion.api.esquemas import Lista
from services.fiscalizacion.api.esquemas_procedimientos import Calculo, ExpedienteAccion, ExpedienteCrear, ExpedientePublico
from services.fiscalizacion.consultas import listar_expedientes
from services.fiscalizacion.domain.procedimiento import ACCIONES
from shared.almacen.historia import instante, version_a_la_fecha
from shared.errores import SinDerecho, TransicionIlegal
from shared.http.comandos import ejecutar, version_if_match
from shared.http.respuestas import ERRORES_COMANDO, ERRORES_LECTURA
from shared.identidad.dependencias import ActorAutenticado

router = APIRouter(prefix="/api/v1/procedimientos-sancionadores", tags=["procedimientos-sancionadores"])

_NO_REQUERIDOS = ("hechos", "antecedentes")
OPCIONALES = {"imponer_sancion": ("hechos", "multa_elegida_uit", "motivacion"), "formular_propuesta": ("hechos",),
              "resolver_apelacion": ("motivo",), "archivar": ("fundamento_legal",)}
CAMPOS_SANCION = {"verificar_subsanacion": ("subsanado_el",), "registrar_pago": ("monto", "pagado_el"),
                  "iniciar_cobranza_coactiva": ()}
_FECHAS = ("presentado_el", "notificado_el", "recibido_el", "deducida_el", "subsanado_el", "pagado_el")


def _etag(datos: dict[str, Any], response: Response) -> dict[str, Any]:
    response.headers["ETag"] = f'"{datos["version"]}"'
    return datos


def _procesal_o_none(actor: Any, ruc: str) -> Any:
    try:
        return actor_procesal(actor, ruc)
    except SinDerecho:
        return None


@router.post("", status_code=201, response_model=ExpedientePublico, responses=ERRORES_COMANDO,
             summary="Abrir un procedimiento (actuaciones previas) por una infraccion")
async def abrir(cuerpo: ExpedienteCrear, request: Request, response: Response,
                actor: ActorAutenticado) -> dict[str, Any]:
    """La DOC o la DFS realizan las actuaciones previas (D.S. 027-2007-RE art. 4, mod. D.S. 059-2009-RE). Se rechazan
    tipos sin sancion valida (STC 0009-2007-PI/TC) y, por no inscribirse o no renovar, las entidades que renunciaron
    a los beneficios (STC fundamentos 107-109). Rige supletoriamente el RIS 2007 mientras el texto vigente no este
    cargado (parametro ``supletoriedad_texto_no_cargado``). Numero: ``PAS-<anio>-<secuencia>``."""
    procesal = exigir_organo(actor, "DOC", "DFS")
    app = aplicacion(request)
    hoy = fecha_acto(cuerpo.fecha_acto)
    datos = cuerpo.model_dump(mode="python", exclude={"fecha_acto"})
    res = await ejecutar(request, actor, None, partial(app.abrir_expediente_sancionador, hoy=hoy, **datos),
                         fecha_negocio=hoy.isoformat())
    res["acciones_disponibles"] = (await asyncio.to_thread(app.expediente, res["id"])).acciones_disponibles(procesal)
    response.headers["Location"] = f"{router.prefix}/{res['numero']}"
    return _etag(res, response)


@router.get("", response_model=Lista, responses=ERRORES_LECTURA, summary="Procedimientos, por RUC y estado")
async def listar(request: Request, actor: ActorAutenticado, ruc: str | None = None, estado: str | None = None,
                 limite: Annotated[int, Query(ge=1, le=500)] = 50, cursor: str | None = None) -> dict[str, Any]:
    """Lista paginada (``cursor`` = ultimo numero recibido). Una entidad solo ve los suyos."""
    if actor.oficina.startswith("ENTIDAD-"):
        ruc = actor.oficina.removeprefix("ENTIDAD-")
    exigir_lectura(actor, ruc)
    items, siguiente = await asyncio.to_thread(listar_expedientes, request.app.state.componentes.motor, ruc=ruc,
                                               estado=estado, limite=limite, cursor=cursor)
    return {"items": items, "siguiente": siguiente}


async def _leer(request: Request, actor: Any, ref: str, version: int | None, a_la_fecha: str | None) -> Any:
    app = aplicacion(request)
    exp = await asyncio.to_thread(app.expediente, ref)
    exigir_lectura(actor, exp.ruc)
    if a_la_fecha is not None:
        version = await asyncio.to_thread(version_a_la_fecha, app, exp.id, instante(a_la_fecha))
    if version is not None:
        exp = await asyncio.to_thread(app.expediente, str(exp.id), version)
    return app, exp, version


@router.get("/{ref}", response_model=ExpedientePublico, responses=ERRORES_LECTURA,
            summary="Un procedimiento: estado, plazos, decisiones, sancion y acciones del solicitante")
async def leer(ref: str, request: Request, response: Response, actor: ActorAutenticado,
               version: Annotated[int | None, Query(ge=1)] = None,
               a_la_fecha: Annotated[str | None, Query(examples=["2026-03-17"])] = None) -> dict[str, Any]:
    """Estado actual, en una ``version`` o ``a_la_fecha`` (reconstruido desde los eventos). ``calculo`` explica la
    sancion paso a paso, cada paso con su fundamento (D.S. 027-2007-RE arts. 11-14)."""
    app, exp, version = await _leer(request, actor, ref, version, a_la_fecha)
    datos = await asyncio.to_thread(app.estado_expediente, exp, _procesal_o_none(actor, exp.ruc), version is None)
    datos.setdefault("acciones_disponibles", [])
    return _etag(datos, response)


@router.get("/{ref}/calculo", response_model=Calculo, responses=ERRORES_LECTURA,
            summary="Explicacion paso a paso del calculo de la sancion y del regimen aplicado")
async def calculo(ref: str, request: Request, actor: ActorAutenticado) -> dict[str, Any]:
    """Tipificacion, exenciones, reiteracion (art. 13), atenuantes (art. 10), UIT aplicable (art. 1.m), escala
    (arts. 12, 14), topes (Ley 27692 art. 22.b) y regimen aplicado (Ley 27444 art. 230.5), con su supletoriedad."""
    _, exp, _ = await _leer(request, actor, ref, None, None)
    resultado = exp.resultado or (exp.propuesta or {}).get("calculo")
    eleccion = exp.eleccion_regimen or (exp.propuesta or {}).get("eleccion_regimen")
    return {"expediente": exp.correlacion, "version_reglamento": (resultado or {}).get("version", {}).get("id"),
            "eleccion_regimen": eleccion, "supletoriedad": (eleccion or {}).get("supletoriedad") or exp.supletoriedad,
            "resultado": resultado, "pasos": (resultado or {}).get("pasos", [])}


@router.post("/{ref}/acciones/{accion}", response_model=ExpedientePublico, responses=ERRORES_COMANDO,
             summary="Realizar un acto del procedimiento o de la ejecucion de su sancion")
async def actuar(ref: str, accion: str, cuerpo: ExpedienteAccion, request: Request, response: Response,
                 actor: ActorAutenticado) -> dict[str, Any]:
    """Cada acto lo realiza su organo (instructor DOC/DFS, CIS, Director Ejecutivo, la entidad) en el estado que lo
    permite (D.S. 027-2007-RE arts. 15-24); la apelacion suspende la ejecucion (art. 24). Actos de la ejecucion:
    ``verificar_subsanacion`` (DOC/DFS), ``registrar_pago``, ``iniciar_cobranza_coactiva`` (OGA, Ley 27692 4.t)."""
    app = aplicacion(request)
    exp = await asyncio.to_thread(app.expediente, ref)
    procesal = actor_procesal(actor, exp.ruc)
    if accion in ACCIONES:
        requeridos = tuple(c for c in ACCIONES[accion].campos if c not in _NO_REQUERIDOS)
    elif accion in ACCIONES_SANCION:
        requeridos = CAMPOS_SANCION[accion]
        if accion == "registrar_pago":
            exigir_organo(actor, "DOC", "DFS", "OGA")
    else:
        raise TransicionIlegal(accion, exp.estado, [a["accion"] for a in exp.acciones_disponibles(procesal)])
    datos = campos_de_accion(accion, cuerpo.model_dump(mode="python"), requeridos, OPCIONALES.get(accion, ()))
    hoy = fecha_acto(cuerpo.fecha_acto)
    el = next((datos[c] for c in _FECHAS if datos.get(c)), hoy)
    fn = partial(app.actuar_expediente, str(exp.id), accion, procesal, version_if_match(request), hoy=hoy, **datos)
    res = await ejecutar(request, actor, exp.correlacion, fn, fecha_negocio=el.isoformat())
    return _etag(res, response)
