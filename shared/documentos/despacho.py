"""Runs one ``Entregador`` per active subscription, picking up new and deactivated subscriptions as they change.

Why a separate runner: the gateway (or its own process) owns delivery; subscriptions are created and deactivated
through the API while it runs, so it re-reads the table every ``refresco`` seconds instead of needing a restart.
"""

from __future__ import annotations

import asyncio
import logging

from shared.documentos.suscripciones import Entregador, desde_fila
from shared.documentos.tablas import RegistroEntregas

log = logging.getLogger("cti.suscripciones")


class Despachador:
    def __init__(self, registro: RegistroEntregas, nats_url: str, refresco: float = 5.0,
                 **opciones: object) -> None:
        """``opciones`` go to each ``Entregador`` (max_intentos, espera_base, espera_max, timeout_http...)."""
        self.registro, self.nats_url, self.refresco, self.opciones = registro, nats_url, refresco, opciones
        self.activos: dict[str, tuple[asyncio.Event, asyncio.Task, Entregador]] = {}
        self._cerrojo = asyncio.Lock()  # the API calls ``sincronizar`` too (a new subscription starts at once)

    async def correr(self, parar: asyncio.Event) -> None:
        try:
            while not parar.is_set():
                try:
                    await self.sincronizar()
                except Exception as e:  # database hiccup: keep the running deliverers, retry later
                    log.warning("despachador: no se pudieron leer las suscripciones (%s)", e)
                try:
                    await asyncio.wait_for(parar.wait(), timeout=self.refresco)
                except TimeoutError:
                    pass
        finally:
            for id_ in list(self.activos):
                await self._detener(id_)

    async def sincronizar(self) -> None:
        async with self._cerrojo:
            await self._sincronizar()

    async def _sincronizar(self) -> None:
        filas = {f["id"]: f for f in await asyncio.to_thread(self.registro.suscripciones)}
        for id_ in set(self.activos) - set(filas):
            await self._detener(id_)
        for id_, fila in filas.items():
            if id_ not in self.activos or self.activos[id_][1].done():
                entregador = Entregador(desde_fila(fila), self.nats_url, self.registro, **self.opciones)
                parar = asyncio.Event()
                self.activos[id_] = (parar, asyncio.create_task(entregador.correr(parar)), entregador)

    async def _detener(self, id_: str) -> None:
        parar, tarea, _ = self.activos.pop(id_)
        parar.set()
        try:
            await asyncio.wait_for(tarea, timeout=15)
        except Exception as e:
            log.warning("despachador: la entrega %s termino con %r", id_, e)
