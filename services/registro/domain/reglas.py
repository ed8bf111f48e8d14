"""The law of APCI's registries as data: which registries exist, who keeps them, what each application must carry.

Every rule names its norm and article so an event can quote it as ``fundamento_legal``. Sources (the notes under
``shared/domain``, never read at run time): D.S. 015-92-PCM arts. 70-80 (the Reglamento of D.Leg. 719, "RGL"),
Ley 27692 art. 4(m) and 21-22, the APCI ROF D.S. 028-2007-RE, and the Constitutional Court ruling
STC 0009-2007-PI/TC (struck cancellation as a sanction; registration refused only for unmet legal requirements).
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Any

from shared.errores import DatosInvalidos

RGL = "D.S. 015-92-PCM"
LEY_APCI = "Ley 27692"
TC = "STC 0009-2007-PI/TC y 0010-2007-PI/TC"
ROF = "D.S. 028-2007-RE"
LPAG = "TUO Ley 27444 (D.S. 004-2019-JUS)"
RIS = "D.S. 027-2007-RE"


def fl(norma: str, articulo: str) -> dict[str, str]:
    """A citation in the shape every event payload carries."""
    return {"norma": norma, "articulo": articulo}


class Registro(StrEnum):
    """The three constitutive registries of entities (Ley 27692 art. 4(m); ROF art. 43(a))."""

    ONGD = "ONGD"
    ENIEX = "ENIEX"
    IPREDA = "IPREDA"


def registro_valido(valor: str) -> Registro:
    try:
        return Registro(valor)
    except ValueError:
        raise DatosInvalidos(
            f"Registro desconocido: {valor!r}.",
            errores=[{"campo": "registro", "mensaje": "debe ser ONGD, ENIEX o IPREDA"}],
        ) from None


# --- Who keeps the registries and who decides (ROF D.S. 028-2007-RE) -------------------------------------------------

ORGANO_REGISTRAL: dict[str, Any] = {
    "oficina": "APCI-DOC",
    "rol": "registrador",
    "nombre": "Direccion de Operaciones y Capacitacion - Subdireccion de Registros",
    "fundamento_legal": [fl(ROF, "40(a)"), fl(ROF, "43(a)")],
}
"""DOC runs the institutional registries (ROF 40(a)); its Subdireccion de Registros keeps the ONGD, ENIEX and IPREDA
registries and the Registro Nacional de Expertos y Voluntarios (ROF 43(a)). All three registries share one keeper."""

ORGANO_APELACION: dict[str, Any] = {
    "oficina": "APCI-DE",
    "rol": "director_ejecutivo",
    "nombre": "Direccion Ejecutiva",
    "fundamento_legal": [fl(ROF, "13(n)")],
}
"""The Director Ejecutivo decides in the last administrative instance the challenges on registries (ROF 13(n))."""

ORGANO_FISCALIZACION = "APCI-DFS"
"""A "no conforme" annual declaration is passed to the DFS for control (Directivas 001/002/003-2009-APCI/DOC, Title
III; ROF 47-48)."""

# --- Application checklists ------------------------------------------------------------------------------------------


def _req(codigo: str, descripcion: str, *citas: dict[str, str]) -> dict[str, Any]:
    return {"codigo": codigo, "descripcion": descripcion, "fundamento_legal": list(citas)}


COPIA_LITERAL = "copia_literal_sunarp"
OPINION_FAVORABLE = "opinion_favorable_sector_o_region"
PRUEBA_OPERACIONES = "prueba_operaciones_peru"

REQUISITOS_INSCRIPCION: dict[Registro, tuple[dict[str, Any], ...]] = {
    Registro.ONGD: (
        _req("escritura_constitucion", "Copia de la escritura de constitucion con estatutos, fines y su vinculacion "
             "con las prioridades nacionales", fl(RGL, "74 inc. 1")),
        _req(COPIA_LITERAL, "Copia literal certificada de la inscripcion en Registros Publicos (max. 3 meses)",
             fl(RGL, "74 inc. 2")),
        _req("nomina_consejo_directivo", "Nomina del Consejo Directivo y de los asociados con documento de identidad",
             fl(RGL, "74 inc. 3")),
        _req("programas_dos_anios", "Programas, proyectos y actividades previstos para 2 anios", fl(RGL, "74 inc. 4")),
        _req("recursos_previsibles_dos_anios", "Recursos de CTI previsibles para 2 anios por fuente, en US$",
             fl(RGL, "74 inc. 5")),
        _req(OPINION_FAVORABLE, "Opinion favorable del Sector (ambito nacional) o de la region (ambito regional)",
             fl(RGL, "74 inc. 6")),
        _req("domicilio_legal", "Domicilio legal y postal", fl(RGL, "74 inc. 7")),
    ),
    Registro.ENIEX: (
        _req("estatutos_visados_traducidos", "Estatutos con fines y objetivos, visados por la representacion "
             "diplomatica y con traduccion jurada", fl(RGL, "72 inc. 1")),
        _req(COPIA_LITERAL, "Copia literal certificada de la inscripcion en Registros Publicos del Peru (max. 3 meses)",
             fl(RGL, "72 inc. 2")),
        _req("representante_y_personal_residente", "Representante y personal residente: profesion, cargo, domicilio, "
             "documento de identidad", fl(RGL, "72 inc. 3")),
        _req("programas_dos_anios", "Programas, proyectos y actividades con sus unidades ejecutoras, recursos y "
             "origen de fondos para 2 anios", fl(RGL, "72 inc. 4")),
    ),
    # IPREDA: the requirements are not in the sources (note laws §2.3, §8.6). Designed by analogy with RGL 74 and the
    # IPREDA annual report content (R.S. 508-93-PCM §5.5); to be confirmed against APCI's TUPA.
    Registro.IPREDA: (
        _req("estatutos_sin_fines_de_lucro", "Estatutos que acrediten fines asistenciales o educacionales sin fines "
             "de lucro", fl(LEY_APCI, "4(m)")),
        _req(COPIA_LITERAL, "Copia literal certificada de la inscripcion en Registros Publicos (max. 3 meses)",
             fl(LEY_APCI, "4(m)"), fl(RGL, "74 inc. 2 (analogia)")),
        _req("nomina_consejo_directivo", "Consejo Directivo y representante legal", fl(LEY_APCI, "4(m)")),
        _req("actividades_asistenciales_educativas", "Actividades asistenciales o educativas y poblacion atendida",
             fl("R.S. 508-93-PCM", "5.5")),
        _req("domicilio_legal", "Domicilio legal", fl(RGL, "74 inc. 7 (analogia)")),
    ),
}

ANTIGUEDAD_MAXIMA_COPIA_LITERAL_MESES = 3
"""RGL 72 inc. 2 and 74 inc. 2: the certified literal copy may not be older than 3 calendar months."""

PREREQUISITO_ENIEX = {
    "codigo": "partida_sunarp_constitucion_extranjera",
    "descripcion": "Inscripcion de la constitucion extranjera en los Registros Publicos del Peru",
    "fundamento_legal": [fl(RGL, "71")],
}
"""RGL 71: without it the ENIEX's acts in Peru are invalid, so the application cannot even be filed."""

REQUISITOS_RENOVACION: dict[Registro, tuple[str, ...]] = {
    Registro.ONGD: ("informacion_actualizada_dos_anios", "nomina_consejo_directivo", "domicilio_legal", COPIA_LITERAL),
    Registro.ENIEX: ("informacion_actualizada_dos_anios", "representante_y_personal_residente", "domicilio_legal",
                     COPIA_LITERAL, PRUEBA_OPERACIONES),
    Registro.IPREDA: ("informacion_actualizada_dos_anios", "nomina_consejo_directivo", "domicilio_legal",
                      COPIA_LITERAL),
}
"""RGL 75: renewal needs the yearly reports already filed plus updated 2-year information, current board, legal address
and an updated literal copy; the ENIEX must also prove it has operated in Peru. IPREDA by analogy (gap)."""

FUND_RENOVACION = [fl(RGL, "75")]

CAMPOS_ACTUALIZABLES = ("representante_legal", "consejo_directivo", "domicilio_legal", "estatutos")
"""Registered data an entity updates (RGL 79(b), 80(d); laws note P4)."""

# --- Citations used by the aggregates ---------------------------------------------------------------------------

FUND_SOLICITUD = {
    Registro.ONGD: [fl(RGL, "73"), fl(RGL, "74"), fl(RGL, "76")],
    Registro.ENIEX: [fl(RGL, "70"), fl(RGL, "71"), fl(RGL, "72"), fl(RGL, "76")],
    Registro.IPREDA: [fl(LEY_APCI, "4(m)"), fl(RGL, "76 (analogia)")],
}
FUND_OBSERVACION = [fl(RGL, "76")]
FUND_APROBACION = [fl(RGL, "75"), fl(RGL, "76"), fl(ROF, "43(a)")]
FUND_DENEGACION = [fl(RGL, "76"), fl(TC, "36-37")]
FUND_SILENCIO = [fl(RGL, "76")]
FUND_RECONSIDERACION = [fl(LPAG, "218-219")]
FUND_APELACION = [fl(LPAG, "218, 220"), fl(ROF, "13(n)")]
FUND_ACTUALIZACION = [fl(RGL, "79(b)"), fl(RGL, "80(d)")]
FUND_SUSPENSION = {
    "obligacion_anual": [fl(RGL, "78"), fl(LEY_APCI, "21(3)-(4)")],
    "sancion": [fl(LEY_APCI, "22(c)"), fl(RIS, "11(c)")],
}
FUND_RESTITUCION = [fl(RGL, "78"), fl(LEY_APCI, "22(c)")]
FUND_VENCIMIENTO = [fl(RGL, "75"), fl(TC, "108")]
FUND_RENUNCIA = [fl(TC, "22"), fl(TC, "108")]
FUND_CANCELACION_DEROGADA = [fl(TC, "resolutivo 1"), fl(LEY_APCI, "22(d) (inconstitucional)")]

MOTIVOS_DENEGACION_PROHIBIDOS = ("presuncion_de_ilegalidad", "sospecha", "inconveniencia")
"""TC ¶36-37: a request that meets the legal requirements may not be refused ex ante on a presumption of illegality;
wrongdoing is dealt with ex post through sanctions. Any motive other than an unmet checklist item is refused."""

VIGENCIA_LEY_28925 = date(2006, 12, 9)
"""Ley 28925 was published on 8 Dec 2006. Entities that held benefits by voluntary registration before it came into
force are not obliged to renew and cannot be sanctioned for not renewing (TC ¶109(i))."""

VIGENCIA_STC_2007 = date(2007, 9, 14)
"""The TC ruling took effect the day after its publication (13 Sep 2007): no cancellation is produced after this day;
older ones may only be imported as legacy data."""
