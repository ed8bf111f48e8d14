"""The versioned catalogue of procedure definitions, and the checks a definition must pass to be registered.

The checks turn legal invariants into load-time errors, so a data change cannot silently break them: only the
Foreign Ministry may address the source (D.Leg. 719 art. 4.a), every act and deadline cites its basis, every event
name is a Spanish past-tense identifier that can name a stored event class.
"""

from __future__ import annotations

import re
from datetime import date

from shared.errores import NoEncontrado

from services.tramite.domain.definicion import Accion, Entrada, Procedimiento, TipoOficina

_NOMBRE_EVENTO = re.compile(r"^[A-Z][A-Za-z0-9]+$")
RESERVADOS = frozenset({"Event", "Created", "Abierto", "ActoRegistrado"})


class DefinicionInvalida(ValueError):
    """A procedure definition breaks an invariant of the engine or of the law."""


def _errores_canal(a: Accion) -> list[str]:
    if a.canal_directo_fuente:
        return []
    errores = []
    if a.destino == f"tipo:{TipoOficina.FUENTE}" and set(a.tipos_oficina) != {TipoOficina.CANCILLERIA}:
        errores.append(f"{a.nombre}: solo Cancilleria puede dirigirse a la fuente")
    if TipoOficina.FUENTE in a.tipos_oficina and a.destino != f"tipo:{TipoOficina.CANCILLERIA}":
        errores.append(f"{a.nombre}: la fuente solo se dirige a Cancilleria")
    return errores


def _errores_antecedentes(donde: str, item: Accion | Entrada) -> list[str]:
    """The field naming the other file, and each field it must match, are fields the act itself requires."""
    errores = []
    for ant in item.antecedentes:
        errores += [f"{donde}: antecedente sin fundamento legal"] if not ant.fundamento else []
        errores += [f"{donde}: el antecedente usa {c}, que no es campo exigido"
                    for c in (ant.campo, *ant.iguales.values()) if c not in item.campos]
    return errores


def validar(proc: Procedimiento) -> None:
    errores: list[str] = []
    nombres = [a.nombre for a in proc.acciones]
    errores += [f"accion repetida: {n}" for n in set(nombres) if nombres.count(n) > 1]
    for evento in proc.nombres_evento():
        if not _NOMBRE_EVENTO.match(evento) or evento in RESERVADOS:
            errores.append(f"nombre de evento invalido: {evento}")
    for a in proc.acciones:
        errores += _errores_canal(a)
        if not a.fundamento:
            errores.append(f"{a.nombre}: sin fundamento legal")
        if set(a.desde) & set(proc.terminales):
            errores.append(f"{a.nombre}: sale de un estado terminal")
        errores += _errores_antecedentes(a.nombre, a)
    for e in proc.entradas:
        if e.tipo_oficina == TipoOficina.FUENTE and not e.canal_directo_fuente:
            errores.append(f"entrada {e.tipo_oficina}: nadie presenta ante la fuente salvo Cancilleria")
        if not e.fundamento:
            errores.append(f"entrada {e.tipo_oficina}: sin fundamento legal")
        errores += _errores_antecedentes(f"entrada {e.tipo_oficina}", e)
    for p in proc.plazos():
        if not p.fundamento:
            errores.append(f"plazo {p.codigo}: sin fundamento legal")
        errores += [f"plazo {p.codigo}: accion desconocida {n}" for n in p.se_cumple_con if n not in nombres]
    if errores:
        raise DefinicionInvalida(f"{proc.codigo} v{proc.version}: " + "; ".join(sorted(errores)))


class Catalogo:
    def __init__(self) -> None:
        self._por_clave: dict[tuple[str, int], Procedimiento] = {}

    def registrar(self, proc: Procedimiento) -> Procedimiento:
        validar(proc)
        self._por_clave[(proc.codigo, proc.version)] = proc
        return proc

    def obtener(self, codigo: str, version: int) -> Procedimiento:
        try:
            return self._por_clave[(codigo, version)]
        except KeyError:
            raise NoEncontrado(f"No existe el procedimiento {codigo} version {version}") from None

    def vigente(self, codigo: str, fecha: date) -> Procedimiento:
        """The latest version in force on ``fecha`` (a new file starts with it and keeps it)."""
        versiones = [p for (c, _), p in self._por_clave.items() if c == codigo and p.vigente_desde <= fecha]
        if not versiones:
            raise NoEncontrado(f"No hay version vigente del procedimiento {codigo} al {fecha.isoformat()}")
        return max(versiones, key=lambda p: p.version)

    def todos(self) -> list[Procedimiento]:
        return list(self._por_clave.values())
