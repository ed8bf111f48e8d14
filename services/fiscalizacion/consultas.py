"""Queries over the read models for the list endpoints and the public Registro de Sanciones.

Lists are eventually consistent with the event log (the local projector applies new events within milliseconds);
a single resource read by id always comes from the event store. Keyset pagination: ``cursor`` is the last key of the
previous page, so pages stay stable while new rows arrive.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Engine, select

from services.fiscalizacion import tablas as t


def _pagina(filas: list[Any], limite: int, clave: str) -> tuple[list[dict[str, Any]], str | None]:
    items = [dict(f._mapping) for f in filas[:limite]]
    siguiente = str(items[-1][clave]) if len(filas) > limite else None
    return items, siguiente


def listar_expedientes(motor: Engine, *, ruc: str | None, estado: str | None, limite: int,
                       cursor: str | None) -> tuple[list[dict[str, Any]], str | None]:
    q = select(t.expedientes).order_by(t.expedientes.c.numero).limit(limite + 1)
    if ruc:
        q = q.where(t.expedientes.c.ruc == ruc)
    if estado:
        q = q.where(t.expedientes.c.estado == estado)
    if cursor:
        q = q.where(t.expedientes.c.numero > cursor)
    with motor.connect() as c:
        return _pagina(c.execute(q).all(), limite, "numero")


def listar_fiscalizaciones(motor: Engine, *, denuncias: bool, ruc: str | None, estado: str | None, limite: int,
                           cursor: str | None) -> tuple[list[dict[str, Any]], str | None]:
    f = t.fiscalizaciones
    q = select(f).order_by(f.c.id).limit(limite + 1)
    q = q.where(f.c.origen_tipo == "denuncia") if denuncias else q.where(f.c.origen_tipo != "denuncia")
    if ruc:
        q = q.where(f.c.ruc == ruc)
    if estado:
        q = q.where(f.c.estado == estado)
    if cursor:
        q = q.where(f.c.id > cursor)
    with motor.connect() as c:
        return _pagina(c.execute(q).all(), limite, "id")


def buscar_sanciones(motor: Engine, *, ruc: str | None, infraccion: str | None, estado: str | None,
                     desde: date | None, hasta: date | None, limite: int,
                     cursor: str | None) -> tuple[list[dict[str, Any]], str | None]:
    """The public registry: each sanction with its resolution (case number, date) and amount."""
    s = t.sanciones
    q = select(s).order_by(s.c.expediente).limit(limite + 1)
    for columna, valor in ((s.c.ruc, ruc), (s.c.infraccion, infraccion), (s.c.estado, estado)):
        if valor:
            q = q.where(columna == valor)
    if desde:
        q = q.where(s.c.resolucion_fecha >= desde)
    if hasta:
        q = q.where(s.c.resolucion_fecha <= hasta)
    if cursor:
        q = q.where(s.c.expediente > cursor)
    with motor.connect() as c:
        filas, siguiente = _pagina(c.execute(q).all(), limite, "expediente")
    return [{"expediente": f["expediente"], "ruc": f["ruc"], "infraccion": f["infraccion"],
             "fecha_hechos": f["fecha_hechos"], "estado": f["estado"],
             "resolucion": {"expediente": f["expediente"], "fecha": f["resolucion_fecha"].isoformat()},
             "monto_soles": f["monto_soles"], "sanciones": f["sanciones"],
             "version_reglamento": f["version_reglamento"]} for f in filas], siguiente
