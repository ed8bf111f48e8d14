"""P4 - Donations of goods from abroad and their customs clearance, on both routes the texts describe: the approval
of a donation to a Peruvian donee (Ley 28905; D.S. 021-2008-EF; D.S. 096-2007-EF; R.M. 1233-2008-RE), and the 1984
tariff liberation of goods a cooperating source imports for a project consigned to itself (R.S. 450-84-RE ch. IV,
Anexo 3, 2.a and 3), at the end of this module.

Approval, two entries (D.S. 096-2007-EF art. 3): a private donee (ONGD, ENIEX, IPREDA) files with APCI, the
receiving channel delegated by the Foreign Ministry, which drafts the R.M. the Minister of Foreign Affairs issues
(R.M. 1233-2008-RE art. 1); a public donee files with its own sector, which issues the R.M. Clearance may run in parallel: the holder
records the release (levante) customs e-mails it (D.S. 021-2008-EF art. 6), which starts the deemed-approval clock
(Ley 28905 art. 2, D.S. 021-2008-EF art. 8): without a notice of approval or denial received by customs within 30
days, the donation is approved. Incomplete files must be cured within 2 business days (art. 5), or are denied.

Ambiguity decided: the 30 days of art. 2 name no unit; read as business days (Ley 27444 general rule, as the note
§7.1 suggests); change the data to calendar days if legal review says so. The approving R.M. exempts the goods from
IGV and duties, so for a private donee it requires its current, unsuspended registration (D.S. 096-2007-EF art. 4.e).

Liberation (1984). The plan de operaciones says whether imported goods come consigned to the source or to a national
entity (§4.6). Consigned to the source: the source presents the liberation file (Formato 2, "nota CT", with the
invoice and bill of lading and the Constancia de pedido nacional or a Carta de compromiso) to the Foreign Ministry's
Direccion General de Protocolo, which returns incomplete files with Formato 6 for re-presentation, or sends them to
the Ministry's own cooperation office for its opinion; on a favourable opinion Protocolo grants the right to liberation
(carta protocolar) to the source; the source, or whoever it charges, presents it to customs, whose Direccion General
issues the liberating Resolucion Directoral (Formato 7) and sends its transcription (Formato 8) to the customs house
holding the goods; the importer's customs agent clears them there (poliza, volante de despacho), customs inspects
(aforo), liquidates the liberated duties and releases the goods (levante) (Anexo 3, 2.a, 3.1.a, 3.2.a).

Decisions: the steps of Protocolo and of the cooperation office run "en lo posible" in 2 to 4 and "preferentemente" in
3 to 5 business days, the carta protocolar "aproximadamente en el mismo plazo", and the whole clearance "no debera
demorar mas de veinte (20) dias" from the delivery of the despatch documents (§4.7): the upper bounds are alerts
without effect, and the 20 "dias" are business days (T.U.O. Ley 27444 art. 145.1), counted from the presentation to
Protocolo, which carries those documents. The opinion is two acts (favourable, unfavourable) so that only a favourable
one lets Protocolo grant the liberation and an unfavourable one leads to the Formato 6 return. The source addresses
customs directly, and customs copies its resolution to the source ("Interesado", Formato 7): those acts carry the
``canal_directo_fuente`` carve-out with that citation. The exemption is the source's under the cooperation agreement
(Anexo 3, 2: "el Gobierno del Peru reconoce el derecho a liberacion"), not a benefit of the executing unit's
registration, so no registration check applies. Not modelled: the Constancia de pedido nacional itself (Formatos 3-4,
source to the sector office, before this file); the replacement of a Carta de compromiso within 90 days and the rule
that blocks further cartas of a source in default for the same project, which span files of that source and project
and need a register of cartas (a return names ``carta_compromiso_fuera_de_plazo`` as its cause); bonded storage
(Anexo 3, 4). Goods consigned to a national entity were freed by Resolucion Ministerial of its sector (Anexo 3, 2.b;
D.L. 21942): D.S. 096-2007-EF art. 3 replaced that route with the approval modelled above (sector entry).
"""

from __future__ import annotations

from datetime import date

from shared.calendario import Unidad

from services.tramite.domain.definicion import Accion, DocumentoCondicional, Entrada, Procedimiento
from services.tramite.domain.definicion import TipoOficina as T
from services.tramite.domain.plazos import Efecto, Inicio, Plazo
from services.tramite.domain.procedimientos.normas import lpag, manual, norma

DS021, DS096, L28905, RM1233 = "D.S. 021-2008-EF", "D.S. 096-2007-EF", "Ley 28905", "R.M. 1233-2008-RE"
REQUISITOS = ("carta_solicitud", "certificado_donacion", "documento_transporte")

SUBSANACION_2 = Plazo(
    "subsanacion", "Subsanar los requisitos omitidos", 2, Unidad.HABILES, (norma(DS021, "5"), lpag("136")),
    efecto=Efecto.DENEGATORIA, estado_al_vencer="denegada", evento="SolicitudDonacionDenegadaPorNoSubsanacion",
    se_cumple_con=("subsanar",),
)
FICTA_30 = Plazo(
    "aprobacion_ficta", "Sin resolucion recibida por Aduanas la donacion se tiene por aprobada", 30,
    Unidad.HABILES, (norma(L28905, "2"), norma(DS021, "8")), inicio=Inicio.CAMPO, campo_inicio="fecha_levante",
    efecto=Efecto.SILENCIO_POSITIVO, estado_al_vencer="aprobada_ficta", evento="DonacionAprobadaFictamente",
    se_cumple_con=("notificar_resolucion_a_aduanas",), ligado_al_estado=False, nota="'30 dias' sin unidad: habiles (por confirmar)",
)
_ENTRADA = {"campos": ("donante", "finalidad", "aduana"), "documentos": REQUISITOS}
_EVALUACION = ("en_evaluacion", "levante_comunicado")

DONACION = Procedimiento(
    codigo="P4-DONACION",
    version=1,
    vigente_desde=date(2008, 10, 21),
    nombre="Aprobacion de donaciones del exterior y despacho aduanero",
    fundamento=(norma(L28905, "2"), norma(DS096, "3, 4"), norma(RM1233, "1")),
    entradas=(
        Entrada(T.RECTOR, (T.PROMOTOR,), "en_evaluacion", "SolicitudAprobacionDonacionPresentada",
                (norma(DS096, "4"), norma(RM1233, "1")), **_ENTRADA),
        Entrada(T.SECTOR, (T.PROMOTOR,), "en_evaluacion", "SolicitudAprobacionDonacionPresentadaASector",
                (norma(DS096, "3.1, 4"), norma(DS021, "3")), **_ENTRADA),
    ),
    acciones=(
        Accion("observar", "SolicitudDonacionObservada", ("en_evaluacion",), "observada", (T.RECTOR, T.SECTOR),
               "promotor", (norma(DS021, "5"),), documento="oficio", campos=("omisiones",),
               plazos=(SUBSANACION_2,)),
        Accion("subsanar", "ObservacionDonacionSubsanada", ("observada",), "en_evaluacion", (T.PROMOTOR,),
               "siguiente", (norma(DS021, "5"),), documento="escrito_subsanacion"),
        Accion("registrar_levante", "LevanteComunicado", ("en_evaluacion",), "levante_comunicado",
               (T.RECTOR, T.SECTOR), "custodia", (norma(DS021, "6"),), campos=("fecha_levante", "dua"),
               plazos=(FICTA_30,)),
        Accion("remitir_a_ministro", "ExpedienteDonacionRemitidoAlMinistro", _EVALUACION, "en_despacho_ministerial",
               (T.RECTOR,), f"tipo:{T.CANCILLERIA}", (norma(RM1233, "1"),), documento="oficio",
               documentos=("informe_tecnico", "informe_legal", "proyecto_resolucion")),
        Accion("aprobar", "DonacionAprobadaPorResolucionMinisterial", ("en_despacho_ministerial", *_EVALUACION),
               "aprobada", (T.CANCILLERIA, T.SECTOR), "custodia", (norma(DS096, "3"), norma(RM1233, "1")),
               documento="resolucion_ministerial", roles=("titular",), otorga_beneficios=True),
        Accion("denegar", "DonacionDenegadaPorResolucionMinisterial", ("en_despacho_ministerial", *_EVALUACION),
               "denegada_pendiente_notificacion", (T.CANCILLERIA, T.SECTOR), "custodia", (norma(DS096, "3"),),
               documento="resolucion_ministerial", roles=("titular",), campos=("motivo",)),
        Accion("notificar_resolucion_a_aduanas", "ResolucionNotificadaAAduanas",
               ("aprobada", "denegada_pendiente_notificacion"), "resolucion_notificada", (T.CANCILLERIA, T.SECTOR),
               f"tipo:{T.ADUANA}", (norma(DS021, "7"),), documento="oficio", cc=("promotor",)),
    ),
    terminales=("denegada", "resolucion_notificada", "aprobada_ficta"),
)

# ----- 1984: tariff liberation of goods consigned to the cooperating source (R.S. 450-84-RE ch. IV, Anexo 3) -----

ANEXO3, DS007 = "Cap. IV Anexo 3", "D.S. 007-82-RE"
F_RREE, F_FUENTE, F_ADUANA = f"tipo:{T.CANCILLERIA}", f"tipo:{T.FUENTE}", f"tipo:{T.ADUANA}"
LIBERACION_FUENTE = manual(f"{ANEXO3}, 2.a")
RESPALDOS = ("constancia_pedido_nacional", "carta_compromiso")
CAUSALES_FORMATO_6 = ("sin_constancia_ni_carta", "carta_compromiso_fuera_de_plazo", "respaldo_de_otro_proyecto",
                      "respaldo_sin_firma_competente", "respaldo_incompleto", "proyecto_no_registrado", "otros")

CANALIZACION_4 = Plazo(
    "canalizacion_opinion", "Protocolo canaliza el expediente a la oficina de cooperacion de Cancilleria", 4,
    Unidad.HABILES, (LIBERACION_FUENTE,), se_cumple_con=("derivar_a_oficina_cti", "devolver_a_fuente"),
    nota="'en lo posible' de 2 a 4 dias habiles: alerta al maximo",
)
OPINION_5 = Plazo(
    "opinion_liberacion", "La oficina de cooperacion de Cancilleria emite su opinion", 5, Unidad.HABILES,
    (LIBERACION_FUENTE,), se_cumple_con=("opinar_favorablemente", "opinar_desfavorablemente"),
    nota="'preferentemente' de 3 a 5 dias habiles: alerta al maximo",
)
CARTA_PROTOCOLAR_5 = Plazo(
    "carta_protocolar", "Protocolo otorga el derecho a liberacion (carta protocolar)", 5, Unidad.HABILES,
    (LIBERACION_FUENTE,), se_cumple_con=("otorgar_liberacion", "devolver_a_fuente"),
    nota="'aproximadamente en el mismo plazo' que la opinion: alerta a 5 dias habiles",
)
DESPACHO_20 = Plazo(
    "liberacion_y_despacho", "Liberacion arancelaria y gestiones en aduana y puerto", 20, Unidad.HABILES,
    (manual("4.7"), lpag("145.1")), se_cumple_con=("otorgar_levante",),
    nota="'veinte (20) dias' sin unidad: habiles; desde la entrega de los documentos de despacho a Protocolo",
)

EN_PROTOCOLO, DEVUELTO, EN_OPINION = "en_protocolo", "devuelto_a_fuente", "en_opinion_oficina_cti"
FAVORABLE, DESFAVORABLE = "opinion_favorable", "opinion_desfavorable"
OTORGADA, EN_DGA, RESUELTA = "liberacion_otorgada", "en_direccion_aduanas", "liberacion_resuelta"
EN_DESPACHO, AFORADA = "en_despacho", "aforada"

LIBERACION = Procedimiento(
    codigo="P4-LIBERACION-1984",
    version=1,
    vigente_desde=date(1984, 9, 13),
    nombre="Liberacion arancelaria de mercancias donadas consignadas a la fuente cooperante y su despacho (1984)",
    fundamento=(manual("4.3"), manual("4.5.3"), LIBERACION_FUENTE, manual(f"{ANEXO3}, 3")),
    entradas=(
        Entrada(T.CANCILLERIA, (T.FUENTE,), EN_PROTOCOLO, "ExpedienteLiberacionPresentado",
                (LIBERACION_FUENTE, manual("Cap. IV Formato 2"), norma(DS007, "9")),
                campos=("proyecto", "numero_nota_ct", "aduana", "respaldo"), valores={"respaldo": RESPALDOS},
                documentos=("formulario_liberacion", "factura_comercial", "documento_embarque"),
                condicionales=tuple(DocumentoCondicional("respaldo", r, r) for r in RESPALDOS),
                plazos=(CANALIZACION_4, DESPACHO_20),
                descripcion="ante la Direccion General de Protocolo; formulario en quintuplicado con la nota 'CT'"),
    ),
    acciones=(
        Accion("devolver_a_fuente", "ExpedienteLiberacionDevueltoAFuente", (EN_PROTOCOLO, DESFAVORABLE), DEVUELTO,
               (T.CANCILLERIA,), F_FUENTE, (LIBERACION_FUENTE, manual("Cap. IV Formato 6")),
               documento="hoja_tramite", campos=("causal",), valores={"causal": CAUSALES_FORMATO_6}),
        Accion("representar", "ExpedienteLiberacionRepresentado", (DEVUELTO,), EN_PROTOCOLO, (T.FUENTE,), F_RREE,
               (manual("Cap. IV Formato 6"),), documento="formulario_liberacion", plazos=(CANALIZACION_4,),
               descripcion="subsanado, en la mesa de recepcion de la Direccion General de Protocolo"),
        Accion("derivar_a_oficina_cti", "ExpedienteLiberacionDerivadoAOficinaCTI", (EN_PROTOCOLO,), EN_OPINION,
               (T.CANCILLERIA,), F_RREE, (LIBERACION_FUENTE,), documento="oficio", plazos=(OPINION_5,),
               descripcion="a la oficina de cooperacion tecnica del mismo Ministerio (nombrarla como destinataria)"),
        Accion("opinar_favorablemente", "OpinionFavorableLiberacionEmitida", (EN_OPINION,), FAVORABLE,
               (T.CANCILLERIA,), "anterior", (LIBERACION_FUENTE,), documento="oficio", campos=("registro_respaldo",),
               plazos=(CARTA_PROTOCOLAR_5,),
               descripcion="registra la constancia de pedido nacional o la carta de compromiso"),
        Accion("opinar_desfavorablemente", "OpinionDesfavorableLiberacionEmitida", (EN_OPINION,), DESFAVORABLE,
               (T.CANCILLERIA,), "anterior", (LIBERACION_FUENTE, manual("Cap. IV Formato 6")), documento="oficio",
               campos=("causal",), valores={"causal": CAUSALES_FORMATO_6}, plazos=(CARTA_PROTOCOLAR_5,),
               descripcion="p. ej. carta de compromiso de una fuente en incumplimiento para el mismo proyecto"),
        Accion("otorgar_liberacion", "DerechoLiberacionOtorgado", (FAVORABLE,), OTORGADA, (T.CANCILLERIA,),
               F_FUENTE, (LIBERACION_FUENTE, manual("Cap. IV Formato 2"), norma(DS007, "8")),
               documento="carta_protocolar", campos=("fecha_liberacion",)),
        Accion("presentar_carta_protocolar", "CartaProtocolarPresentadaAAduanas", (OTORGADA,), EN_DGA, (T.FUENTE,),
               F_ADUANA, (manual(f"{ANEXO3}, 3.1.a"),), documento="carta_protocolar", canal_directo_fuente=True,
               descripcion="la fuente o quien esta encargue, ante la Direccion General de Aduanas"),
        Accion("emitir_resolucion_liberatoria", "ResolucionDirectoralLiberatoriaEmitida", (EN_DGA,), RESUELTA,
               (T.ADUANA,), F_ADUANA,
               (manual(f"{ANEXO3}, 3.1.a"), manual("Cap. IV Formatos 7 y 8"), manual("4.3")),
               documento="resolucion_directoral", documentos=("transcripcion_resolucion",), cc=(F_RREE, F_FUENTE),
               canal_directo_fuente=True,
               descripcion="la transcripcion va a la aduana donde esta la mercancia (nombrarla; por defecto la misma)"),
        Accion("iniciar_despacho", "DespachoMercanciaLiberadaIniciado", (RESUELTA,), EN_DESPACHO, (T.ADUANA,),
               "custodia", (manual(f"{ANEXO3}, 3.2.a.1-2"),), documento="poliza_importacion",
               campos=("agente_aduana",),
               documentos=("resolucion_directoral", "factura_comercial", "documento_embarque",
                           "declaracion_jurada_valor", "volante_despacho"),
               descripcion="el importador por medio de su agente de aduanas, en un sobre"),
        Accion("aforar", "MercanciaLiberadaAforadaYLiquidada", (EN_DESPACHO,), AFORADA, (T.ADUANA,), "custodia",
               (manual(f"{ANEXO3}, 3.2.a.3"),), documento="poliza_liquidada", documentos=("volante_entrega",),
               descripcion="aforo y liquidacion de los derechos liberados, para fines estadisticos"),
        Accion("otorgar_levante", "LevanteMercanciaLiberadaOtorgado", (AFORADA,), "levante_otorgado", (T.ADUANA,),
               "custodia", (manual(f"{ANEXO3}, 3.2.a.3"),), campos=("fecha_levante",), cc=(F_FUENTE,),
               canal_directo_fuente=True),
    ),
    terminales=("levante_otorgado",),
)
