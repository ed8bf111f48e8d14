"""P4 - Approval of a donation of goods from abroad and its customs clearance (Ley 28905; D.S. 021-2008-EF;
D.S. 096-2007-EF; R.M. 1233-2008-RE).

Two routes (D.S. 096-2007-EF art. 3): a private donee (ONGD, ENIEX, IPREDA) files with APCI, the receiving channel
delegated by the Foreign Ministry, which drafts the R.M. the Minister of Foreign Affairs issues (R.M. 1233-2008-RE
art. 1); a public donee files with its own sector, which issues the R.M. Clearance may run in parallel: the holder
records the release (levante) customs e-mails it (D.S. 021-2008-EF art. 6), which starts the deemed-approval clock
(Ley 28905 art. 2, D.S. 021-2008-EF art. 8): without a notice of approval or denial received by customs within 30
days, the donation is approved. Incomplete files must be cured within 2 business days (art. 5), or are denied.

Ambiguity decided: the 30 days of art. 2 name no unit; read as business days (Ley 27444 general rule, as the note
§7.1 suggests); change the data to calendar days if legal review says so. The approving R.M. exempts the goods from
IGV and duties, so for a private donee it requires its current, unsuspended registration (D.S. 096-2007-EF art. 4.e).
"""

from __future__ import annotations

from datetime import date

from shared.calendario import Unidad

from services.tramite.domain.definicion import Accion, Entrada, Procedimiento
from services.tramite.domain.definicion import TipoOficina as T
from services.tramite.domain.plazos import Efecto, Inicio, Plazo
from services.tramite.domain.procedimientos.normas import lpag, norma

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
