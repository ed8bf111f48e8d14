"""Rate limits per client at the front door: a token bucket per caller (token subject, else client address).

A ministry's integration that loops by mistake must not starve the other offices. Over the limit the answer is 429
problem+json with ``Retry-After``. Limits are settings (``CTI_LIMITE_SOLICITUDES_S``, ``CTI_LIMITE_RAFAGA``).
"""

from __future__ import annotations

import hashlib
import math
import time

from starlette.types import ASGIApp, Receive, Scope, Send

from shared.http.middleware import cabecera
from shared.http.problemas import problema


class LimiteSolicitudes:
    """Plain ASGI (see ``shared.http.middleware``): no extra task per request."""

    def __init__(self, app: ASGIApp, por_segundo: float, rafaga: int) -> None:
        self.app = app
        self.por_segundo = por_segundo
        self.rafaga = rafaga
        self._cubetas: dict[str, tuple[float, float]] = {}

    @staticmethod
    def _clave(scope: Scope) -> str:
        autorizacion = cabecera(scope, b"authorization")
        if autorizacion:
            return hashlib.sha256(autorizacion.encode()).hexdigest()[:24]
        cliente = scope.get("client")
        return f"ip:{cliente[0] if cliente else '?'}"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith("/api/"):
            await self.app(scope, receive, send)
            return
        clave = self._clave(scope)
        ahora = time.monotonic()
        fichas, antes = self._cubetas.get(clave, (float(self.rafaga), ahora))
        fichas = min(self.rafaga, fichas + (ahora - antes) * self.por_segundo)
        if fichas < 1:
            espera = math.ceil((1 - fichas) / self.por_segundo)
            r = problema(429, "demasiadas-solicitudes", "Demasiadas solicitudes",
                         f"Limite de {self.por_segundo:g} solicitudes por segundo por cliente.", scope["path"])
            r.headers["Retry-After"] = str(espera)
            self._cubetas[clave] = (fichas, ahora)
            await r(scope, receive, send)
            return
        self._cubetas[clave] = (fichas - 1, ahora)
        if len(self._cubetas) > 100_000:
            self._cubetas.clear()
        await self.app(scope, receive, send)
