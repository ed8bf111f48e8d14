"""Who may act on a registry file, as data (architecture principle 8: custody and roles enforced where the rule lives).

Profiles:

* ``entidad``: the entity acting for itself; convention ``actor.oficina == "ENTIDAD-<RUC>"``. An applicant acts only
  on its own file.
* ``registrador``: APCI's registry keeper, DOC / Subdireccion de Registros (ROF 40(a), 43(a)), office ``APCI-DOC``.
* ``director_ejecutivo``: decides appeals on registries in the last instance (ROF 13(n)), office ``APCI-DE``.
* ``cancilleria``: the Foreign Ministry, the only one that may request an expert's extension and that cancels an
  assignment (RGL 15, 18); offices ``RREE...``.
* ``sistema``: the scheduler and the process managers reacting to other aggregates' events.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from shared.errores import SinDerecho
from shared.eventos import Actor

from services.registro.domain.reglas import ORGANO_APELACION, ORGANO_REGISTRAL

ENTIDAD = "entidad"
REGISTRADOR = "registrador"
DIRECTOR_EJECUTIVO = "director_ejecutivo"
CANCILLERIA = "cancilleria"
SISTEMA = "sistema"

PERFILES: dict[str, dict[str, Any]] = {
    ENTIDAD: {"oficina": "ENTIDAD-<RUC>", "rol": None},
    REGISTRADOR: {"oficina": ORGANO_REGISTRAL["oficina"], "rol": ORGANO_REGISTRAL["rol"]},
    DIRECTOR_EJECUTIVO: {"oficina": ORGANO_APELACION["oficina"], "rol": ORGANO_APELACION["rol"]},
    CANCILLERIA: {"oficina_prefijo": "RREE", "rol": "cancilleria"},
    SISTEMA: {"oficina": "SISTEMA", "rol": "sistema"},
}


def oficina_entidad(ruc: str) -> str:
    return f"ENTIDAD-{ruc}"


def cumple(actor: Actor, perfil: str, ruc: str | None = None) -> bool:
    datos = PERFILES[perfil]
    if perfil == ENTIDAD:
        return ruc is not None and actor.oficina == oficina_entidad(ruc)
    if "oficina_prefijo" in datos:
        oficina_ok = actor.oficina.startswith(datos["oficina_prefijo"])
    else:
        oficina_ok = actor.oficina == datos["oficina"]
    return oficina_ok and (datos["rol"] is None or datos["rol"] in actor.roles)


def describir(perfil: str, ruc: str | None = None) -> str:
    datos = PERFILES[perfil]
    if perfil == ENTIDAD:
        return f"{perfil}@{oficina_entidad(ruc or '<RUC>')}"
    return f"{datos['rol']}@{datos.get('oficina') or datos['oficina_prefijo'] + '*'}"


def exigir(actor: Actor, perfiles: Iterable[str], accion: str, ruc: str | None = None) -> None:
    """Raise ``SinDerecho`` naming the profiles that may perform ``accion`` when ``actor`` matches none."""
    perfiles = tuple(perfiles)
    if any(cumple(actor, p, ruc) for p in perfiles):
        return
    requerido = " o ".join(describir(p, ruc) for p in perfiles)
    raise SinDerecho(
        f"{actor.persona} ({actor.oficina}) no puede realizar '{accion}'; corresponde a: {requerido}.",
        derecho_requerido=requerido,
    )
