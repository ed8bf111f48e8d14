"""The deadline scheduler: once a minute (and at start-up) it asks the application to expire due deadlines.

Expiry is an event stored like any other (architecture principle 6), produced by an idempotent domain command, so a
restart neither loses a deadline (start-up catches up with everything due) nor repeats one (expiring twice records
once). "Today" is the date in Lima; operators and tests can also trigger a run for a given date through
``POST /operaciones/plazos/vencer``.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import date, datetime
from zoneinfo import ZoneInfo

from shared.almacen.escritor import Escritor
from shared.eventos.sobre import SISTEMA, acto

log = logging.getLogger("cti.programador")
LIMA = ZoneInfo("America/Lima")


def hoy_en_lima() -> date:
    return datetime.now(LIMA).date()


class Programador:
    def __init__(self, escritor: Escritor, vencer: Callable[[date], int], intervalo_s: float = 60) -> None:
        self.escritor = escritor
        self.vencer = vencer
        self.intervalo_s = intervalo_s

    async def ejecutar(self, hoy: date) -> int:
        def _en_acto() -> int:
            with acto(actor=SISTEMA, causacion=f"programador:{hoy.isoformat()}"):
                return self.vencer(hoy)

        return await self.escritor.ejecutar(_en_acto)

    async def correr(self, parar: asyncio.Event) -> None:
        while not parar.is_set():
            try:
                vencidos = await self.ejecutar(hoy_en_lima())
                if vencidos:
                    log.info("programador: %s plazos vencidos", vencidos)
            except Exception:
                log.exception("programador: fallo al vencer plazos")
            try:
                await asyncio.wait_for(parar.wait(), timeout=self.intervalo_s)
            except TimeoutError:
                pass
