"""UIT (Unidad Impositiva Tributaria) per year, in soles, each with the MEF supreme decree that fixed it.

RIS art. 1.m: fines use the UIT "vigente al momento de aplicarse la sancion", so the year that matters is the year
the sanction is applied, not the year of the facts. Each value applies 1 January - 31 December (Norma XV, TUO Codigo
Tributario). Source: research note law-updates-2019-2025 section 3 (2026 published Dec 2025).
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from shared.errores import ReglaIncumplida
from services.fiscalizacion.domain.citas import cita, ris

UIT_POR_ANIO: dict[int, tuple[Decimal, str]] = {
    2007: (Decimal("3450"), "D.S. 213-2006-EF"),
    2008: (Decimal("3500"), "D.S. 209-2007-EF"),
    2009: (Decimal("3550"), "D.S. 169-2008-EF"),
    2010: (Decimal("3600"), "D.S. 311-2009-EF"),
    2011: (Decimal("3600"), "D.S. 252-2010-EF"),
    2012: (Decimal("3650"), "D.S. 233-2011-EF"),
    2013: (Decimal("3700"), "D.S. 264-2012-EF"),
    2014: (Decimal("3800"), "D.S. 304-2013-EF"),
    2015: (Decimal("3850"), "D.S. 374-2014-EF"),
    2016: (Decimal("3950"), "D.S. 397-2015-EF"),
    2017: (Decimal("4050"), "D.S. 353-2016-EF"),
    2018: (Decimal("4150"), "D.S. 380-2017-EF"),
    2019: (Decimal("4200"), "D.S. 298-2018-EF"),
    2020: (Decimal("4300"), "D.S. 380-2019-EF"),
    2021: (Decimal("4400"), "D.S. 392-2020-EF"),
    2022: (Decimal("4600"), "D.S. 398-2021-EF"),
    2023: (Decimal("4950"), "D.S. 309-2022-EF"),
    2024: (Decimal("5150"), "D.S. 309-2023-EF"),
    2025: (Decimal("5350"), "D.S. 260-2024-EF"),
    2026: (Decimal("5500"), "D.S. 301-2025-EF"),
}

FUNDAMENTO_UIT_APLICABLE = ris("1.m")


def uit_vigente(fecha_aplicacion: date) -> tuple[Decimal, dict[str, str]]:
    """The UIT in force on the date the sanction is applied, with the decree that fixed it."""
    try:
        valor, decreto = UIT_POR_ANIO[fecha_aplicacion.year]
    except KeyError:
        raise ReglaIncumplida(
            f"No hay valor de UIT cargado para el anio {fecha_aplicacion.year}; cargue el decreto supremo del MEF.",
            fundamento_legal=FUNDAMENTO_UIT_APLICABLE,
        ) from None
    return valor, cita(decreto, "1")


def soles(valor: Decimal) -> Decimal:
    """Money in soles, rounded to centimos."""
    return valor.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
