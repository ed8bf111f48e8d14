"""``/api/v1/expertos``: foreign experts and volunteers in the Registro Nacional de Expertos y Voluntarios (arrival,
official presentation, registration, service, extension by the Foreign Ministry, conclusion or cancellation)."""

from __future__ import annotations

import functools
from typing import Any

from fastapi import APIRouter, Request, Response

from services.registro.api import rutas_registro as rr
from services.registro.api.acciones_registro import EXPERTO
from services.registro.api.esquemas_registro import EstadoAgregado, ExpertoCrear
from shared.http.comandos import ejecutar
from shared.http.respuestas import ERRORES_COMANDO
from shared.identidad.dependencias import ActorAutenticado

router = APIRouter(prefix="/api/v1/expertos", tags=["expertos"])


@router.post("", status_code=201, response_model=EstadoAgregado, responses=ERRORES_COMANDO,
             summary="Registrar el ingreso al pais de un experto o voluntario")
async def registrar_ingreso(cuerpo: ExpertoCrear, request: Request, response: Response,
                            actor: ActorAutenticado) -> dict[str, Any]:
    """La unidad ejecutora registra el ingreso del experto o voluntario de su intervencion (D.S. 015-92-PCM arts.
    13-17, 29-30; R.S. 450-84-RE cap. II): contraparte nacional, experiencia, castellano, estadia maxima de 3 anios.
    Abre el plazo de 7 dias para la presentacion oficial (art. 17)."""
    rr.exigir_escritura(actor)
    hoy = rr.fecha_del_acto(cuerpo, "fecha_ingreso")
    datos = rr.argumentos(cuerpo, [k for k in ExpertoCrear.model_fields if k not in ("fecha", "adjuntos")])
    comando = functools.partial(rr.app_de(request).registrar_experto, hoy=hoy, **datos)
    res = await ejecutar(request, actor, cuerpo.ruc_unidad_ejecutora, comando, documentos=rr.adjuntos(cuerpo),
                         fecha_negocio=hoy.isoformat())
    response.headers["Location"] = f"/api/v1/expertos/{res['id']}"
    return rr.con_etag(res, response)


rr.montar(router, "experto", EXPERTO, "Experto")
