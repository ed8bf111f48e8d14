"""The baseline for B1: the smallest FastAPI + eventsourcing app that saves one event per POST on PostgreSQL.

No gateway, no envelope, no hash chain, no single writer, no middleware: FastAPI's threadpool runs each save with
eventsourcing's default PostgreSQL recorder. Run as ``uvicorn bench.app_base:crear_app --factory`` with
``BASE_DATABASE_URL``. What the suite does on top of this is what B1's ratio prices.
"""

from __future__ import annotations

import os
from uuid import uuid4

from eventsourcing.application import Application
from eventsourcing.domain import Aggregate, event
from fastapi import FastAPI

from shared.configuracion import entorno_eventsourcing


class Nota(Aggregate):
    @event("NotaCreada")
    def __init__(self, texto: str) -> None:
        self.texto = texto


class AppBase(Application):
    name = "base"


def crear_app() -> FastAPI:
    entorno = entorno_eventsourcing(os.environ["BASE_DATABASE_URL"])
    entorno.pop("SINGLE_ROW_TRACKING", None)
    aplicacion = AppBase(env=entorno)
    app = FastAPI()

    @app.post("/notas/{clave}")
    def crear(clave: str, cuerpo: dict) -> dict:  # sync: FastAPI's threadpool, as a minimal app would do
        nota = Nota(texto=str(cuerpo.get("texto", clave)))
        aplicacion.save(nota)
        return {"id": str(nota.id), "version": nota.version}

    @app.get("/health/live")
    def vivo() -> dict:
        return {"estado": "vivo", "uuid": str(uuid4())}

    return app
