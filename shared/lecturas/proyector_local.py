"""Read models of a service's own events, kept by polling its notification log (works on SQLite and PostgreSQL).

Each batch of events and the tracking rows that mark them applied commit in one transaction, so a crash never
applies an event twice or skips one. Read models are disposable: ``reconstruir`` empties them and replays the whole
log, and must give the same rows (tests check it).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from sqlalchemy import Connection, Engine, Table, delete, func, insert, select

from shared.almacen.aplicacion import AplicacionCTI
from shared.almacen import crudo
from shared.lecturas.tablas import seguimiento

log = logging.getLogger("cti.proyector")


class Proyeccion(Protocol):
    """``aplicar`` one event; a projection may also offer ``aplicar_lote(conexion, eventos)``, which the projector
    then calls once per batch (a rebuild goes as fast as the projection can fold events in memory)."""

    tablas: Sequence[Table]

    def aplicar(self, conexion: Connection, evento: Mapping[str, Any]) -> None: ...


class ProyectorLocal:
    def __init__(self, servicio: str, app: AplicacionCTI, motor: Engine, proyecciones: Sequence[Proyeccion],
                 lote: int = 1000) -> None:
        self.servicio = servicio
        self.origen = f"local:{servicio}"
        self.app = app
        self.motor = motor
        self.proyecciones = proyecciones
        self.lote = lote
        self._despertar = asyncio.Event()
        self.posicion = 0

    def despertar(self) -> None:
        self._despertar.set()

    def posicion_guardada(self) -> int:
        with self.motor.connect() as c:
            return int(c.execute(select(func.max(seguimiento.c.notificacion_id))
                                 .where(seguimiento.c.origen == self.origen)).scalar() or 0)

    def procesar_pendientes(self) -> int:
        """Apply every committed event not yet applied; returns how many were applied."""
        total = 0
        self.posicion = self.posicion_guardada()
        while True:
            lote = self.app.notificaciones(self.posicion + 1, self.lote)
            if not lote:
                return total
            eventos = [crudo.mensaje(self.servicio, self.app.mapper, n) for n in lote]
            por_lote = [p for p in self.proyecciones if hasattr(p, "aplicar_lote")]
            por_evento = [p for p in self.proyecciones if not hasattr(p, "aplicar_lote")]
            with self.motor.begin() as c:
                for e in eventos:
                    for p in por_evento:
                        p.aplicar(c, e)
                for p in por_lote:
                    p.aplicar_lote(c, eventos)  # type: ignore[attr-defined]
                c.execute(insert(seguimiento), [{"origen": self.origen, "notificacion_id": n.id} for n in lote])
            self.posicion = lote[-1].id
            total += len(lote)

    def reconstruir(self) -> int:
        """Drop every row of the read models and replay the whole log."""
        with self.motor.begin() as c:
            for p in self.proyecciones:
                for t in p.tablas:
                    c.execute(delete(t))
            c.execute(delete(seguimiento).where(seguimiento.c.origen == self.origen))
        return self.procesar_pendientes()

    async def correr(self, parar: asyncio.Event) -> None:
        while not parar.is_set():
            try:
                await asyncio.to_thread(self.procesar_pendientes)
            except Exception:  # database restarting: try again shortly, never die
                log.exception("proyector %s: error al proyectar", self.servicio)
                await asyncio.sleep(1)
            self._despertar.clear()
            try:
                await asyncio.wait_for(self._despertar.wait(), timeout=0.5)
            except TimeoutError:
                pass

    async def alcanzar(self, posicion: int, segundos: float = 10) -> None:
        """Wait until the read models include ``posicion`` (read-your-writes for a client that needs it)."""
        limite = asyncio.get_running_loop().time() + segundos
        while self.posicion < posicion and asyncio.get_running_loop().time() < limite:
            self.despertar()
            await asyncio.sleep(0.01)
