"""Background tasks a service adds to the chassis' lifespan without changing ``shared.servicio``.

Why: ``crear_servicio`` starts the relay, projector and consumers with one stop event; a composition root that needs
another long-running task (tramite's DMS poller, the gateway's outbound deliverers) wraps the app's lifespan so the
task starts after the chassis is up (database migrated, application built) and is stopped, and awaited, before the
chassis shuts down.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

from fastapi import FastAPI

log = logging.getLogger("cti.servicio")

Tarea = Callable[[asyncio.Event], Awaitable[None]]


def con_tareas(app: FastAPI, fabrica: Callable[[Any], list[Tarea]]) -> None:
    """``fabrica(componentes)`` runs once the chassis has started and returns ``correr(parar)`` coroutines."""
    original = app.router.lifespan_context

    @contextlib.asynccontextmanager
    async def ciclo(a: FastAPI) -> AsyncIterator[None]:
        async with original(a):
            parar = asyncio.Event()
            tareas = [asyncio.create_task(t(parar)) for t in fabrica(a.state.componentes)]
            try:
                yield
            finally:
                parar.set()
                if tareas:
                    _, pendientes = await asyncio.wait(tareas, timeout=15)
                    for t in pendientes:
                        log.warning("tarea de fondo no se detuvo a tiempo; se cancela")
                        t.cancel()

    app.router.lifespan_context = ciclo
