"""Per-request plumbing: request and correlation ids (echoed in headers and logs), body size limit, metrics."""

from __future__ import annotations

import time
import uuid

from prometheus_client import Counter, Histogram
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.requests import Request
from starlette.responses import Response

from shared.http.problemas import problema, respuesta_inesperada
from shared.http.registro_log import id_correlacion, id_solicitud

SOLICITUDES = Counter("cti_http_solicitudes_total", "Solicitudes HTTP", ["servicio", "metodo", "status"])
LATENCIA = Histogram("cti_http_latencia_segundos", "Latencia HTTP", ["servicio", "metodo"],
                     buckets=(0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5))

MAX_CUERPO = 1_000_000  # 1 MB: documents are references, never blobs, so no legitimate body is larger


class Contexto(BaseHTTPMiddleware):
    def __init__(self, app, servicio: str) -> None:  # type: ignore[no-untyped-def]
        super().__init__(app)
        self.servicio = servicio

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        rid = request.headers.get("x-request-id") or str(uuid.uuid4())
        cid = request.headers.get("x-correlation-id") or ""
        t1 = id_solicitud.set(rid[:100])
        t2 = id_correlacion.set(cid[:100])
        inicio = time.perf_counter()
        try:
            largo = request.headers.get("content-length")
            if largo and largo.isdigit() and int(largo) > MAX_CUERPO:
                respuesta: Response = problema(413, "cuerpo-demasiado-grande", "Cuerpo demasiado grande",
                                               f"El cuerpo supera {MAX_CUERPO} bytes.", request.url.path)
            else:
                try:
                    respuesta = await call_next(request)
                except Exception as exc:  # answered here, not by uvicorn (which would drop the connection)
                    respuesta = respuesta_inesperada(request, exc)
        finally:
            id_solicitud.reset(t1)
            id_correlacion.reset(t2)
        respuesta.headers["X-Request-ID"] = rid[:100]
        if cid:
            respuesta.headers["X-Correlation-ID"] = cid[:100]
        SOLICITUDES.labels(self.servicio, request.method, str(respuesta.status_code)).inc()
        LATENCIA.labels(self.servicio, request.method).observe(time.perf_counter() - inicio)
        return respuesta
