"""Projections of the services' public events into the gateway's read models (idempotent, tracked)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Connection, Engine, insert, update

from services.gateway.lecturas import eventos, oficinas
from shared.lecturas.proyeccion import aplicar_una_vez


def proyectar(motor: Engine, evento: dict[str, Any]) -> bool:
    """Store the event in the history table and update the offices view; once per (service, notification)."""
    servicio, n = evento["servicio"], int(evento["notificacion_id"])
    return aplicar_una_vez(motor, servicio, n, lambda c: _aplicar(c, evento))


def _aplicar(c: Connection, e: dict[str, Any]) -> None:
    sobre = e.get("sobre") or {}
    c.execute(insert(eventos).values(
        servicio=e["servicio"], notificacion_id=int(e["notificacion_id"]), correlacion=sobre.get("correlacion"),
        ruc=_ruc(e), agregado=e["agregado"], agregado_id=e["agregado_id"], version=int(e["version"]), tipo=e["tipo"],
        timestamp=e["timestamp"], fecha_negocio=sobre.get("fecha_negocio"), sobre=sobre, datos=e.get("datos") or {},
        hash_anterior=e.get("hash_anterior"), hash=e.get("hash"),
    ))
    if e["servicio"] == "registro" and e["agregado"] == "oficina":
        _oficina(c, e)


def _ruc(e: dict[str, Any]) -> str | None:
    """The entity an event is about, when it names one (registries, sanctions, promoters of files)."""
    d = e.get("datos") or {}
    for valor in (d.get("ruc"), d.get("ruc_entidad"), e["sobre"].get("ruc")):
        if isinstance(valor, str) and len(valor) == 11 and valor.isdigit():
            return valor
    return None


def _oficina(c: Connection, e: dict[str, Any]) -> None:
    d = e["datos"]
    por_id = oficinas.c.agregado_id == e["agregado_id"]
    if e["tipo"] == "OficinaCreada":
        c.execute(insert(oficinas).values(
            codigo=d["codigo"], agregado_id=e["agregado_id"], nombre=d["nombre"], tipo=d["tipo"], entidad=d["entidad"], estado="activa",
            vigente_desde=date.fromisoformat(d["vigente_desde"]), version=e["version"]))
    elif e["tipo"] == "OficinaRenombrada":
        c.execute(update(oficinas).where(por_id).values(nombre=d["nombre"], version=e["version"]))
    elif e["tipo"] == "OficinaCerrada":
        c.execute(update(oficinas).where(por_id).values(
            estado="cerrada", vigente_hasta=date.fromisoformat(d["fecha"]), version=e["version"]))
