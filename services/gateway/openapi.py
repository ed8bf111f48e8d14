"""One OpenAPI document for the whole suite: the gateway's own routes plus every service's public API.

Each service publishes its own document; the gateway merges the ``/api/v1`` paths it routes to that service and their
schemas, so a client generator sees one API. A service that is down is fetched again on the next request.
"""

from __future__ import annotations

from typing import Any

import httpx
from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from services.gateway.enrutamiento import servicio_para


def instalar(app: FastAPI) -> None:
    cache: dict[str, dict[str, Any]] = {}

    def openapi() -> dict[str, Any]:
        doc = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
        urls = app.state.config.urls_servicios
        for servicio, base in urls.items():
            if servicio not in cache:
                try:
                    cache[servicio] = httpx.get(f"{base}/openapi.json", timeout=3).json()
                except Exception:
                    continue
            _fusionar(doc, cache[servicio], servicio)
        doc.setdefault("components", {}).setdefault("securitySchemes", {})["bearer"] = {
            "type": "http", "scheme": "bearer", "bearerFormat": "JWT (EdDSA)"}
        return doc

    app.openapi = openapi  # type: ignore[method-assign]


def _fusionar(doc: dict[str, Any], otro: dict[str, Any], servicio: str) -> None:
    for ruta, ops in otro.get("paths", {}).items():
        if servicio_para(ruta) == servicio:
            # per method: the gateway answers GET /api/v1/oficinas itself, the service still owns its POST
            destino = doc["paths"].setdefault(ruta, {})
            for metodo, op in ops.items():
                destino.setdefault(metodo, op)
    esquemas = doc.setdefault("components", {}).setdefault("schemas", {})
    for nombre, esquema in otro.get("components", {}).get("schemas", {}).items():
        esquemas.setdefault(nombre, esquema)
