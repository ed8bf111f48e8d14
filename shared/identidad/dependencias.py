"""FastAPI dependencies: the caller as an ``Actor`` (or anonymous), and role checks that name the missing right."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from shared.errores import NoAutenticado, SinDerecho
from shared.eventos.sobre import Actor
from shared.identidad.tokens import Verificador

ANONIMO = Actor(persona="anonimo", oficina="", roles=("anonimo",))


def _token(request: Request) -> str | None:
    cabecera = request.headers.get("authorization", "")
    if not cabecera:
        return None
    tipo, _, token = cabecera.partition(" ")
    if tipo.lower() != "bearer" or not token:
        raise NoAutenticado("Use 'Authorization: Bearer <token>'.")
    return token


def actor_opcional(request: Request) -> Actor:
    token = _token(request)
    if token is None:
        return ANONIMO
    verificador: Verificador = request.app.state.verificador
    return verificador.verificar(token)


def actor_autenticado(actor: Annotated[Actor, Depends(actor_opcional)]) -> Actor:
    if actor is ANONIMO:
        raise NoAutenticado("Se requiere un token (Authorization: Bearer ...).")
    return actor


ActorOpcional = Annotated[Actor, Depends(actor_opcional)]
ActorAutenticado = Annotated[Actor, Depends(actor_autenticado)]


def exigir_rol(actor: Actor, *roles: str) -> None:
    """Refuse unless the actor holds one of ``roles``; auditors never pass a write check."""
    if not set(roles) & set(actor.roles):
        raise SinDerecho(f"Se requiere uno de los roles: {', '.join(roles)}.", derecho_requerido=" | ".join(roles))
