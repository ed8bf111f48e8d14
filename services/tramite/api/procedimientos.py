"""``/api/v1/procedimientos``: the catalogue of procedures as data, every version with its acts, deadlines and citations.

Public: the law the engine applies is public, and offices need it to know what each act requires before acting.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Query

from services.tramite.api.esquemas import Procedimientos
from services.tramite.domain.procedimientos import CATALOGO
from shared.eventos.sobre import a_json
from shared.http.respuestas import ERRORES_LECTURA

router = APIRouter(prefix="/api/v1/procedimientos", tags=["procedimientos"])


def _publico(proc: Any) -> dict[str, Any]:
    datos = a_json(asdict(proc))
    for grupo in ("entradas", "acciones"):
        for item, original in zip(datos[grupo], getattr(proc, grupo), strict=True):
            for plazo, p in zip(item["plazos"], original.plazos, strict=True):
                plazo["evento_al_vencer"] = p.evento_al_vencer
    return datos


@router.get("", response_model=Procedimientos, responses=ERRORES_LECTURA,
            summary="Catalogo de procedimientos: versiones, entradas, acciones, plazos y fundamentos legales")
async def listar_procedimientos(codigo: Annotated[str | None, Query(examples=["P1-SOLICITUD-CTI"])] = None,
                                limite: Annotated[int, Query(ge=1, le=500)] = 50,
                                cursor: Annotated[int, Query(ge=0)] = 0) -> dict[str, Any]:
    """Cada expediente conserva la version del procedimiento vigente a su presentacion (D.S. 015-92-PCM; R.S.
    450-84-RE; Ley 27692; Ley 28905): la norma es dato, versionado, con su cita."""
    todos = sorted((p for p in CATALOGO.todos() if codigo in (None, p.codigo)), key=lambda p: (p.codigo, p.version))
    items = [_publico(p) for p in todos[cursor:cursor + limite]]
    return {"items": items, "siguiente": str(cursor + limite) if cursor + limite < len(todos) else None}
