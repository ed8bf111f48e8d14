"""Citation helpers shared by the procedure definitions: one function per norm, returning ``{"norma","articulo"}``.

Norm names are spelled once here so every event cites them identically (auditors search by them).
"""

from __future__ import annotations

from services.tramite.domain.definicion import fund


def manual(seccion: str) -> dict[str, str]:
    """R.S. 450-84-RE, Manual de Procedimientos de la Cooperacion Tecnica Internacional (sections as numbered)."""
    return fund("R.S. 450-84-RE", seccion)


def rgl(articulo: str) -> dict[str, str]:
    """D.S. 015-92-PCM, Reglamento del D.Leg. 719."""
    return fund("D.S. 015-92-PCM", articulo)


def dleg719(articulo: str) -> dict[str, str]:
    return fund("D.Leg. 719", articulo)


def ley27692(articulo: str) -> dict[str, str]:
    return fund("Ley 27692", articulo)


def ley28875(articulo: str) -> dict[str, str]:
    return fund("Ley 28875", articulo)


def lpag(articulo: str) -> dict[str, str]:
    """Ley 27444 del Procedimiento Administrativo General, T.U.O. D.S. 004-2019-JUS."""
    return fund("T.U.O. Ley 27444 (D.S. 004-2019-JUS)", articulo)


def norma(nombre: str, articulo: str) -> dict[str, str]:
    return fund(nombre, articulo)
