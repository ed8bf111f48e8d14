"""The catalogue of procedure definitions (data modules, one per procedure, each act and deadline with its citation)."""

from __future__ import annotations

from services.tramite.domain.catalogo import Catalogo
from services.tramite.domain.procedimientos.p1_solicitud_cti import P1
from services.tramite.domain.procedimientos.p1f_extension import EXTENSION
from services.tramite.domain.procedimientos.p2_expertos import CANDIDATURA, PRORROGA
from services.tramite.domain.procedimientos.p3_becas import BECA
from services.tramite.domain.procedimientos.p4_donacion import DONACION, LIBERACION
from services.tramite.domain.procedimientos.p5_seguimiento import INFORME_AVANCE, PLAN_OPERACIONES
from services.tramite.domain.procedimientos.p6_evaluacion import EVALUACION, EVALUACION_ANUAL, EVALUACION_GLOBAL
from services.tramite.domain.procedimientos.p7_devolucion_igv import CONSTANCIA_IGV
from services.tramite.domain.procedimientos.p8_hallazgo_ejecucion import HALLAZGO_EJECUCION

CATALOGO = Catalogo()
for _proc in (P1, CANDIDATURA, PRORROGA, BECA, DONACION, LIBERACION, PLAN_OPERACIONES, INFORME_AVANCE,
              EVALUACION_ANUAL, EVALUACION, EVALUACION_GLOBAL, EXTENSION,
              CONSTANCIA_IGV, HALLAZGO_EJECUCION):
    CATALOGO.registrar(_proc)

__all__ = ["CATALOGO"]
