"""Who may do what: from the token (roles + office) to the procedural organ the domain reasons about.

The domain speaks of organs (``DOC``/``DFS`` investigate, ``CIS`` decides, ``DE`` decides appeals, the entity as
``administrado``); tokens carry a role and an office code. The mapping is explicit here, so a token with the right
role in the wrong office (a ``comision`` token from APCI-DOC) gets no organ and the domain answers 403 naming the
right it lacks. Events still record the caller's real person and office (the act context), not the organ.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from fastapi import Request

from shared.errores import DatosInvalidos, SinDerecho
from shared.eventos.sobre import Actor

LIMA = ZoneInfo("America/Lima")
ORGANOS: dict[tuple[str, str], str] = {
    ("instructor", "APCI-DOC"): "DOC",
    ("instructor", "APCI-DFS"): "DFS",
    ("comision", "APCI-CIS"): "CIS",
    ("director_ejecutivo", "APCI-DE"): "DE",
    ("ejecutor_coactivo", "APCI-OGA"): "OGA",
    ("consejero", "APCI-CD"): "CONSEJO_DIRECTIVO",
}
ORGANOS_REQUERIDOS = ("instructor@APCI-DOC | instructor@APCI-DFS | comision@APCI-CIS | director_ejecutivo@APCI-DE "
                      "| ejecutor_coactivo@APCI-OGA | consejero@APCI-CD | ENTIDAD-<RUC>")
LECTORES = ("auditor", "administrador")
PREFIJO_ENTIDAD = "ENTIDAD-"


def aplicacion(request: Request) -> Any:
    return request.app.state.componentes.aplicacion


def hoy_lima() -> date:
    return datetime.now(LIMA).date()


def fecha_acto(fecha: date | None) -> date:
    """The act's date (business time): given by the client for acts recorded late, never in the future."""
    hoy = hoy_lima()
    if fecha is None:
        return hoy
    if fecha > hoy:
        raise DatosInvalidos("La fecha del acto no puede ser futura.",
                             [{"campo": "body.fecha_acto", "mensaje": f"posterior a {hoy.isoformat()}"}])
    return fecha


def organo(actor: Actor) -> str | None:
    return next((o for (rol, oficina), o in ORGANOS.items() if rol in actor.roles and actor.oficina == oficina), None)


def actor_procesal(actor: Actor, ruc: str | None = None) -> Actor:
    """The caller as the organ (or entity) the domain checks; 403 if it is neither, or another entity's case."""
    encontrado = organo(actor)
    if encontrado:
        return Actor(actor.persona, encontrado, tuple(r for r in actor.roles if r not in LECTORES))
    if actor.oficina.startswith(PREFIJO_ENTIDAD):
        propio = actor.oficina.removeprefix(PREFIJO_ENTIDAD)
        if ruc is not None and propio != ruc:
            raise SinDerecho("Una entidad solo actua en sus propios procedimientos.",
                             derecho_requerido=f"{PREFIJO_ENTIDAD}{ruc}")
        return Actor(actor.persona, propio, ("administrado",))
    raise SinDerecho("Se requiere un organo del procedimiento (los auditores solo leen).",
                     derecho_requerido=ORGANOS_REQUERIDOS)


def exigir_lectura(actor: Actor, ruc: str | None = None) -> None:
    """APCI organs and auditors read everything; an entity reads only what concerns its own RUC."""
    if set(LECTORES) & set(actor.roles) or organo(actor):
        return
    if actor.oficina.startswith(PREFIJO_ENTIDAD) and (ruc is None or actor.oficina == PREFIJO_ENTIDAD + ruc):
        return
    raise SinDerecho("Lectura reservada a los organos de la APCI, auditores y la propia entidad.",
                     derecho_requerido=f"auditor | {ORGANOS_REQUERIDOS}")


def exigir_organo(actor: Actor, *organos: str) -> Actor:
    procesal = actor_procesal(actor)
    if procesal.oficina not in organos:
        raise SinDerecho(f"Corresponde a: {', '.join(organos)}.",
                         derecho_requerido=" | ".join(f"{r}@{o}" for (r, o), org in ORGANOS.items() if org in organos))
    return procesal


def campos_de_accion(accion: str, cuerpo: dict[str, Any], requeridos: tuple[str, ...],
                     opcionales: tuple[str, ...] = ()) -> dict[str, Any]:
    """The action's fields from the shared action body: required ones present, no field of another action."""
    dados = {k: v for k, v in cuerpo.items() if v is not None and k != "fecha_acto"}
    faltan = [c for c in requeridos if c not in dados]
    sobran = [c for c in dados if c not in requeridos and c not in opcionales]
    if faltan or sobran:
        raise DatosInvalidos(
            f"Campos de la accion '{accion}': requeridos {', '.join(requeridos) or 'ninguno'}.",
            [{"campo": f"body.{c}", "mensaje": "requerido"} for c in faltan]
            + [{"campo": f"body.{c}", "mensaje": f"no aplica a '{accion}'"} for c in sobran])
    return dados
