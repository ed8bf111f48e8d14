"""The annual obligation of each registered entity as data: the three variants of the Declaracion Anual and what each
component must contain.

Each January, ONGD and ENIEX report the previous year's interventions and file their Plan Anual de Actividades for
the year starting (RGL 79(b), 80(d); D.Leg. 719 art. 14); IPREDA file their Informe de Actividades Asistenciales o
Educativas (Ley 27692 art. 21(4); R.S. 508-93-PCM §5.5). R.D.E. 011-2009/APCI-DE approved one directive per variant,
each with the same steps: filing online by 31 January, verification by DOC's Subdireccion de Registros, 5 business
days to correct inconsistencies, "no conforme" and referral to the DFS when not corrected (Title III), sanctioning
procedure for failure to file (Title IV). The forms themselves are not in the sources (note "donaciones" §0): the
contents below are the fields the directives name, to be confirmed against the real formats.
"""

from __future__ import annotations

from typing import Any

from shared.errores import DatosInvalidos

from services.registro.domain.reglas import LEY_APCI, RGL, Registro, fl

INFORME_ANUAL = "informe_anual"
PLAN_ANUAL = "plan_anual"
INFORME_ASISTENCIAL = "informe_actividades_asistenciales"

VARIANTES: dict[Registro, dict[str, Any]] = {
    Registro.ONGD: {
        "directiva": "Directiva 001-2009-APCI/DOC",
        "formatos": {"informe_anual": "Formato 01 (o Formato 04 si no hubo ejecucion)", "plan_anual": "Formato 02"},
        "componentes": (INFORME_ANUAL, PLAN_ANUAL),
        "infraccion": "INF-03",
        "fundamento_legal": [fl(RGL, "80(d)"), fl(LEY_APCI, "21(3)"), fl("Directiva 001-2009-APCI/DOC", "II")],
    },
    Registro.ENIEX: {
        "directiva": "Directiva 002-2009-APCI/DOC",
        "formatos": {"informe_anual": "Formato 05 (MIPCI)", "plan_anual": "Formato 06"},
        "componentes": (INFORME_ANUAL, PLAN_ANUAL),
        "infraccion": "INF-03",
        "fundamento_legal": [fl(RGL, "79(b)"), fl(LEY_APCI, "21(3)"), fl("Directiva 002-2009-APCI/DOC", "II")],
    },
    Registro.IPREDA: {
        "directiva": "Directiva 003-2009-APCI/DOC",
        "formatos": {"informe_actividades_asistenciales": "Formato Unico (Anexo 01)"},
        "componentes": (INFORME_ASISTENCIAL,),
        "infraccion": "INF-04",
        "fundamento_legal": [fl(LEY_APCI, "21(4)"), fl("R.S. 508-93-PCM", "5.5"),
                             fl("Directiva 003-2009-APCI/DOC", "II")],
    },
}

FUND_VERIFICACION = [fl("Directivas 001/002/003-2009-APCI/DOC", "Titulo III")]
FUND_OMISION = [fl(RGL, "78"), fl("Directivas 001/002/003-2009-APCI/DOC", "Titulo IV")]
FUND_REPARACION = [fl(RGL, "78"), fl(LEY_APCI, "22(c)")]


def _error(campo: str, mensaje: str) -> DatosInvalidos:
    return DatosInvalidos(f"Dato invalido en '{campo}': {mensaje}.", errores=[{"campo": campo, "mensaje": mensaje}])


def _lista(contenido: dict, clave: str, campo: str) -> list:
    valor = contenido.get(clave)
    if not isinstance(valor, list):
        raise _error(f"{campo}.{clave}", "debe ser una lista")
    return valor


def _validar_informe_anual(contenido: dict, campo: str) -> None:
    """Each intervention with its amount and origin (D.Leg. 719 art. 14); none only with the no-execution statement."""
    intervenciones = _lista(contenido, "intervenciones", campo)
    if not intervenciones and not contenido.get("sin_ejecucion"):
        raise _error(f"{campo}.intervenciones", "declare las intervenciones o marque sin_ejecucion (Formato 04)")
    for n, item in enumerate(intervenciones):
        for clave in ("nombre", "fuente_cooperante"):
            if not isinstance(item, dict) or not item.get(clave):
                raise _error(f"{campo}.intervenciones[{n}].{clave}", "es obligatorio")
        monto = item.get("monto_usd")
        if not isinstance(monto, (int, float)) or isinstance(monto, bool) or monto < 0:
            raise _error(f"{campo}.intervenciones[{n}].monto_usd", "debe ser un monto mayor o igual a cero")


def _validar_plan_anual(contenido: dict, campo: str) -> None:
    if not _lista(contenido, "actividades", campo):
        raise _error(f"{campo}.actividades", "el Plan Anual debe tener al menos una actividad")


def _validar_informe_asistencial(contenido: dict, campo: str) -> None:
    """Activities, donations received and population served, even when no donation arrived (Dir. 003-2009)."""
    actividades = _lista(contenido, "actividades", campo)
    _lista(contenido, "donaciones_recibidas", campo)
    poblacion = contenido.get("poblacion_beneficiada")
    if not isinstance(poblacion, int) or isinstance(poblacion, bool) or poblacion < 0:
        raise _error(f"{campo}.poblacion_beneficiada", "debe ser un entero mayor o igual a cero")
    if not actividades and not contenido.get("problemas_limitaciones"):
        raise _error(f"{campo}.actividades", "declare actividades o explique en problemas_limitaciones")


VALIDADORES = {
    INFORME_ANUAL: _validar_informe_anual,
    PLAN_ANUAL: _validar_plan_anual,
    INFORME_ASISTENCIAL: _validar_informe_asistencial,
}


def validar_componente(registro: Registro, componente: str, contenido: Any) -> None:
    if componente not in VARIANTES[registro]["componentes"]:
        raise _error("componente", f"para {registro.value} use {', '.join(VARIANTES[registro]['componentes'])}")
    if not isinstance(contenido, dict):
        raise _error("contenido", "debe ser un objeto")
    VALIDADORES[componente](contenido, "contenido")
