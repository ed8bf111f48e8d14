"""The gateway's explicit routing table: API path prefix -> owning service.

Clients see one API; paths name resources, not services (api-conventions). Longest prefix wins. Routes the gateway
answers itself (history, offices list, tokens) are registered before the proxy and never reach this table.
"""

from __future__ import annotations

TABLA: dict[str, str] = {
    "/api/v1/oficinas": "registro",
    "/api/v1/entidades": "registro",
    "/api/v1/inscripciones": "registro",
    "/api/v1/expertos": "registro",
    "/api/v1/obligaciones-anuales": "registro",
    "/api/v1/registros": "registro",
    "/api/v1/auditoria/registro": "registro",
    "/api/v1/expedientes": "tramite",
    "/api/v1/bandeja": "tramite",
    "/api/v1/procedimientos": "tramite",
    "/api/v1/auditoria/tramite": "tramite",
    "/api/v1/fiscalizaciones": "fiscalizacion",
    "/api/v1/planes-fiscalizacion": "fiscalizacion",
    "/api/v1/denuncias": "fiscalizacion",
    "/api/v1/procedimientos-sancionadores": "fiscalizacion",
    "/api/v1/sanciones": "fiscalizacion",
    "/api/v1/auditoria/fiscalizacion": "fiscalizacion",
}

_ORDENADOS = sorted(TABLA.items(), key=lambda kv: len(kv[0]), reverse=True)


def servicio_para(ruta: str) -> str | None:
    for prefijo, servicio in _ORDENADOS:
        if ruta == prefijo or ruta.startswith(prefijo + "/"):
            return servicio
    return None
