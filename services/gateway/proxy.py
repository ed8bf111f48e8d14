"""Forwarding a request to its service: identity checked here first, then again by the service."""

from __future__ import annotations

import httpx
from fastapi import Request, Response

from services.gateway.enrutamiento import servicio_para
from shared.errores import NoEncontrado, ServicioNoDisponible
from shared.identidad.dependencias import actor_opcional

CABECERAS_REENVIADAS = ("authorization", "content-type", "idempotency-key", "if-match", "x-request-id",
                        "x-correlation-id", "traceparent", "accept")
CABECERAS_DEVUELTAS = ("content-type", "etag", "location", "x-request-id", "x-correlation-id",
                       "idempotent-replayed", "retry-after")


async def reenviar(request: Request, ruta: str) -> Response:
    servicio = servicio_para(ruta)
    if servicio is None:
        raise NoEncontrado(f"No existe el recurso {ruta}.")
    actor_opcional(request)  # a present but invalid token is refused here, before any service sees it
    base = request.app.state.config.urls_servicios.get(servicio)
    cliente: httpx.AsyncClient = request.app.state.componentes.extra["http"]
    cabeceras = {k: v for k, v in request.headers.items() if k.lower() in CABECERAS_REENVIADAS}
    # Forward the path exactly as received (still percent-encoded): the decoded one may hold control characters
    # that httpx refuses to put in a URL (InvalidURL, which is not an HTTPError: it was a 500).
    cruda = request.scope.get("raw_path", b"").decode("latin-1") or ruta
    try:
        r = await cliente.request(request.method, f"{base}{cruda}", params=request.query_params,
                                  content=await request.body(), headers=cabeceras)
    except httpx.InvalidURL:
        raise NoEncontrado(f"No existe el recurso {ruta!r}.") from None
    except httpx.HTTPError:
        raise ServicioNoDisponible(f"El servicio {servicio} no responde; reintente en unos segundos.") from None
    devueltas = {k: v for k, v in r.headers.items() if k.lower() in CABECERAS_DEVUELTAS}
    return Response(r.content, status_code=r.status_code, headers=devueltas)
