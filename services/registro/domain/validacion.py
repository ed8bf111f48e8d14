"""Input checks of the registries: RUC with its check digit, ubigeo codes, dates that make sense.

Every failure raises ``DatosInvalidos`` naming the field, so the API answers 422 with field errors (principle 9).

Ubigeo (INEI): 6 digits DDPPdd = department, province, district. The table below holds the 24 departments plus the
Constitutional Province of Callao (code 07) and the number of provinces of each (196 in total), so a province code
beyond the last one is refused. Lima is special: province 1501 is Lima Metropolitana, whose Municipalidad
Metropolitana has the powers of a regional government (Ley 27867, Ley 27972 art. 65), while the other provinces of
department 15 are "Lima Provincias" under the Gobierno Regional de Lima. District names are not carried (too large to
keep by hand; load the INEI table as data when needed).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from stdnum.exceptions import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength, ValidationError
from stdnum.pe import ruc as ruc_pe

from shared.errores import DatosInvalidos

DEPARTAMENTOS: dict[str, tuple[str, int]] = {
    "01": ("Amazonas", 7),
    "02": ("Ancash", 20),
    "03": ("Apurimac", 7),
    "04": ("Arequipa", 8),
    "05": ("Ayacucho", 11),
    "06": ("Cajamarca", 13),
    "07": ("Callao", 1),
    "08": ("Cusco", 13),
    "09": ("Huancavelica", 7),
    "10": ("Huanuco", 11),
    "11": ("Ica", 5),
    "12": ("Junin", 9),
    "13": ("La Libertad", 12),
    "14": ("Lambayeque", 3),
    "15": ("Lima", 10),
    "16": ("Loreto", 8),
    "17": ("Madre de Dios", 3),
    "18": ("Moquegua", 3),
    "19": ("Pasco", 3),
    "20": ("Piura", 8),
    "21": ("Puno", 13),
    "22": ("San Martin", 10),
    "23": ("Tacna", 4),
    "24": ("Tumbes", 3),
    "25": ("Ucayali", 4),
}
"""Department code -> (name, number of provinces), INEI ubigeo."""

LIMA_METROPOLITANA = "1501"


def _error(campo: str, mensaje: str) -> DatosInvalidos:
    return DatosInvalidos(f"Dato invalido en '{campo}': {mensaje}.", errores=[{"campo": campo, "mensaje": mensaje}])


_MENSAJES_RUC = {
    InvalidLength: "el RUC debe tener 11 digitos",
    InvalidFormat: "el RUC solo puede contener digitos",
    InvalidComponent: "el RUC debe empezar por 10, 15, 17 o 20",
    InvalidChecksum: "el digito verificador del RUC no corresponde",
}


def validar_ruc(valor: Any, campo: str = "ruc") -> str:
    """The RUC in compact form, or ``DatosInvalidos`` naming the field and the reason."""
    if not isinstance(valor, str):
        raise _error(campo, "el RUC debe ser texto")
    try:
        return ruc_pe.validate(valor)
    except ValidationError as exc:
        raise _error(campo, _MENSAJES_RUC.get(type(exc), "RUC invalido")) from None


def validar_ruc_persona_juridica(valor: Any, campo: str = "ruc") -> str:
    """ONGD, ENIEX and IPREDA are legal persons (RGL 70, 73): their RUC starts with 20."""
    numero = validar_ruc(valor, campo)
    if not numero.startswith("20"):
        raise _error(campo, "una persona juridica tiene RUC que empieza por 20")
    return numero


def ruc_con_digito(base10: str) -> str:
    """Completes a 10-digit base with its check digit (used by the demo generator and tests)."""
    return base10 + ruc_pe.calc_check_digit(base10)


def validar_ubigeo(valor: Any, campo: str = "ubigeo") -> str:
    if not isinstance(valor, str) or len(valor) != 6 or not valor.isdigit():
        raise _error(campo, "el ubigeo tiene 6 digitos (departamento, provincia, distrito)")
    dep, prov, dist = valor[:2], int(valor[2:4]), int(valor[4:])
    if dep not in DEPARTAMENTOS:
        raise _error(campo, "el departamento debe estar entre 01 y 25")
    nombre, provincias = DEPARTAMENTOS[dep]
    if not 1 <= prov <= provincias:
        raise _error(campo, f"{nombre} tiene provincias 01 a {provincias:02d}")
    if dist < 1:
        raise _error(campo, "el distrito debe ser 01 o mayor")
    return valor


def region_de(ubigeo: str) -> str:
    """The regional government competent for a place: Lima Metropolitana and Callao are their own regions."""
    validar_ubigeo(ubigeo)
    if ubigeo.startswith(LIMA_METROPOLITANA):
        return "Lima Metropolitana"
    if ubigeo.startswith("15"):
        return "Lima Provincias"
    return DEPARTAMENTOS[ubigeo[:2]][0]


def departamento_de(ubigeo: str) -> str:
    return DEPARTAMENTOS[validar_ubigeo(ubigeo)[:2]][0]


def validar_fecha(valor: Any, campo: str, *, hoy: date | None = None, no_antes_de: date | None = None) -> date:
    """A ``date`` not after ``hoy`` (acts already happened) and not before ``no_antes_de`` (order of acts)."""
    if not isinstance(valor, date):
        raise _error(campo, "debe ser una fecha (AAAA-MM-DD)")
    if hoy is not None and valor > hoy:
        raise _error(campo, f"no puede ser posterior a hoy ({hoy.isoformat()})")
    if no_antes_de is not None and valor < no_antes_de:
        raise _error(campo, f"no puede ser anterior a {no_antes_de.isoformat()}")
    return valor


def exigir_texto(valor: Any, campo: str) -> str:
    if not isinstance(valor, str) or not valor.strip():
        raise _error(campo, "es obligatorio")
    return valor.strip()


def exigir_codigos(valores: Iterable[Any], permitidos: Iterable[str], campo: str) -> list[str]:
    """A list of codes, each one of ``permitidos``; unknown ones are named in the error."""
    lista, validos = list(valores), set(permitidos)
    desconocidos = [v for v in lista if v not in validos]
    if desconocidos:
        raise _error(campo, f"codigos no reconocidos: {', '.join(map(str, desconocidos))}")
    return lista


def exigir_resolucion(valor: Any, campo: str = "resolucion") -> dict[str, Any]:
    """A resolution reference {"numero", "fecha"}: the document that carries a decision."""
    if not isinstance(valor, Mapping) or not valor.get("numero") or not isinstance(valor.get("fecha"), date):
        raise _error(campo, "debe indicar numero y fecha de la resolucion")
    return {"numero": str(valor["numero"]), "fecha": valor["fecha"]}
