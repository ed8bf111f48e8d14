"""Version 1 of the rulebook: D.S. 027-2007-RE (RIS) as limited by STC 0009-2007-PI/TC.

Sources: domain note infracciones-sanciones-rof-apci sections 1-3 (seed lines L7064-L7433) and the TC ruling.
Cancellation of registration and the 5-year disqualification are kept only as voided sanctions with their reason;
8.b, 8.d and 8.e therefore have no usable sanction (gap G1, option a: "sancion no disponible").
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from shared.calendario import Unidad
from services.fiscalizacion.domain.citas import (
    CANCELACION_ANULADA, INHABILITACION_ANULADA, ley, ris, tc,
)
from services.fiscalizacion.domain.parametros_2007 import PARAMETROS_2007
from services.fiscalizacion.domain.plazos_2007 import PLAZOS_2007
from services.fiscalizacion.domain.reglamento import (
    AMONESTACION, CANCELACION, INHABILITACION, MULTA, SUSPENSION,
    BandaReiteracion, EscalaSancion, TipoInfraccion, VersionReglamento,
)

_G1 = {
    "motivo": "La sancion prevista (cancelacion e inhabilitacion, RIS 12.d) fue declarada inconstitucional; el RIS no "
    "preve otra sancion para este tipo. Sancion no disponible (vacio G1): la CIS no puede imponer otra por analogia.",
    "fundamento_legal": [CANCELACION_ANULADA, ris("12.d")],
}


def _t(codigo, descripcion, clase, fundamentos, organo, **extra) -> TipoInfraccion:
    return TipoInfraccion(codigo, descripcion, clase, tuple(fundamentos), organo, **extra)


INFRACCIONES_2007 = {t.codigo: t for t in (
    _t("RIS-6-a", "No inscribirse en los registros de ONGD, ENIEX, IPREDA o de Proyectos de la APCI o regionales",
       "leve", [ris("6.a"), ley("21.1")], "DOC", exenta_si_renuncio=True),
    _t("RIS-6-b", "No renovar la inscripcion en dichos registros", "leve", [ris("6.b"), ley("21.1")], "DOC",
       exenta_si_renuncio=True),
    _t("RIS-6-c", "No presentar el Plan Anual de Actividades o el informe anual de actividades con recursos de CINR",
       "leve", [ris("6.c"), ley("21.3")], "DOC"),
    _t("RIS-6-d", "No presentar el informe de actividades asistenciales o educativas del anio anterior", "leve",
       [ris("6.d"), ley("21.4")], "DOC"),
    _t("RIS-7-a", "No exhibir en un proceso de fiscalizacion la documentacion que sustenta la ejecucion de proyectos "
       "de CINR y sus fuentes de financiamiento", "grave", [ris("7.a"), ley("21.5")], "DFS"),
    _t("RIS-7-b", "Participacion de directivos inhabilitados de entidad cancelada", "grave",
       [ris("7.b"), tc("resolutivo 1")], "DFS", sin_sancion={
           "motivo": "Tipo anulado: depende de la inhabilitacion declarada inconstitucional.",
           "fundamento_legal": [INHABILITACION_ANULADA, ris("7.b")]}),
    _t("RIS-8-a", "Destruir bienes, registros, documentos, informes o proyectos de sus actividades", "muy_grave",
       [ris("8.a"), ley("21.6")], "DFS", instantanea=True),
    _t("RIS-8-b", "Uso indebido de recursos de CINR y donaciones o destino distinto", "muy_grave",
       [ris("8.b"), ley("21.7")], "DFS", instantanea=True, sin_sancion=_G1),
    _t("RIS-8-c", "Presentar informacion falsa o adulterada para obtener inscripcion, renovacion o beneficios",
       "muy_grave", [ris("8.c"), ley("21.2")], "DOC", instantanea=True),
    _t("RIS-8-d", "Uso ilicito, prohibido o no autorizado de facilidades, exoneraciones, inmunidades y privilegios",
       "muy_grave", [ris("8.d"), ley("21.8")], "DOC", sin_sancion=_G1),
    _t("RIS-8-e", "Destinar recursos de CTI a actividades que afecten el orden publico o la propiedad",
       "muy_grave", [ris("8.e"), ley("21.9"), tc("fundamentos 110-113")], "DFS", instantanea=True, sin_sancion=_G1),
    _t("RIS-9", "Entidad del art. 3.c que no inscribe sus programas, proyectos o actividades de cooperacion privada",
       "excepcional", [ris("9"), ley("3.1 ultimo parrafo"), tc("resolutivo 1 (gasto)")], "DOC"),
)}

ESCALAS_2007 = {
    "leve": EscalaSancion("leve", (AMONESTACION, MULTA), ris("12.a"), Decimal("0.10"), Decimal("10"),
                          dias_subsanacion=30, unidad_subsanacion=Unidad.CALENDARIO),
    "grave": EscalaSancion("grave", (MULTA, SUSPENSION), ris("12.b"), Decimal("0.50"), Decimal("30"),
                           suspension_al_tope=True),
    "muy_grave": EscalaSancion("muy_grave", (SUSPENSION,), ris("12.c; Ley 27692 art. 22.c")),
    "excepcional": EscalaSancion("excepcional", (MULTA,), ris("14"), Decimal("0.10"), Decimal("20")),
}

RIS_2007_TC = VersionReglamento(
    id="RIS-2007",
    norma="D.S. 027-2007-RE (limitado por STC 0009-2007-PI/TC)",
    vigente_desde=date(2007, 5, 19),
    vigente_hasta=date(2019, 1, 1),
    texto_cargado=True,
    infracciones=INFRACCIONES_2007,
    escalas=ESCALAS_2007,
    sanciones_anuladas={
        CANCELACION: {"motivo": "La cancelacion de la inscripcion no es una sancion administrativa: solo un organo "
                      "judicial puede disponerla.", "fundamento_legal": [CANCELACION_ANULADA, ris("11.d")]},
        INHABILITACION: {"motivo": "La inhabilitacion por 5 anios de directivos fue declarada inconstitucional.",
                         "fundamento_legal": [INHABILITACION_ANULADA, ris("12.d")]},
    },
    tope_global_uit=Decimal("50"),
    fundamento_tope_global=ley("22.b"),
    bandas_reiteracion=(
        BandaReiteracion(Decimal("10"), Decimal("20"), Decimal("40")),
        BandaReiteracion(Decimal("30"), Decimal("40"), Decimal("50")),
    ),
    prescripcion_anios=5,
    plazos=PLAZOS_2007,
    parametros=PARAMETROS_2007,
    notas=(
        "Publicado el 18-05-2007; rige desde el dia siguiente. La STC se publico el 13-09-2007.",
        "vigente_hasta provisional: fecha exacta de D.S. 016-2019-RE no encontrada (solo el anio).",
        "Concordancia Ley 27692 art. 21 <-> RIS tomada de las concordancias del texto consolidado de la Ley 27692.",
    ),
)
