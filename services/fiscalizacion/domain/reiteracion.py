"""Aggravation by repetition (reiteracion), RIS art. 13.

Reincidente: earlier sanction for the same infraction; habitual: earlier sanction for any infraction. Both raise
the class one level (leve -> grave -> muy grave; there is no level above muy grave, gap G5). When the entity had an
earlier fine, the new fine is a fixed amount in a band: earlier fine up to 10 UIT -> 20-40 UIT; larger (the 30 UIT
grave cap) -> 40-50 UIT. The band replaces the daily accrual. Which earlier sanctions count (only final ones) and the
look-back window are parameters of the version.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from services.fiscalizacion.domain.reglamento import BandaReiteracion, VersionReglamento


@dataclass(frozen=True)
class Antecedente:
    """An earlier sanction of the same entity, as the sanctions registry holds it."""

    codigo: str
    firme: bool
    fecha: date
    multa_uit: Decimal | None = None


@dataclass(frozen=True)
class Agravante:
    tipo: str  # reincidente | habitual
    clase_resultante: str
    banda: BandaReiteracion | None
    antecedentes: tuple[Antecedente, ...]


def _cuentan(antecedentes, version: VersionReglamento, fecha_hechos: date) -> tuple[Antecedente, ...]:
    solo_firmes = version.parametro("reiteracion_solo_firmes")
    ventana = version.parametro("reiteracion_ventana_anios")
    return tuple(
        a for a in antecedentes
        if a.fecha <= fecha_hechos and (a.firme or not solo_firmes)
        and (ventana is None or (fecha_hechos - a.fecha).days <= 365 * ventana)
    )


def evaluar_reiteracion(
    codigo: str, clase: str, antecedentes, version: VersionReglamento, fecha_hechos: date
) -> Agravante | None:
    cuentan = _cuentan(antecedentes, version, fecha_hechos)
    if not cuentan:
        return None
    if clase not in version.escalera_clases and not version.parametro("excepcional_se_agrava"):
        return None
    tipo = "reincidente" if any(a.codigo == codigo for a in cuentan) else "habitual"
    escalera = version.escalera_clases
    nueva = escalera[min(escalera.index(clase) + 1, len(escalera) - 1)] if clase in escalera else clase
    multas = [a.multa_uit for a in cuentan if a.multa_uit]
    banda = None
    if multas and version.bandas_reiteracion:
        previa = max(multas)
        banda = next((b for b in version.bandas_reiteracion if previa <= b.multa_previa_hasta_uit),
                     version.bandas_reiteracion[-1])
    return Agravante(tipo, nueva, banda, cuentan)
