"""Queries of the registries' read models for the public API: search with cursor pagination, an entity's record,
the experts registry and the verification of a constancia. Reads never queue on the writer."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, and_, or_, select

from services.registro.lecturas import (constancias, expertos, expertos_aceptados, normalizar, registro_publico as rp)

PUBLICOS = ("inscripcion_id", "ruc", "razon_social", "registro", "estado", "departamento", "numero_registro",
            "inscrita_desde", "vigente_desde", "vigente_hasta", "via", "beneficios_suspendidos")
EXPERTOS_PUBLICOS = ("registrado", "en_servicio", "prorrogado", "concluido")


def _fila(f: Any, campos: tuple[str, ...]) -> dict[str, Any]:
    m = f._mapping
    return {c: (m[c].isoformat() if hasattr(m[c], "isoformat") else m[c]) for c in campos}


def buscar(motor: Engine, *, filtros: dict[str, str | None], limite: int, cursor: str | None,
           todas: bool) -> tuple[list[dict[str, Any]], str | None]:
    """Public registry: only entities that were ever registered, unless ``todas`` (staff also see applications)."""
    q = select(rp)
    if not todas:
        q = q.where(rp.c.inscrita_desde.is_not(None))
    for campo in ("ruc", "registro", "estado", "departamento"):
        if filtros.get(campo):
            q = q.where(getattr(rp.c, campo) == filtros[campo])
    if filtros.get("nombre"):
        q = q.where(rp.c.nombre_busqueda.contains(normalizar(filtros["nombre"]), autoescape=True))
    if cursor:
        ruc, _, iid = cursor.partition(".")
        q = q.where(or_(rp.c.ruc > ruc, and_(rp.c.ruc == ruc, rp.c.inscripcion_id > iid)))
    with motor.connect() as c:
        filas = list(c.execute(q.order_by(rp.c.ruc, rp.c.inscripcion_id).limit(limite + 1)))
    items = [_fila(f, PUBLICOS) for f in filas[:limite]]
    siguiente = f"{items[-1]['ruc']}.{items[-1]['inscripcion_id']}" if len(filas) > limite else None
    return items, siguiente


def entidad(motor: Engine, ruc: str, todas: bool) -> list[dict[str, Any]]:
    items, _ = buscar(motor, filtros={"ruc": ruc}, limite=500, cursor=None, todas=todas)
    return items


def expertos_registrados(motor: Engine, *, ruc: str | None, estado: str | None, limite: int, cursor: str | None,
                         todos: bool) -> tuple[list[dict[str, Any]], str | None]:
    q = select(expertos)
    if not todos:
        q = q.where(expertos.c.estado.in_(EXPERTOS_PUBLICOS))
    if ruc:
        q = q.where(expertos.c.ruc_unidad_ejecutora == ruc)
    if estado:
        q = q.where(expertos.c.estado == estado)
    if cursor:
        q = q.where(expertos.c.experto_id > cursor)
    campos = tuple(c.name for c in expertos.columns if c.name != "version")
    with motor.connect() as c:
        filas = list(c.execute(q.order_by(expertos.c.experto_id).limit(limite + 1)))
    items = [_fila(f, campos) for f in filas[:limite]]
    return items, (items[-1]["experto_id"] if len(filas) > limite else None)


def aceptados(motor: Engine) -> list[dict[str, Any]]:
    campos = tuple(c.name for c in expertos_aceptados.columns)
    with motor.connect() as c:
        filas = c.execute(select(expertos_aceptados).order_by(expertos_aceptados.c.expediente))
        return [_fila(f, campos) for f in filas]


def constancia(motor: Engine, codigo: str) -> dict[str, Any] | None:
    with motor.connect() as c:
        k = c.execute(select(constancias).where(constancias.c.codigo == codigo.upper())).first()
        if k is None:
            return None
        f = c.execute(select(rp).where(rp.c.inscripcion_id == k.inscripcion_id)).first()
        ultima = c.execute(select(constancias.c.codigo).where(constancias.c.inscripcion_id == k.inscripcion_id)
                           .order_by(constancias.c.version.desc()).limit(1)).scalar()
    return {"codigo": k.codigo, "autentica": True, "inscripcion_id": k.inscripcion_id, "ruc": f.ruc,
            "razon_social": f.razon_social, "registro": f.registro, "numero_registro": f.numero_registro,
            "via": k.via, "vigente_desde": k.vigente_desde, "vigente_hasta": k.vigente_hasta,
            "es_la_ultima": ultima == k.codigo, "estado_actual": f.estado,
            "beneficios_suspendidos": f.beneficios_suspendidos, "hash_evento": k.hash}
