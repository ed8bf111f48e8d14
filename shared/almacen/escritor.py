"""One writer per event store: commands queue on a single thread instead of fighting for the database's locks.

SQLite has one writer at a time and eventsourcing's PostgreSQL recorder takes a table lock per insert; measured here,
many threadpool requests contending for either give a long tail (p99 > 100 ms). Queuing the writes on one thread
keeps latency flat and makes optimistic-concurrency conflicts deterministic. Reads do not queue here.
"""

from __future__ import annotations

import asyncio
import contextvars
import functools
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from shared.errores import ServicioNoDisponible, es_base_caida

T = TypeVar("T")
VIGENCIA_SONDA = 0.5


class Escritor:
    def __init__(self, nombre: str, sonda: Callable[[], None] | None = None) -> None:
        """``sonda``: raises if the database cannot be reached. Checked (at most every ``VIGENCIA_SONDA`` s) before
        a command queues: eventsourcing retries a failed write for up to ~50 s on the single writer thread, so
        without it every command queued behind one written while the database is down would hang instead of
        getting a 503."""
        self._ejecutor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"escritor-{nombre}")
        self._despues: list[Callable[[], None]] = []
        self._sonda = sonda
        self._sondeado: tuple[float, bool] = (-1e9, True)

    def al_confirmar(self, aviso: Callable[[], None]) -> None:
        """Register a callback run after each write (the relay uses it to wake up at once)."""
        self._despues.append(aviso)

    async def _exigir_base(self) -> None:
        cuando, disponible = self._sondeado
        if time.monotonic() - cuando > VIGENCIA_SONDA:
            try:
                await asyncio.to_thread(self._sonda)  # type: ignore[arg-type]
                disponible = True
            except Exception as e:
                if not es_base_caida(e):
                    raise
                disponible = False
            self._sondeado = (time.monotonic(), disponible)
        if not disponible:
            raise ServicioNoDisponible("La base de datos no esta disponible; reintente en unos segundos.")

    async def ejecutar(self, funcion: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        if self._sonda is not None:
            await self._exigir_base()
        loop = asyncio.get_running_loop()
        try:
            ctx = contextvars.copy_context()  # the act context (actor, correlation) travels into the writer thread
            return await loop.run_in_executor(self._ejecutor, functools.partial(ctx.run, funcion, *args, **kwargs))
        finally:
            for aviso in self._despues:
                aviso()

    def cerrar(self) -> None:
        self._ejecutor.shutdown(wait=True)
