"""P6 - Evaluation of projects (R.S. 450-84-RE ch. VI, legal basis adds D.S. 016-84-PCM, §6.3): the annual
evaluation at project level (P6a, §6.5.1.a), the annual global evaluation of the cooperation a sector received (P6b,
§6.5.1.b) and the intermediate or final evaluation with its acta (P6c, §6.5.2, §6.6).

P6a. The sector office evaluates the project's progress (per §5.5.1.g and the Anexo 2 orientations) and sends its
report to the rector, cc the executing unit (§6.5.1.a.i); the rector analyses it and sends its comments or
observations to the unit through the sector office within 30 days of receipt (§6.5.1.a.ii); when the results are
behind schedule either party asks for an intermediate evaluation (§6.5.1.a.iii), opened as a P6c file.

P6b. At the end of each year the sector office sends the rector, within the following 60 days, the consolidated
report of the global evaluation of the cooperation the sector received, per Annexes 3 (projects: dates, progress,
source, coverage, external contribution) and 4 (experts, volunteers, donations, amounts) (§6.5.1.b.i); the rector
analyses it and, in coordination with the sources, formulates the document "Evaluacion global de la Cooperacion
Tecnica Internacional recibida durante el ano correspondiente" and distributes it (§6.5.1.b.ii).

P6c. Any participant (unit, sector office, rector or source, §6.6.1) asks for it; the sector office with the unit
proposes the terms of reference (Anexo 5) and the work plan to the rector (§6.5.2.a); the rector returns them with
observations (§6.5.2.b.ii) or, within 10 days of receipt, asks the source for its opinion and to name its
representative (§6.5.2.b.i); after acceptance it communicates the evaluation to the sector office, cc the source,
naming the official who chairs it (§6.5.2.c); the team signs the acta (Anexo 6) and the rector sends it within 5
days of signature to the bodies involved and to the Foreign Ministry, which officialises it (§6.5.2.d).

Decisions: the manual has the rector address the source directly (§6.5.2.b.i, c); D.Leg. 719 art. 4.a makes the
Foreign Ministry the only official channel with the source (the catalogue enforces it), so the rector sends the terms
to the Foreign Ministry, which sends them to the source and relays its answer, and the copy of §6.5.2.c goes to the
Foreign Ministry. "10 dias" and "5 dias" carry no unit: business days (T.U.O. Ley 27444 art. 145.1), as in P2; the
same for the 30 days of §6.5.1.a.ii. The 90-120 days before the evaluation date (§6.5.2.a) count backwards from the
date the proposal gives (``fecha_evaluacion``), in business days too (the reference day not counted, day 1 the day
before it), and are judged when the terms are proposed (``Plazo.cumple_el_propio_acto``): stored closed in the
opening event as ``en_plazo``, ``tardio`` (fewer than 90 days left) or ``anticipado`` (more than 120). Either way the
proposal is received: §6.5.2.a attaches no consequence and the rector's answer (observations, §6.5.2.b.ii, or a new
date) is the remedy; a right lapses only when the authority, after warning, declares it (T.U.O. Ley 27444 art.
151.3). The file is marked ``extemporaneo``. Only the first proposal is judged; terms reformulated after
observations answer them, the original date may have moved.
The acta records one ``recomendacion`` among the outcomes §6.5.2 names (continuation, modifications, ampliacion,
prorroga, termination); an officialised acta recommending ampliacion or prorroga is what a project extension request
(P1f, ``p1f_extension.py``, §5.6.2) must name.

P6b decisions. One file per sector and year, opened by the consolidated report itself (the diagram, Annex 1, starts
with "OR-CTI remite informe"). The 60 days run from the end of the year reported, before the file exists, so they are
judged when the report is sent (``Plazo.cumple_el_propio_acto``, as P5b's semester report), counted from the year's
end the office gives (``termino_anio``: "al termino de cada ano"; the calendar year, 31 December, is inferred):
``en_plazo``, ``tardio`` or ``anticipado`` (a year not yet ended). "60 dias" carry no unit: business days (T.U.O. Ley
27444 art. 145.1); §6.5.1.b.i attaches no consequence, so a late report is received and the file marked
``extemporaneo``. The manual gives the rector no deadline; the procedure's duration of 30 days (§6.7) runs, as an
alert, from the receipt of the report to the distribution. The rector's one global document is recorded in each
sector's file (formulated, then distributed to that sector office with the copies the rector adds); "en coordinacion
con las fuentes" is technical coordination recorded as ``fuentes_coordinadas``, and no copy goes to a source except
through the Foreign Ministry (D.Leg. 719 art. 4.a, enforced by the catalogue). The manual provides no return of the
consolidated report: one without both annexes is refused when it is sent.
"""

from __future__ import annotations

from datetime import date

from shared.calendario import Unidad

from services.tramite.domain.definicion import Accion, Entrada, Procedimiento, Requisito
from services.tramite.domain.definicion import TipoOficina as T
from services.tramite.domain.plazos import Inicio, Plazo
from services.tramite.domain.procedimientos.normas import dleg719, lpag, manual

F_SECTOR, F_RECTOR = f"tipo:{T.SECTOR}", f"tipo:{T.RECTOR}"
F_RREE, F_FUENTE = f"tipo:{T.CANCILLERIA}", f"tipo:{T.FUENTE}"
BASE = (manual("6.3"),)

COMENTARIOS_30 = Plazo(
    "comentarios_rectora", "El ente rector remite sus comentarios a la evaluacion anual", 30, Unidad.HABILES,
    (manual("6.5.1.a.ii"), lpag("145.1")), se_cumple_con=("remitir_comentarios",),
    nota="'30 dias' sin unidad: habiles por la regla general",
)

EN_RECTORA, EN_TRASLADO = "en_evaluacion_rectora", "comentarios_en_traslado"

EVALUACION_ANUAL = Procedimiento(
    codigo="P6-EVALUACION-ANUAL",
    version=1,
    vigente_desde=date(1984, 12, 1),
    nombre="Evaluacion periodica (anual) a nivel de proyecto",
    fundamento=(manual("6.5.1.a"), *BASE),
    entradas=(
        Entrada(T.SECTOR, (T.SECTOR,), "en_evaluacion_sectorial", "EvaluacionAnualProyectoIniciada",
                (manual("6.5.1.a.i"), manual("6.4")), campos=("proyecto", "anio", "avance"),
                valores={"avance": ("conforme", "atrasado")}, documentos=("programa_anual_trabajo",)),
    ),
    acciones=(
        Accion("remitir_evaluacion", "InformeEvaluacionAnualRemitido", ("en_evaluacion_sectorial",), EN_RECTORA,
               (T.SECTOR,), F_RECTOR, (manual("6.5.1.a.i"),), documento="oficio",
               documentos=("informe_evaluacion",), cc=("promotor",), plazos=(COMENTARIOS_30,)),
        Accion("remitir_comentarios", "ComentariosEvaluacionAnualRemitidos", (EN_RECTORA,), EN_TRASLADO,
               (T.RECTOR,), F_SECTOR, (manual("6.5.1.a.ii"),), documento="oficio", campos=("observaciones",)),
        Accion("trasladar_comentarios", "ComentariosEvaluacionAnualTrasladados", (EN_TRASLADO,), "concluida",
               (T.SECTOR,), "promotor", (manual("6.5.1.a.ii"),), documento="oficio"),
        Accion("requerir_evaluacion_intermedia", "EvaluacionIntermediaRequerida", (EN_RECTORA, EN_TRASLADO),
               "evaluacion_intermedia_requerida", (T.RECTOR, T.SECTOR), "promotor", (manual("6.5.1.a.iii"),),
               documento="oficio", campos=("nuevo_expediente",), cc=(F_SECTOR, F_RECTOR),
               requisitos=(Requisito("presentar", {"avance": "atrasado"},
                                     "La evaluacion intermedia se pide cuando los resultados estan atrasados",
                                     (manual("6.5.1.a.iii"),)),)),
    ),
    terminales=("concluida", "evaluacion_intermedia_requerida"),
)

INFORME_60 = Plazo(
    "informe_consolidado", "La OR-CTI remite el informe consolidado de la evaluacion global del ano", 60,
    Unidad.HABILES, (manual("6.5.1.b.i"), lpag("145.1")), inicio=Inicio.CAMPO, campo_inicio="termino_anio",
    cumple_el_propio_acto=True,
    nota="'60 dias siguientes' al termino del ano, sin unidad: habiles; se juzga al remitir; fuera de plazo se "
         "registra (extemporaneo), no se rechaza",
)
DURACION_30 = Plazo(
    "evaluacion_global", "Duracion del procedimiento hasta la distribucion de la evaluacion global", 30,
    Unidad.HABILES, (manual("6.7"), lpag("145.1")), se_cumple_con=("distribuir_evaluacion_global",),
    nota="'Treinta (30) dias' de duracion (6.7), sin unidad: habiles, desde la recepcion del informe; alerta",
)
INFORME_GLOBAL = ("informe_consolidado", "cuadro_anexo_3", "cuadro_anexo_4")
EN_ANALISIS, FORMULADA = "en_analisis_rectora", "evaluacion_formulada"

EVALUACION_GLOBAL = Procedimiento(
    codigo="P6-EVALUACION-GLOBAL-SECTORIAL",
    version=1,
    vigente_desde=date(1984, 12, 1),
    nombre="Evaluacion periodica (anual) global de la cooperacion captada por el sector",
    fundamento=(manual("6.5.1.b"), *BASE),
    entradas=(
        Entrada(T.RECTOR, (T.SECTOR,), EN_ANALISIS, "InformeConsolidadoAnualRemitido",
                (manual("6.5.1.b.i"), manual("Cap. VI Anexos 3 y 4")), campos=("termino_anio",),
                documentos=INFORME_GLOBAL, plazos=(INFORME_60, DURACION_30),
                descripcion="dentro de los 60 dias siguientes al termino del ano (6.5.1.b.i)"),
    ),
    acciones=(
        Accion("formular_evaluacion_global", "EvaluacionGlobalAnualFormulada", (EN_ANALISIS,), FORMULADA,
               (T.RECTOR,), "custodia", (manual("6.5.1.b.ii"),), documento="evaluacion_global",
               campos=("fuentes_coordinadas",),
               descripcion="'Evaluacion global de la CTI recibida durante el ano', en coordinacion con las fuentes"),
        Accion("distribuir_evaluacion_global", "EvaluacionGlobalAnualDistribuida", (FORMULADA,), "distribuida",
               (T.RECTOR,), F_SECTOR, (manual("6.5.1.b.ii"),), documento="oficio", documentos=("evaluacion_global",),
               descripcion="a la OR-CTI, con las copias que indique el ente rector (a la fuente, via Cancilleria)"),
    ),
    terminales=("distribuida",),
)

PROPUESTA_TDR = Plazo(
    "propuesta_tdr", "La OR-CTI propone los terminos de referencia y el plan de trabajo de la evaluacion", 90,
    Unidad.HABILES, (manual("6.5.2.a"), lpag("145.1")), inicio=Inicio.CAMPO, campo_inicio="fecha_evaluacion",
    cumple_el_propio_acto=True, hacia_atras=True, anticipacion_maxima=120,
    nota="'90 a 120 dias previos a la fecha de evaluacion', sin unidad: habiles, contados hacia atras; se juzga al "
         "proponer; fuera de plazo se registra (extemporaneo), no se rechaza (T.U.O. Ley 27444 art. 151.3)",
)
REMISION_10 = Plazo(
    "remision_a_fuente", "El ente rector remite los terminos de referencia conformes para opinion de la fuente", 10,
    Unidad.HABILES, (manual("6.5.2.b.i"), lpag("145.1")), se_cumple_con=("remitir_a_cancilleria",),
    nota="'10 dias' sin unidad: habiles; se cumple con la remision a Cancilleria (D.Leg. 719 art. 4.a)",
)
ACTA_5 = Plazo(
    "remision_acta", "El ente rector remite el acta a los organismos involucrados y a Cancilleria", 5,
    Unidad.HABILES, (manual("6.5.2.d"), lpag("145.1")), inicio=Inicio.CAMPO, campo_inicio="fecha_suscripcion",
    se_cumple_con=("remitir_acta",), nota="'5 dias' sin unidad: habiles, desde la suscripcion del acta",
)
TDR = ("terminos_referencia", "plan_trabajo")
EN_RECTORA_TDR, TDR_OBS, EN_RREE = "en_evaluacion_rectora", "tdr_observados", "en_tramite_cancilleria"
EN_FUENTE, ACEPTADOS, OBS_FUENTE = "en_opinion_fuente", "tdr_aceptados", "tdr_observados_por_fuente"
CONVOCADA, SUSCRITA, REMITIDA = "evaluacion_convocada", "acta_suscrita", "acta_remitida"

EVALUACION = Procedimiento(
    codigo="P6-EVALUACION-INTERMEDIA-FINAL",
    version=1,
    vigente_desde=date(1984, 12, 1),
    nombre="Evaluacion intermedia o final del proyecto",
    fundamento=(manual("6.5.2"), manual("6.6"), *BASE),
    entradas=(
        Entrada(T.RECTOR, (T.SECTOR,), EN_RECTORA_TDR, "TerminosReferenciaEvaluacionPropuestos",
                (manual("6.5.2.a"), manual("6.6.1"), manual("Cap. VI Anexo 5")),
                campos=("proyecto", "tipo_evaluacion", "solicitante", "fecha_evaluacion"),
                valores={"tipo_evaluacion": ("intermedia", "final"),
                         "solicitante": ("unidad_ejecutora", "oficina_sectorial", "rectora", "fuente")},
                documentos=TDR, plazos=(PROPUESTA_TDR, REMISION_10),
                descripcion="90 a 120 dias antes de la fecha de la evaluacion (6.5.2.a)"),
    ),
    acciones=(
        Accion("observar_tdr", "TerminosReferenciaObservados", (EN_RECTORA_TDR,), TDR_OBS, (T.RECTOR,), F_SECTOR,
               (manual("6.5.2.b.ii"),), documento="oficio", campos=("observaciones",)),
        Accion("reformular_tdr", "TerminosReferenciaReformulados", (TDR_OBS,), EN_RECTORA_TDR, (T.SECTOR,),
               F_RECTOR, (manual("6.5.2.a"), manual("6.5.2.b.ii")), documento="oficio", documentos=TDR,
               plazos=(REMISION_10,)),
        Accion("remitir_a_cancilleria", "TerminosReferenciaRemitidosACancilleria", (EN_RECTORA_TDR,), EN_RREE,
               (T.RECTOR,), F_RREE, (manual("6.5.2.b.i"), dleg719("4.a")), documento="oficio", documentos=TDR,
               cc=(F_SECTOR,)),
        Accion("remitir_a_fuente", "TerminosReferenciaRemitidosAFuente", (EN_RREE,), EN_FUENTE, (T.CANCILLERIA,),
               F_FUENTE, (manual("6.5.2.b.i"), dleg719("4.a")), documento="nota_diplomatica",
               descripcion="pide la opinion de la fuente y que designe a su representante"),
        Accion("aceptar_tdr", "RepresentanteFuenteDesignado", (EN_FUENTE,), ACEPTADOS, (T.FUENTE,), F_RREE,
               (manual("6.5.2.b.i"),), documento="comunicacion_fuente", campos=("representante_fuente",)),
        Accion("observar_tdr_fuente", "TerminosReferenciaObservadosPorFuente", (EN_FUENTE,), OBS_FUENTE,
               (T.FUENTE,), F_RREE, (manual("6.5.2.b"),), documento="comunicacion_fuente",
               campos=("observaciones",)),
        Accion("comunicar_opinion_fuente", "OpinionFuenteSobreEvaluacionComunicada", (ACEPTADOS, OBS_FUENTE),
               EN_RECTORA_TDR, (T.CANCILLERIA,), F_RECTOR, (manual("6.5.2.b.i"), dleg719("4.a")),
               documento="oficio"),
        Accion("convocar_evaluacion", "EvaluacionConvocada", (EN_RECTORA_TDR,), CONVOCADA, (T.RECTOR,), F_SECTOR,
               (manual("6.5.2.c"), manual("6.6.5")), documento="oficio", campos=("presidente_por_rectora",),
               cc=(F_RREE,), requisitos=(Requisito("aceptar_tdr", {}, "La fuente no ha aceptado los terminos ni "
                                                   "designado a su representante", (manual("6.5.2.b.i"),)),)),
        Accion("suscribir_acta", "ActaEvaluacionSuscrita", (CONVOCADA,), SUSCRITA, (T.SECTOR,), F_RECTOR,
               (manual("6.5.2.d"), manual("Cap. VI Anexo 6")), documento="acta_evaluacion",
               campos=("fecha_suscripcion", "recomendacion"),
               valores={"recomendacion": ("continuacion", "modificacion", "ampliacion", "prorroga", "termino")},
               plazos=(ACTA_5,), descripcion="suscrita por el ente rector, la fuente y la oficina sectorial"),
        Accion("remitir_acta", "ActaEvaluacionRemitida", (SUSCRITA,), REMITIDA, (T.RECTOR,), F_RREE,
               (manual("6.5.2.d"),), documento="oficio", documentos=("acta_evaluacion",), cc=(F_SECTOR, "promotor")),
        Accion("oficializar_acta", "ActaEvaluacionOficializada", (REMITIDA,), "acta_oficializada", (T.CANCILLERIA,),
               F_FUENTE, (manual("6.5.2.d"), dleg719("4.a")), documento="nota_diplomatica"),
    ),
    terminales=("acta_oficializada",),
)
