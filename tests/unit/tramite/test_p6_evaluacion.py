"""P6: annual evaluation at project level (R.S. 450-84-RE §6.5.1.a) and intermediate/final evaluation with its acta
(§6.5.2, §6.6; channel with the source through the Foreign Ministry, D.Leg. 719 art. 4.a)."""

from __future__ import annotations

from datetime import date

import pytest
from shared.errores import ReglaIncumplida, SinDerecho

from tests.unit.tramite.apoyo import APCI, GIZ, MINSA, PROMOTOR, RREE, abrir, hacer, ruta

ANUAL, EVAL = "P6-EVALUACION-ANUAL", "P6-EVALUACION-INTERMEDIA-FINAL"


def _anual(avance="conforme"):
    return abrir(ANUAL, MINSA, date(2026, 7, 15), presenta=MINSA,
                 datos={"proyecto": "Salud materna Cusco", "anio": 2026, "avance": avance},
                 documentos=("programa_anual_trabajo",))


def test_annual_evaluation_goes_to_the_rector_cc_the_unit_and_comments_come_back_through_the_sector():
    exp = _anual()
    hacer(exp, "remitir_evaluacion", MINSA, date(2026, 7, 17), {"destinatario": APCI}, fecha_cargo=date(2026, 7, 20))
    assert (exp.estado, exp.custodia) == ("en_evaluacion_rectora", APCI)
    assert exp.historial()[-1]["cc"] == [PROMOTOR]
    assert exp.plazos["comentarios_rectora"]["vence_el"] == date(2026, 9, 4)  # 28-29 July, 6 August holidays
    assert exp.vencer_plazos(date(2026, 9, 7)) == ["PlazoVencido"]  # late comments are flagged, not fatal
    hacer(exp, "remitir_comentarios", APCI, date(2026, 9, 8), {"observaciones": "metas de 2026 cumplidas"})
    hacer(exp, "trasladar_comentarios", MINSA, date(2026, 9, 9))
    assert (exp.estado, exp.custodia) == ("concluida", PROMOTOR) and exp.terminado
    assert ruta(exp) == [
        ("EvaluacionAnualProyectoIniciada", MINSA, MINSA),
        ("InformeEvaluacionAnualRemitido", MINSA, APCI),
        ("ComentariosEvaluacionAnualRemitidos", APCI, MINSA),
        ("ComentariosEvaluacionAnualTrasladados", MINSA, PROMOTOR),
    ]


def test_results_behind_schedule_lead_to_an_intermediate_evaluation():
    exp = _anual("atrasado")
    hacer(exp, "remitir_evaluacion", MINSA, date(2026, 7, 17), {"destinatario": APCI})
    hacer(exp, "requerir_evaluacion_intermedia", APCI, date(2026, 7, 24), {"nuevo_expediente": "2026-MINSA-000400"})
    assert (exp.estado, exp.custodia) == ("evaluacion_intermedia_requerida", PROMOTOR) and exp.terminado
    assert exp.historial()[-1]["cc"] == [MINSA]


def test_an_intermediate_evaluation_needs_results_behind_schedule():
    exp = _anual("conforme")
    hacer(exp, "remitir_evaluacion", MINSA, date(2026, 7, 17), {"destinatario": APCI})
    with pytest.raises(ReglaIncumplida):
        hacer(exp, "requerir_evaluacion_intermedia", APCI, date(2026, 7, 24), {"nuevo_expediente": "x"})


def _propuesta():
    return abrir(EVAL, APCI, date(2026, 10, 1), presenta=MINSA,
                 datos={"proyecto": "Salud materna Cusco", "tipo_evaluacion": "intermedia",
                        "solicitante": "fuente", "fecha_evaluacion": date(2027, 1, 25)},
                 documentos=("terminos_referencia", "plan_trabajo"))


def _aceptada():
    exp = _propuesta()
    hacer(exp, "remitir_a_cancilleria", APCI, date(2026, 10, 9), {"destinatario": RREE})
    hacer(exp, "remitir_a_fuente", RREE, date(2026, 10, 12), {"destinatario": GIZ})
    hacer(exp, "aceptar_tdr", GIZ, date(2026, 10, 26), {"destinatario": RREE, "representante_fuente": "K. Weber"})
    return hacer(exp, "comunicar_opinion_fuente", RREE, date(2026, 10, 27))


def test_intermediate_evaluation_from_terms_of_reference_to_the_officialised_acta():
    exp = _propuesta()
    # 10 business days from the 1 October receipt; 8 October is a holiday
    assert exp.plazos["remision_a_fuente"]["vence_el"] == date(2026, 10, 16)
    exp = _aceptada()
    assert (exp.estado, exp.custodia) == ("en_evaluacion_rectora", APCI)
    assert exp.vencer_plazos(date(2026, 10, 30)) == []
    hacer(exp, "convocar_evaluacion", APCI, date(2026, 10, 28), {"presidente_por_rectora": "Lic. Rojas"})
    assert (exp.estado, exp.custodia) == ("evaluacion_convocada", MINSA)
    assert exp.historial()[-1]["cc"] == [RREE]
    hacer(exp, "suscribir_acta", MINSA, date(2026, 12, 3),
          {"fecha_suscripcion": date(2026, 12, 3), "recomendacion": "prorroga"})
    # 5 business days from signature: 8 and 9 December are holidays
    assert exp.plazos["remision_acta"]["vence_el"] == date(2026, 12, 14)
    hacer(exp, "remitir_acta", APCI, date(2026, 12, 10))
    assert (exp.estado, exp.custodia) == ("acta_remitida", RREE)
    assert exp.historial()[-1]["cc"] == [MINSA, PROMOTOR]
    hacer(exp, "oficializar_acta", RREE, date(2026, 12, 11), {"destinatario": GIZ})
    assert (exp.estado, exp.custodia) == ("acta_oficializada", GIZ) and exp.terminado
    assert [e for e, _, _ in ruta(exp)] == [
        "TerminosReferenciaEvaluacionPropuestos", "TerminosReferenciaRemitidosACancilleria",
        "TerminosReferenciaRemitidosAFuente", "RepresentanteFuenteDesignado",
        "OpinionFuenteSobreEvaluacionComunicada", "EvaluacionConvocada", "ActaEvaluacionSuscrita",
        "ActaEvaluacionRemitida", "ActaEvaluacionOficializada",
    ]


def test_acta_not_sent_within_five_days_is_flagged():
    exp = _aceptada()
    hacer(exp, "convocar_evaluacion", APCI, date(2026, 10, 28), {"presidente_por_rectora": "Lic. Rojas"})
    hacer(exp, "suscribir_acta", MINSA, date(2026, 12, 4),
          {"fecha_suscripcion": date(2026, 12, 3), "recomendacion": "termino"})
    assert exp.vencer_plazos(date(2026, 12, 14)) == []
    assert exp.vencer_plazos(date(2026, 12, 15)) == ["PlazoVencido"]


def test_rector_returns_the_terms_with_observations_and_the_sector_reformulates_them():
    exp = _propuesta()
    hacer(exp, "observar_tdr", APCI, date(2026, 10, 5), {"destinatario": MINSA, "observaciones": "metodologia"})
    assert (exp.estado, exp.custodia) == ("tdr_observados", MINSA)
    hacer(exp, "reformular_tdr", MINSA, date(2026, 10, 13))
    assert (exp.estado, exp.custodia) == ("en_evaluacion_rectora", APCI)
    assert exp.plazos["remision_a_fuente"]["vence_el"] == date(2026, 10, 27)


def test_source_observations_come_back_through_the_foreign_ministry_and_block_the_convocation():
    exp = _propuesta()
    hacer(exp, "remitir_a_cancilleria", APCI, date(2026, 10, 9), {"destinatario": RREE})
    hacer(exp, "remitir_a_fuente", RREE, date(2026, 10, 12), {"destinatario": GIZ})
    hacer(exp, "observar_tdr_fuente", GIZ, date(2026, 10, 26), {"destinatario": RREE, "observaciones": "equipo"})
    hacer(exp, "comunicar_opinion_fuente", RREE, date(2026, 10, 27))
    assert (exp.estado, exp.custodia) == ("en_evaluacion_rectora", APCI)
    with pytest.raises(ReglaIncumplida):
        hacer(exp, "convocar_evaluacion", APCI, date(2026, 10, 28), {"presidente_por_rectora": "Lic. Rojas"})
    hacer(exp, "observar_tdr", APCI, date(2026, 10, 28), {"observaciones": "recoger observaciones de la fuente"})
    assert (exp.estado, exp.custodia) == ("tdr_observados", MINSA)


def test_the_rector_cannot_address_the_source_directly():
    exp = _propuesta()
    with pytest.raises(SinDerecho):
        hacer(exp, "remitir_a_cancilleria", APCI, date(2026, 10, 9), {"destinatario": GIZ})
    with pytest.raises(SinDerecho):
        hacer(exp, "remitir_a_cancilleria", APCI, date(2026, 10, 9), {"destinatario": RREE, "cc": [GIZ]})
