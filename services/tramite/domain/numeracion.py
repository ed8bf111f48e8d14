"""Expediente numbers: ``<year>-<OFFICE>-<6-digit sequence>``, e.g. ``2026-MINSA-000123``.

The texts give no numbering format (manual §6.3 only shows "Oficio Nº .../SECTOR", "Expediente Nº CT ..."), so this
is the design a user expects: readable, sortable within an office and year, unique across the suite. The number is
the aggregate's correlation id. The application allocates the sequence (one counter per office and year); these
functions only format and parse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from shared.errores import DatosInvalidos

_PATRON = re.compile(r"^(\d{4})-([A-Z0-9]+(?:-[A-Z0-9]+)*)-(\d{6})$")
_OFICINA = re.compile(r"^[A-Z0-9]+(?:-[A-Z0-9]+)*$")


@dataclass(frozen=True, order=True)
class NumeroExpediente:
    anio: int
    oficina: str
    secuencia: int

    def __str__(self) -> str:
        return formatear_numero(self.anio, self.oficina, self.secuencia)


def formatear_numero(anio: int, oficina: str, secuencia: int) -> str:
    errores = []
    if not 1900 <= anio <= 9999:
        errores.append({"campo": "anio", "mensaje": "el anio debe tener cuatro digitos"})
    if not _OFICINA.match(oficina or ""):
        errores.append({"campo": "oficina", "mensaje": "solo mayusculas, digitos y guiones (p. ej. MINSA)"})
    if not 1 <= secuencia <= 999_999:
        errores.append({"campo": "secuencia", "mensaje": "la secuencia va de 1 a 999999"})
    if errores:
        raise DatosInvalidos("Numero de expediente invalido", errores=errores)
    return f"{anio:04d}-{oficina}-{secuencia:06d}"


def parsear_numero(texto: str) -> NumeroExpediente:
    coincidencia = _PATRON.match(texto or "")
    if not coincidencia or int(coincidencia.group(3)) == 0:
        raise DatosInvalidos(
            f"'{texto}' no es un numero de expediente (formato <anio>-<OFICINA>-<secuencia de 6 digitos>)",
            errores=[{"campo": "numero", "mensaje": "formato esperado 2026-MINSA-000123"}],
        )
    return NumeroExpediente(int(coincidencia.group(1)), coincidencia.group(2), int(coincidencia.group(3)))
