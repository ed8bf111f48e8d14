"""Running a command from a route: open the act context, queue on the single writer, answer with the ETag."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from fastapi import Request

from shared.eventos.sobre import Actor, acto
from shared.http.registro_log import id_solicitud

T = TypeVar("T")


def version_if_match(request: Request) -> int | None:
    """``If-Match: "3"`` (or ``3``) -> 3. A malformed value is ignored rather than guessed."""
    valor = request.headers.get("if-match", "").strip().strip('W/').strip('"')
    return int(valor) if valor.isdigit() else None


async def ejecutar(request: Request, actor: Actor, correlacion: str | None, funcion: Callable[..., T],
                   *args: Any, documentos: list[dict] | None = None, fecha_negocio: str | None = None,
                   **kwargs: Any) -> T:
    comp = request.app.state.componentes

    def _en_acto() -> T:
        with acto(actor=actor, correlacion=correlacion, causacion=f"solicitud:{id_solicitud.get()}",
                  documentos=tuple(documentos or ()), fecha_negocio=fecha_negocio):
            return funcion(*args, **kwargs)

    return await comp.escritor.ejecutar(_en_acto)
