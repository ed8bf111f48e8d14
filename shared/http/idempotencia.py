"""``Idempotency-Key`` on POST: a retry with the same key and body returns the first response, once.

The key is scoped to the caller (the bearer token's subject), the path and the key itself. The same key with a
different body is refused with 422: the client is reusing a key for a different act. Only answers below 500 are
kept: a failure the client may retry is not frozen.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
from datetime import UTC, datetime

from sqlalchemy import Engine, insert, select
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

from shared.http.middleware import cabecera
from shared.http.problemas import problema
from shared.lecturas.tablas import idempotencia


class Idempotencia:
    """Plain ASGI in front: only a POST that carries the header pays for the buffering middleware below (every
    other request used to cross a ``BaseHTTPMiddleware`` task for nothing)."""

    def __init__(self, app: ASGIApp, motor: Engine) -> None:
        self.app = app
        self._con_clave = _ConClave(app, motor)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "POST" and cabecera(scope, b"idempotency-key"):
            await self._con_clave(scope, receive, send)
        else:
            await self.app(scope, receive, send)


class _ConClave(BaseHTTPMiddleware):
    def __init__(self, app, motor: Engine) -> None:  # type: ignore[no-untyped-def]
        super().__init__(app)
        self.motor = motor
        self._candados: dict[str, asyncio.Lock] = {}

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        llave = request.headers.get("idempotency-key")
        if request.method != "POST" or not llave:
            return await call_next(request)
        cuerpo = await request.body()
        quien = hashlib.sha256(request.headers.get("authorization", "").encode()).hexdigest()[:16]
        clave = hashlib.sha256(f"{quien}|{request.url.path}|{llave}".encode()).hexdigest()
        huella = hashlib.sha256(cuerpo).hexdigest()
        candado = self._candados.setdefault(clave, asyncio.Lock())
        async with candado:
            previa = await asyncio.to_thread(self._buscar, clave)
            if previa is not None:
                if previa["huella"] != huella:
                    return problema(422, "clave-idempotencia-reutilizada", "Idempotency-Key reutilizada",
                                    "La misma Idempotency-Key se uso con otro cuerpo.", request.url.path)
                cabeceras = dict(previa["cabeceras"]) | {"Idempotent-Replayed": "true"}
                return Response(previa["cuerpo"], status_code=previa["status"], headers=cabeceras)
            respuesta = await call_next(request)
            contenido = b"".join([parte async for parte in respuesta.body_iterator])  # type: ignore[attr-defined]
            cabeceras = {k: v for k, v in respuesta.headers.items() if k.lower() not in ("content-length",)}
            if respuesta.status_code < 500:
                await asyncio.to_thread(self._guardar, clave, huella, respuesta.status_code, contenido, cabeceras)
        self._candados.pop(clave, None)
        return Response(contenido, status_code=respuesta.status_code, headers=cabeceras)

    def _buscar(self, clave: str) -> dict | None:
        with self.motor.connect() as c:
            fila = c.execute(select(idempotencia).where(idempotencia.c.clave == clave)).first()
        return dict(fila._mapping) if fila else None

    def _guardar(self, clave: str, huella: str, status: int, contenido: bytes, cabeceras: dict) -> None:
        with self.motor.begin() as c:
            c.execute(insert(idempotencia).values(clave=clave, huella=huella, status=status,
                                                  cuerpo=contenido.decode("utf-8", "replace"),
                                                  cabeceras=json.loads(json.dumps(cabeceras)),
                                                  creado=datetime.now(UTC)))
