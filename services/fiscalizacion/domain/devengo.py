"""Counting the days a daily fine accrues ("por cada dia que pase", RIS 12 and 14).

The unit is a rule parameter (gap G3; default business days per RIS 1.f). Counting starts the day after the act
(Ley 27444) and skips the periods in which enforcement was suspended by a pending appeal (RIS 24).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from shared.calendario import CALENDARIO_NACIONAL, CalendarioPeruano, Unidad

Periodo = tuple[date, date]


def _cuenta(dia: date, unidad: Unidad, excluidos: Iterable[Periodo], cal: CalendarioPeruano) -> bool:
    if any(a <= dia <= b for a, b in excluidos):
        return False
    return unidad is Unidad.CALENDARIO or cal.es_habil(dia)


def dias_devengados(
    desde: date, hasta: date, unidad: Unidad | str = Unidad.HABILES, excluidos: Iterable[Periodo] = (),
    cal: CalendarioPeruano = CALENDARIO_NACIONAL,
) -> int:
    """Days after ``desde`` up to and including ``hasta`` that count, outside the excluded periods."""
    unidad, excluidos = Unidad(unidad), tuple(excluidos)
    total, dia = 0, desde
    while dia < hasta:
        dia += timedelta(days=1)
        total += _cuenta(dia, unidad, excluidos, cal)
    return total


def fecha_en_que_se_cumplen(
    desde: date, n: int, unidad: Unidad | str = Unidad.HABILES, excluidos: Iterable[Periodo] = (),
    cal: CalendarioPeruano = CALENDARIO_NACIONAL,
) -> date:
    """The day on which the ``n``-th counting day after ``desde`` falls (e.g. when a fine reaches its cap)."""
    unidad, excluidos = Unidad(unidad), tuple(excluidos)
    contados, dia = 0, desde
    while contados < n:
        dia += timedelta(days=1)
        contados += _cuenta(dia, unidad, excluidos, cal)
    return dia


def desplazar_por_suspension(vence: date, excluidos: Iterable[Periodo], cal=CALENDARIO_NACIONAL) -> date:
    """A calendar-day term (the 30 days to cure a warning) is extended by the suspended days before it expires."""
    extra = sum((b - a).days + 1 for a, b in excluidos if a <= vence)
    return cal.siguiente_habil(vence + timedelta(days=extra)) if extra else vence
