"""Uniqueness: at most one active application or registration per RUC and registry.

Each registry is constitutive and keeps one entry per legal person (RGL 70, 73; Ley 27692 art. 4(m)). Applications
are separate aggregates (an entity may apply again after a final denial, an expiry or a renunciation), so the rule
lives in an index aggregate with a deterministic id, ``uuid5(NAMESPACE_URL, "/inscripcion-activa/<registro>/<ruc>")``.
The application loads it (or finds none), calls ``reservar`` and saves it in the same ``save(...)`` as the new
``Inscripcion``: two concurrent filings collide on the index version, and a second filing while one is active raises
``Duplicado``. When the registration reaches a terminal state, ``liberar`` frees the RUC (idempotent).
"""

from __future__ import annotations

from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import event

from shared.errores import Duplicado
from shared.eventos import Agregado

from services.registro.domain.reglas import LEY_APCI, RGL, fl

FUND_UNICIDAD = [fl(LEY_APCI, "4(m)"), fl(RGL, "70"), fl(RGL, "73")]


def id_inscripcion_activa(registro: str, ruc: str) -> UUID:
    return uuid5(NAMESPACE_URL, f"/inscripcion-activa/{registro}/{ruc}")


class InscripcionActiva(Agregado):
    @staticmethod
    def create_id(registro: str, ruc: str) -> UUID:
        return id_inscripcion_activa(registro, ruc)

    @event("InscripcionActivaIndexada")
    def __init__(self, registro: str, ruc: str, inscripcion_id: UUID, expediente: str,
                 fundamento_legal: list) -> None:
        self.registro, self.ruc = registro, ruc
        self.inscripcion_id: UUID | None = inscripcion_id
        self.expediente: str | None = expediente

    @property
    def correlacion(self) -> str | None:
        return getattr(self, "expediente", None)

    @classmethod
    def correlacion_inicial(cls, datos: dict[str, Any]) -> str:
        return str(datos["expediente"])

    @property
    def ocupado(self) -> bool:
        return self.inscripcion_id is not None

    def ocupar(self, *, inscripcion_id: UUID, expediente: str) -> None:
        if self.inscripcion_id == inscripcion_id:
            return
        if self.ocupado:
            raise Duplicado(
                f"El RUC {self.ruc} ya tiene una inscripcion activa en el Registro de {self.registro} "
                f"(expediente {self.expediente}).",
                inscripcion_id=str(self.inscripcion_id), expediente=self.expediente,
            )
        self._ocupar(inscripcion_id=inscripcion_id, expediente=expediente, fundamento_legal=FUND_UNICIDAD)

    @event("InscripcionActivaReasignada")
    def _ocupar(self, inscripcion_id: UUID, expediente: str, fundamento_legal: list) -> None:
        self.inscripcion_id, self.expediente = inscripcion_id, expediente

    def liberar(self, *, inscripcion_id: UUID, estado_final: str) -> None:
        """Free the RUC when ``inscripcion_id`` ended (final denial, expiry, renunciation, legacy cancellation)."""
        if self.inscripcion_id != inscripcion_id:
            return
        self._liberar(inscripcion_id=inscripcion_id, estado_final=estado_final, fundamento_legal=FUND_UNICIDAD)

    @event("InscripcionActivaLiberada")
    def _liberar(self, inscripcion_id: UUID, estado_final: str, fundamento_legal: list) -> None:
        self.inscripcion_id = None

    def a_dict(self) -> dict[str, Any]:
        return {"registro": self.registro, "ruc": self.ruc, "ocupado": self.ocupado, "expediente": self.expediente,
                "inscripcion_id": str(self.inscripcion_id) if self.inscripcion_id else None}


def reservar(indice: InscripcionActiva | None, *, registro: str, ruc: str, inscripcion_id: UUID,
             expediente: str) -> InscripcionActiva:
    """The index to save with a new application: created, re-occupied, or ``Duplicado`` when the RUC is taken."""
    if indice is None:
        return InscripcionActiva(registro=registro, ruc=ruc, inscripcion_id=inscripcion_id, expediente=expediente,
                                 fundamento_legal=FUND_UNICIDAD)
    indice.ocupar(inscripcion_id=inscripcion_id, expediente=expediente)
    return indice
