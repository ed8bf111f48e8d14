"""P2 - Experts and volunteers: candidacy and acceptance (R.S. 450-84-RE §2.5-2.6; D.S. 015-92-PCM arts. 13-18, 30)
and extension of their service (§2.7; RGL 15).

Candidacy: the source proposes (F-1 + CV) straight to the executing unit, or to the sector office when it has no link
with the unit (§2.5.1, §2.6.4): the only places where the law lets the source address a Peruvian body other than
the Foreign Ministry, flagged ``canal_directo_fuente`` with that citation; the unit may likewise answer "no" to the
source (§2.5.2.a). Every other step follows the hierarchy, each level can refuse (§2.5.3.a, §2.5.4.a, diagram
L5376), the source can withdraw an accepted candidate, replaced by a new F-1 in a new file (§2.6.7), confirms the
arrival (§2.5.6) and the unit presents the expert officially within 7 days of entry (RGL 17: "siete dias", no unit;
read as business days under Ley 27444, T.U.O. art. 145.1).

Extension: only the Foreign Ministry asks the source (RGL 15; §2.6.8 forbids the unit and the sector office to
negotiate it directly).
"""

from __future__ import annotations

from datetime import date

from shared.calendario import Unidad

from services.tramite.domain.definicion import Accion, Entrada, Procedimiento
from services.tramite.domain.definicion import TipoOficina as T
from services.tramite.domain.plazos import Inicio, Plazo
from services.tramite.domain.procedimientos.normas import lpag, manual, rgl

F_SECTOR, F_RECTOR, F_RREE = f"tipo:{T.SECTOR}", f"tipo:{T.RECTOR}", f"tipo:{T.CANCILLERIA}"

PRESENTACION_7 = Plazo(
    "presentacion_oficial", "Presentacion oficial del experto al organo responsable", 7, Unidad.HABILES,
    (rgl("17"), lpag("145.1")), inicio=Inicio.CAMPO, campo_inicio="fecha_llegada",
    se_cumple_con=("presentar_oficialmente",), nota="'siete dias' sin unidad: habiles por la regla general",
)
ACEPTACION_45 = Plazo(
    "aceptacion", "Duracion orientativa de la aceptacion (45 dias)", 45, Unidad.CALENDARIO, (manual("2.8"),),
    se_cumple_con=("oficializar_aceptacion",),
)

CANDIDATURA = Procedimiento(
    codigo="P2-CANDIDATURA-EXPERTO",
    version=1,
    vigente_desde=date(1992, 1, 1),
    nombre="Presentacion y aceptacion de expertos y voluntarios",
    fundamento=(manual("2.5"), rgl("13-18, 30")),
    entradas=(
        Entrada(T.PROMOTOR, (T.FUENTE,), "en_evaluacion_ue", "CandidaturaExpertoPropuesta", (manual("2.5.1"),),
                campos=("candidato", "modalidad"), valores={"modalidad": ("experto", "voluntario")},
                documentos=("formato_f1", "curriculum_vitae"), plazos=(ACEPTACION_45,), canal_directo_fuente=True),
        Entrada(T.SECTOR, (T.FUENTE,), "en_evaluacion_sectorial", "CandidaturaExpertoPropuestaAOficinaSectorial",
                (manual("2.6.4"),), campos=("candidato", "modalidad"), documentos=("formato_f1", "curriculum_vitae"),
                plazos=(ACEPTACION_45,), canal_directo_fuente=True),
    ),
    acciones=(
        Accion("rechazar_candidatura", "CandidaturaRechazadaPorUnidadEjecutora", ("en_evaluacion_ue",),
               "rechazada_por_unidad_ejecutora", (T.PROMOTOR,), f"tipo:{T.FUENTE}", (manual("2.5.2.a"),),
               documento="carta", campos=("observaciones",), cc=(F_SECTOR, F_RECTOR, F_RREE),
               canal_directo_fuente=True),
        Accion("seleccionar_candidato", "CandidatoSeleccionadoPorUnidadEjecutora", ("en_evaluacion_ue",),
               "en_evaluacion_sectorial", (T.PROMOTOR,), F_SECTOR, (manual("2.5.2.b"), rgl("14")), documento="oficio",
               campos=("contraparte_nacional",)),
        Accion("solicitar_adscripcion", "AdscripcionSolicitadaARectora", ("en_evaluacion_sectorial",),
               "en_evaluacion_rectora", (T.SECTOR,), F_RECTOR, (manual("2.5.3.b"),), documento="oficio",
               documentos=("formato_a1",), cc=("promotor",)),
        Accion("desestimar_en_sector", "CandidaturaRechazadaPorOficinaSectorial", ("en_evaluacion_sectorial",),
               "rechazada_por_oficina_sectorial", (T.SECTOR,), "anterior", (manual("2.5.3.a"),),
               documento="oficio", campos=("observaciones",)),
        Accion("solicitar_aceptacion", "AceptacionSolicitadaACancilleria", ("en_evaluacion_rectora",),
               "en_tramite_cancilleria", (T.RECTOR,), F_RREE, (manual("2.5.4.b"),), documento="oficio",
               documentos=("formato_a1",), cc=("anterior",)),
        Accion("desestimar_en_rectora", "CandidaturaRechazadaPorRectora", ("en_evaluacion_rectora",),
               "rechazada_por_rectora", (T.RECTOR,), "anterior", (manual("2.5.4.a"),), documento="oficio",
               campos=("observaciones",)),
        Accion("oficializar_aceptacion", "AceptacionCandidaturaOficializada", ("en_tramite_cancilleria",),
               "aceptacion_oficializada", (T.CANCILLERIA,), f"tipo:{T.FUENTE}", (manual("2.5.5"),),
               documento="nota_diplomatica", campos=("fecha_incorporacion",), cc=(F_RECTOR,)),
        Accion("rehusar_en_cancilleria", "CandidaturaRechazadaPorCancilleria", ("en_tramite_cancilleria",),
               "rechazada_por_cancilleria", (T.CANCILLERIA,), "anterior", (manual("Cap. II Anexo 1"),),
               documento="oficio", campos=("observaciones",)),
        Accion("confirmar_llegada", "FechaLlegadaConfirmada", ("aceptacion_oficializada",), "llegada_confirmada",
               (T.FUENTE,), F_RREE, (manual("2.5.6"),), documento="comunicacion_fuente", campos=("fecha_llegada",)),
        Accion("desistir_candidato", "CandidatoDesistidoPorFuente", ("aceptacion_oficializada",), "desistida",
               (T.FUENTE,), F_RREE, (manual("2.6.7"),), documento="comunicacion_fuente",
               documentos=("formato_f1",), campos=("nuevo_expediente",)),
        Accion("comunicar_llegada", "LlegadaExpertoComunicada", ("llegada_confirmada",), "en_servicio",
               (T.CANCILLERIA,), "promotor", (manual("2.5.6"), rgl("17")), documento="oficio", cc=("cadena",),
               plazos=(PRESENTACION_7,)),
        Accion("presentar_oficialmente", "ExpertoPresentadoOficialmente", ("en_servicio",), "presentado",
               (T.PROMOTOR,), F_SECTOR, (rgl("17"),), documento="oficio"),
        Accion("registrar_experto", "ExpertoInscritoEnRegistroNacional", ("presentado",), "concluida",
               (T.SECTOR,), F_RECTOR, (rgl("15, 17"),), documento="oficio"),
    ),
    terminales=("rechazada_por_unidad_ejecutora", "rechazada_por_oficina_sectorial", "rechazada_por_rectora",
                "rechazada_por_cancilleria", "desistida", "concluida"),
)

PRORROGA = Procedimiento(
    codigo="P2-PRORROGA-EXPERTO",
    version=1,
    vigente_desde=date(1992, 1, 1),
    nombre="Prorroga de expertos y voluntarios",
    fundamento=(manual("2.7"), rgl("15")),
    entradas=(
        Entrada(T.SECTOR, (T.PROMOTOR,), "en_evaluacion_sectorial", "ProrrogaSolicitada", (manual("2.7.1"),),
                campos=("experto", "fecha_fin_servicio"),
                documentos=("informe_evaluativo", "programa_actividades")),
    ),
    acciones=(
        Accion("elevar_prorroga", "ProrrogaElevadaARectora", ("en_evaluacion_sectorial",), "en_evaluacion_rectora",
               (T.SECTOR,), F_RECTOR, (manual("2.7.2"),), documento="oficio", documentos=("formato_b1",),
               cc=("promotor",)),
        Accion("denegar_en_sector", "ProrrogaDenegadaPorOficinaSectorial", ("en_evaluacion_sectorial",),
               "denegada", (T.SECTOR,), "anterior", (manual("2.7.2.b"),), documento="oficio",
               campos=("observaciones",)),
        Accion("elevar_a_cancilleria", "ProrrogaElevadaACancilleria", ("en_evaluacion_rectora",),
               "en_tramite_cancilleria", (T.RECTOR,), F_RREE, (manual("2.7.3.a"),), documento="oficio",
               cc=("anterior",)),
        Accion("denegar_en_rectora", "ProrrogaDenegadaPorRectora", ("en_evaluacion_rectora",),
               "devuelta_al_sector", (T.RECTOR,), "anterior", (manual("2.7.3.b"),), documento="oficio",
               campos=("observaciones",)),
        Accion("comunicar_denegacion", "DenegacionProrrogaComunicada", ("devuelta_al_sector",), "denegada",
               (T.SECTOR,), "anterior", (manual("2.7.3.b"),), documento="oficio"),
        Accion("solicitar_a_fuente", "ProrrogaPresentadaAFuente", ("en_tramite_cancilleria",), "presentada_a_fuente",
               (T.CANCILLERIA,), f"tipo:{T.FUENTE}", (manual("2.7.4"), manual("2.6.8"), rgl("15")),
               documento="nota_diplomatica"),
        Accion("aprobar", "ProrrogaAprobadaPorFuente", ("presentada_a_fuente",), "aprobada_por_fuente",
               (T.FUENTE,), F_RREE, (manual("2.7.5"),), documento="formato_f2", campos=("nueva_fecha_fin",)),
        Accion("denegar", "ProrrogaDenegadaPorFuente", ("presentada_a_fuente",), "denegada_por_fuente",
               (T.FUENTE,), F_RREE, (manual("2.7.5"),), documento="formato_f2"),
        Accion("comunicar_resultado", "ResultadoProrrogaComunicado", ("aprobada_por_fuente", "denegada_por_fuente"),
               "concluida", (T.CANCILLERIA,), "custodia", (manual("2.7.5"),), documento="oficio", cc=("cadena",)),
    ),
    terminales=("denegada", "concluida"),
)
