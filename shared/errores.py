"""The domain error hierarchy every service raises; ``shared.http.problemas`` maps each kind to RFC 9457 problem+json.

Domain and application code raise these, never HTTP exceptions: the same problem kind gets the same ``type`` URI and
status in every service.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any


class ErrorDominio(Exception):
    """Base of every error a client can cause."""

    tipo = "error-de-dominio"
    status = 422
    titulo = "Regla de dominio incumplida"

    def __init__(self, detalle: str, **extra: Any) -> None:
        super().__init__(detalle)
        self.detalle = detalle
        self.extra = extra


class DatosInvalidos(ErrorDominio):
    """Input that is well-formed but wrong (a RUC with a bad check digit, a date in the future...)."""

    tipo = "datos-invalidos"
    titulo = "Datos invalidos"

    def __init__(self, detalle: str, errores: Sequence[Mapping[str, str]] = ()) -> None:
        super().__init__(detalle, errores=[dict(e) for e in errores])


class TransicionIlegal(ErrorDominio):
    """The action is not allowed in the aggregate's current state."""

    tipo = "transicion-ilegal"
    titulo = "Accion no permitida en el estado actual"

    def __init__(self, accion: str, estado_actual: str, acciones_permitidas: Sequence[str]) -> None:
        super().__init__(
            f"La accion '{accion}' no esta permitida en el estado '{estado_actual}'. "
            f"Acciones permitidas: {', '.join(acciones_permitidas) or 'ninguna'}.",
            estado_actual=estado_actual,
            acciones_permitidas=list(acciones_permitidas),
        )


class ReglaIncumplida(ErrorDominio):
    """A legal requirement is not met; names the norm and article."""

    tipo = "regla-incumplida"
    titulo = "Requisito legal incumplido"

    def __init__(self, detalle: str, fundamento_legal: Mapping[str, str] | None = None, **extra: Any) -> None:
        super().__init__(detalle, fundamento_legal=dict(fundamento_legal or {}), **extra)


class NoEncontrado(ErrorDominio):
    tipo = "no-encontrado"
    status = 404
    titulo = "Recurso no encontrado"


class Duplicado(ErrorDominio):
    """A second instance of something the law allows only once (e.g. two active registrations of one RUC)."""

    tipo = "duplicado"
    status = 409
    titulo = "Ya existe"


class ConflictoVersion(ErrorDominio):
    """Optimistic concurrency: the client acted on a version that is no longer current."""

    tipo = "conflicto-de-version"
    status = 409
    titulo = "Conflicto de version"

    def __init__(self, version_actual: int, version_enviada: int | None = None) -> None:
        super().__init__(
            f"El recurso esta en la version {version_actual}"
            + (f"; la solicitud se baso en la version {version_enviada}." if version_enviada is not None else "."),
            version_actual=version_actual,
        )


class SinDerecho(ErrorDominio):
    """The caller's office or role may not perform the act; names the missing right."""

    tipo = "sin-derecho"
    status = 403
    titulo = "Accion no autorizada"

    def __init__(self, detalle: str, derecho_requerido: str) -> None:
        super().__init__(detalle, derecho_requerido=derecho_requerido)


class NoAutenticado(ErrorDominio):
    tipo = "no-autenticado"
    status = 401
    titulo = "Credenciales ausentes o invalidas"


class ServicioNoDisponible(ErrorDominio):
    """A dependency (the database) is down; the client may retry."""

    tipo = "servicio-no-disponible"
    status = 503
    titulo = "Servicio no disponible temporalmente"


_ERRORES_DE_BASE = {"OperationalError", "InterfaceError", "PoolTimeout", "ConnectionTimeout", "OperationalError_",
                    "PersistenceError"}


def es_base_caida(exc: BaseException) -> bool:
    """True when ``exc`` (or anything in its cause chain) says the database cannot be reached right now.

    Such a failure is the infrastructure's, not the request's or the message's: HTTP answers 503 and consumers wait
    and retry instead of counting it towards a dead letter.
    """
    vistos: list[BaseException] = []
    actual: BaseException | None = exc
    while actual is not None and actual not in vistos:
        vistos.append(actual)
        actual = actual.__cause__ or actual.__context__
    return any(type(e).__name__ in _ERRORES_DE_BASE for e in vistos)
