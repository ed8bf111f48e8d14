"""P7 - Constancia for the refund of IGV and IPM paid on purchases financed with foreign donations or non-reimbursable
cooperation (D.Leg. 783 art. 1-2; D.S. 036-94-EF art. 2-4, 6; Directiva 002-2008-APCI-DOC approved by R.D.E.
001-2008-APCI-DE, numeral II.1 as amended by R.D.E. 023-2008-APCI-DE; form of R.D.E. 017-2008-APCI-DE).

The beneficiary (the executing entity: a public entity, or an ONGD, ENIEX or IPREDA, the last only in a declared
emergency) whose Plan de Operaciones is registered with APCI files at APCI's Mesa de Partes the Anexo 1-IGV request,
the form "Constancia para Regimen de Devolucion del IGV e IPM" and the vouchers of Anexos 2 and 3-IGV (Dir. 002-2008
II.3). The Subdireccion de Beneficios has 30 business days from the day after receipt to issue the constancia,
checking that purchases stay within the registered plan's budget and goods (II.4, num. 3.2); it sends the original to
the applicant and a copy to MEF, with any observation attached and the constancia marked "CON OBSERVACION" (num.
3.4; D.S. 036-94-EF art. 4); an inadmissible request is communicated within 15 business days (num. 3.5).

Decisions where the texts are silent or ambiguous (change the data if legal review says otherwise):

* Cure. The directive sets no cure period; the general rule applies: missing requirements are observed in one act and
  only once (T.U.O. Ley 27444 art. 136.1, 136.4: one ``observar`` from the first evaluation state only), cured
  within 2 business days, or the request is held not presented and returned (art. 136.3). While the cure is pending
  the silence clock does not run (art. 136.3.1): leaving the state closes it and the cure opens it again from the
  cure date (the engine restarts clocks; it cannot suspend them).
* Silence. The directive gives the 30 days (num. 3.2) but no effect. The constancia is the title for Notas de Credito
  Negociables (D.S. 036-94-EF art. 4, 7.a): a procedure that creates an obligation of the State to give, where silence
  is negative (T.U.O. Ley 27444 art. 38.1); a tax benefit cannot arise from silence either. Expiry records the deemed
  denial, which only opens the applicant's remedies (art. 199.3) and does not end the file: APCI keeps its duty to
  decide (art. 199.4), so issuance and improcedencia stay available from ``denegada_por_silencio``.
* The 15 business days of num. 3.5 are read from the day after receipt, like the 30 of num. 3.2; the directive ties
  no effect to them, so they are an alert (a later improcedencia is late, not void).
* Filing window, minimum amount, periods already handled, budget and goods of the plan (II.1, num. 3.2): the window
  (30 business days before six months from each purchase) and the 0.25 UIT minimum depend on the vouchers of Anexo 2;
  the file records the period and amount and APCI states the failed check as the ``motivo`` of improcedencia. The
  constancia's expiry may not pass the plan's (art. 4.e; num. 3.3.j): recorded (``fecha_vencimiento``), checked by
  APCI against the plan's file, which this one names (``plan_operaciones``).
* Requirements d) and the IPREDA emergency (II.2; D.S. 036-94-EF art. 2.g.4, 3 last paragraph) are documents the
  entry demands by ``tipo_beneficiario``; requirement a) (current APCI registration) is the engine's benefit check on
  issuance (``otorga_beneficios``), fed by registro's events.
* Who may present: the executing entity (``promotor``). Foreign governments and international bodies are also subjects
  of the benefit (art. 3, c and e) but would address APCI directly, which the catalogue's channel rule forbids without
  an express carve-out: not modelled.
* SUNAT is not routed through this file: the beneficiary itself asks SUNAT's Intendencia Regional for the Notas de
  Credito attaching the constancia (art. 7), and APCI sends SUNAT the database of constancias every 7 days (num. 3.6),
  a batch across files. The constancia is therefore the file's final document. Not modelled here either: the
  internal referral from Mesa de Partes to the Subdireccion (num. 3.1, same office), the corrective constancia after a
  plan change (D.S. 036-94-EF 1st transitory provision) and the final report (art. 12; Dir. 002-2008 II.5).
* Validity of the benefit: purchases from 1 February 1994 (D.S. 036-94-EF 2nd transitory provision); D.Leg. 783 was
  extended to 31 December 2012 by Ley 29501 and later extensions lie outside the sources, while the 2025 debate on
  Ley 32301 still names the refund as a benefit sought: the procedure carries no end date (a new version would).
"""

from __future__ import annotations

from datetime import date

from shared.calendario import Unidad

from services.tramite.domain.definicion import Accion, DocumentoCondicional, Entrada, Procedimiento
from services.tramite.domain.definicion import TipoOficina as T
from services.tramite.domain.plazos import Efecto, Plazo
from services.tramite.domain.procedimientos.normas import lpag, norma

DLEG783, DS036, RDE017 = "D.Leg. 783", "D.S. 036-94-EF", "R.D.E. 017-2008-APCI-DE"
DIR002, RDE023 = "Directiva 002-2008-APCI-DOC", "R.D.E. 023-2008-APCI-DE"

EN_EVALUACION, OBSERVADA, SUBSANADA = "en_evaluacion", "observada", "en_evaluacion_subsanada"
SILENCIO = "denegada_por_silencio"
EN_DECISION = (EN_EVALUACION, SUBSANADA, SILENCIO)

EMISION_30 = Plazo(
    "emision_constancia", "La Subdireccion de Beneficios emite la constancia", 30, Unidad.HABILES,
    (norma(DIR002, "II.4, num. 3.2"), lpag("38.1"), lpag("199.3")), efecto=Efecto.DENEGATORIA,
    estado_al_vencer=SILENCIO, evento="ConstanciaIGVDenegadaPorSilencioNegativo",
    se_cumple_con=("emitir_constancia", "declarar_improcedente"),
    nota="sin efecto en la directiva: silencio negativo (obligacion de dar del Estado); APCI debe resolver igual",
)
IMPROCEDENCIA_15 = Plazo(
    "comunicacion_improcedencia", "Plazo maximo para comunicar la improcedencia de la solicitud", 15, Unidad.HABILES,
    (norma(DIR002, "II.4, num. 3.5"),), se_cumple_con=("emitir_constancia", "declarar_improcedente", "observar"),
    nota="contado desde la recepcion, como el de num. 3.2; sin efecto en la directiva: alerta",
)
SUBSANACION_2 = Plazo(
    "subsanacion", "Subsanar los requisitos observados", 2, Unidad.HABILES, (lpag("136.1"), lpag("136.3")),
    efecto=Efecto.DENEGATORIA, estado_al_vencer="no_presentada",
    evento="SolicitudConstanciaIGVTenidaPorNoPresentada", se_cumple_con=("subsanar",),
)

CON_REGISTRO = ("ongd", "eniex", "ipreda")
MOTIVOS = (
    "sin_inscripcion_vigente",  # II.2.a
    "sin_exoneracion_renta",  # II.2.b
    "sin_programa_aprobado",  # II.2.c
    "sin_informe_avance",  # II.2.d
    "sin_plan_operaciones_registrado",  # II.2.f; D.S. 036-94-EF art. 3.c
    "observaciones_plan_pendientes",  # Directiva 001-2008-APCI-DOC II.3.4
    "excede_presupuesto_plan",  # II.4, num. 3.2
    "bienes_fuera_del_plan",  # II.4, num. 3.2
    "periodo_ya_atendido",  # II.1
    "monto_inferior_minimo",  # II.1; D.S. 036-94-EF art. 6
    "presentacion_extemporanea",  # II.1
    "ipreda_sin_emergencia",  # II.2
)

CONSTANCIA_IGV = Procedimiento(
    codigo="P7-CONSTANCIA-IGV",
    version=1,
    vigente_desde=date(2008, 1, 9),
    nombre="Constancia para el regimen de devolucion del IGV e IPM (cooperacion internacional no reembolsable)",
    fundamento=(norma(DLEG783, "1, 2"), norma(DS036, "3, 4"), norma(DIR002, "II")),
    entradas=(
        Entrada(T.RECTOR, (T.PROMOTOR,), EN_EVALUACION, "SolicitudConstanciaIGVPresentada",
                (norma(DIR002, "II.3, num. 2.1-2.3"), norma(DIR002, "II.1"), norma(RDE023, "2"), norma(DS036, "3, 4"),
                 norma(RDE017, "1")),
                campos=("proyecto", "fuente_cooperante", "plan_operaciones", "tipo_beneficiario", "periodo_desde",
                        "periodo_hasta", "monto_solicitado"),
                valores={"tipo_beneficiario": ("entidad_estatal", *CON_REGISTRO)},
                documentos=("solicitud_anexo_1_igv", "formulario_constancia_igv", "relacion_comprobantes"),
                condicionales=(
                    *(DocumentoCondicional("tipo_beneficiario", t, "constancia_recepcion_informe_avance")
                      for t in CON_REGISTRO),
                    DocumentoCondicional("tipo_beneficiario", "ipreda", "declaratoria_emergencia"),
                ),
                plazos=(EMISION_30, IMPROCEDENCIA_15),
                descripcion="hasta 30 dias habiles antes de cumplirse seis meses de la adquisicion (II.1); "
                            "plan_operaciones: el expediente de su inscripcion en APCI (II.2.f)"),
    ),
    acciones=(
        Accion("observar", "SolicitudConstanciaIGVObservada", (EN_EVALUACION,), OBSERVADA, (T.RECTOR,), "promotor",
               (lpag("136.1"), lpag("136.4"), norma(DIR002, "II.3")), documento="oficio", campos=("omisiones",),
               plazos=(SUBSANACION_2,), descripcion="en un solo acto y por unica vez"),
        Accion("subsanar", "ObservacionConstanciaIGVSubsanada", (OBSERVADA,), SUBSANADA, (T.PROMOTOR,), "siguiente",
               (lpag("136.1"), lpag("136.4")), documento="escrito_subsanacion",
               plazos=(EMISION_30, IMPROCEDENCIA_15)),
        Accion("emitir_constancia", "ConstanciaDevolucionIGVEmitida", EN_DECISION, "constancia_emitida",
               (T.RECTOR,), "promotor",
               (norma(DS036, "4"), norma(DIR002, "II.4, num. 3.2-3.4"), norma(RDE017, "1"), lpag("199.4")),
               documento="constancia_igv", documentos=("oficio_copia_mef",),
               campos=("monto_considerado", "fecha_vencimiento", "con_observacion"),
               valores={"con_observacion": ("si", "no")},
               condicionales=(DocumentoCondicional("con_observacion", "si", "hoja_observaciones"),),
               otorga_beneficios=True,
               descripcion="original y copia usuario al solicitante, copia al MEF; vence a mas tardar con el plan"),
        Accion("declarar_improcedente", "SolicitudConstanciaIGVDeclaradaImprocedente", EN_DECISION, "improcedente",
               (T.RECTOR,), "promotor", (norma(DIR002, "II.4, num. 3.5"), norma(DIR002, "II.1, II.2"), lpag("199.4")),
               documento="oficio", campos=("motivo",), valores={"motivo": MOTIVOS}),
    ),
    terminales=("constancia_emitida", "improcedente", "no_presentada"),
)
