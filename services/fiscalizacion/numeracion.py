"""Case numbers of the sanctioning procedure: ``PAS-<anio>-<secuencia de 6 digitos>`` (e.g. PAS-2026-000123).

Why aggregates and not a database sequence: the counter and the number's index are saved in the same ``save(...)``
as the case they number, so a number exists exactly when its case does (no gaps from refused commands), two writers
reading the same counter version collide on it (optimistic concurrency), and looking a case up by its number needs
no read model (read-your-writes right after the opening).
"""

from __future__ import annotations

from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import event

from shared.eventos import Agregado

PREFIJO = "PAS"


def formatear(anio: int, secuencia: int) -> str:
    return f"{PREFIJO}-{anio}-{secuencia:06d}"


class NumeradorPAS(Agregado):
    """One counter per year."""

    @staticmethod
    def create_id(anio: int) -> UUID:
        return uuid5(NAMESPACE_URL, f"/numerador-pas/{anio}")

    @event("NumeracionPASIniciada")
    def __init__(self, anio: int) -> None:
        self.anio, self.ultima = anio, 0

    @classmethod
    def correlacion_inicial(cls, datos: dict[str, Any]) -> str:
        return f"NUMERACION-{PREFIJO}-{datos['anio']}"

    @property
    def correlacion(self) -> str:
        return f"NUMERACION-{PREFIJO}-{self.anio}"

    def asignar(self, expediente_id: str) -> str:
        numero = formatear(self.anio, self.ultima + 1)
        self._asignar(secuencia=self.ultima + 1, numero=numero, expediente_id=expediente_id)
        return numero

    @event("NumeroPASAsignado")
    def _asignar(self, secuencia: int, numero: str, expediente_id: str) -> None:
        self.ultima = secuencia


class NumeroPAS(Agregado):
    """Index entry: a case number -> the case's aggregate id (whose id derives from its origin, for idempotency)."""

    @staticmethod
    def create_id(numero: str) -> UUID:
        return uuid5(NAMESPACE_URL, f"/numero-pas/{numero}")

    @event("NumeroPASRegistrado")
    def __init__(self, numero: str, expediente_id: str) -> None:
        self.numero, self.expediente_id = numero, expediente_id

    @classmethod
    def correlacion_inicial(cls, datos: dict[str, Any]) -> str:
        return datos["numero"]
