"""The rulebook versions in force over time and the lookup of the one in force on a date."""

from __future__ import annotations

from datetime import date

from shared.errores import NoEncontrado, ReglaIncumplida
from services.fiscalizacion.domain.citas import IRRETROACTIVIDAD
from services.fiscalizacion.domain.regimenes_posteriores import RIS_2019, RIS_2025
from services.fiscalizacion.domain.reglamento import VersionReglamento
from services.fiscalizacion.domain.ris_2007 import RIS_2007_TC

VERSIONES: tuple[VersionReglamento, ...] = (RIS_2007_TC, RIS_2019, RIS_2025)


def version_por_id(version_id: str, versiones: tuple[VersionReglamento, ...] = VERSIONES) -> VersionReglamento:
    for v in versiones:
        if v.id == version_id:
            return v
    raise NoEncontrado(f"No existe la version de reglamento '{version_id}'.")


def version_vigente(dia: date, versiones: tuple[VersionReglamento, ...] = VERSIONES) -> VersionReglamento:
    for v in versiones:
        if v.vigente_en(dia):
            return v
    raise ReglaIncumplida(
        f"No hay reglamento de infracciones vigente el {dia.isoformat()} (el primero rige desde 19-05-2007).",
        fundamento_legal=IRRETROACTIVIDAD,
    )


def posteriores(desde: date, hasta: date, versiones: tuple[VersionReglamento, ...] = VERSIONES):
    """Versions that entered into force after ``desde`` and up to ``hasta`` (candidates for a more favourable rule)."""
    return tuple(v for v in versiones if desde < v.vigente_desde <= hasta)
