"""``/api/v1/expedientes``: list and search files, open one, read it (as of a version or a date), act on it, see its
hops.

The routing history lives at ``/tramos``: ``/historial`` belongs to the gateway (the verifiable event history).
"""

from __future__ import annotations

import asyncio
from datetime import date
from functools import partial
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request, Response

from services.tramite import listado
from services.tramite.api.acceso import aplicacion, exigir_lectura, exigir_no_auditor, lectura_total
from services.tramite.api.documentos import emitido
from services.tramite.api.esquemas import (CODIGO, AccionEjecutar, ExpedienteAbrir, ExpedientePublico,
                                           ListaExpedientes, Tramos)
from services.tramite.aplicacion import NO_REGISTRADA
from shared.almacen.historia import instante, version_a_la_fecha
from shared.errores import DatosInvalidos
from shared.http.comandos import ejecutar, version_if_match
from shared.http.respuestas import ERRORES_COMANDO, ERRORES_LECTURA
from shared.identidad.dependencias import ActorAutenticado
from shared.programador import hoy_en_lima

router = APIRouter(prefix="/api/v1/expedientes", tags=["expedientes"])
Numero = Annotated[str, Path(pattern=r"^\d{4}-[A-Z0-9]+(-[A-Z0-9]+)*-\d{6}$", examples=["2026-MINSA-000001"])]


def _con_etag(datos: dict[str, Any], response: Response) -> dict[str, Any]:
    response.headers["ETag"] = f'"{datos["version"]}"'
    return datos


def _listar(app: Any, filtros: listado.Filtros, actor: Any, hoy: date, orden: str, cursor: str | None,
            limite: int) -> dict[str, Any]:
    listado.validar(filtros)
    despues = listado.leer_cursor(cursor, orden) if cursor else None
    lector = None if lectura_total(app, actor) else (actor.oficina or "")
    filas, hay_mas = listado.buscar(app.motor, filtros, hoy=hoy, lector=lector, orden=orden, despues=despues,
                                    limite=limite)
    for f in filas:
        dias = (f["proximo_vencimiento"] - hoy).days if f["proximo_vencimiento"] else None
        f.update(vencido=dias is not None and dias < 0, dias_para_vencer=dias)
    return {"items": filas, "siguiente": listado.cursor_de(orden, filas[-1]) if hay_mas else None, "hoy": hoy,
            "orden": orden}


@router.get("", response_model=ListaExpedientes, responses=ERRORES_LECTURA,
            summary="Buscar expedientes: por procedimiento, estado, promotor, oficina, fechas, vencidos, texto")
async def listar_expedientes(
    request: Request, actor: ActorAutenticado,
    procedimiento: Annotated[str | None, Query(max_length=60, examples=["P1-SOLICITUD-CTI"],
                                               description="Codigo del catalogo (GET /procedimientos)")] = None,
    estado: Annotated[str | None, Query(max_length=60, examples=["en_evaluacion_rectora"])] = None,
    promotor: Annotated[str | None, Query(pattern=CODIGO, examples=["ENTIDAD-20131312955"])] = None,
    oficina: Annotated[str | None, Query(pattern=CODIGO, examples=["APCI-DGNI"],
                                         description="Oficina que custodia ahora el expediente")] = None,
    participante: Annotated[str | None, Query(pattern=CODIGO, description="Oficina que intervino en algun tramo "
                                                                          "(remitente, destinatario o copia)")] = None,
    presentado_desde: Annotated[date | None, Query(examples=["2026-01-01"])] = None,
    presentado_hasta: Annotated[date | None, Query(examples=["2026-12-31"])] = None,
    vencidos: Annotated[bool | None, Query(description="Con un plazo abierto ya vencido a 'hoy' (o sin el)")] = None,
    extemporaneo: Annotated[bool | None, Query(description="Con algun acto fuera de su plazo legal")] = None,
    terminado: Annotated[bool | None, Query()] = None,
    numero: Annotated[str | None, Query(pattern=r"^[0-9A-Z-]{1,40}$", examples=["2026-MINSA-"],
                                        description="Prefijo del numero de expediente")] = None,
    texto: Annotated[str | None, Query(min_length=2, max_length=100, pattern=r"^[^\x00-\x1f\x7f]+$",
                                       examples=["salud materna"],
                                       description="Palabras de los datos de la presentacion (titulo, proyecto)")
                     ] = None,
    hoy: Annotated[date | None, Query(description="Dia para juzgar vencimientos; por defecto hoy en Lima")] = None,
    orden: Annotated[str, Query(pattern=listado.ORDEN,
                                description="numero, presentado_el o ultimo_acto; '-' descendente")] = "-presentado_el",
    limite: Annotated[int, Query(ge=1, le=500)] = 50,
    cursor: Annotated[str | None, Query(max_length=400, description="El valor de 'siguiente'")] = None,
) -> dict[str, Any]:
    """Una oficina ve los expedientes en que participo (promotor, remitente, destinatario o copia de algun tramo:
    R.S. 450-84-RE §1.5, cada instancia informa a las anteriores), como en ``GET /expedientes/{numero}``; la APCI,
    Cancilleria, auditores y administradores ven todos. ``extemporaneo`` marca los expedientes con un acto fuera de
    su plazo (p. ej. el informe semestral despues de los 30 dias, §5.5.1.g, o los terminos de referencia fuera de
    los 90 a 120 dias previos a la evaluacion, §6.5.2.a), que se reciben y se registran asi (T.U.O. Ley 27444 art.
    151.3). Paginacion por cursor, estable aunque se abran o muevan expedientes entre paginas."""
    filtros = listado.Filtros(
        procedimiento=procedimiento, estado=estado, promotor=promotor, oficina=oficina, participante=participante,
        presentado_desde=presentado_desde, presentado_hasta=presentado_hasta, vencidos=vencidos,
        extemporaneo=extemporaneo, terminado=terminado, numero=numero, texto=texto)
    comp = request.app.state.componentes
    if comp.proyector is not None:  # read-your-writes: include every act committed before this request
        await comp.proyector.alcanzar(await asyncio.to_thread(aplicacion(request).ultima_notificacion), 5)
    return await asyncio.to_thread(_listar, aplicacion(request), filtros, actor, hoy or hoy_en_lima(), orden, cursor,
                                   limite)


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
