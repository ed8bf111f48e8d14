"""Who may read a file: the offices that took part in it, the rector (APCI) and the Foreign Ministry, auditors and
administrators. Acting is checked by the domain (custody); this module only guards reads and refuses auditors' writes.

Why participation and not custody for reads: an office that sent the file on, or got a copy, must still follow it
(R.S. 450-84-RE §1.5: each hop informs the chain below), while offices outside the route have no business seeing it.
"""

from __future__ import annotations

from typing import Any

from fastapi import Request

from services.tramite.domain.definicion import TipoOficina
from shared.errores import SinDerecho
from shared.eventos import Actor

ROLES_LECTURA_TOTAL = ("administrador", "auditor")
TIPOS_LECTURA_TOTAL = (TipoOficina.RECTOR.value, TipoOficina.CANCILLERIA.value)
DERECHO_LECTURA = "participacion en el expediente (remitente, destinatario o copia), oficina de APCI o Cancilleria, " \
                  "o rol administrador o auditor"


def aplicacion(request: Request) -> Any:
    return request.app.state.componentes.aplicacion


def participantes(exp: Any) -> set[str]:
    oficinas = {exp.promotor}
    for t in exp.tramos:
        oficinas |= {t["remitente"], t["destinatario"], *t.get("cc", [])}
    return oficinas


def lectura_total(app: Any, actor: Actor) -> bool:
    return bool(set(ROLES_LECTURA_TOTAL) & set(actor.roles)) or app.tipo_oficina(actor.oficina) in TIPOS_LECTURA_TOTAL


def exigir_lectura(app: Any, exp: Any, actor: Actor) -> None:
    if actor.oficina in participantes(exp) or lectura_total(app, actor):
        return
    raise SinDerecho(f"La oficina {actor.oficina or '(ninguna)'} no participa en el expediente {exp.numero}.",
                     derecho_requerido=DERECHO_LECTURA)


def exigir_no_auditor(actor: Actor) -> None:
    """Auditors read and verify everything and change nothing (checked before any lookup, for a clear 403)."""
    if "auditor" in actor.roles:
        raise SinDerecho("Un auditor no puede actuar sobre un expediente.", derecho_requerido="rol de tramite")
