"""Ordering of an office's in-tray (bandeja): overdue files first, then by the next deadline.

Pure: takes the ``a_dict()`` views of the files an office holds and the day to judge them on. Overdue files come
first, the longest overdue on top (their legal effects may already have been recorded); then files by their nearest
open deadline; files without deadlines last, oldest presentation first. Ties break on the expediente number so the
order is stable between calls.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any


def _fecha(valor: Any) -> date | None:
    if valor is None or isinstance(valor, date):
        return valor
    return date.fromisoformat(str(valor))


def ordenar_bandeja(expedientes: Iterable[dict[str, Any]], hoy: date) -> list[dict[str, Any]]:
    def clave(exp: dict[str, Any]) -> tuple[int, date, str]:
        proximo = _fecha(exp.get("proximo_vencimiento"))
        if proximo is None:
            return (2, _fecha(exp.get("presentado_el")) or date.max, exp.get("numero", ""))
        return (0 if proximo < hoy else 1, proximo, exp.get("numero", ""))

    return sorted(expedientes, key=clave)


def marcar_vencidos(expedientes: Iterable[dict[str, Any]], hoy: date) -> list[dict[str, Any]]:
    """The same views with ``vencido`` (bool) and ``dias_para_vencer`` (calendar days, negative when overdue)."""
    salida = []
    for exp in ordenar_bandeja(expedientes, hoy):
        proximo = _fecha(exp.get("proximo_vencimiento"))
        dias = (proximo - hoy).days if proximo else None
        salida.append({**exp, "vencido": dias is not None and dias < 0, "dias_para_vencer": dias})
    return salida
