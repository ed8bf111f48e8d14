"""Per-request plumbing: request and correlation ids (echoed in headers and logs), body size limit, metrics.

A plain ASGI middleware, not Starlette's ``BaseHTTPMiddleware``: that one runs every request through an extra task
and memory streams, which cost about a third of a millisecond per request per middleware (bench B1: a command
crosses two services, so four such layers).
"""

from __future__ import annotations

import time
import uuid
from typing import Any

from prometheus_client import Counter, Histogram
from starlette.datastructures import MutableHeaders
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from shared.http.problemas import problema, respuesta_inesperada
from shared.http.registro_log import id_correlacion, id_solicitud

SOLICITUDES = Counter("cti_http_solicitudes_total", "Solicitudes HTTP", ["servicio", "metodo", "status"])
LATENCIA = Histogram("cti_http_latencia_segundos", "Latencia HTTP", ["servicio", "metodo"],
                     buckets=(0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5))

MAX_CUERPO = 1_000_000  # 1 MB: documents are references, never blobs, so no legitimate body is larger


def cabecera(scope: Scope, nombre: bytes) -> str:
    for clave, valor in scope.get("headers") or ():
        if clave == nombre:
            return valor.decode("latin-1")
    return ""


class Contexto:
    def __init__(self, app: ASGIApp, servicio: str) -> None:
        self.app = app
        self.servicio = servicio

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        rid = (cabecera(scope, b"x-request-id") or str(uuid.uuid4()))[:100]
        cid = cabecera(scope, b"x-correlation-id")[:100]
        t1, t2 = id_solicitud.set(rid), id_correlacion.set(cid)
        inicio = time.perf_counter()
        estado: dict[str, Any] = {"status": 500, "iniciada": False}

        async def enviar(mensaje: Message) -> None:
            if mensaje["type"] == "http.response.start":
                estado["status"], estado["iniciada"] = mensaje["status"], True
                cabeceras = MutableHeaders(scope=mensaje)
                cabeceras["X-Request-ID"] = rid
                if cid:
                    cabeceras["X-Correlation-ID"] = cid
            await send(mensaje)

        try:
            largo = cabecera(scope, b"content-length")
            if largo.isdigit() and int(largo) > MAX_CUERPO:
                await problema(413, "cuerpo-demasiado-grande", "Cuerpo demasiado grande",
                               f"El cuerpo supera {MAX_CUERPO} bytes.", scope.get("path", ""))(scope, receive, enviar)
            else:
                try:
                    await self.app(scope, receive, enviar)
                except Exception as exc:  # answered here, not by uvicorn (which would drop the connection)
                    if estado["iniciada"]:
                        raise
                    await respuesta_inesperada(Request(scope), exc)(scope, receive, enviar)
        finally:
            id_solicitud.reset(t1)
            id_correlacion.reset(t2)
            SOLICITUDES.labels(self.servicio, scope["method"], str(estado["status"])).inc()
            LATENCIA.labels(self.servicio, scope["method"]).observe(time.perf_counter() - inicio)
