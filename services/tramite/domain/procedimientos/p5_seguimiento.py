"""P5 - Seguimiento of projects (R.S. 450-84-RE ch. V): approval of the Plan de Operaciones (P5a, §5.5.1.a-f) and
the semi-annual progress report (P5b, §5.5.1.g-h, with the rector's comments of §6.5.1.a.ii and §6.6.3).

P5a. The file opens when the executing unit receives the official communication that its project is approved: that
communication starts the 90-day term to present the plan (§5.5.1.a; Cap. I Anexo 2, Disposicion Final). The unit
presents it (4 copies, guide of Cap. V Anexo 2) to its sector office, which returns it to the unit with observations
or sends it up to the rector (3 copies, cc the unit) (§5.5.1.b); the rector returns it to the sector office with
observations or sends it to the Foreign Ministry (2 copies, cc the sector office) (§5.5.1.c); only the Foreign
Ministry officialises it before the source (§5.5.1.d; D.Leg. 719 art. 4.a) and receives the source's opinion, which it
communicates to the bodies concerned (§5.5.1.e); once approved by every instance the plan is the "documento base"
(§5.5.1.f). An approved plan is then registered with APCI (Directiva 001-2008-APCI-DOC §II, as amended by R.D.E.
023-2008-APCI-DE): filed during the month execution starts (§II.1), evaluated by DOC within 30 business days
(§II.3.3), observations must be answered before any constancia (§II.3.4), registration notified to the applicant
(§II.3.5-6).

Ambiguities decided: the manual says "90 dias" for a 1984 act: calendar days, as in P1 (same deadline, Cap. I Anexo 2
says "3 meses"); re-submission after observations is not written in the manual (it is "[inferred]" in the seed, §5.5)
and is modelled as the unit presenting the corrected plan again to the sector office (T.U.O. Ley 27444 art. 136); the
source's observations go back down to the rector, who returns them to the sector office (§5.5.1.e "la comunicara a
las instancias correspondientes"). Neither the manual nor the directive provide a rejection of a plan, only
observations (seed Part D §1.4 note): none is modelled. Returns name the office kind instead of "anterior" because the
chain starts at the office that communicated the approval, which may be above the sector office.

P5b. The unit presents the progress report (Cap. V Anexo 3) to the rector through its sector office within 30 days of
the end of the semester (§5.5.1.g); the sector office evaluates it and sends it up with cc the unit (§6.5.1.a.i) or
returns it with observations; the rector sends its comments to the unit through the sector office within 30 days of
receipt (§6.5.1.a.ii) and may first ask the unit for complementary information, cc the sector office (§6.6.3); the
report joins the project file (§5.5.1.h). The 30-days-after-the-semester term starts before the file exists, so it is
judged when the report is presented (``Plazo.cumple_el_propio_acto``): counted from the semester's end date the unit
gives (``fin_semestre``), stored closed in the opening event as met ``en_plazo``, ``tardio`` or ``anticipado`` (a
report on a semester not yet ended). A late report is received, not refused: §5.5.1.g sets no consequence, and a
right lapses only when the authority, after warning, declares it (T.U.O. Ley 27444 art. 151.3; informalismo, art.
IV.1.6); the file is marked ``extemporaneo`` for the in-tray, the list and reports. Only the first presentation is
judged: a report corrected after observations (``reingresar_informe``) answers the observation, not the semester.
"30 dias" of §5.5.1.g and of §6.5.1.a.ii carry no unit: business days (T.U.O. Ley 27444 art. 145.1), as in P2
(for a semester ending 30 June 2026: 17 August, past 23, 28, 29 July and 6 August).
"""

from __future__ import annotations

from datetime import date

from shared.calendario import Unidad

from services.tramite.domain.definicion import Accion, Entrada, Procedimiento
from services.tramite.domain.definicion import TipoOficina as T
from services.tramite.domain.plazos import Inicio, Plazo
from services.tramite.domain.procedimientos.normas import dleg719, lpag, manual, norma

F_SECTOR, F_RECTOR = f"tipo:{T.SECTOR}", f"tipo:{T.RECTOR}"
F_RREE, F_FUENTE = f"tipo:{T.CANCILLERIA}", f"tipo:{T.FUENTE}"
DIR001 = "Directiva 001-2008-APCI-DOC (mod. R.D.E. 023-2008-APCI-DE)"

PRESENTACION_PO_90 = Plazo(
    "presentacion_plan_operaciones", "La unidad ejecutora presenta el plan de operaciones", 90, Unidad.CALENDARIO,
    (manual("5.5.1.a"), manual("Cap. I Anexo 2, Disposicion Final")), se_cumple_con=("presentar_plan",),
    nota="90 dias desde la comunicacion oficial de la aprobacion del proyecto; calendario, como en P1",
)
EVALUACION_DOC_30 = Plazo(
    "evaluacion_inscripcion", "La DOC de APCI evalua la solicitud de inscripcion del plan de operaciones", 30,
    Unidad.HABILES, (norma(DIR001, "II.3.3"),),
    se_cumple_con=("inscribir_plan", "observar_inscripcion"),
)
COMENTARIOS_30 = Plazo(
    "comentarios_rectora", "El ente rector remite sus comentarios u observaciones al informe de avance", 30,
    Unidad.HABILES, (manual("6.5.1.a.ii"), lpag("145.1")),
    se_cumple_con=("remitir_comentarios",), nota="'30 dias' sin unidad: habiles por la regla general",
)

PRESENTACION_INFORME_30 = Plazo(
    "presentacion_informe_avance", "La unidad ejecutora presenta el informe semestral de avance", 30,
    Unidad.HABILES, (manual("5.5.1.g"), lpag("145.1")), inicio=Inicio.CAMPO, campo_inicio="fin_semestre",
    cumple_el_propio_acto=True,
    nota="'30 dias de finalizado el semestre' sin unidad: habiles; se juzga al presentar; fuera de plazo se registra "
         "(extemporaneo), no se rechaza (T.U.O. Ley 27444 art. 151.3)",
)

PENDIENTE, EN_SECTOR = "pendiente_presentacion", "en_evaluacion_sectorial"
OBS_SECTOR = "observado_por_oficina_sectorial"
EN_RECTORA, OBS_RECTORA, EN_RREE = "en_evaluacion_rectora", "observado_por_rectora", "en_tramite_cancilleria"
OFICIALIZADO, CONFORME, OBS_FUENTE = "oficializado_ante_fuente", "conforme_por_fuente", "observado_por_fuente"
APROBADO, EN_INSCRIPCION, OBS_INSCRIPCION = "aprobado", "en_inscripcion_apci", "inscripcion_observada"

PLAN_OPERACIONES = Procedimiento(
    codigo="P5-PLAN-OPERACIONES",
    version=1,
    vigente_desde=date(1984, 12, 1),
    nombre="Aprobacion e inscripcion del plan de operaciones del proyecto",
    fundamento=(manual("5.5.1.a-f"), norma(DIR001, "II")),
    entradas=(
        Entrada(T.PROMOTOR, (T.SECTOR, T.RECTOR, T.CANCILLERIA), PENDIENTE, "AprobacionProyectoComunicada",
                (manual("5.5.1.a"), manual("5.4")), campos=("proyecto",), documentos=("comunicacion_aprobacion",),
                plazos=(PRESENTACION_PO_90,),
                descripcion="Comunicacion oficial de la aprobacion del proyecto: inicia los 90 dias del plan"),
    ),
    acciones=(
        Accion("presentar_plan", "PlanOperacionesPresentado", (PENDIENTE, OBS_SECTOR), EN_SECTOR, (T.PROMOTOR,),
               F_SECTOR, (manual("5.5.1.a"), manual("Cap. V Anexo 2")), documento="oficio",
               documentos=("plan_operaciones",), descripcion="4 ejemplares, segun la guia del Anexo 2"),
        Accion("observar_en_sector", "PlanOperacionesObservadoPorOficinaSectorial", (EN_SECTOR,), OBS_SECTOR,
               (T.SECTOR,), "promotor", (manual("5.5.1.b.i"),), documento="oficio", campos=("observaciones",)),
        Accion("elevar_a_rectora", "PlanOperacionesElevadoARectora", (EN_SECTOR,), EN_RECTORA, (T.SECTOR,),
               F_RECTOR, (manual("5.5.1.b.ii"),), documento="oficio", documentos=("plan_operaciones",),
               cc=("promotor",), descripcion="opinion favorable, 3 ejemplares, copia a la unidad ejecutora"),
        Accion("observar_en_rectora", "PlanOperacionesObservadoPorRectora", (EN_RECTORA,), OBS_RECTORA,
               (T.RECTOR,), F_SECTOR, (manual("5.5.1.c.i"),), documento="oficio", campos=("observaciones",)),
        Accion("trasladar_observaciones", "ObservacionesPlanOperacionesTrasladadas", (OBS_RECTORA,), OBS_SECTOR,
               (T.SECTOR,), "promotor", (manual("5.5.1.b.i"), manual("5.5.1.c.i")), documento="oficio"),
        Accion("elevar_a_cancilleria", "PlanOperacionesElevadoACancilleria", (EN_RECTORA,), EN_RREE, (T.RECTOR,),
               F_RREE, (manual("5.5.1.c.ii"),), documento="oficio", documentos=("plan_operaciones",),
               cc=(F_SECTOR,), descripcion="opinion favorable, 2 ejemplares, copia a la oficina sectorial"),
        Accion("oficializar", "PlanOperacionesOficializadoAnteFuente", (EN_RREE,), OFICIALIZADO, (T.CANCILLERIA,),
               F_FUENTE, (manual("5.5.1.d"), dleg719("4.a")), documento="nota_diplomatica"),
        Accion("conformar", "PlanOperacionesConformadoPorFuente", (OFICIALIZADO,), CONFORME, (T.FUENTE,), F_RREE,
               (manual("5.5.1.e"),), documento="comunicacion_fuente"),
        Accion("observar_en_fuente", "PlanOperacionesObservadoPorFuente", (OFICIALIZADO,), OBS_FUENTE, (T.FUENTE,),
               F_RREE, (manual("5.5.1.e"),), documento="comunicacion_fuente", campos=("observaciones",)),
        Accion("comunicar_observaciones_fuente", "ObservacionesFuenteSobrePlanComunicadas", (OBS_FUENTE,),
               EN_RECTORA, (T.CANCILLERIA,), F_RECTOR, (manual("5.5.1.e"),), documento="oficio"),
        Accion("comunicar_aprobacion", "AprobacionPlanOperacionesComunicada", (CONFORME,), APROBADO,
               (T.CANCILLERIA,), "promotor", (manual("5.5.1.e"), manual("5.5.1.f")), documento="oficio",
               cc=(F_RECTOR, F_SECTOR), descripcion="el plan aprobado es el documento base de las actividades"),
        Accion("solicitar_inscripcion", "InscripcionPlanOperacionesSolicitada", (APROBADO, OBS_INSCRIPCION),
               EN_INSCRIPCION, (T.PROMOTOR,), F_RECTOR, (norma(DIR001, "II.1, II.2"),), documento="anexo_1_po",
               documentos=("plan_operaciones",), campos=("mes_inicio_ejecucion",), plazos=(EVALUACION_DOC_30,),
               descripcion="en el mes en que se inicia la ejecucion (II.1)"),
        Accion("observar_inscripcion", "InscripcionPlanOperacionesObservada", (EN_INSCRIPCION,), OBS_INSCRIPCION,
               (T.RECTOR,), "promotor", (norma(DIR001, "II.3.4"),), documento="oficio", campos=("observaciones",)),
        Accion("inscribir_plan", "PlanOperacionesInscrito", (EN_INSCRIPCION,), "inscrito", (T.RECTOR,),
               "promotor", (norma(DIR001, "II.3.5, II.3.6"),), documento="oficio"),
    ),
    terminales=("inscrito",),
)

EN_SECTOR_INF, OBS_INF, EN_RECTORA_INF = EN_SECTOR, OBS_SECTOR, EN_RECTORA
COMPLEMENTARIA, COMENTARIOS = "informacion_complementaria_solicitada", "comentarios_en_traslado"

INFORME_AVANCE = Procedimiento(
    codigo="P5-INFORME-AVANCE",
    version=1,
    vigente_desde=date(1984, 12, 1),
    nombre="Informe semestral de avance del proyecto",
    fundamento=(manual("5.5.1.g-h"), manual("6.5.1.a")),
    entradas=(
        Entrada(T.SECTOR, (T.PROMOTOR,), EN_SECTOR_INF, "InformeAvancePresentado",
                (manual("5.5.1.g"), manual("Cap. V Anexo 3")), campos=("proyecto", "numero_informe", "fin_semestre"),
                documentos=("informe_avance",), plazos=(PRESENTACION_INFORME_30,),
                descripcion="dentro de los 30 dias siguientes al fin del semestre (5.5.1.g)"),
    ),
    acciones=(
        Accion("observar_informe", "InformeAvanceObservadoPorOficinaSectorial", (EN_SECTOR_INF,), OBS_INF,
               (T.SECTOR,), "promotor", (manual("5.5.1.h"), lpag("136")), documento="oficio",
               campos=("observaciones",)),
        Accion("reingresar_informe", "InformeAvanceCorregidoReingresado", (OBS_INF,), EN_SECTOR_INF, (T.PROMOTOR,),
               F_SECTOR, (manual("5.5.1.g"), lpag("136")), documento="oficio", documentos=("informe_avance",)),
        Accion("elevar_informe", "InformeAvanceEvaluadoPorOficinaSectorial", (EN_SECTOR_INF,), EN_RECTORA_INF,
               (T.SECTOR,), F_RECTOR, (manual("5.5.1.h"), manual("6.5.1.a.i")), documento="oficio",
               documentos=("informe_evaluacion",), cc=("promotor",), plazos=(COMENTARIOS_30,)),
        Accion("solicitar_informacion", "InformacionComplementariaSolicitada", (EN_RECTORA_INF,), COMPLEMENTARIA,
               (T.RECTOR,), "promotor", (manual("6.6.3"),), documento="oficio", campos=("observaciones",),
               cc=(F_SECTOR,)),
        Accion("remitir_informacion", "InformacionComplementariaRemitida", (COMPLEMENTARIA,), EN_RECTORA_INF,
               (T.PROMOTOR,), F_RECTOR, (manual("6.6.3"),), documento="oficio", cc=(F_SECTOR,)),
        Accion("remitir_comentarios", "ComentariosInformeAvanceRemitidos", (EN_RECTORA_INF,), COMENTARIOS,
               (T.RECTOR,), F_SECTOR, (manual("6.5.1.a.ii"), manual("5.5.1.h")), documento="oficio",
               campos=("recomendaciones",)),
        Accion("trasladar_comentarios", "ComentariosInformeAvanceTrasladados", (COMENTARIOS,), "incorporado",
               (T.SECTOR,), "promotor", (manual("6.5.1.a.ii"), manual("5.5.1.h")), documento="oficio",
               descripcion="el informe pasa a formar parte del expediente del proyecto"),
    ),
    terminales=("incorporado",),
)
