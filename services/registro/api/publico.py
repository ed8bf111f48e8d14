"""The public face of the registries, open to anyone without a token: search of the registry of entities
(ONGD, ENIEX, IPREDA), an entity's record across registries, the experts registry and the check of a constancia.

Publicity of the registries: Ley 27692 art. 4(m) (APCI keeps them) and the annual declarations' publication
(Directivas 001/002/003-2009-APCI/DOC). Applications still in procedure are shown only to APCI's staff and auditors.
"""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request

from services.registro.api import consultas
from services.registro.api.esquemas_registro import Entidad, Pagina, RegistroNombre, VerificacionConstancia
from services.registro.api.rutas_registro import LECTORES, exigir_lectura
from services.registro.domain import permisos
from services.registro.domain.validacion import validar_ruc
from shared.errores import NoEncontrado
from shared.eventos.sobre import Actor
from shared.http.respuestas import ERRORES_LECTURA
from shared.identidad.dependencias import ActorAutenticado, ActorOpcional

router = APIRouter(prefix="/api/v1", tags=["registros"])

Limite = Annotated[int, Query(ge=1, le=500)]
Cursor = Annotated[str | None, Query(max_length=80)]
SUBCADENA = "Subcadena de la razon social; sin distinguir mayusculas ni tildes"


def _personal(actor: Actor) -> bool:
    """APCI's registry staff, the Foreign Ministry, auditors and administrators also see files in procedure."""
    return bool({"auditor", "administrador"} & set(actor.roles)) or any(permisos.cumple(actor, p) for p in LECTORES)


def _motor(request: Request) -> Any:
    return request.app.state.componentes.motor


@router.get("/registros/publico", response_model=Pagina, responses=ERRORES_LECTURA,
            summary="Buscar en el registro publico de entidades (ONGD, ENIEX, IPREDA)")
async def buscar(request: Request, actor: ActorOpcional,
                 ruc: Annotated[str | None, Query(max_length=11)] = None,
                 nombre: Annotated[str | None, Query(min_length=2, max_length=100, description=SUBCADENA)] = None,
                 registro: RegistroNombre | None = None,
                 estado: Annotated[str | None, Query(max_length=40)] = None,
                 departamento: Annotated[str | None, Query(max_length=40)] = None,
                 limite: Limite = 50, cursor: Cursor = None) -> dict[str, Any]:
    """Registro publico (Ley 27692 art. 4(m)): RUC, razon social, registro, estado, departamento, numero y fechas de
    inscripcion y si sus beneficios estan suspendidos. Paginado con ``cursor``."""
    filtros = {"ruc": ruc, "nombre": nombre, "registro": registro, "estado": estado, "departamento": departamento}
    items, siguiente = await asyncio.to_thread(consultas.buscar, _motor(request), filtros=filtros, limite=limite,
                                               cursor=cursor, todas=_personal(actor))
    return {"items": items, "siguiente": siguiente}


@router.get("/entidades/{ruc}", response_model=Entidad, responses=ERRORES_LECTURA,
            summary="Ficha publica de una entidad en todos los registros")
async def entidad(ruc: str, request: Request, actor: ActorOpcional) -> dict[str, Any]:
    """Las inscripciones de un RUC en los registros de ONGD, ENIEX e IPREDA, vigentes o historicas."""
    ruc = validar_ruc(ruc)
    items = await asyncio.to_thread(consultas.entidad, _motor(request), ruc, _personal(actor))
    if not items:
        raise NoEncontrado(f"El RUC {ruc} no figura en los registros de la APCI.")
    return {"ruc": ruc, "razon_social": items[-1]["razon_social"], "inscripciones": items}


@router.get("/registros/expertos", response_model=Pagina, responses=ERRORES_LECTURA,
            summary="Registro Nacional de Expertos y Voluntarios")
async def expertos(request: Request, actor: ActorOpcional,
                   ruc_unidad_ejecutora: Annotated[str | None, Query(max_length=11)] = None,
                   estado: Annotated[str | None, Query(max_length=30)] = None,
                   limite: Limite = 50, cursor: Cursor = None) -> dict[str, Any]:
    """Expertos y voluntarios inscritos (D.S. 028-2007-RE art. 43(a); D.S. 015-92-PCM arts. 13-18, 29-30)."""
    items, siguiente = await asyncio.to_thread(consultas.expertos_registrados, _motor(request),
                                               ruc=ruc_unidad_ejecutora, estado=estado, limite=limite, cursor=cursor,
                                               todos=_personal(actor))
    return {"items": items, "siguiente": siguiente}


@router.get("/registros/expertos/aceptados", response_model=Pagina, responses=ERRORES_LECTURA,
            summary="Candidaturas de expertos aceptadas en tramite (por inscribir)")
async def aceptados(request: Request, actor: ActorAutenticado) -> dict[str, Any]:
    """Candidaturas del procedimiento P2 aceptadas por Cancilleria o elevadas para inscripcion (R.S. 450-84-RE
    2.5.5; D.S. 015-92-PCM art. 17), tal como las publica tramite: lo que el registrador espera inscribir."""
    exigir_lectura(actor, "")
    return {"items": await asyncio.to_thread(consultas.aceptados, _motor(request)), "siguiente": None}


@router.get("/registros/constancias/{codigo}", response_model=VerificacionConstancia, responses=ERRORES_LECTURA,
            summary="Verificar una constancia de inscripcion por su codigo")
async def verificar(codigo: Annotated[str, Path(max_length=40)], request: Request) -> dict[str, Any]:
    """El codigo impreso en la constancia identifica el evento que otorgo la inscripcion (su hash SHA-256)."""
    datos = await asyncio.to_thread(consultas.constancia, _motor(request), codigo)
    if datos is None:
        raise NoEncontrado("No existe una constancia con ese codigo.")
    return datos
