"""The expediente number allocator: one event-sourced counter per (year, sigla), e.g. (2026, "MINSA").

Why an aggregate and not a database sequence: the counter is saved in the same ``save(...)`` as the file it numbers,
so a number exists exactly when its file does (no gaps from rolled-back commands, nothing to reconcile), and two
writers that read the same counter version collide on it (optimistic concurrency): the loser retries with the next
number. Its ``NumeroExpedienteAsignado`` events carry the new file's number as correlation, so the file's history
shows where its number came from.
"""

from __future__ import annotations

from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import event

from services.tramite.domain.numeracion import formatear_numero
from shared.eventos import Agregado


def sigla_de(oficina: str) -> str:
    """The numbering sigla of a receiving office: the first part of its code (MINSA-CTI -> MINSA)."""
    return oficina.split("-", 1)[0]


class Numerador(Agregado):
    @staticmethod
    def create_id(anio: int, sigla: str) -> UUID:
        return uuid5(NAMESPACE_URL, f"/numerador-expedientes/{anio}/{sigla}")

    @event("NumeracionIniciada")
    def __init__(self, anio: int, sigla: str) -> None:
        self.anio, self.sigla, self.ultima = anio, sigla, 0

    @classmethod
    def correlacion_inicial(cls, datos: dict[str, Any]) -> str:
        return f"NUMERACION-{datos['anio']}-{datos['sigla']}"

    @property
    def correlacion(self) -> str:
        return f"NUMERACION-{self.anio}-{self.sigla}"

    def siguiente(self) -> str:
        """The number the next ``asignar`` will record (formatting validates year, sigla and range)."""
        return formatear_numero(self.anio, self.sigla, self.ultima + 1)

    def asignar(self) -> str:
        numero = self.siguiente()
        self._asignar(secuencia=self.ultima + 1, numero=numero)
        return numero

    @event("NumeroExpedienteAsignado")
    def _asignar(self, secuencia: int, numero: str) -> None:
        self.ultima = secuencia
