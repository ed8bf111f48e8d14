"""Queries over tramite's read models: the lookups the routing engine needs and the lists the API shows.

Kept apart from the tables' writers (``proyecciones``, ``consumidores``) so commands and routes read through one
small surface, and the office-code conventions live in one place.
"""

from __future__ import annotations

import time
import weakref
from datetime import date
from typing import Any

from sqlalchemy import Engine, select

from services.tramite.consumidores import VIGENTE, RENOVACION, inscripciones_promotores, oficinas_conocidas
from services.tramite.domain.definicion import REGIMENES_CON_REGISTRO, TipoOficina
from services.tramite.proyecciones import bandeja, plazos

PREFIJOS = {"FUENTE-": TipoOficina.FUENTE.value, "ENTIDAD-": TipoOficina.PROMOTOR.value,
            "PROMOTOR-": TipoOficina.PROMOTOR.value}
"""Codes that are not offices in master data: foreign sources and promoters (an entity acts as ENTIDAD-<RUC>)."""


VIGENCIA_CACHE_OFICINAS = 2.0
"""Seconds an office kind is reused without asking the database. Every act asks for two to four kinds (actor,
sender, recipients, copies) and each query cost ~4 round trips: a third of the single writer's busy time (py-spy,
bench B1). The consumer that learns offices from registro clears the cache on every office event
(``olvidar_oficinas``); the few seconds bound what a reader could have cached from the database between that clear
and the consumer's commit, and any other process writing the table. Registro's own events reach tramite later
than that anyway."""

_cache_oficinas: weakref.WeakKeyDictionary[Engine, dict[str, tuple[str | None, float]]] = weakref.WeakKeyDictionary()


def olvidar_oficinas() -> None:
    """Forget every cached office kind (called when an office is created, changed or closed)."""
    _cache_oficinas.clear()


def tipo_oficina(motor: Engine, codigo: str) -> str | None:
    """The procedure kind of an office code; None when registro has not announced it, or it is closed."""
    for prefijo, tipo in PREFIJOS.items():
        if codigo.startswith(prefijo):
            return tipo
    ahora = time.monotonic()
    propio = _cache_oficinas.setdefault(motor, {})
    guardado = propio.get(codigo)
    if guardado is not None and guardado[1] > ahora:
        return guardado[0]
    with motor.connect() as c:
        fila = c.execute(select(oficinas_conocidas.c.tipo, oficinas_conocidas.c.estado)
                         .where(oficinas_conocidas.c.codigo == codigo)).first()
    tipo = fila.tipo if fila and fila.estado == "activa" else None
    propio[codigo] = (tipo, ahora + VIGENCIA_CACHE_OFICINAS)
    return tipo


def inscrito_vigente(motor: Engine, promotor: str, regimen: str | None, fecha: date) -> bool:
    """Registered in APCI's registry of the promoter's regime, in force on ``fecha`` and without suspended benefits."""
    if not promotor.startswith("ENTIDAD-"):
        return False
    t = inscripciones_promotores
    consulta = select(t.c.registro, t.c.fase, t.c.suspensiones, t.c.vigente_hasta).where(
        t.c.ruc == promotor.removeprefix("ENTIDAD-"))
    with motor.connect() as c:
        filas = c.execute(consulta).all()
    registro = regimen.upper() if regimen in REGIMENES_CON_REGISTRO else None
    return any(
        f.fase in (VIGENTE, RENOVACION) and not f.suspensiones
        and (registro is None or f.registro == registro)
        and (f.vigente_hasta is None or fecha <= f.vigente_hasta)
        for f in filas
    )


def con_plazos_cumplidos(motor: Engine, hoy: date) -> list[str]:
    """Files with an open deadline that expired before ``hoy`` (a term is overdue the day after its last day)."""
    consulta = (select(plazos.c.numero).where(plazos.c.estado == "abierto", plazos.c.vence_el < hoy)
                .distinct().order_by(plazos.c.numero))
    with motor.connect() as c:
        return [f.numero for f in c.execute(consulta)]


def en_custodia(motor: Engine, oficina: str) -> list[dict[str, Any]]:
    """Open files an office holds, as the dicts ``domain.bandeja`` sorts."""
    consulta = select(bandeja).where(bandeja.c.custodia == oficina, bandeja.c.terminado.is_(False))
    with motor.connect() as c:
        return [dict(f._mapping) for f in c.execute(consulta)]
