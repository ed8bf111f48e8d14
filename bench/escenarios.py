"""Scenario set-up shared by the benchmarks: an empty suite with the real offices seeded and learned by tramite."""

from __future__ import annotations

import time

import psycopg

from bench.comandos import OFICINAS, sembrar_oficinas
from bench.entorno import Entorno, Suite


def esperar_oficinas_en_tramite(suite: Suite, segundos: float = 60) -> None:
    esperadas = len(OFICINAS["oficinas"])
    limite = time.monotonic() + segundos
    with psycopg.connect(suite.urls_db["tramite"], autocommit=True) as c:
        while time.monotonic() < limite:
            try:
                n = c.execute("SELECT count(*) FROM oficinas_conocidas").fetchone()[0]
            except psycopg.Error:
                n = 0
            if n >= esperadas:
                return
            time.sleep(0.1)
    raise TimeoutError(f"tramite no aprendio las {esperadas} oficinas de registro en {segundos}s")


def suite_vacia(entorno: Entorno, token) -> Suite:  # type: ignore[no-untyped-def]
    suite = Suite(entorno, "vacio")
    try:
        suite.arrancar()
        sembrar_oficinas(suite.gateway, token)
        esperar_oficinas_en_tramite(suite)
    except Exception:
        for s in suite.procesos:
            print(f"--- {s}.log\n{suite.log(s)}")
        suite.borrar()
        raise
    return suite
