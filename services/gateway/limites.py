"""Rate limits per client at the front door: a token bucket per caller (token subject, else client address).

A ministry's integration that loops by mistake must not starve the other offices. Over the limit the answer is 429
problem+json with ``Retry-After``. Limits are settings (``CTI_LIMITE_SOLICITUDES_S``, ``CTI_LIMITE_RAFAGA``).
"""

from __future__ import annotations

import hashlib
import math
import time

from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.requests import Request
from starlette.responses import Response

from shared.http.problemas import problema


class LimiteSolicitudes(BaseHTTPMiddleware):
    def __init__(self, app, por_segundo: float, rafaga: int) -> None:  # type: ignore[no-untyped-def]
        super().__init__(app)
        self.por_segundo = por_segundo
        self.rafaga = rafaga
        self._cubetas: dict[str, tuple[float, float]] = {}

    def _clave(self, request: Request) -> str:
        autorizacion = request.headers.get("authorization", "")
        if autorizacion:
            return hashlib.sha256(autorizacion.encode()).hexdigest()[:24]
        return f"ip:{request.client.host if request.client else '?'}"

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        if not request.url.path.startswith("/api/"):
            return await call_next(request)
        clave = self._clave(request)
        ahora = time.monotonic()
        fichas, antes = self._cubetas.get(clave, (float(self.rafaga), ahora))
        fichas = min(self.rafaga, fichas + (ahora - antes) * self.por_segundo)
        if fichas < 1:
            espera = math.ceil((1 - fichas) / self.por_segundo)
            r = problema(429, "demasiadas-solicitudes", "Demasiadas solicitudes",
                         f"Limite de {self.por_segundo:g} solicitudes por segundo por cliente.", request.url.path)
            r.headers["Retry-After"] = str(espera)
            self._cubetas[clave] = (fichas, ahora)
            return r
        self._cubetas[clave] = (fichas - 1, ahora)
        if len(self._cubetas) > 100_000:
            self._cubetas.clear()
        return await call_next(request)
