"""A small service log built in memory, its signed checkpoint and bundle, and the tampering an auditor must catch."""

from __future__ import annotations

import copy
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from eventsourcing.domain import event

from shared.almacen.publico import evento_publico
from shared.auditoria import paquete as paq
from shared.auditoria.cadena import hash_de_mensaje
from shared.auditoria.checkpoint import entrada_de, extender, firmar, pem_publica
from shared.eventos import Agregado, acto
from shared.eventos.persistencia_prueba import app_en_memoria
from shared.eventos.sobre import GENESIS

CLAVE = Ed25519PrivateKey.generate()


class Expediente(Agregado):
    @event("ExpedienteAbierto")
    def __init__(self, numero: str) -> None:
        self.numero = numero
        self.etapa = "apertura"

    @event("ExpedienteDerivado")
    def derivar(self, a: str) -> None:
        self.etapa = a


def log_servicio(servicio: str = "tramite", pasos: int = 5) -> list[dict[str, Any]]:
    """Public events of two files, interleaved in the log: EXP-1 (two streams) and EXP-2 (one)."""
    app = app_en_memoria()
    for i in range(pasos):
        for corr, n in (("EXP-1", 0), ("EXP-2", 0), ("EXP-1", 1)):
            with acto(correlacion=corr):
                ident = f"{corr}/{n}"
                agg = app.repository.get(app_id(ident)) if i else _crear(ident)
                if i:
                    agg.derivar(a=f"etapa {i}")
                app.save(agg)
    return [evento_publico(servicio, app.mapper, n) for n in app.recorder.select_notifications(1, 1000)]


_IDS: dict[str, Any] = {}


def _crear(ident: str) -> Expediente:
    e = Expediente(numero=ident)
    _IDS[ident] = e.id
    return e


def app_id(ident: str) -> Any:
    return _IDS[ident]


def checkpoint(servicio: str, log: list[dict[str, Any]], clave: Ed25519PrivateKey = CLAVE,
               emitido: str = "2026-01-01T00:00:00+00:00") -> dict[str, Any]:
    entradas = [entrada_de(e) for e in log]
    cp = firmar(clave, servicio, entradas[-1][0], len(entradas), extender(GENESIS, entradas), emitido)
    return {**cp, "clave_publica": pem_publica(clave)}


def paquete(log: list[dict[str, Any]], firmados: list[dict[str, Any]], correlacion: str = "EXP-1",
            servicio: str = "tramite") -> dict[str, Any]:
    del_expediente = streams_de(log, correlacion)
    eventos = [e for e in log if e["agregado_id"] in del_expediente]
    return paq.armar(correlacion, [paq.seccion(servicio, eventos, [entrada_de(e) for e in log], firmados)])


def streams_de(log: list[dict[str, Any]], correlacion: str) -> set[str]:
    return {e["agregado_id"] for e in log if e["sobre"].get("correlacion") == correlacion}


def reescribir(log: list[dict[str, Any]], stream: str, nuevo_texto: str) -> list[dict[str, Any]]:
    """What an attacker with the code does: change a stream's payloads and recompute its chain consistently."""
    log = copy.deepcopy(log)
    anterior = GENESIS
    for e in log:
        if e["agregado_id"] == stream:
            if "a" in e["datos"]:
                e["datos"]["a"] = nuevo_texto
            e["hash_anterior"] = anterior
            e["hash"] = hash_de_mensaje(e)
            anterior = e["hash"]
    return log
