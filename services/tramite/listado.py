"""The list and search of files (``GET /api/v1/expedientes``) over the ``expedientes_bandeja`` read model.

Why keyset pagination: files are opened and moved while a client pages, and an offset would skip or repeat rows;
the cursor carries the last row's sort value and number, so each page starts exactly after the previous one whatever
was written meanwhile. Why the participants' table: an office may read the files it took part in (``api.acceso``),
and the list must apply that rule in the query, not after paging.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Engine, and_, func, or_, select

from services.tramite.domain.procedimientos import CATALOGO
from services.tramite.proyecciones import bandeja, participantes
from shared.errores import DatosInvalidos

NUMERO = re.compile(r"\d{4}-[A-Z0-9]+(-[A-Z0-9]+)*-\d{6}")
ORDEN = r"^-?(numero|presentado_el|ultimo_acto)$"
"""Sort keys (``-`` descending); every key is a non-null column, ties broken by the number in the same direction."""


@dataclass(frozen=True)
class Filtros:
    procedimiento: str | None = None
    estado: str | None = None
    promotor: str | None = None
    oficina: str | None = None  # current holder (custody)
    participante: str | None = None  # took part in the file at any hop
    presentado_desde: date | None = None
    presentado_hasta: date | None = None
    vencidos: bool | None = None  # an open deadline past its last day on ``hoy``
    extemporaneo: bool | None = None
    terminado: bool | None = None
    numero: str | None = None  # prefix of the number
    texto: str | None = None  # words of the opening data (title, project...)


def validar(f: Filtros) -> None:
    """Values the catalogue or the calendar rule out: 422 naming each parameter (never an empty page that hides a
    typo)."""
    errores = []
    procs = [p for p in CATALOGO.todos() if f.procedimiento in (None, p.codigo)]
    if not procs:
        codigos = sorted({p.codigo for p in CATALOGO.todos()})
        errores.append({"campo": "query.procedimiento", "mensaje": f"use uno de: {', '.join(codigos)}"})
    elif f.estado is not None:
        estados = sorted(set().union(*(p.estados() for p in procs)))
        if f.estado not in estados:
            donde = f" de {f.procedimiento}" if f.procedimiento else ""
            errores.append({"campo": "query.estado", "mensaje": f"estado desconocido{donde}: {', '.join(estados)}"})
    if f.presentado_desde and f.presentado_hasta and f.presentado_desde > f.presentado_hasta:
        errores.append({"campo": "query.presentado_hasta", "mensaje": "no puede ser anterior a presentado_desde"})
    if errores:
        raise DatosInvalidos("Filtros invalidos: " + ", ".join(e["campo"] for e in errores), errores)


def _like(valor: str) -> str:
    return valor.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _condiciones(f: Filtros, hoy: date, lector: str | None) -> list[Any]:
    b = bandeja.c
    conds: list[Any] = []
    exactos = {b.procedimiento: f.procedimiento, b.estado: f.estado, b.promotor: f.promotor, b.custodia: f.oficina}
    conds += [col == valor for col, valor in exactos.items() if valor is not None]
    for oficina in (lector, f.participante):
        if oficina is not None:
            conds.append(b.agregado_id.in_(select(participantes.c.agregado_id)
                                           .where(participantes.c.oficina == oficina)))
    if f.presentado_desde:
        conds.append(b.presentado_el >= f.presentado_desde)
    if f.presentado_hasta:
        conds.append(b.presentado_el <= f.presentado_hasta)
    if f.vencidos is not None:
        vencido = and_(b.proximo_vencimiento.is_not(None), b.proximo_vencimiento < hoy)
        conds.append(vencido if f.vencidos else ~vencido)
    if f.extemporaneo is not None:
        conds.append(b.extemporaneo.is_(f.extemporaneo))
    if f.terminado is not None:
        conds.append(b.terminado.is_(f.terminado))
    if f.numero:
        conds.append(b.numero.like(_like(f.numero) + "%", escape="\\"))
    if f.texto:
        conds.append(func.lower(b.resumen).like("%" + _like(f.texto.lower()) + "%", escape="\\"))
    return conds


def cursor_de(orden: str, fila: dict[str, Any]) -> str:
    clave = orden.lstrip("-")
    valor = fila[clave].isoformat() if isinstance(fila[clave], date) else fila[clave]
    crudo = json.dumps({"o": orden, "v": valor, "n": fila["numero"]}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(crudo).decode().rstrip("=")


def leer_cursor(cursor: str, orden: str) -> tuple[Any, str]:
    """The (sort value, number) a page starts after; 422 naming ``cursor`` unless it is this list's own."""
    try:
        datos = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        valor, numero = datos["v"], datos["n"]
        if not isinstance(valor, str) or not NUMERO.fullmatch(str(numero)) or datos["o"] != orden:
            raise ValueError
        if orden.lstrip("-") == "numero" and not NUMERO.fullmatch(valor):
            raise ValueError
        return (valor if orden.lstrip("-") == "numero" else date.fromisoformat(valor)), numero
    except (ValueError, KeyError, TypeError, binascii.Error, UnicodeDecodeError):
        raise DatosInvalidos("Cursor invalido para este orden.",
                             [{"campo": "query.cursor", "mensaje": f"use el valor de 'siguiente' (orden {orden})"}]
                             ) from None


def buscar(motor: Engine, filtros: Filtros, *, hoy: date, lector: str | None, orden: str,
           despues: tuple[Any, str] | None, limite: int) -> tuple[list[dict[str, Any]], bool]:
    """One page of rows (``lector``: the office whose participation limits the list; None reads everything) and
    whether more rows follow."""
    desc = orden.startswith("-")
    columna = getattr(bandeja.c, orden.lstrip("-"))
    numero = bandeja.c.numero
    conds = _condiciones(filtros, hoy, lector)
    if despues is not None:
        valor, ultimo = despues
        if columna is numero:
            conds.append(numero < ultimo if desc else numero > ultimo)
        else:
            pasa = (columna < valor) if desc else (columna > valor)
            empata = and_(columna == valor, numero < ultimo if desc else numero > ultimo)
            conds.append(or_(pasa, empata))
    claves = [columna] if columna is numero else [columna, numero]
    consulta = (select(bandeja).where(*conds).order_by(*(k.desc() if desc else k.asc() for k in claves))
                .limit(limite + 1))
    with motor.connect() as c:
        filas = [dict(f._mapping) for f in c.execute(consulta)]
    return filas[:limite], len(filas) > limite
