"""P3 - Training within projects: candidacies to a scholarship abroad (R.S. 450-84-RE ch. III, §3.4-3.7 and annexes
1-5; D.S. 015-92-PCM arts. 21, 23; D.Leg. 719 art. 4.a).

Route (§3.5, diagram of Anexo 1). The executing unit proposes its candidate(s) to its cooperation office (OR-CTI of
the sector, the regional government, heir of the CORDE, or the local government, §3.4.1), "de conformidad con el plan
de operaciones vigente" (§3.5.1), with the complete file of §3.4.2: designation by the scholarship qualifying
commission (or the competent authority), proof of working in the project, the work-and-return contract (Anexo 4), the
carta fianza (Anexo 5), certificates, CV and the source's application form. The office returns it to the unit (the
diagram's "NO: OR-CTI comunica a UE", after which the unit proposes again) or presents it to the rector with the
Anexo 2 oficio, cc the unit (§3.5.2). The rector analyses it against the project's current plan de operaciones and
returns it to the office (§3.5.3.b) or approves it and presents it to the Foreign Ministry with the Anexo 3 oficio,
cc the office and INABEC (§3.5.3.a). The Foreign Ministry officialises the candidacy before the source in the name of
the Peruvian government, cc the rector (§3.5.4); the source gives its opinion (§3.5.5).

P3b (§3.6): candidacies of public enterprises, institutions and decentralised public bodies (OPD) of the sectors are
presented to the rector by the OR-CTI their functions are linked to. The route is the same; what differs is who
proposes (field ``proponente``) and that only a sector's office takes them: the regional and local entries accept
only a project's executing unit.

Decisions where the text is silent or ambiguous:

* INABEC. Master data (registro's offices) has no INABEC and INABEC no longer exists under that name (its functions
  passed to today's national scholarships programme, PRONABEC, outside the seeds). Adding a defunct body to the
  office registry, or a new office kind, for a copy nobody answers would be larger and no more true; the copy is
  recorded as a *named copy* (``"oficina:INABEC"``) in the hop's ``cc``, so the routing history shows exactly what
  the manual requires (§3.5.3.a, §3.5.5). If the successor joins master data, a new version names its code.
* The source writes only to the Foreign Ministry (D.Leg. 719 art. 4.a, enforced by the catalogue): the copies §3.5.5
  has the source send (rector, OR-CTI, INABEC) are sent by the Foreign Ministry when it relays the answer to the
  rector. The unit also gets that copy: it is the "centro laboral" bound by the Anexo 4 contract.
* The rector's return goes to the office (§3.5.3.b), which either presents the corrected file again or passes the
  return to the unit (diagram: after the return "UE propone candidato a OR-CTI"); the unit proposes again with the
  corrected file or withdraws (T.U.O. Ley 27444 art. 200). Neither the office nor the rector rejects outright: the
  manual gives them only the return.
* Deadlines: the manual's only one is §3.7, "aproximadamente treinta (30) dias" from the start to the
  officialisation; no unit and no effect: an alert in calendar days, like the guide durations of P1 (§1.7) and P2
  (§2.8). No step has a deadline of its own.
* Return obligation (P3c). The scholar must keep working for twice the length of the beca (Anexo 4, cl. segunda);
  D.S. 015-92-PCM art. 23, later and of higher rank, keeps "como minimo el doble" and fixes one year for courses of
  three to six months. The source's acceptance records ``duracion_meses`` and the engine computes
  ``permanencia_obligatoria_meses`` from it (:data:`PERMANENCIA`). The engine cannot clock the obligation: it runs
  in months from the scholar's return, a date after this file ends and not known to it; it is recorded as data for
  the verification of becas in the seguimiento (§5.5.4.c). Not modelled either: no second beca before twice the
  length of the first (RGL 24, it needs the person's other files) and communicating the designation to CONCYTEC
  (RGL 27, which names neither who nor when).
"""

from __future__ import annotations

from datetime import date

from shared.calendario import Unidad

from services.tramite.domain.definicion import Accion, Calculo, Entrada, Procedimiento
from services.tramite.domain.definicion import TipoOficina as T
from services.tramite.domain.plazos import Plazo
from services.tramite.domain.procedimientos.normas import dleg719, lpag, manual, rgl

F_RECTOR, F_RREE, F_FUENTE = f"tipo:{T.RECTOR}", f"tipo:{T.CANCILLERIA}", f"tipo:{T.FUENTE}"
INABEC = "oficina:INABEC"
"""Instituto Nacional de Becas y Credito Educativo, copied by name (see the module's decisions)."""
NIVELES = (T.SECTOR, T.REGION, T.PROVINCIA)
"""Sector, CORDE (today the regional government) or local government (§3.4.1, Anexo 2 signature)."""

EXPEDIENTE = (
    "designacion_comision_calificadora", "constancia_trabajo_proyecto", "contrato_compromiso_retorno", "carta_fianza",
    "certificado_estudios", "curriculum_vitae", "formulario_solicitud_beca",
)
"""The complete file of §3.4.2 (Anexo 4 contract, Anexo 5 carta fianza); "otros requisitos especificos" are optional."""
CANDIDATO = ("candidato", "cargo", "curso", "lugar", "auspiciador", "proyecto", "inicio_capacitacion",
             "termino_capacitacion")
"""Datos del candidato of Anexos 2 and 3 (the unit is the promoter of the file)."""
UNIDAD, PROPONENTES_P3B = "unidad_ejecutora", ("empresa_publica", "institucion_publica", "opd")

OFICIALIZACION_30 = Plazo(
    "oficializacion", "Duracion orientativa desde el inicio del tramite hasta la oficializacion ante la fuente", 30,
    Unidad.CALENDARIO, (manual("3.7"),), se_cumple_con=("oficializar",),
    nota="'aproximadamente treinta (30) dias' sin unidad ni efecto: calendario, alerta (como 1.7 y 2.8)",
)
PERMANENCIA = Calculo(
    "permanencia_obligatoria_meses", "duracion_meses", 2, (manual("Cap. III Anexo 4, clausula segunda"), rgl("23")),
    tramos=((3, 6, 12),),
)
"""Months the scholar must keep serving after the studies: twice the beca, one year for 3-6 month courses."""

EN_SECTOR, DEV_UE, DESISTIDA = "en_evaluacion_sectorial", "devuelta_a_unidad_ejecutora", "desistida"
EN_RECTORA, DEV_SECTOR, EN_RREE = "en_evaluacion_rectora", "devuelta_a_oficina_sectorial", "en_tramite_cancilleria"
OFICIALIZADA, ACEPTADA, RECHAZADA = "oficializada_ante_fuente", "aceptada_por_fuente", "rechazada_por_fuente"
ACEPTACION_COMUNICADA, RECHAZO_COMUNICADO = "aceptacion_comunicada", "rechazo_comunicado"


def _entrada(tipo: str, proponentes: tuple[str, ...], *fundamento: dict[str, str]) -> Entrada:
    return Entrada(
        tipo, (T.PROMOTOR,), EN_SECTOR, "CandidaturaBecaPropuesta",
        (manual("3.5.1"), manual("3.4"), rgl("21"), *fundamento), campos=(*CANDIDATO, "proponente"),
        valores={"proponente": proponentes}, documentos=("propuesta_candidatura", *EXPEDIENTE),
        plazos=(OFICIALIZACION_30,), descripcion="segun el plan de operaciones vigente del proyecto",
    )


BECA = Procedimiento(
    codigo="P3-CANDIDATURA-BECA",
    version=1,
    vigente_desde=date(1992, 1, 1),
    nombre="Candidatura a beca de capacitacion en el exterior dentro de proyectos",
    fundamento=(manual("Cap. III"), rgl("21-24, 27"), dleg719("4.a")),
    entradas=(
        _entrada(T.SECTOR, (UNIDAD, *PROPONENTES_P3B), manual("3.6")),
        _entrada(T.REGION, (UNIDAD,), manual("3.4.1")),
        _entrada(T.PROVINCIA, (UNIDAD,), manual("3.4.1")),
    ),
    acciones=(
        Accion("devolver_a_unidad", "CandidaturaBecaDevueltaAUnidadEjecutora", (EN_SECTOR, DEV_SECTOR), DEV_UE,
               NIVELES, "anterior", (manual("Cap. III Anexo 1"), manual("3.5.3.b")), documento="oficio",
               campos=("observaciones",), descripcion="la OR-CTI no encuentra conforme la propuesta (diagrama)"),
        Accion("reingresar_candidatura", "CandidaturaBecaReingresada", (DEV_UE,), EN_SECTOR, (T.PROMOTOR,),
               "siguiente", (manual("Cap. III Anexo 1"), manual("3.5.1"), manual("3.4.2")),
               documento="propuesta_candidatura", documentos=EXPEDIENTE,
               descripcion="la unidad propone de nuevo con el expediente corregido"),
        Accion("desistir", "CandidaturaBecaDesistida", (DEV_UE,), DESISTIDA, (T.PROMOTOR,), "custodia",
               (lpag("200"),), documento="escrito_desistimiento"),
        Accion("presentar_a_rectora", "ExpedienteBecaPresentadoARectora", (EN_SECTOR, DEV_SECTOR), EN_RECTORA,
               NIVELES, F_RECTOR, (manual("3.5.2"), manual("3.4.1"), manual("Cap. III Anexo 2")), documento="oficio",
               documentos=EXPEDIENTE, campos=("fondos_nacionales_afectados",), cc=("promotor",),
               descripcion="oficio segun el Anexo 2 con el expediente completo, copia a la unidad ejecutora"),
        Accion("devolver_a_oficina_sectorial", "ExpedienteBecaDevueltoAOficinaSectorial", (EN_RECTORA,), DEV_SECTOR,
               (T.RECTOR,), "anterior", (manual("3.5.3.b"),), documento="oficio", campos=("observaciones",),
               descripcion="no procedente frente al plan de operaciones vigente del proyecto"),
        Accion("aprobar_y_presentar_a_cancilleria", "CandidaturaBecaPresentadaACancilleria", (EN_RECTORA,), EN_RREE,
               (T.RECTOR,), F_RREE, (manual("3.5.3.a"), manual("Cap. III Anexo 3")), documento="oficio",
               documentos=EXPEDIENTE, cc=("anterior", INABEC),
               descripcion="conformidad del ente rector (Anexo 3), copia a la OR-CTI y al INABEC"),
        Accion("oficializar", "CandidaturaBecaOficializadaAnteFuente", (EN_RREE,), OFICIALIZADA, (T.CANCILLERIA,),
               F_FUENTE, (manual("3.5.4"), dleg719("4.a")), documento="nota_diplomatica", cc=(F_RECTOR,),
               descripcion="a nombre del gobierno peruano, copia al ente rector"),
        Accion("aceptar_candidatura", "CandidaturaBecaAceptadaPorFuente", (OFICIALIZADA,), ACEPTADA, (T.FUENTE,),
               F_RREE, (manual("3.5.5"), manual("Cap. III Anexo 4"), rgl("23")), documento="comunicacion_fuente",
               campos=("duracion_meses",), calculos=(PERMANENCIA,),
               descripcion="registra la duracion de la beca; el motor calcula la permanencia obligatoria"),
        Accion("rechazar_candidatura", "CandidaturaBecaRechazadaPorFuente", (OFICIALIZADA,), RECHAZADA, (T.FUENTE,),
               F_RREE, (manual("3.5.5"),), documento="comunicacion_fuente"),
        Accion("comunicar_aceptacion", "AceptacionBecaComunicada", (ACEPTADA,), ACEPTACION_COMUNICADA,
               (T.CANCILLERIA,), F_RECTOR, (manual("3.5.5"), dleg719("4.a"), manual("Cap. III Anexo 4")),
               documento="oficio", cc=("cadena", INABEC),
               descripcion="al ente rector, copia a la OR-CTI, a la unidad ejecutora y al INABEC"),
        Accion("comunicar_rechazo", "RechazoBecaComunicado", (RECHAZADA,), RECHAZO_COMUNICADO, (T.CANCILLERIA,),
               F_RECTOR, (manual("3.5.5"), dleg719("4.a")), documento="oficio", cc=("cadena", INABEC),
               descripcion="al ente rector, copia a la OR-CTI, a la unidad ejecutora y al INABEC"),
    ),
    terminales=(DESISTIDA, ACEPTACION_COMUNICADA, RECHAZO_COMUNICADO),
)
