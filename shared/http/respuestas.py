"""Error responses documented on every route, so the OpenAPI document lists what a client can meet."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel


class Problema(BaseModel):
    type: str
    title: str
    status: int
    detail: str
    instance: str = ""
    errores: list[dict[str, Any]] | None = None
    estado_actual: str | None = None
    acciones_permitidas: list[str] | None = None
    version_actual: int | None = None
    derecho_requerido: str | None = None
    fundamento_legal: dict[str, Any] | None = None


def _r(descripcion: str) -> dict[str, Any]:
    return {"model": Problema, "description": descripcion, "content": {"application/problem+json": {}}}


ERRORES_LECTURA: dict[int | str, dict[str, Any]] = {
    401: _r("Token invalido o expirado"),
    404: _r("No existe el recurso"),
    422: _r("Parametros invalidos"),
}

ERRORES_COMANDO: dict[int | str, dict[str, Any]] = {
    401: _r("Falta el token o es invalido"),
    403: _r("El solicitante no tiene el derecho requerido (derecho_requerido)"),
    404: _r("No existe el recurso"),
    409: _r("Conflicto: version desactualizada (version_actual) o duplicado"),
    422: _r("Datos invalidos (errores por campo) o accion no permitida en el estado actual"),
    503: _r("Base de datos no disponible temporalmente"),
}
