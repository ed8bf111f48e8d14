"""An in-memory event-sourced application for domain tests: save an aggregate, reload it, compare."""

from __future__ import annotations

from typing import Any

from eventsourcing.application import Application
from eventsourcing.persistence import Transcoder

from shared.eventos.transcodificacion import registrar_transcodificaciones


class AplicacionEnMemoria(Application):
    def register_transcodings(self, transcoder: Transcoder) -> None:
        super().register_transcodings(transcoder)
        registrar_transcodificaciones(transcoder)


def app_en_memoria() -> AplicacionEnMemoria:
    return AplicacionEnMemoria(env={"PERSISTENCE_MODULE": "eventsourcing.popo"})


def recargar(agregado: Any) -> Any:
    """Save into a fresh in-memory store and load it back (through the JSON transcoder and the hash-chain check)."""
    app = app_en_memoria()
    app.save(agregado)
    return app.repository.get(agregado.id)
