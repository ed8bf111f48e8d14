"""P1f - Extension of a project (ampliacion or prorroga) after an evaluation that recommends it (R.S. 450-84-RE
§5.6.2, §6.5.2).

§5.6.2: when evaluations or meetings recommend extending the project, the executing unit presents the extension
request through the OR-CTI, following the guide of Annex 2 of ch. I, "y se procedera segun el punto 1.5": the same
route as any request (P1). So this procedure re-uses P1's acts, deadlines and citations unchanged; only the entry
differs: it names the kind of extension (``extension``: ampliacion or prorroga, two of the outcomes an intermediate or
final evaluation decides, §6.5.2) and the evaluation file whose acta recommends it (``expediente_evaluacion``), and
is refused unless that file is a P6c evaluation whose acta recommended that very extension and was officialised.

Decisions where the law is open:

* A procedure of its own, not an optional field of P1: the precondition holds for every extension, and the catalogue
  then says which files are extensions; P1's data stays as it is.
* Only through the OR-CTI of the unit's level (sector, region, province, university system: P1's level entries), as
  §5.6.2 says; no direct presentation to the rector (§1.6.1) or to the Foreign Ministry (RGL 57).
* "Evaluaciones o reuniones": only the acta of an intermediate or final evaluation counts. It is the one record of a
  recommendation the manual formalises (Annex 6, signed by the rector, the source and the OR-CTI; officialised by the
  Foreign Ministry, §6.5.2.d; part of the project's file, §5.6.1); minutes of other meetings are not modelled. It
  must be officialised (state ``acta_oficializada``): until then the source has not received it through the official
  channel (D.Leg. 719 art. 4.a).
* The acta must recommend the extension asked (ampliacion for ampliacion, prorroga for prorroga); an acta that
  recommends continuation, modifications (those go as reformulations to the rector, §6.6.2) or termination does not
  open an extension. The acta must concern the same executing unit (the unit extends its own project).
* The extension of experts' or volunteers' services is P2's prorroga (§6.6.4, §2.7), not this procedure.
"""

from __future__ import annotations

from dataclasses import replace

from services.tramite.domain.definicion import Antecedente, Entrada, Procedimiento
from services.tramite.domain.procedimientos.normas import dleg719, manual
from services.tramite.domain.procedimientos.p1_solicitud_cti import ACCIONES, EN_NIVEL, ENTRADAS, P1, TERMINALES
from services.tramite.domain.procedimientos.p6_evaluacion import EVALUACION

ACTA_QUE_RECOMIENDA = Antecedente(
    campo="expediente_evaluacion",
    procedimientos=(EVALUACION.codigo,),
    estados=("acta_oficializada",),
    accion_previa="suscribir_acta",
    iguales={"recomendacion": "extension"},
    mismo_promotor=True,
    mensaje="La extension de un proyecto procede cuando la evaluacion la recomienda: el acta de evaluacion "
            "intermedia o final, oficializada, debe recomendar la ampliacion o prorroga que se solicita",
    fundamento=(manual("5.6.2"), manual("6.5.2"), manual("6.5.2.d"), dleg719("4.a")),
)


def _extension(entrada: Entrada) -> Entrada:
    return replace(
        entrada, evento="SolicitudExtensionProyectoPresentada", fundamento=(manual("5.6.2"), *entrada.fundamento),
        campos=(*entrada.campos, "extension", "expediente_evaluacion"),
        valores={**entrada.valores, "extension": ("ampliacion", "prorroga")}, antecedentes=(ACTA_QUE_RECOMIENDA,),
        descripcion="solicitud de extension por la OR-CTI (guia del anexo 2 del cap. I) tras el acta que la recomienda",
    )


EXTENSION = Procedimiento(
    codigo="P1-EXTENSION-PROYECTO",
    version=1,
    vigente_desde=P1.vigente_desde,
    nombre="Solicitud de extension (ampliacion o prorroga) de un proyecto recomendada por su evaluacion",
    fundamento=(manual("5.6.2"), manual("6.5.2"), *P1.fundamento),
    entradas=tuple(_extension(e) for e in ENTRADAS if e.estado == EN_NIVEL),
    acciones=ACCIONES,
    terminales=TERMINALES,
)

__all__ = ["ACTA_QUE_RECOMIENDA", "EXTENSION"]
