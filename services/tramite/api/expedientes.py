"""``/api/v1/expedientes``: open a cooperation file, read it (as of a version or a date), act on it, see its hops.

The routing history lives at ``/tramos``: ``/historial`` belongs to the gateway (the verifiable event history).
"""

from __future__ import annotations

import asyncio
from functools import partial
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request, Response

from services.tramite.api.acceso import aplicacion, exigir_lectura, exigir_no_auditor
from services.tramite.api.documentos import emitido
from services.tramite.api.esquemas import AccionEjecutar, ExpedienteAbrir, ExpedientePublico, Tramos
from services.tramite.aplicacion import NO_REGISTRADA
from shared.almacen.historia import instante, version_a_la_fecha
from shared.errores import DatosInvalidos
from shared.http.comandos import ejecutar, version_if_match
from shared.http.respuestas import ERRORES_COMANDO, ERRORES_LECTURA
from shared.identidad.dependencias import ActorAutenticado

router = APIRouter(prefix="/api/v1/expedientes", tags=["expedientes"])
Numero = Annotated[str, Path(pattern=r"^\d{4}-[A-Z0-9]+(-[A-Z0-9]+)*-\d{6}$", examples=["2026-MINSA-000001"])]


def _con_etag(datos: dict[str, Any], response: Response) -> dict[str, Any]:
    response.headers["ETag"] = f'"{datos["version"]}"'
    return datos


@router.post("", status_code=201, response_model=ExpedientePublico, responses=ERRORES_COMANDO,
             summary="Presentar una solicitud: abre el expediente y le asigna numero")
async def abrir_expediente(cuerpo: ExpedienteAbrir, request: Request, response: Response,
                           actor: ActorAutenticado) -> dict[str, Any]:
    """La solicitud se presenta ante el organo responsable de su nivel, o por las vias directas que preve la norma
    (D.S. 015-92-PCM arts. 48-57; R.S. 450-84-RE §1.4-1.6.2; Ley 27692 art. 5). El numero es
    ``<anio>-<SIGLA>-<secuencia>``, con la sigla de la oficina que recibe (MINSA-CTI -> MINSA)."""
    exigir_no_auditor(actor)
    app = aplicacion(request)
    datos = cuerpo.model_dump(mode="json", exclude={"presentado_el", "documentos"})
    fn = partial(app.abrir_expediente, documentos=[d.model_dump(mode="json") for d in cuerpo.documentos])
    res = await ejecutar(request, actor, None, fn, presentado_el=cuerpo.presentado_el,
                         fecha_negocio=cuerpo.presentado_el.isoformat(), **datos)
    response.headers["Location"] = f"/api/v1/expedientes/{res['numero']}"
    return _con_etag(res, response)


def _leer(app: Any, numero: str, actor: Any, version: int | None, a_la_fecha: str | None) -> dict[str, Any]:
    exp = app.expediente(numero)
    exigir_lectura(app, exp, actor)
    if version is not None and a_la_fecha is not None:
        raise DatosInvalidos("Use version o a_la_fecha, no ambos.", [{"campo": "a_la_fecha", "mensaje": "o version"}])
    if a_la_fecha is not None:
        try:
            cuando = instante(a_la_fecha)
        except ValueError:
            raise DatosInvalidos("Fecha invalida.", [{"campo": "a_la_fecha", "mensaje": "ISO 8601"}]) from None
        version = version_a_la_fecha(app, exp.id, cuando)
    historico = version is not None and version != exp.version
    vista = app.expediente(numero, version) if historico else exp
    datos = vista.a_dict()
    datos["acciones_disponibles"] = [] if historico else vista.acciones_disponibles(
        actor, app.tipo_oficina(actor.oficina) or NO_REGISTRADA)
    return datos


@router.get("/{numero}", response_model=ExpedientePublico, responses={**ERRORES_LECTURA, 403: ERRORES_COMANDO[403]},
            summary="Un expediente: estado, custodia, plazos y las acciones que el solicitante puede realizar ahora")
async def leer_expediente(numero: Numero, request: Request, response: Response, actor: ActorAutenticado,
                          version: Annotated[int | None, Query(ge=1)] = None,
                          a_la_fecha: Annotated[str | None, Query(examples=["2026-03-15"])] = None) -> dict[str, Any]:
    """Estado actual, en la ``version`` pedida o ``a_la_fecha`` (reconstruido desde los eventos hasta esa fecha de
    negocio). Lo leen las oficinas que participaron, la APCI, Cancilleria, auditores y administradores."""
    datos = await asyncio.to_thread(_leer, aplicacion(request), numero, actor, version, a_la_fecha)
    return _con_etag(datos, response)


@router.post("/{numero}/acciones/{accion}", response_model=ExpedientePublico, responses=ERRORES_COMANDO,
             summary="Realizar un acto del procedimiento (derivar, devolver, oficializar...) desde la custodia")
async def ejecutar_accion(numero: Numero, accion: Annotated[str, Path(pattern=r"^[a-z_]{3,60}$")],
                          cuerpo: AccionEjecutar, request: Request, response: Response,
                          actor: ActorAutenticado) -> dict[str, Any]:
    """Solo la oficina que custodia el expediente actua (403 ``custodia del expediente``); cada acto cita su base
    legal (ver ``acciones_disponibles`` y ``GET /procedimientos``). ``If-Match`` con la version evita actuar sobre un
    estado ya cambiado (409). El cargo de recepcion inicia los plazos (Ley 27444, art. 145). Con
    ``documento_emitido`` el documento que el acto produce (resolucion, oficio) se registra en el DMS con el numero
    del expediente y su referencia verificada (SHA-256) queda en el evento (D. Leg. 1310 art. 8; R.S.G.D.
    001-2017-PCM/SEGDI, Modelo de Gestion Documental); sin DMS configurado responde 503."""
    exigir_no_auditor(actor)
    app = aplicacion(request)
    negocio = cuerpo.fecha_cargo or cuerpo.fecha
    fn = partial(app.ejecutar_accion, documentos=[d.model_dump(mode="json")
                                                  for d in cuerpo.documentos],
                 documento_emitido=emitido(cuerpo.documento_emitido))
    res = await ejecutar(request, actor, numero, fn, numero, accion, version_if_match(request), fecha=cuerpo.fecha,
                         datos=cuerpo.datos_del_acto(), fecha_cargo=cuerpo.fecha_cargo,
                         fecha_negocio=negocio.isoformat() if negocio else None)
    return _con_etag(res, response)


def _tramos(app: Any, numero: str, actor: Any, limite: int, cursor: int) -> dict[str, Any]:
    exp = app.expediente(numero)
    exigir_lectura(app, exp, actor)
    todos = [t for t in exp.historial() if t["n"] > cursor]
    items = todos[:limite]
    return {"numero": numero, "version": exp.version, "items": items,
            "siguiente": str(items[-1]["n"]) if len(todos) > limite else None}


@router.get("/{numero}/tramos", response_model=Tramos, responses={**ERRORES_LECTURA, 403: ERRORES_COMANDO[403]},
            summary="Los tramos del expediente: remitente, destinatario, copias, documento, cargo, observaciones")
async def listar_tramos(numero: Numero, request: Request, response: Response, actor: ActorAutenticado,
                        limite: Annotated[int, Query(ge=1, le=500)] = 50,
                        cursor: Annotated[int, Query(ge=0)] = 0) -> dict[str, Any]:
    """Cada salto del expediente con quien lo hizo y su fundamento (R.S. 450-84-RE §1.5: cada instancia remite con
    oficio y copia a las anteriores). ``cursor`` es el numero del ultimo tramo ya leido."""
    datos = await asyncio.to_thread(_tramos, aplicacion(request), numero, actor, limite, cursor)
    return _con_etag(datos, response)
