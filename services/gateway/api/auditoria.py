"""Auditors' routes on one file: online verification, the export bundle for the offline tool, step-by-step replay.

Read-only and for the ``auditor`` (or ``administrador``) role only; every other caller gets a 403 naming the right.
The caller's token is forwarded to each service, which checks the role again.
"""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from services.gateway import auditoria as aud
from shared.auditoria.reproduccion import pasos
from shared.auditoria.verificacion import verificar_paquete
from shared.errores import NoEncontrado
from shared.http.respuestas import ERRORES_COMANDO
from shared.identidad.dependencias import ActorAutenticado, exigir_rol

router = APIRouter(prefix="/api/v1/expedientes", tags=["auditoria"])
Numero = Annotated[str, Path(min_length=1, max_length=120)]
ROLES = ("auditor", "administrador")


class InformeServicio(BaseModel):
    servicio: str
    disponible: bool
    integro: bool
    eventos: int = 0
    streams: int = 0
    posicion_log: int | None = None
    checkpoints: list[dict[str, Any]] = []
    pendientes_en_gateway: int = 0
    hallazgos: list[dict[str, Any]] = []


class Verificacion(BaseModel):
    correlacion: str
    integro: bool
    servicios: list[InformeServicio]


class Reproduccion(BaseModel):
    correlacion: str
    verificado: bool
    hallazgos: list[dict[str, Any]]
    pasos: list[dict[str, Any]]


async def _evidencia(request: Request, numero: str) -> tuple[dict[str, Any], dict[str, Any]]:
    datos = aud.exigir_completo(await aud.recoger(request, numero))
    paquete = await aud.armar_paquete(request.app.state.componentes.motor, numero, datos)
    if not paquete["eventos"]:
        raise NoEncontrado(f"Ningun servicio tiene eventos del expediente {numero}.")
    return datos, paquete


@router.get("/{numero}/verificacion", response_model=Verificacion, responses=ERRORES_COMANDO,
            summary="Verifica en linea todo el historial del expediente en todos los servicios")
async def verificar(numero: Numero, request: Request, actor: ActorAutenticado) -> dict[str, Any]:
    """Por servicio: cadenas intactas y sin huecos, cada evento incluido en el log firmado, cada checkpoint (el de
    ahora y los recibidos antes por NATS) coincide con el log, y cada evento igual a la copia publicada en NATS."""
    exigir_rol(actor, *ROLES)
    datos = await aud.recoger(request, numero)
    motor = request.app.state.componentes.motor
    disponibles = {s: d for s, d in datos.items() if not isinstance(d, str)}
    paquete = await aud.armar_paquete(motor, numero, disponibles)
    hallazgos = await asyncio.to_thread(verificar_paquete, paquete)
    informes = []
    for servicio, d in datos.items():
        if isinstance(d, str):
            informes.append(InformeServicio(servicio=servicio, disponible=False, integro=False,
                                            hallazgos=[{"servicio": servicio, "motivo": d}]))
            continue
        propios = [h for h in hallazgos if h.servicio == servicio]
        contra_nats, pendientes = await asyncio.to_thread(aud.comparar_con_copia, motor, servicio, numero, d)
        seccion = next((s for s in paquete["checkpoints"] if s["servicio"] == servicio), {"firmados": []})
        todos = [h.a_dict() for h in propios + contra_nats]
        informes.append(InformeServicio(
            servicio=servicio, disponible=True, integro=not todos, eventos=len(d["eventos"]),
            streams=len({e["agregado_id"] for e in d["eventos"]}), posicion_log=d["hasta"],
            checkpoints=[{k: c[k] for k in ("posicion", "cantidad", "emitido_en", "clave_id")}
                         for c in seccion["firmados"]], pendientes_en_gateway=pendientes, hallazgos=todos))
    if not paquete["eventos"] and all(i.disponible for i in informes):
        raise NoEncontrado(f"Ningun servicio tiene eventos del expediente {numero}.")
    ajenos = [h.a_dict() for h in hallazgos if h.servicio not in datos]
    return {"correlacion": numero, "integro": all(i.integro for i in informes) and not ajenos, "servicios": informes}


@router.get("/{numero}/paquete", responses=ERRORES_COMANDO,
            summary="Paquete de auditoria del expediente, para verificarlo fuera de linea con cti-auditoria")
async def exportar(numero: Numero, request: Request, actor: ActorAutenticado) -> JSONResponse:
    """Eventos de todos los servicios, el log firmado de cada uno y sus checkpoints (el de ahora y los que el gateway
    recibio antes por NATS), con las claves publicas. Verifiquelo con ``cti-auditoria verificar PAQUETE``."""
    exigir_rol(actor, *ROLES)
    _, paquete = await _evidencia(request, numero)
    nombre = "".join(c if c.isalnum() or c in "-_." else "_" for c in numero)
    return JSONResponse(paquete, headers={"Content-Disposition": f'attachment; filename="paquete-{nombre}.json"'})


@router.get("/{numero}/reproduccion", response_model=Reproduccion, responses=ERRORES_COMANDO,
            summary="Reproduce el expediente evento por evento, con el estado tras cada uno")
async def reproducir(numero: Numero, request: Request, actor: ActorAutenticado,
                     estado_servicio: Annotated[bool, Query()] = False) -> dict[str, Any]:
    """``estado`` pliega los datos de los eventos; con ``estado_servicio=true`` cada paso trae ademas el agregado
    tal como lo reconstruye su servicio en esa version (``repository.get(id, version=n)``)."""
    exigir_rol(actor, *ROLES)
    _, paquete = await _evidencia(request, numero)
    hallazgos = await asyncio.to_thread(verificar_paquete, paquete)
    lista = list(pasos(paquete["eventos"]))
    if estado_servicio:
        await asyncio.gather(*(_estado_servicio(request, p) for p in lista))
    return {"correlacion": numero, "verificado": not hallazgos, "hallazgos": [h.a_dict() for h in hallazgos],
            "pasos": lista}


async def _estado_servicio(request: Request, paso: dict[str, Any]) -> None:
    base = request.app.state.config.urls_servicios[paso["servicio"]]
    r = await request.app.state.componentes.extra["http"].get(
        f"{base}/api/v1/auditoria/{paso['servicio']}/agregados/{paso['agregado_id']}",
        params={"version": paso["version"]}, headers={"authorization": request.headers.get("authorization", "")})
    paso["estado_servicio"] = r.json().get("estado") if r.status_code == 200 else {"error": r.status_code}
