"""Peruvian calendar for legal deadlines (plazos).

Deadlines in the cooperation norms are counted either in *dias habiles* (business days: not Saturday, Sunday or a
national holiday) or in *dias calendario* (calendar days). Ley 27444 (Ley del Procedimiento Administrativo General,
art. 134-136 of the original text; art. 145-147 of the T.U.O. D.S. 004-2019-JUS) fixes the rules used here:

* a term counted in business days starts the business day *after* the act that opens it (the notice, the cargo de
  recepcion) and ends at the close of its last business day;
* a term in calendar days that ends on a non-working day moves to the next business day.

National holidays come from the ``holidays`` package (country ``PE``), which tracks the laws that added days such as
7 June, 23 July, 6 August and 9 December. Governments also decree extra non-working days for the public sector
(``dias no laborables``) with little notice; those are configuration (``dias_no_laborables``), not code.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache

import holidays


class Unidad(StrEnum):
    """How a term is counted."""

    HABILES = "habiles"
    CALENDARIO = "calendario"


@lru_cache(maxsize=64)
def _feriados(anio: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("PE", years=[anio]).keys())


@dataclass(frozen=True)
class CalendarioPeruano:
    """Business-day arithmetic on Peru's national calendar plus configured non-working days."""

    dias_no_laborables: frozenset[date] = field(default_factory=frozenset)

    @classmethod
    def con_no_laborables(cls, dias: Iterable[date]) -> CalendarioPeruano:
        return cls(frozenset(dias))

    def es_feriado(self, dia: date) -> bool:
        return dia in _feriados(dia.year) or dia in self.dias_no_laborables

    def es_habil(self, dia: date) -> bool:
        return dia.weekday() < 5 and not self.es_feriado(dia)

    def siguiente_habil(self, dia: date) -> date:
        """The same day when it is a business day, otherwise the next business day."""
        while not self.es_habil(dia):
            dia += timedelta(days=1)
        return dia

    def sumar_habiles(self, desde: date, n: int) -> date:
        """The day on which a term of ``n`` business days opened on ``desde`` expires.

        Counting starts the day after ``desde`` (Ley 27444): 10 business days after Wednesday 2026-07-22 is
        Tuesday 2026-08-11, because 23, 28 and 29 July and 6 August are holidays.
        """
        if n < 0:
            raise ValueError("un plazo no puede ser negativo")
        dia = desde
        contados = 0
        while contados < n:
            dia += timedelta(days=1)
            if self.es_habil(dia):
                contados += 1
        return dia

    def sumar_calendario(self, desde: date, n: int) -> date:
        """The expiry of ``n`` calendar days from ``desde``, moved to the next business day if it falls on a
        non-working day."""
        if n < 0:
            raise ValueError("un plazo no puede ser negativo")
        return self.siguiente_habil(desde + timedelta(days=n))

    def sumar(self, desde: date, n: int, unidad: Unidad | str) -> date:
        if Unidad(unidad) is Unidad.HABILES:
            return self.sumar_habiles(desde, n)
        return self.sumar_calendario(desde, n)

    def restar(self, hasta: date, n: int, unidad: Unidad | str) -> date:
        """The ``n``-th day counting backwards from ``hasta`` (a term that must end before a future date, e.g. "90
        dias previos a la fecha de evaluacion", R.S. 450-84-RE §6.5.2.a).

        The mirror of :meth:`sumar`: the reference day itself is not counted, day 1 is the day before it. In business
        days the result is always a business day: 90 business days before Monday 2026-11-16 is Monday 2026-07-06,
        because 23, 28 and 29 July, 6 August and 8 October are holidays. A calendar count is not
        moved to a working day: Ley 27444's rule protects whoever acts by the last day of a forward term, and
        moving a backwards limit either way would shorten someone else's time, which no norm provides.
        """
        if n < 0:
            raise ValueError("un plazo no puede ser negativo")
        if Unidad(unidad) is Unidad.CALENDARIO:
            return hasta - timedelta(days=n)
        dia, contados = hasta, 0
        while contados < n:
            dia -= timedelta(days=1)
            if self.es_habil(dia):
                contados += 1
        return dia

    def habiles_entre(self, desde: date, hasta: date) -> int:
        """Business days after ``desde`` up to and including ``hasta`` (0 when ``hasta <= desde``)."""
        if hasta <= desde:
            return 0
        total = 0
        dia = desde
        while dia < hasta:
            dia += timedelta(days=1)
            if self.es_habil(dia):
                total += 1
        return total

    def calendario_entre(self, desde: date, hasta: date) -> int:
        return max(0, (hasta - desde).days)


CALENDARIO_NACIONAL = CalendarioPeruano()
