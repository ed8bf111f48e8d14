"""Permission and legal-precondition checks the engine runs before recording an act.

Kept apart from the aggregate so each rule reads on its own and cites its basis.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from shared.errores import ConflictoVersion, ReglaIncumplida, SinDerecho
from shared.eventos import Actor

from services.tramite.domain.definicion import REGIMENES_CON_REGISTRO, Accion

VerificadorInscripcion = Callable[[str], bool]
"""``inscrito_vigente(promotor) -> bool``: registered in the APCI registry and benefits not suspended. The
application feeds it from the registro service's events."""

FUND_BENEFICIOS = {"norma": "D.S. 015-92-PCM; Ley 27692", "articulo": "4, 75, 78; 21, 22.c"}
"""Benefits of a programme need a current registration (RGL 4, 75) and stop while they are suspended (RGL 78,
Ley 27692 art. 22.c as left by STC 0009-2007-PI/TC)."""


def exigir_version(actual: int, esperada: int | None) -> None:
    if esperada is not None and esperada != actual:
        raise ConflictoVersion(version_actual=actual, version_enviada=esperada)


def exigir_no_auditor(actor: Actor) -> None:
    """Auditors read everything and change nothing (architecture principle 8)."""
    if "auditor" in actor.roles:
        raise SinDerecho("Un auditor no puede actuar sobre un expediente.", derecho_requerido="rol de tramite")


def exigir_tipo_oficina(tipo_actor: str, permitidos: Sequence[str], accion: str) -> None:
    if tipo_actor not in permitidos:
        raise SinDerecho(
            f"Una oficina de tipo {tipo_actor} no puede realizar '{accion}'; corresponde a: {', '.join(permitidos)}.",
            derecho_requerido=f"oficina de tipo {' o '.join(permitidos)}",
        )


def exigir_rol(actor: Actor, roles: Sequence[str], accion: str) -> None:
    if roles and not set(actor.roles) & set(roles):
        raise SinDerecho(
            f"'{accion}' requiere el rol {' o '.join(roles)}.", derecho_requerido=f"rol {' o '.join(roles)}"
        )


def exigir_requisitos(accion: Accion, tramos: Sequence[dict[str, Any]]) -> None:
    """Acts the law makes conditional on an earlier act of the file (e.g. extension after a favourable evaluation)."""
    for req in accion.requisitos:
        cumple = any(
            t["accion"] == req.accion_previa and all(t["datos"].get(k) == v for k, v in req.datos.items())
            for t in tramos
        )
        if not cumple:
            raise ReglaIncumplida(req.mensaje, fundamento_legal=req.fundamento[0])


def exigir_beneficios(
    accion: Accion, promotor: str, regimen: str | None, inscrito_vigente: VerificadorInscripcion | None
) -> None:
    """An act that grants benefits to an ONGD/ENIEX/IPREDA needs its current, unsuspended registration."""
    if not accion.otorga_beneficios or regimen not in REGIMENES_CON_REGISTRO:
        return
    if inscrito_vigente is None:
        raise ReglaIncumplida(
            f"'{accion.nombre}' otorga beneficios: debe verificarse la inscripcion vigente de {promotor}.",
            fundamento_legal=FUND_BENEFICIOS,
        )
    if not inscrito_vigente(promotor):
        raise ReglaIncumplida(
            f"{promotor} ({regimen.upper()}) no tiene inscripcion vigente en APCI o tiene sus beneficios suspendidos;"
            f" no procede '{accion.nombre}'.",
            fundamento_legal=FUND_BENEFICIOS,
        )
