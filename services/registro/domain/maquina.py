"""Procedures as data: a table of actions (from which states, by which profiles, with which fields, opening which
deadline) interpreted the same way by every aggregate of the registry (architecture principle 5).

``exigir_accion`` raises ``TransicionIlegal`` (naming the current state and the actions allowed in it) before checking
the actor, then ``SinDerecho`` naming the profile required.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from shared.errores import TransicionIlegal
from shared.eventos import Actor

from services.registro.domain import permisos
from services.registro.domain.plazos import PLAZOS


@dataclass(frozen=True)
class Accion:
    nombre: str
    desde: tuple[str, ...]
    perfiles: tuple[str, ...]
    campos: tuple[str, ...]
    plazo: str | None = None

    def a_dict(self) -> dict[str, Any]:
        return {
            "accion": self.nombre,
            "campos": list(self.campos),
            "plazo": PLAZOS[self.plazo].a_dict() if self.plazo else None,
        }


def tabla(*acciones: Accion) -> dict[str, Accion]:
    return {a.nombre: a for a in acciones}


def permitidas(acciones: Mapping[str, Accion], estado: str) -> list[str]:
    return [nombre for nombre, a in acciones.items() if estado in a.desde]


def exigir_accion(
    acciones: Mapping[str, Accion], nombre: str, estado: str, actor: Actor, ruc: str | None = None
) -> None:
    accion = acciones[nombre]
    if estado not in accion.desde:
        raise TransicionIlegal(nombre, estado, permitidas(acciones, estado))
    permisos.exigir(actor, accion.perfiles, nombre, ruc)


def disponibles(
    acciones: Mapping[str, Accion], estado: str, actor: Actor, ruc: str | None = None
) -> list[dict[str, Any]]:
    return [
        a.a_dict()
        for a in acciones.values()
        if estado in a.desde and any(permisos.cumple(actor, p, ruc) for p in a.perfiles)
    ]
