"""P5: Plan de Operaciones (R.S. 450-84-RE §5.5.1.a-f; Directiva 001-2008-APCI-DOC §II) and semi-annual progress
report (§5.5.1.g-h, §6.5.1.a, §6.6.3)."""

from __future__ import annotations

from datetime import date

import pytest
from shared.errores import SinDerecho, TransicionIlegal

from tests.unit.tramite.apoyo import APCI, GIZ, MINSA, PROMOTOR, RREE, abrir, hacer, ruta

PO, INF = "P5-PLAN-OPERACIONES", "P5-INFORME-AVANCE"
COMUNICADA = date(2026, 4, 29)


def _comunicada():
    return abrir(PO, PROMOTOR, COMUNICADA, presenta=MINSA, datos={"proyecto": "Salud materna Cusco"},
                 documentos=("comunicacion_aprobacion",))


def _en_rectora():
    exp = _comunicada()
    hacer(exp, "presentar_plan", PROMOTOR, date(2026, 7, 10), {"destinatario": MINSA})
    return hacer(exp, "elevar_a_rectora", MINSA, date(2026, 7, 14), {"destinatario": APCI})


def _oficializado():
    exp = _en_rectora()
    hacer(exp, "elevar_a_cancilleria", APCI, date(2026, 7, 17), {"destinatario": RREE})
    return hacer(exp, "oficializar", RREE, date(2026, 7, 20), {"destinatario": GIZ})


def test_plan_goes_up_the_chain_is_officialised_approved_and_registered_with_apci():
    exp = _oficializado()
    assert (exp.estado, exp.custodia) == ("oficializado_ante_fuente", GIZ)
    hacer(exp, "conformar", GIZ, date(2026, 8, 3), {"destinatario": RREE})
    hacer(exp, "comunicar_aprobacion", RREE, date(2026, 8, 4))
    assert (exp.estado, exp.custodia) == ("aprobado", PROMOTOR)
    assert exp.historial()[-1]["cc"] == [APCI, MINSA]
    hacer(exp, "solicitar_inscripcion", PROMOTOR, date(2026, 9, 1), {"mes_inicio_ejecucion": "2026-09"})
    assert (exp.estado, exp.custodia) == ("en_inscripcion_apci", APCI)
    assert exp.plazos["evaluacion_inscripcion"]["vence_el"] == date(2026, 10, 14)  # 8 October is a holiday
    hacer(exp, "inscribir_plan", APCI, date(2026, 9, 15))
    assert (exp.estado, exp.custodia) == ("inscrito", PROMOTOR) and exp.terminado
    assert ruta(exp) == [
        ("AprobacionProyectoComunicada", MINSA, PROMOTOR),
        ("PlanOperacionesPresentado", PROMOTOR, MINSA),
        ("PlanOperacionesElevadoARectora", MINSA, APCI),
        ("PlanOperacionesElevadoACancilleria", APCI, RREE),
        ("PlanOperacionesOficializadoAnteFuente", RREE, GIZ),
        ("PlanOperacionesConformadoPorFuente", GIZ, RREE),
        ("AprobacionPlanOperacionesComunicada", RREE, PROMOTOR),
        ("InscripcionPlanOperacionesSolicitada", PROMOTOR, APCI),
        ("PlanOperacionesInscrito", APCI, PROMOTOR),
    ]
    h = exp.historial()
    assert h[2]["cc"] == [PROMOTOR] and h[3]["cc"] == [MINSA]  # §5.5.1.b.ii and §5.5.1.c.ii copies
    assert {"norma": "R.S. 450-84-RE", "articulo": "5.5.1.d"} in h[4]["fundamento_legal"]


def test_ninety_calendar_days_from_the_approval_roll_over_the_july_holidays():
    exp = _comunicada()
    # 29 April + 90 = 28 July (Independence Day), 29 July is also a holiday: due Thursday 30 July
    assert exp.plazos["presentacion_plan_operaciones"]["vence_el"] == date(2026, 7, 30)
    assert exp.vencer_plazos(date(2026, 7, 30)) == []
    assert exp.vencer_plazos(date(2026, 7, 31)) == ["PlazoVencido"]
    assert exp.estado == "pendiente_presentacion"  # an alert: the late plan may still be presented
    hacer(exp, "presentar_plan", PROMOTOR, date(2026, 8, 3), {"destinatario": MINSA})
    assert (exp.estado, exp.custodia) == ("en_evaluacion_sectorial", MINSA)


def test_plan_presented_in_time_closes_the_ninety_day_term():
    exp = _comunicada()
    hacer(exp, "presentar_plan", PROMOTOR, date(2026, 7, 10), {"destinatario": MINSA})
    assert exp.vencer_plazos(date(2026, 12, 31)) == []


def test_sector_office_returns_the_plan_with_observations_and_the_unit_presents_it_again():
    exp = _comunicada()
    hacer(exp, "presentar_plan", PROMOTOR, date(2026, 7, 10), {"destinatario": MINSA})
    hacer(exp, "observar_en_sector", MINSA, date(2026, 7, 13), {"observaciones": "faltan metas con fechas"})
    assert (exp.estado, exp.custodia) == ("observado_por_oficina_sectorial", PROMOTOR)
    hacer(exp, "presentar_plan", PROMOTOR, date(2026, 7, 16))
    assert (exp.estado, exp.custodia) == ("en_evaluacion_sectorial", MINSA)


def test_rector_observations_go_to_the_sector_office_and_down_to_the_unit():
    exp = _en_rectora()
    hacer(exp, "observar_en_rectora", APCI, date(2026, 7, 16), {"observaciones": "presupuesto por fuente"})
    assert (exp.estado, exp.custodia) == ("observado_por_rectora", MINSA)
    hacer(exp, "trasladar_observaciones", MINSA, date(2026, 7, 17))
    assert (exp.estado, exp.custodia) == ("observado_por_oficina_sectorial", PROMOTOR)
    hacer(exp, "presentar_plan", PROMOTOR, date(2026, 7, 22))
    hacer(exp, "elevar_a_rectora", MINSA, date(2026, 7, 23))
    assert (exp.estado, exp.custodia) == ("en_evaluacion_rectora", APCI)


def test_source_observations_are_communicated_by_the_foreign_ministry_to_the_rector():
    exp = _oficializado()
    hacer(exp, "observar_en_fuente", GIZ, date(2026, 8, 3), {"destinatario": RREE, "observaciones": "cronograma"})
    assert (exp.estado, exp.custodia) == ("observado_por_fuente", RREE)
    hacer(exp, "comunicar_observaciones_fuente", RREE, date(2026, 8, 4))
    assert (exp.estado, exp.custodia) == ("en_evaluacion_rectora", APCI)
    hacer(exp, "observar_en_rectora", APCI, date(2026, 8, 5), {"observaciones": "ajustar cronograma"})
    assert exp.custodia == MINSA


def test_only_the_foreign_ministry_officialises_the_plan_before_the_source():
    exp = _en_rectora()
    with pytest.raises(TransicionIlegal):
        hacer(exp, "oficializar", APCI, date(2026, 7, 17), {"destinatario": GIZ})
    with pytest.raises(SinDerecho):
        hacer(exp, "elevar_a_cancilleria", APCI, date(2026, 7, 17), {"destinatario": RREE, "cc": [GIZ]})


def test_apci_observes_the_registration_and_the_unit_answers():
    exp = _oficializado()
    hacer(exp, "conformar", GIZ, date(2026, 8, 3), {"destinatario": RREE})
    hacer(exp, "comunicar_aprobacion", RREE, date(2026, 8, 4))
    hacer(exp, "solicitar_inscripcion", PROMOTOR, date(2026, 9, 1), {"mes_inicio_ejecucion": "2026-09"})
    hacer(exp, "observar_inscripcion", APCI, date(2026, 9, 10), {"observaciones": "falta anexo 5-PO"})
    assert (exp.estado, exp.custodia) == ("inscripcion_observada", PROMOTOR)
    hacer(exp, "solicitar_inscripcion", PROMOTOR, date(2026, 9, 14), {"mes_inicio_ejecucion": "2026-09"})
    assert (exp.estado, exp.custodia) == ("en_inscripcion_apci", APCI)


def _informe():
    return abrir(INF, MINSA, date(2026, 7, 15), datos={"proyecto": "Salud materna Cusco", "numero_informe": "3",
                                                         "fin_semestre": date(2026, 6, 30)},
                 documentos=("informe_avance",))


def test_progress_report_goes_to_the_rector_via_the_sector_and_comments_come_back_to_the_unit():
    exp = _informe()
    hacer(exp, "elevar_informe", MINSA, date(2026, 7, 17), {"destinatario": APCI}, fecha_cargo=date(2026, 7, 20))
    assert (exp.estado, exp.custodia) == ("en_evaluacion_rectora", APCI)
    assert exp.historial()[-1]["cc"] == [PROMOTOR]
    # 30 business days from the 20 July receipt: 28-29 July and 6 August are holidays
    assert exp.plazos["comentarios_rectora"]["vence_el"] == date(2026, 9, 4)
    hacer(exp, "remitir_comentarios", APCI, date(2026, 9, 3), {"recomendaciones": "reforzar capacitacion"})
    assert (exp.estado, exp.custodia) == ("comentarios_en_traslado", MINSA)
    hacer(exp, "trasladar_comentarios", MINSA, date(2026, 9, 4))
    assert (exp.estado, exp.custodia) == ("incorporado", PROMOTOR) and exp.terminado
    assert [e for e, _, _ in ruta(exp)] == ["InformeAvancePresentado", "InformeAvanceEvaluadoPorOficinaSectorial",
                                            "ComentariosInformeAvanceRemitidos", "ComentariosInformeAvanceTrasladados"]


def test_rector_comments_overdue_are_flagged():
    exp = _informe()
    hacer(exp, "elevar_informe", MINSA, date(2026, 7, 17), {"destinatario": APCI}, fecha_cargo=date(2026, 7, 20))
    assert exp.vencer_plazos(date(2026, 9, 4)) == []
    assert exp.vencer_plazos(date(2026, 9, 7)) == ["PlazoVencido"]
    assert exp.estado == "en_evaluacion_rectora"


def test_sector_office_returns_the_report_and_the_unit_resubmits_it():
    exp = _informe()
    hacer(exp, "observar_informe", MINSA, date(2026, 7, 16), {"observaciones": "cuadro 8.3 incompleto"})
    assert (exp.estado, exp.custodia) == ("observado_por_oficina_sectorial", PROMOTOR)
    hacer(exp, "reingresar_informe", PROMOTOR, date(2026, 7, 21))
    assert (exp.estado, exp.custodia) == ("en_evaluacion_sectorial", MINSA)


def test_rector_asks_the_unit_for_complementary_information_with_copy_to_the_sector():
    exp = _informe()
    hacer(exp, "elevar_informe", MINSA, date(2026, 7, 17), {"destinatario": APCI})
    hacer(exp, "solicitar_informacion", APCI, date(2026, 7, 22), {"observaciones": "inconsistente con el plan"})
    assert (exp.estado, exp.custodia) == ("informacion_complementaria_solicitada", PROMOTOR)
    assert exp.historial()[-1]["cc"] == [MINSA]
    hacer(exp, "remitir_informacion", PROMOTOR, date(2026, 7, 27))
    assert (exp.estado, exp.custodia) == ("en_evaluacion_rectora", APCI)
    assert exp.historial()[-1]["cc"] == [MINSA]
