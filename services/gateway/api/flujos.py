"""``/api/v1/flujos``: how far behind each service's stream the gateway's history is."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

router = APIRouter(prefix="/api/v1", tags=["historial"])


@router.get("/flujos", summary="Retraso del historial del gateway respecto de cada stream de NATS")
async def estado_flujos(request: Request) -> dict[str, Any]:
    """Para cada servicio: mensajes aun no aplicados al historial (``pendientes``) y si hay conexion con NATS."""
    comp = request.app.state.componentes
    resultado = []
    for c in comp.consumidores:
        try:
            resultado.append(await c.retraso())
        except Exception:
            resultado.append({"consumidor": c.nombre, "conectado": False, "pendientes": None})
    return {"flujos": resultado}
