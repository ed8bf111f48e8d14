"""Helpers for integration tests: a migrated registro store, raw access to its stored events, waiting."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from datetime import date

import psycopg
import sqlite3

from services.registro.aplicacion import AplicacionRegistro
from services.registro.main import MIGRACIONES
from shared.eventos import Actor, acto
from shared.lecturas.migraciones import migrar

ADMIN = Actor("ana", "APCI-DE", ("administrador",))
FUND = {"norma": "D.S. 028-2007-RE", "articulo": "5"}


def app_registro(database_url: str) -> AplicacionRegistro:
    migrar(database_url, MIGRACIONES)
    return AplicacionRegistro(database_url)


def crear_oficinas(app: AplicacionRegistro, n: int, renombres: int = 0, prefijo: str = "OF") -> int:
    """Commit ``n`` offices with ``renombres`` renames each; returns the number of events committed."""
    with acto(actor=ADMIN):
        for i in range(n):
            codigo = f"{prefijo}-{i:04d}"
            app.crear_oficina(codigo=codigo, nombre=f"Oficina {i}", tipo="sector", entidad="Ministerio",
                              vigente_desde=date(2020, 1, 1), fundamento_legal=FUND)
            for j in range(renombres):
                app.renombrar_oficina(codigo, None, nombre=f"Oficina {i} v{j}", fecha=date(2021, 1, 1),
                                      fundamento_legal=FUND)
    return n * (1 + renombres)


class SQLCrudo:
    """Direct SQL on the event table, to play the part of someone tampering with the database."""

    def __init__(self, database_url: str) -> None:
        self.url = database_url
        self.pg = database_url.startswith("postgres")
        self.tabla = "registro_events" if self.pg else "stored_events"

    def ejecutar(self, sql: str, params: tuple = ()) -> list[tuple]:
        sql = sql.replace("{t}", self.tabla)
        if self.pg:
            with psycopg.connect(self.url, autocommit=True) as c:
                cur = c.execute(sql.replace("?", "%s"), params)
                return cur.fetchall() if cur.description else []
        c = sqlite3.connect(self.url.split(":///", 1)[1])
        try:
            cur = c.execute(sql, params)
            filas = cur.fetchall()
            c.commit()
            return filas
        finally:
            c.close()


def esperar(condicion: Callable[[], bool], segundos: float = 20, mensaje: str = "") -> None:
    limite = time.monotonic() + segundos
    while time.monotonic() < limite:
        if condicion():
            return
        time.sleep(0.05)
    raise AssertionError(f"no se cumplio en {segundos}s: {mensaje}")


async def esperar_async(condicion: Callable[[], bool], segundos: float = 20, mensaje: str = "") -> None:
    limite = time.monotonic() + segundos
    while time.monotonic() < limite:
        if await asyncio.to_thread(condicion):
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"no se cumplio en {segundos}s: {mensaje}")
