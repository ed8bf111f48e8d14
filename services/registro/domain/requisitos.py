"""Evaluation of the document checklists of ``reglas``: what is missing, and whether a denial is lawful.

A denial (of an application or of a renewal) may rest only on unmet legal requirements of the checklist; any other
motive, in particular a presumption of illegality, is refused (TC ¶36-37: wrongdoing is dealt with ex post through
sanctions, not by refusing the registration).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from shared.errores import ReglaIncumplida

from services.registro.domain.plazos import sumar_meses
from services.registro.domain.reglas import (
    ANTIGUEDAD_MAXIMA_COPIA_LITERAL_MESES, COPIA_LITERAL, MOTIVOS_DENEGACION_PROHIBIDOS, REQUISITOS_INSCRIPCION, TC,
    Registro, fl,
)


def codigos_inscripcion(registro: Registro) -> tuple[str, ...]:
    return tuple(r["codigo"] for r in REQUISITOS_INSCRIPCION[registro])


def copia_literal_vigente(fecha_copia: date | None, al: date) -> bool:
    """RGL 72/74: the certified literal copy may be at most 3 calendar months old on the filing date."""
    return fecha_copia is not None and sumar_meses(al, -ANTIGUEDAD_MAXIMA_COPIA_LITERAL_MESES) <= fecha_copia <= al


def omisiones(requeridos: Iterable[str], documentos: Iterable[str], fecha_copia_literal: date | None,
              al: date) -> list[str]:
    """The required codes not presented, plus the literal copy when it is older than allowed."""
    presentados = set(documentos)
    faltan = [c for c in requeridos if c not in presentados]
    if COPIA_LITERAL not in faltan and COPIA_LITERAL in requeridos and not copia_literal_vigente(
            fecha_copia_literal, al):
        faltan.append(COPIA_LITERAL)
    return faltan


def validar_motivo_denegacion(motivo: str, requisitos_incumplidos: list[str], permitidos: Iterable[str]) -> None:
    fundamento = fl(TC, "36-37")
    if motivo != "requisitos_incumplidos":
        prohibido = " (prohibido expresamente)" if motivo in MOTIVOS_DENEGACION_PROHIBIDOS else ""
        raise ReglaIncumplida(
            f"Motivo de denegacion no admitido: '{motivo}'{prohibido}. Solo se deniega por requisitos legales "
            "incumplidos, nunca por presuncion de ilegalidad.", fundamento_legal=fundamento)
    ajenos = [r for r in requisitos_incumplidos if r not in set(permitidos)]
    if not requisitos_incumplidos or ajenos:
        raise ReglaIncumplida(
            "La denegacion debe indicar requisitos legales del registro"
            + (f"; no son requisitos legales: {', '.join(ajenos)}." if ajenos else "."),
            fundamento_legal=fundamento, requisitos_no_legales=ajenos)
