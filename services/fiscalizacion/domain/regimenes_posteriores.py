"""Later regimes (D.S. 016-2019-RE; Ley 32301 + D.S. 033-2025-RE) as partial rulebook versions.

Their article texts could not be retrieved (research note law-updates-2019-2025, sections 1B, 1C and 6). What is
known is loaded; what is not is listed in ``partes_desconocidas`` and ``texto_cargado=False`` makes every calculation
under them refuse instead of guessing. Their parameter ``supletoriedad_texto_no_cargado`` (default true) lets the
system keep processing today's cases: the parts not loaded are governed by the latest loaded version (RIS 2007 as
limited by the TC), said explicitly in every decision; false is the strict mode (refuse). Loading the texts later
means filling these structures, not changing code.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from services.fiscalizacion.domain.citas import LPAG, cita
from services.fiscalizacion.domain.reglamento import (
    AMONESTACION, CANCELACION, MULTA, SUPLETORIEDAD, SUSPENSION, Parametro, TipoInfraccion, VersionReglamento,
)

PARAMETROS_PARCIALES = {
    SUPLETORIEDAD: Parametro(
        True, (True, False),
        "Ley 27444 art. 230.5 / principio de favorabilidad: el texto de este regimen no esta cargado, pero la "
        "autoridad no puede dejar de resolver por deficiencia de sus fuentes (Ley 27444, Titulo Preliminar "
        "art. VIII); cada parte no cargada (tipos, escalas, plazos, prescripcion) se rige por la ultima version "
        "cargada, que es ademas la conocida como mas favorable (tope 50 UIT frente a 500 UIT; sin cancelacion), y se "
        "deja constancia expresa en cada decision. Los fragmentos conocidos del regimen vigente no se combinan con "
        "ella (no se crea una tercera norma). false = modo estricto: se rechaza todo caso bajo este regimen hasta "
        "cargar su texto.",
        cita(LPAG, "230.5 (TUO D.S. 004-2019-JUS, art. 248.5); Titulo Preliminar art. VIII (deficiencia de fuentes)")),
}

_DESCONOCIDO_COMUN = (
    "tabla completa de infracciones con numeracion de articulos",
    "escalas de multa por clase (UIT) y criterios de graduacion",
    "plazos del procedimiento (descargos, informe final, recursos) y organos por instancia",
    "plazo de prescripcion",
)

RIS_2019 = VersionReglamento(
    id="RIS-2019",
    norma="D.S. 016-2019-RE",
    vigente_desde=date(2019, 1, 1),  # provisional: only the year is known (El Peruano 1750686-1)
    vigente_hasta=date(2025, 11, 13),
    texto_cargado=False,
    parametros=PARAMETROS_PARCIALES,
    partes_desconocidas=_DESCONOCIDO_COMUN + ("fechas exactas de publicacion y vigencia",),
    notas=("Motivado por D.Leg. 1272 (modifica la Ley 27444). Derogado por D.S. 033-2025-RE.",),
)


def _prensa(codigo: str, descripcion: str, clase: str, articulo: str) -> TipoInfraccion:
    return TipoInfraccion(codigo, descripcion, clase, (cita("Ley 27692 (modificada por Ley 32301)", articulo),),
                          organo_instructor="por_determinar")


RIS_2025 = VersionReglamento(
    id="RIS-2025",
    norma="Ley 32301 + D.S. 033-2025-RE",
    vigente_desde=date(2025, 11, 13),  # provisional: "dentro de 60 dias" from 14-09-2025, not verified
    vigente_hasta=None,
    texto_cargado=False,
    infracciones={t.codigo: t for t in (
        _prensa("L32301-21.b.4", "Ejecutar planes, programas o proyectos sin conformidad previa", "grave", "21.b.4"),
        _prensa("L32301-21.c.2", "Usar recursos de CTI para asesorar, asistir o financiar acciones contra el Estado",
                "muy_grave", "21.c.2"),
        _prensa("L32301-21.c.11", "Financiar actividades declaradas afectaciones al orden publico", "muy_grave",
                "21.c.11"),
    )},
    sanciones_anuladas={},
    tope_global_uit=Decimal("500"),
    fundamento_tope_global=cita("Ley 27692 (modificada por Ley 32301)", "22"),
    parametros=PARAMETROS_PARCIALES,
    partes_desconocidas=_DESCONOCIDO_COMUN + (
        "alcance de la cancelacion de la inscripcion (reportada por prensa; no emitible hasta cargar el texto y "
        "confirmar su compatibilidad con STC 0009-2007-PI/TC)",
        "mecanica del Registro Unico de Sanciones (RUSAPCI)",
        "inaplicacion judicial de arts. 4.u, 21.b.4 y 21.c.2 a IDL (Exp. 08598-2025-0), solo inter partes",
    ),
    notas=(
        "Sanciones reportadas: " + ", ".join((AMONESTACION, MULTA, SUSPENSION, CANCELACION)) + " [prensa].",
        "Infracciones cargadas son de fuentes de prensa y del articulado citado por ellas.",
    ),
)
