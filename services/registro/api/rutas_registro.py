"""Routes every registry resource shares: ``GET /{id}`` (state, ETag, actions, ``?version``, ``?a_la_fecha``) and one
``POST /{id}/acciones/{accion}`` per transition of the domain's action table (bodies from ``acciones_registro``).

Who may read: the entity itself (office ``ENTIDAD-<RUC>``), APCI's registry keeper and Director Ejecutivo, the
Foreign Ministry (experts), auditors and administrators; everyone else reads only the public registry. Who may act is
decided by the domain (``permisos``); auditors are refused every write here, before the domain is asked.
(No ``from __future__ import annotations``: the routes' body types are built at run time.)
"""

import asyncio
import functools
from datetime import date
from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Query, Request, Response
from pydantic import create_model

from services.registro.api.acciones_registro import Spec
from services.registro.api.esquemas_registro import ConFecha, EstadoAgregado
from services.registro.aplicacion import RECURSOS, ruc_de
from services.registro.domain import permisos
from shared.almacen.historia import instante, version_a_la_fecha
from shared.errores import DatosInvalidos, NoEncontrado, SinDerecho
from shared.eventos.sobre import Actor
from shared.http.comandos import ejecutar, version_if_match
from shared.http.respuestas import ERRORES_COMANDO, ERRORES_LECTURA
from shared.identidad.dependencias import ActorAutenticado
from shared.programador import hoy_en_lima

LECTORES = (permisos.REGISTRADOR, permisos.DIRECTOR_EJECUTIVO, permisos.CANCILLERIA, permisos.SISTEMA)


def app_de(request: Request) -> Any:
    return request.app.state.componentes.aplicacion


def puede_leer(actor: Actor, ruc: str) -> bool:
    return bool({"auditor", "administrador"} & set(actor.roles)) or actor.oficina == permisos.oficina_entidad(ruc) \
        or any(permisos.cumple(actor, p) for p in LECTORES)


def exigir_lectura(actor: Actor, ruc: str) -> None:
    if not puede_leer(actor, ruc):
        raise SinDerecho(f"{actor.persona} ({actor.oficina}) solo puede consultar el registro publico.",
                         derecho_requerido=f"entidad@ENTIDAD-{ruc} | registrador@APCI-DOC | "
                                           "director_ejecutivo@APCI-DE | auditor | administrador")


def exigir_escritura(actor: Actor) -> None:
    if "auditor" in actor.roles:
        raise SinDerecho("Los auditores consultan y verifican; no realizan actos.",
                         derecho_requerido="entidad | registrador | director_ejecutivo | cancilleria")


def fecha_del_acto(cuerpo: Any, campo: str | None) -> date:
    """The act's date: ``fecha`` if given, else the act's own date field, else today (Lima); never in the future."""
    nombre, valor = "fecha", cuerpo.fecha
    if valor is None and campo is not None:
        nombre, valor = campo, functools.reduce(lambda o, k: getattr(o, k), campo.split("."), cuerpo)
    valor = valor or hoy_en_lima()
    if valor > hoy_en_lima():
        raise DatosInvalidos(f"Dato invalido en '{nombre}': un acto no puede tener fecha futura.",
                             errores=[{"campo": nombre, "mensaje": f"no puede ser posterior a hoy ({hoy_en_lima()})"}])
    return valor


def argumentos(cuerpo: Any, campos: Any) -> dict[str, Any]:
    """The body's fields as the domain takes them (nested models become dicts with ``date`` values)."""
    return {k: (v.model_dump() if hasattr(v, "model_dump") else v)
            for k, v in ((k, getattr(cuerpo, k)) for k in campos)}


def adjuntos(cuerpo: Any) -> list[dict[str, Any]]:
    return [a.model_dump(exclude_none=True) for a in cuerpo.adjuntos]


def con_etag(datos: dict[str, Any], response: Response) -> dict[str, Any]:
    response.headers["ETag"] = f'"{datos["version"]}"'
    return datos


def montar(router: APIRouter, recurso: str, especificaciones: dict[str, Spec], etiqueta: str) -> None:
    """Add the GET of one aggregate and a POST per action of ``especificaciones`` to ``router``."""
    clase, acciones, nombre = RECURSOS[recurso]

    async def leer(agregado_id: UUID, request: Request, response: Response, actor: ActorAutenticado,
                   version: Annotated[int | None, Query(ge=1)] = None,
                   a_la_fecha: Annotated[str | None, Query(max_length=40, examples=["2026-04-15"])] = None,
                   ) -> dict[str, Any]:
        app = app_de(request)

        def _leer() -> dict[str, Any]:
            v = version
            if a_la_fecha is not None:
                try:
                    cuando = instante(a_la_fecha)
                except ValueError:
                    raise DatosInvalidos("Fecha invalida.", [{"campo": "a_la_fecha", "mensaje": "ISO 8601"}]) from None
                v = version_a_la_fecha(app, agregado_id, cuando)
            agg = app.agregado(recurso, agregado_id, v)
            if not isinstance(agg, clase):
                raise NoEncontrado(f"No existe {nombre}.")
            exigir_lectura(actor, ruc_de(agg))
            actual = v is None
            return {**agg.a_dict(), "acciones_disponibles": agg.acciones_disponibles(actor) if actual else []}

        return con_etag(await asyncio.to_thread(_leer), response)

    leer.__doc__ = (f"Estado de {nombre} (o en la ``version`` pedida, o ``a_la_fecha`` de negocio: reconstruido "
                    "desde los eventos) con las acciones que el solicitante puede realizar ahora; ``ETag`` = version.")
    router.add_api_route("/{agregado_id}", leer, methods=["GET"], response_model=EstadoAgregado,
                         responses={**ERRORES_LECTURA, 403: ERRORES_COMANDO[403]}, name=f"leer_{recurso}",
                         summary=f"Estado de {nombre} con sus acciones disponibles")
    for accion, spec in especificaciones.items():
        router.add_api_route(f"/{{agregado_id}}/acciones/{accion}", _accion(recurso, accion, spec, acciones, etiqueta),
                             methods=["POST"], response_model=EstadoAgregado, responses=ERRORES_COMANDO,
                             name=f"{recurso}_{accion}", summary=spec.resumen)


def _accion(recurso: str, accion: str, spec: Spec, acciones: dict, etiqueta: str) -> Any:
    modelo = create_model(f"{etiqueta}_{accion}", __base__=ConFecha, **spec.campos)
    modelo.model_config["json_schema_extra"] = {"examples": [spec.ejemplo]}
    modelo.model_rebuild(force=True)
    usa_hoy = "hoy" in acciones[accion].campos

    async def manejar(agregado_id: UUID, cuerpo: modelo, request: Request, response: Response,  # type: ignore
                      actor: ActorAutenticado) -> dict[str, Any]:
        exigir_escritura(actor)
        hoy = fecha_del_acto(cuerpo, spec.campo_fecha)
        args = argumentos(cuerpo, spec.campos) | ({"hoy": hoy} if usa_hoy else {})
        comando = functools.partial(app_de(request).actuar, recurso, agregado_id, accion, version_if_match(request),
                                    **args)
        res = await ejecutar(request, actor, None, comando, documentos=adjuntos(cuerpo),
                             fecha_negocio=hoy.isoformat())
        return con_etag(res, response)

    manejar.__doc__ = f"Fundamento legal: {spec.fundamento}. Acepta ``If-Match`` con la version esperada."
    return manejar
