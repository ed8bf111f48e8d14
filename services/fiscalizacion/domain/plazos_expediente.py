"""Computing a deadline of the procedure from the rulebook data and the Peruvian calendar, plus the decision record
every decision event carries (version, rule, legal basis)."""

from __future__ import annotations

from datetime import date
from typing import Any

from shared.calendario import CALENDARIO_NACIONAL
from shared.errores import DatosInvalidos


def plazo(exp, nombre: str, desde: date, extra: int = 0) -> dict[str, dict[str, Any]]:
    p = exp.reglamento.plazos[nombre]
    dias = p.dias + extra
    return {nombre: {"desde": desde, "dias": dias, "unidad": p.unidad.value,
                     "vence_el": CALENDARIO_NACIONAL.sumar(desde, dias, p.unidad), "al_vencer": p.al_vencer,
                     "fundamento_legal": p.fundamento_legal}}


def decision(exp, nombre: str, el: date, regla: str, fundamento_legal: Any, version: str | None = None,
             **extra: Any) -> dict[str, Any]:
    return {"decision": nombre, "el": el, "version_reglamento": version or exp.version_reglamento, "regla": regla,
            "fundamento_legal": fundamento_legal, **extra}


def exigir_fecha(nombre: str, fecha: date, hoy: date, minimo: date | None = None) -> None:
    if fecha > hoy:
        raise DatosInvalidos(f"La fecha '{nombre}' no puede ser posterior a hoy.",
                             errores=[{"campo": nombre, "mensaje": "fecha futura"}])
    if minimo and fecha < minimo:
        raise DatosInvalidos(f"La fecha '{nombre}' no puede ser anterior a {minimo.isoformat()}.",
                             errores=[{"campo": nombre, "mensaje": "fecha anterior al acto previo"}])
