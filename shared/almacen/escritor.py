"""One writer per event store: commands queue on a single thread instead of fighting for the database's locks.

SQLite has one writer at a time and eventsourcing's PostgreSQL recorder takes a table lock per insert; measured here,
many threadpool requests contending for either give a long tail (p99 > 100 ms). Queuing the writes on one thread
keeps latency flat and makes optimistic-concurrency conflicts deterministic. Reads do not queue here.
"""

from __future__ import annotations

import asyncio
import contextvars
import functools
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")


class Escritor:
    def __init__(self, nombre: str) -> None:
        self._ejecutor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"escritor-{nombre}")
        self._despues: list[Callable[[], None]] = []

    def al_confirmar(self, aviso: Callable[[], None]) -> None:
        """Register a callback run after each write (the relay uses it to wake up at once)."""
        self._despues.append(aviso)

    async def ejecutar(self, funcion: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        loop = asyncio.get_running_loop()
        try:
            ctx = contextvars.copy_context()  # the act context (actor, correlation) travels into the writer thread
            return await loop.run_in_executor(self._ejecutor, functools.partial(ctx.run, funcion, *args, **kwargs))
        finally:
            for aviso in self._despues:
                aviso()

    def cerrar(self) -> None:
        self._ejecutor.shutdown(wait=True)
