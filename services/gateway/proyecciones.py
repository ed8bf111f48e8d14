"""Projections of the services' public events into the gateway's read models (idempotent, tracked)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Connection, Engine, delete, insert, select

from services.gateway.lecturas import eventos, oficinas
from shared.lecturas.proyeccion import aplicar_una_vez, pendientes
from shared.lecturas.tablas import seguimiento


def proyectar(motor: Engine, evento: dict[str, Any]) -> bool:
    """Store the event in the history table and update the offices view; once per (service, notification)."""
    servicio, n = evento["servicio"], int(evento["notificacion_id"])
    return aplicar_una_vez(motor, servicio, n, lambda c: _aplicar(c, evento))


def proyectar_lote(motor: Engine, lote: list[dict[str, Any]]) -> None:
    """A batch from one stream in one transaction: events already applied are skipped, the others inserted with
    their tracking rows (one multi-row insert each instead of three statements and a commit per event)."""
    with motor.begin() as c:
        nuevos = pendientes(c, [(e["servicio"], int(e["notificacion_id"])) for e in lote])
        aplicar = []
        for e in lote:  # a message redelivered inside the same batch counts once
            clave = (e["servicio"], int(e["notificacion_id"]))
            if clave in nuevos:
                nuevos.discard(clave)
                aplicar.append(e)
        if not aplicar:
            return
        c.execute(insert(eventos), [_fila(e) for e in aplicar])
        c.execute(insert(seguimiento), [{"origen": e["servicio"], "notificacion_id": int(e["notificacion_id"])}
                                        for e in aplicar])
        for e in aplicar:
            if e["servicio"] == "registro" and e["agregado"] == "oficina":
                _oficina(c, e)


def _fila(e: dict[str, Any]) -> dict[str, Any]:
    sobre = e.get("sobre") or {}
    return dict(
        servicio=e["servicio"], notificacion_id=int(e["notificacion_id"]), correlacion=sobre.get("correlacion"),
        ruc=_ruc(e), agregado=e["agregado"], agregado_id=e["agregado_id"], version=int(e["version"]), tipo=e["tipo"],
        timestamp=e["timestamp"], fecha_negocio=sobre.get("fecha_negocio"), sobre=sobre, datos=e.get("datos") or {},
        hash_anterior=e.get("hash_anterior"), hash=e.get("hash"))


def _aplicar(c: Connection, e: dict[str, Any]) -> None:
    c.execute(insert(eventos).values(**_fila(e)))
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
    """Rebuild the office's row from its events in the history (same transaction), not by patching the row: a
    redelivered, reordered or re-driven event then gives the same row as in-order delivery. Only the gap-free
    prefix of versions counts; a later event waiting for its predecessor shows once the predecessor arrives."""
    filas = c.execute(select(eventos.c.version, eventos.c.tipo, eventos.c.datos).where(
        eventos.c.servicio == e["servicio"], eventos.c.agregado_id == e["agregado_id"]).order_by(eventos.c.version))
    fila: dict[str, Any] | None = None
    for esperada, (version, tipo, d) in enumerate(filas, start=1):
        if version != esperada:
            break
        if tipo == "OficinaCreada":
            fila = dict(codigo=d["codigo"], agregado_id=e["agregado_id"], nombre=d["nombre"], tipo=d["tipo"],
                        entidad=d["entidad"], estado="activa", vigente_desde=date.fromisoformat(d["vigente_desde"]),
                        vigente_hasta=None)
        elif fila is None:
            break
        elif tipo == "OficinaRenombrada":
            fila["nombre"] = d["nombre"]
        elif tipo == "OficinaCerrada":
            fila.update(estado="cerrada", vigente_hasta=date.fromisoformat(d["fecha"]))
        if fila is not None:
            fila["version"] = version
    c.execute(delete(oficinas).where(oficinas.c.agregado_id == e["agregado_id"]))
    if fila is not None:
        c.execute(insert(oficinas).values(**fila))
