"""P1 - Gestion de solicitudes de cooperacion tecnica internacional (R.S. 450-84-RE ch. I; D.S. 015-92-PCM arts.
41-62; D.Leg. 719 art. 4; Ley 27692 art. 5; Ley 28875 art. 5).

Route: promoter -> responsible organ of its level (sector, region, province, university system) -> rector (APCI) ->
Foreign Ministry -> source, and back; variants: province -> region (RGL 50), direct presentation to the rector
(§1.6.1-1.6.2, RGL 56), defence and security straight to the Foreign Ministry (RGL 57), bodies that channel and sign
directly and report to APCI (Ley 27692 art. 5), omissions and positive silence (RGL 55), observation by the source
answered with a new request (§1.6.3), agreement stage (§1.6.4), officialisation (D.Leg. 719 art. 4.a, RGL 4) and
prior registration of the intervention in APCI (Ley 28875 art. 5).

Ambiguities decided here: RGL 55 gives 45 days for the opinion and deems the request accepted at 30; both are kept,
the 30-day clock carries the legal effect and the 45-day one is an alert. Every deadline of RGL 55 is in calendar
days (the laws note §3). The manual's "1-2 months" to officialisation is a 60-calendar-day alert.
"""

from __future__ import annotations

from datetime import date

from shared.calendario import Unidad

from services.tramite.domain.definicion import Accion, DocumentoCondicional, Entrada, Procedimiento
from services.tramite.domain.definicion import TipoOficina as T
from services.tramite.domain.plazos import Efecto, Plazo
from services.tramite.domain.procedimientos.normas import dleg719, ley27692, ley28875, lpag, manual, rgl

EN_NIVEL, OMISIONES, SILENCIO = "en_evaluacion_nivel", "observada_por_omisiones", "favorable_por_silencio"
DEV_PROMOTOR, EN_RECTORA, DEV_NIVEL = "devuelta_al_promotor", "en_evaluacion_rectora", "devuelta_al_nivel"
EN_RREE, OFICIALIZADA = "en_tramite_cancilleria", "oficializada_ante_fuente"
APROBADA, DENEGADA, OBSERVADA = "aprobada_por_fuente", "denegada_por_fuente", "observada_por_fuente"
OBS_TRASLADO, OBS_COMUNICADAS = "observaciones_en_traslado", "observaciones_comunicadas"
CONV_REVISION, CONSULTA_TRASLADO, CONSULTA_UE = "convenio_en_revision_rectora", "consulta_en_traslado", "consulta_ue"
OPINION_TRASLADO, SUSCRIPCION, SUSCRITO = "opinion_ue_en_traslado", "suscripcion_recomendada", "convenio_suscrito"
PEND_REGISTRO, REGISTRADA = "pendiente_registro_apci", "intervencion_registrada"
GESTION_DIRECTA, SUSCRITO_DIRECTO = "gestion_directa", "suscrito_directamente"
TERMINALES = ("denegada_por_no_subsanacion", "desistida", "denegacion_comunicada", "reemplazada", "concluida")

NIVELES = (T.SECTOR, T.REGION, T.UNIVERSIDAD)
EVALUADORES = (T.SECTOR, T.REGION, T.PROVINCIA, T.UNIVERSIDAD)
OPINAN = ("derivar_a_rectora", "derivar_a_region", "devolver_al_promotor", "notificar_omisiones")
OPINAN += ("derivar_a_cancilleria", "devolver_al_nivel")

SILENCIO_30 = Plazo(
    "silencio_positivo", "Sin comunicacion del organo responsable la solicitud se tiene por aceptada", 30,
    Unidad.CALENDARIO, (rgl("55"),), efecto=Efecto.SILENCIO_POSITIVO, estado_al_vencer=SILENCIO,
    se_cumple_con=OPINAN, nota="RGL 55: 30 dias de presentada o subsanada, acreditado con el cargo",
)
OPINION_45 = Plazo(
    "opinion_tecnica", "Opinion tecnica del organo responsable", 45, Unidad.CALENDARIO, (rgl("55"),),
    se_cumple_con=OPINAN, nota="Contradice los 30 dias del silencio (RGL 55); se mantiene como alerta",
)
SUBSANACION_15 = Plazo(
    "subsanacion", "Subsanar las omisiones notificadas", 15, Unidad.CALENDARIO, (rgl("55"),),
    efecto=Efecto.DENEGATORIA, estado_al_vencer=TERMINALES[0], evento="SolicitudDenegadaPorNoSubsanacion",
    se_cumple_con=("subsanar_omisiones",),
)
OFICIALIZACION_60 = Plazo(
    "oficializacion", "Duracion orientativa hasta la oficializacion ante la fuente (1 a 2 meses)", 60,
    Unidad.CALENDARIO, (manual("1.7"),), se_cumple_con=("oficializar",),
)
PLAN_OPERACIONES_90 = Plazo(
    "plan_operaciones", "La unidad ejecutora presenta el plan de operaciones", 90, Unidad.CALENDARIO,
    (manual("5.5.1.a"), manual("Cap. I Anexo 2, Disposicion Final")), se_cumple_con=("informar_plan_operaciones",),
)
EVALUACION = (OPINION_45, SILENCIO_30)
SOLICITUD = {"campos": ("titulo", "unidad_ejecutora"), "documentos": ("solicitud",)}
_BASE_ENTRADA = (manual("1.4"), manual("1.5.1"), rgl("41-43"))


def _nivel(tipo: str, articulos: str) -> Entrada:
    return Entrada(
        tipo, (T.PROMOTOR,), EN_NIVEL, "SolicitudCooperacionPresentada", (*_BASE_ENTRADA, rgl(articulos)),
        plazos=(*EVALUACION, OFICIALIZACION_60), **SOLICITUD,
    )


ENTRADAS = (
    _nivel(T.SECTOR, "48.b, 51, 53"),
    _nivel(T.REGION, "48.c, 49, 53"),
    _nivel(T.PROVINCIA, "48.d, 50"),
    _nivel(T.UNIVERSIDAD, "48.e, 52"),
    Entrada(
        T.RECTOR, (T.PROMOTOR,), EN_RECTORA, "SolicitudPresentadaDirectamenteARectora",
        (manual("1.6.1"), manual("1.6.2"), rgl("56")), campos=(*SOLICITUD["campos"], "causal"),
        documentos=SOLICITUD["documentos"],
        valores={"causal": ("sin_dependencia_sectorial", "facultad_legal", "privado_con_opinion_sectorial",
                            "gobierno_regional", "gobierno_local")},
        condicionales=(DocumentoCondicional("causal", "privado_con_opinion_sectorial", "opinion_favorable_sectorial"),),
        plazos=(*EVALUACION, OFICIALIZACION_60),
    ),
    Entrada(
        T.CANCILLERIA, (T.PROMOTOR, T.SECTOR), EN_RREE, "SolicitudDefensaPresentadaACancilleria",
        (rgl("57"), dleg719("11")), campos=(*SOLICITUD["campos"], "causal"), documentos=SOLICITUD["documentos"],
        valores={"causal": ("defensa_seguridad_nacional",)},
    ),
    Entrada(
        T.FIRMA_DIRECTA, (T.FIRMA_DIRECTA,), GESTION_DIRECTA, "SolicitudGestionadaDirectamente", (ley27692("5"),),
        campos=("titulo", "fuente"), descripcion="Poderes del Estado, organismos autonomos, gobiernos regionales y"
        " locales canalizan y suscriben directamente e informan a APCI",
    ),
)


def _a(nombre: str, evento: str, desde: tuple[str, ...], hacia: str, quien: tuple[str, ...], destino: str,
       fundamento: tuple[dict[str, str], ...], **extra: object) -> Accion:
    return Accion(nombre, evento, desde, hacia, quien, destino, fundamento, **extra)  # type: ignore[arg-type]


_TRANSITO = {T.PROMOTOR.value: OBS_COMUNICADAS}
ACCIONES = (
    _a("notificar_omisiones", "OmisionesNotificadas", (EN_NIVEL,), OMISIONES, EVALUADORES, "anterior", (rgl("55"),),
       documento="oficio", campos=("omisiones",), plazos=(SUBSANACION_15,)),
    _a("subsanar_omisiones", "OmisionesSubsanadas", (OMISIONES,), EN_NIVEL, (T.PROMOTOR,), "siguiente", (rgl("55"),),
       documento="escrito_subsanacion", plazos=EVALUACION),
    _a("derivar_a_region", "SolicitudDerivadaAGobiernoRegional", (EN_NIVEL, SILENCIO), EN_NIVEL, (T.PROVINCIA,),
       f"tipo:{T.REGION}", (rgl("50"),), documento="oficio", cc=("promotor",), plazos=EVALUACION),
    _a("derivar_a_rectora", "SolicitudDerivadaARectora", (EN_NIVEL, SILENCIO), EN_RECTORA, NIVELES,
       f"tipo:{T.RECTOR}", (manual("1.5.2.a"), rgl("49, 51, 52")), documento="oficio",
       campos=("prioridad_sectorial",), cc=("promotor",)),
    _a("devolver_al_promotor", "SolicitudDevueltaAlPromotor", (EN_NIVEL, DEV_NIVEL), DEV_PROMOTOR, EVALUADORES,
       "anterior", (manual("1.5.2.b"),), documento="oficio", campos=("observaciones",),
       hacia_por_tipo_destino={T.PROVINCIA.value: DEV_NIVEL}),
    _a("reingresar", "SolicitudReingresada", (DEV_PROMOTOR,), EN_NIVEL, (T.PROMOTOR,), "siguiente",
       (manual("1.5.1"), rgl("55")), documento="solicitud", hacia_por_tipo_destino={T.RECTOR.value: EN_RECTORA},
       plazos=EVALUACION),
    _a("desistir", "SolicitudDesistida", (DEV_PROMOTOR, OMISIONES), "desistida", (T.PROMOTOR,), "custodia",
       (lpag("200"),), documento="escrito_desistimiento"),
    _a("derivar_a_cancilleria", "SolicitudDerivadaACancilleria", (EN_RECTORA, SILENCIO), EN_RREE, (T.RECTOR,),
       f"tipo:{T.CANCILLERIA}", (manual("1.5.3.a"), rgl("56, 58")), documento="oficio",
       campos=("prioridad_multisectorial",), cc=("anterior",)),
    _a("devolver_al_nivel", "SolicitudDevueltaAOficinaSectorial", (EN_RECTORA,), DEV_NIVEL, (T.RECTOR,), "anterior",
       (manual("1.5.3.b"),), documento="oficio", campos=("observaciones",),
       hacia_por_tipo_destino={T.PROMOTOR.value: DEV_PROMOTOR}),
    _a("reelevar", "SolicitudReelevada", (DEV_NIVEL,), EN_RECTORA, EVALUADORES, "siguiente", (manual("1.5.3"),),
       documento="oficio", hacia_por_tipo_destino={T.REGION.value: EN_NIVEL}),
    _a("oficializar", "SolicitudOficializadaAnteFuente", (EN_RREE,), OFICIALIZADA, (T.CANCILLERIA,),
       f"tipo:{T.FUENTE}", (manual("1.5.4"), dleg719("4.a"), rgl("60")), documento="nota_diplomatica",
       cc=(f"tipo:{T.RECTOR}",)),
    _a("aprobar", "SolicitudAprobadaPorFuente", (OFICIALIZADA,), APROBADA, (T.FUENTE,), f"tipo:{T.CANCILLERIA}",
       (manual("1.5.5"),), documento="comunicacion_fuente"),
    _a("denegar", "SolicitudDenegadaPorFuente", (OFICIALIZADA,), DENEGADA, (T.FUENTE,), f"tipo:{T.CANCILLERIA}",
       (manual("1.5.5"), rgl("59")), documento="comunicacion_fuente"),
    _a("observar", "SolicitudObservadaPorFuente", (OFICIALIZADA,), OBSERVADA, (T.FUENTE,), f"tipo:{T.CANCILLERIA}",
       (manual("1.5.5"), manual("1.6.3")), documento="comunicacion_fuente", campos=("observaciones",)),
    _a("comunicar_denegacion", "DenegacionComunicada", (DENEGADA,), "denegacion_comunicada", (T.CANCILLERIA,),
       "custodia", (manual("1.5.5"), rgl("59")), documento="oficio", cc=("cadena",)),
    _a("trasladar_observaciones", "ObservacionesFuenteTrasladadas", (OBSERVADA, OBS_TRASLADO), OBS_TRASLADO,
       (T.CANCILLERIA, T.RECTOR, *EVALUADORES), "anterior", (manual("1.5.5"), manual("1.6.3")), documento="oficio",
       hacia_por_tipo_destino=_TRANSITO),
    _a("presentar_nueva_solicitud", "SolicitudReemplazadaPorNueva", (OBS_COMUNICADAS,), "reemplazada", (T.PROMOTOR,),
       "custodia", (manual("1.6.3"),), campos=("nuevo_expediente",)),
    _a("remitir_proyecto_convenio", "ProyectoConvenioRemitidoARectora", (APROBADA,), CONV_REVISION,
       (T.CANCILLERIA,), f"tipo:{T.RECTOR}", (manual("1.6.4"), dleg719("4.a")), documento="oficio",
       documentos=("proyecto_convenio",)),
    _a("recomendar_suscripcion", "SuscripcionConvenioRecomendada", (CONV_REVISION,), SUSCRIPCION, (T.RECTOR,),
       f"tipo:{T.CANCILLERIA}", (manual("1.6.4.a"), rgl("61.a")), documento="oficio", cc=("anterior",)),
    _a("consultar_unidad_ejecutora", "OpinionUnidadEjecutoraRequerida", (CONV_REVISION,), CONSULTA_TRASLADO,
       (T.RECTOR,), "anterior", (manual("1.6.4.b"),), documento="oficio", campos=("observaciones",),
       hacia_por_tipo_destino={T.PROMOTOR.value: CONSULTA_UE}),
    _a("trasladar_consulta", "ConsultaConvenioTrasladada", (CONSULTA_TRASLADO,), CONSULTA_TRASLADO, EVALUADORES,
       "anterior", (manual("1.6.4.b"),), documento="oficio", hacia_por_tipo_destino={T.PROMOTOR.value: CONSULTA_UE}),
    _a("opinar_sobre_convenio", "OpinionUnidadEjecutoraEmitida", (CONSULTA_UE,), OPINION_TRASLADO, (T.PROMOTOR,),
       "siguiente", (manual("1.6.4.b"),), documento="oficio", campos=("opinion",),
       hacia_por_tipo_destino={T.RECTOR.value: CONV_REVISION}),
    _a("elevar_opinion", "OpinionUnidadEjecutoraElevada", (OPINION_TRASLADO,), OPINION_TRASLADO, EVALUADORES,
       "siguiente", (manual("1.6.4.b"),), documento="oficio", hacia_por_tipo_destino={T.RECTOR.value: CONV_REVISION}),
    _a("suscribir_convenio", "ConvenioSuscrito", (SUSCRIPCION,), SUSCRITO, (T.CANCILLERIA,), "custodia",
       (manual("1.2"), dleg719("4.a"), rgl("59, 61")), roles=("titular",), campos=("instrumento",),
       valores={"instrumento": ("convenio_basico", "convenio_especifico", "acuerdo", "canje_de_notas")},
       condicionales=tuple(DocumentoCondicional("instrumento", v, "convenio")
                           for v in ("convenio_basico", "convenio_especifico", "acuerdo"))
       + (DocumentoCondicional("instrumento", "canje_de_notas", "notas_reversales"),)),
    _a("oficializar_intervencion", "IntervencionOficializada", (SUSCRITO,), PEND_REGISTRO, (T.CANCILLERIA,),
       f"tipo:{T.RECTOR}", (dleg719("4.a"), rgl("4")), documento="oficio", otorga_beneficios=True),
    _a("suscribir_directamente", "ConvenioSuscritoDirectamente", (GESTION_DIRECTA,), SUSCRITO_DIRECTO,
       (T.FIRMA_DIRECTA,), "custodia", (ley27692("5"),), roles=("titular",), documentos=("convenio",),
       campos=("instrumento",)),
    _a("dar_cuenta_apci", "SuscripcionComunicadaAAPCI", (SUSCRITO_DIRECTO,), PEND_REGISTRO, (T.FIRMA_DIRECTA,),
       f"tipo:{T.RECTOR}", (ley27692("5"),), documento="oficio"),
    _a("registrar_intervencion", "IntervencionRegistradaEnAPCI", (PEND_REGISTRO,), REGISTRADA, (T.RECTOR,),
       "promotor", (ley28875("5"), ley27692("5"), manual("5.5.1.a")), documento="oficio",
       campos=("codigo_intervencion",), cc=("cadena",), plazos=(PLAN_OPERACIONES_90,)),
    _a("informar_plan_operaciones", "PlanOperacionesInformado", (REGISTRADA,), "concluida", (T.PROMOTOR,),
       "custodia", (manual("5.5.1.a"),), campos=("expediente_plan",)),
)

P1 = Procedimiento(
    codigo="P1-SOLICITUD-CTI",
    version=1,
    vigente_desde=date(1992, 1, 1),
    nombre="Gestion de solicitudes de cooperacion tecnica internacional",
    fundamento=(dleg719("4, 7, 8"), rgl("41-62"), manual("Cap. I")),
    entradas=ENTRADAS,
    acciones=ACCIONES,
    terminales=TERMINALES,
)
