"""The composition of one service process: FastAPI app, event store, single writer, relay, consumers.

Every service calls ``crear_servicio`` from its ``main.py`` with its own application, routers, migrations and
consumers; nothing connects at import time. On start-up it migrates the read-side tables (Alembic), then starts the
relay and the consumers as background tasks; on shutdown it stops them and drains.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from fastapi import APIRouter, FastAPI
from fastapi.routing import APIRoute
from sqlalchemy import Engine

from shared.almacen.aplicacion import AplicacionCTI
from shared.almacen.escritor import Escritor
from shared.auditoria.tarea import iniciar_checkpoints
from shared.configuracion import Configuracion
from shared.http.idempotencia import Idempotencia
from shared.http.middleware import Contexto
from shared.http.problemas import registrar_manejadores
from shared.http.registro_log import configurar_logs
from shared.identidad.tokens import Verificador
from shared.lecturas.migraciones import migrar
from shared.lecturas.motor import crear_motor
from shared.mensajeria.consumidor import Consumidor
from shared.mensajeria.relay import Relay
from shared.lecturas.proyector_local import Proyeccion, ProyectorLocal
from shared.programador import Programador
from shared.rutas_comunes import router_operaciones, router_salud

log = logging.getLogger("cti.servicio")


@dataclass
class Componentes:
    config: Configuracion
    motor: Engine
    escritor: Escritor
    aplicacion: AplicacionCTI | None = None
    relay: Relay | None = None
    proyector: ProyectorLocal | None = None
    programador: Programador | None = None
    consumidores: list[Consumidor] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)


def _id_operacion(ruta: APIRoute) -> str:
    return f"{ruta.tags[0]}-{ruta.name}" if ruta.tags else ruta.name


def crear_servicio(
    config: Configuracion,
    *,
    titulo: str,
    descripcion: str,
    routers: Sequence[APIRouter],
    migraciones: Path,
    crear_aplicacion: Callable[[Configuracion], AplicacionCTI] | None = None,
    crear_consumidores: Callable[[Componentes], list[Consumidor]] | None = None,
    al_iniciar: Callable[[Componentes], Any] | None = None,
    proyecciones: Sequence[Proyeccion] = (),
    vencer_plazos: Callable[[Any, date], int] | None = None,
    verificador: Verificador | None = None,
) -> FastAPI:
    configurar_logs(config.servicio, config.nivel_log)
    motor = crear_motor(config.database_url)
    sonda = None if config.es_sqlite else lambda: motor.connect().close()  # pool pre-ping: a round trip
    comp = Componentes(config=config, motor=motor, escritor=Escritor(config.servicio, sonda))

    @contextlib.asynccontextmanager
    async def ciclo(app: FastAPI) -> AsyncIterator[None]:
        await asyncio.to_thread(migrar, config.database_url, migraciones)
        if crear_aplicacion is not None:
            comp.aplicacion = await asyncio.to_thread(crear_aplicacion, config)
        parar = asyncio.Event()
        tareas: list[asyncio.Task[None]] = []
        if comp.aplicacion is not None and config.relay_en_proceso:
            comp.relay = Relay(config.servicio, comp.aplicacion, motor, config.nats_url)
            comp.escritor.al_confirmar(comp.relay.despertar)
            tareas.append(asyncio.create_task(comp.relay.correr(parar)))
        if comp.aplicacion is not None and proyecciones:
            comp.proyector = ProyectorLocal(config.servicio, comp.aplicacion, motor, proyecciones)
            comp.escritor.al_confirmar(comp.proyector.despertar)
            tareas.append(asyncio.create_task(comp.proyector.correr(parar)))
        if comp.aplicacion is not None and vencer_plazos is not None:
            app_es = comp.aplicacion
            comp.programador = Programador(comp.escritor, lambda hoy: vencer_plazos(app_es, hoy))
            tareas.append(asyncio.create_task(comp.programador.correr(parar)))
        tareas += await iniciar_checkpoints(comp, parar)
        comp.consumidores = crear_consumidores(comp) if crear_consumidores else []
        tareas += [asyncio.create_task(c.correr(parar)) for c in comp.consumidores]
        if al_iniciar is not None:
            resultado = al_iniciar(comp)
            if asyncio.iscoroutine(resultado):
                await resultado
        log.info("servicio %s listo", config.servicio)
        try:
            yield
        finally:
            parar.set()
            await asyncio.wait(tareas, timeout=5) if tareas else None
            for t in tareas:
                t.cancel()
            comp.escritor.cerrar()
            motor.dispose()

    app = FastAPI(title=titulo, description=descripcion, version="1.0.0", lifespan=ciclo,
                  generate_unique_id_function=_id_operacion)
    app.state.componentes = comp
    app.state.config = config
    app.state.verificador = verificador or _verificador_de(config)
    registrar_manejadores(app)
    app.add_middleware(Idempotencia, motor=motor)
    app.add_middleware(Contexto, servicio=config.servicio)
    app.include_router(router_salud)
    app.include_router(router_operaciones)
    for r in routers:
        app.include_router(r)
    return app


def _verificador_de(config: Configuracion) -> Verificador | None:
    if config.clave_publica is None or not Path(config.clave_publica).exists():
        return None
    return Verificador(Path(config.clave_publica).read_bytes(), config.audiencia_token, config.emisor_token)
