"""Later regimes (D.S. 016-2019-RE; Ley 32301 + D.S. 033-2025-RE) as partial rulebook versions.

Their article texts could not be retrieved (research note law-updates-2019-2025, sections 1B, 1C and 6). What is
known is loaded; what is not is listed in ``partes_desconocidas`` and ``texto_cargado=False`` makes every calculation
under them refuse instead of guessing. Loading the texts later means filling these structures, not changing code.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from services.fiscalizacion.domain.citas import cita
from services.fiscalizacion.domain.reglamento import (
    AMONESTACION, CANCELACION, MULTA, SUSPENSION, TipoInfraccion, VersionReglamento,
)

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
