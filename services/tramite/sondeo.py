"""tramite's poller of the DMS event log: what the DMS registered for a file becomes ``DocumentoIncorporado``.

Why polling as well as the webhook: a DMS may have no push at all (Mayan's workflow HTTP action is fire-and-forget),
and a webhook lost while the suite was down must still arrive. Position and effects are not in one transaction;
the design is idempotent instead: the position is stored after the incorporations committed, and incorporation is
idempotent by (dms, dms_id, version), so re-polling after a crash attaches nothing twice. A DMS that is down makes
``sondear`` raise: the position stays and the next round retries.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from sqlalchemy import BigInteger, Column, Engine, MetaData, String, Table, delete, insert, select

from services.tramite.documentos import incorporar_en_acto
from shared.documentos import entrada
from shared.documentos.puerto import PuertoDocumental

log = logging.getLogger("cti.documentos")
metadata = MetaData()

posiciones_dms = Table(
    "dms_posiciones", metadata,
    Column("origen", String(80), primary_key=True),
    Column("posicion", BigInteger, nullable=False),
)


class SondeoDocumental:
    def __init__(self, comp: Any, puerto: PuertoDocumental, intervalo: float) -> None:
        self.comp, self.puerto, self.intervalo = comp, puerto, intervalo
        self.origen = f"dms:{puerto.nombre}"
        self.rondas = 0  # completed polls (tests and /metrics-style introspection)
        self._evento: asyncio.Event | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    @property
    def motor(self) -> Engine:
        return self.comp.motor

    def posicion(self) -> int:
        with self.motor.connect() as c:
            valor = c.execute(select(posiciones_dms.c.posicion).where(posiciones_dms.c.origen == self.origen)).scalar()
        return int(valor or 0)

    def guardar(self, posicion: int) -> None:
        with self.motor.begin() as c:
            c.execute(delete(posiciones_dms).where(posiciones_dms.c.origen == self.origen))
            c.execute(insert(posiciones_dms).values(origen=self.origen, posicion=posicion))

    async def una_vez(self) -> list[dict[str, Any]]:
        """One round: incorporate what the DMS logged after the stored position, then store the new position."""
        desde = await asyncio.to_thread(self.posicion)
        incorporaciones, hasta = await asyncio.to_thread(entrada.sondear, self.puerto, desde)
        resultados = []
        for inc in incorporaciones:
            resultados.append(await self.comp.escritor.ejecutar(incorporar_en_acto, self.comp.aplicacion, inc))
            if not resultados[-1]["incorporado"]:
                log.info("documento %s/%s: %s", inc.referencia.dms_id, inc.referencia.version,
                         resultados[-1]["motivo"])
        if hasta != desde:
            await asyncio.to_thread(self.guardar, hasta)
        self.rondas += 1
        return resultados

    def despertar(self) -> None:
        """Poll now instead of at the end of the interval; callable from any thread."""
        if self._loop is not None and self._evento is not None:
            self._loop.call_soon_threadsafe(self._evento.set)

    async def correr(self, parar: asyncio.Event) -> None:
        self._loop, self._evento = asyncio.get_running_loop(), asyncio.Event()
        while not parar.is_set():
            try:
                await self.una_vez()
            except Exception as e:  # DMS or database down: keep the position, retry next round
                log.warning("sondeo del DMS fallo (%r); se reintenta", e)
            self._evento.clear()
            esperas = [asyncio.ensure_future(parar.wait()), asyncio.ensure_future(self._evento.wait())]
            await asyncio.wait(esperas, timeout=self.intervalo, return_when=asyncio.FIRST_COMPLETED)
            for e in esperas:
                e.cancel()
