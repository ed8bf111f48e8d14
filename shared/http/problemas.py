"""RFC 9457 problem+json for every error a client can cause; the same kind has the same ``type`` everywhere.

Validation errors name the field (``errores: [{"campo": "body.nombre", "mensaje": ...}]``); no stack trace, SQL or
secret ever reaches a response. Unexpected errors are logged with the request id and answered with a generic 500.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from shared.errores import ErrorDominio, ServicioNoDisponible, es_base_caida

log = logging.getLogger("cti.http")

BASE_TIPO = "https://cti.apci.gob.pe/problemas/"
MEDIA = "application/problem+json"


def problema(status: int, tipo: str, titulo: str, detalle: str, instancia: str = "", **extra: Any) -> JSONResponse:
    cuerpo = {"type": BASE_TIPO + tipo, "title": titulo, "status": status, "detail": detalle, "instance": instancia}
    cuerpo.update({k: v for k, v in extra.items() if v is not None})
    cabeceras = {}
    if "version_actual" in extra:
        cabeceras["ETag"] = f'"{extra["version_actual"]}"'
    return JSONResponse(cuerpo, status_code=status, media_type=MEDIA, headers=cabeceras)


def _campo(loc: tuple[Any, ...]) -> str:
    return ".".join(str(p) for p in loc)


def registrar_manejadores(app: FastAPI) -> None:
    @app.exception_handler(ErrorDominio)
    async def _dominio(request: Request, exc: ErrorDominio) -> JSONResponse:
        return problema(exc.status, exc.tipo, exc.titulo, exc.detalle, str(request.url.path), **exc.extra)

    @app.exception_handler(RequestValidationError)
    async def _validacion(request: Request, exc: RequestValidationError) -> JSONResponse:
        errores = []
        malformado = False
        for e in exc.errors():
            if e.get("type") == "json_invalid":
                malformado = True
            errores.append({"campo": _campo(e.get("loc", ())), "mensaje": e.get("msg", ""), "tipo": e.get("type")})
        if malformado:
            return problema(422, "json-malformado", "Cuerpo JSON malformado",
                            "El cuerpo de la solicitud no es JSON valido.", str(request.url.path), errores=errores)
        campos = ", ".join(e["campo"] for e in errores)
        return problema(422, "validacion", "Datos de entrada invalidos", f"Revise los campos: {campos}.",
                        str(request.url.path), errores=errores)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        tipos = {404: "no-encontrado", 405: "metodo-no-permitido", 401: "no-autenticado", 403: "sin-derecho",
                 413: "cuerpo-demasiado-grande", 415: "tipo-de-contenido", 429: "demasiadas-solicitudes"}
        tipo = tipos.get(exc.status_code, "http")
        detalle = exc.detail if isinstance(exc.detail, str) else "Error en la solicitud."
        return problema(exc.status_code, tipo, detalle, detalle, str(request.url.path))

    @app.exception_handler(Exception)
    async def _inesperado(request: Request, exc: Exception) -> JSONResponse:
        return respuesta_inesperada(request, exc)


def respuesta_inesperada(request: Request, exc: BaseException) -> JSONResponse:
    """503 when the database is unreachable, else a logged generic 500. ``shared.http.middleware.Contexto`` calls
    it too, so such errors are answered inside the app: an exception that reaches uvicorn makes it close the
    keep-alive connection, and the client's next request on it fails with no answer at all."""
    if es_base_caida(exc):
        e = ServicioNoDisponible("La base de datos no esta disponible; reintente en unos segundos.")
        return problema(503, e.tipo, e.titulo, e.detalle, str(request.url.path))
    log.error("error inesperado en %s", request.url.path, exc_info=exc)
    return problema(500, "error-interno", "Error interno",
                    "Ocurrio un error inesperado; se registro con el identificador de la solicitud.",
                    str(request.url.path))
