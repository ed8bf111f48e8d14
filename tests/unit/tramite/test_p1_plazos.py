"""P1 deadlines: RGL 55 (30-day positive silence, 45-day opinion, 15-day cure) on the Peruvian calendar."""

from __future__ import annotations

from datetime import date

import pytest
from shared.errores import TransicionIlegal

from tests.unit.tramite.apoyo import APCI, MINSA, PROMOTOR, abrir, eventos, hacer

P1 = "P1-SOLICITUD-CTI"
PRESENTADA = date(2026, 9, 8)  # Tuesday; 8 October 2026 (Combate de Angamos) is a holiday


def _abierto():
    return abrir(P1, MINSA, PRESENTADA, datos={"titulo": "t", "unidad_ejecutora": PROMOTOR})


def test_request_presented_gets_the_due_dates_of_rgl_55_moved_past_holidays_and_weekends():
    exp = _abierto()
    vence = {p["codigo"]: p["vence_el"] for p in exp.plazos_abiertos()}
    assert vence == {
        "silencio_positivo": date(2026, 10, 9),  # day 30 is the 8 October holiday
        "opinion_tecnica": date(2026, 10, 23),
        "oficializacion": date(2026, 11, 9),  # day 60 is Saturday 7 November
    }
    assert exp.a_dict()["proximo_vencimiento"] == "2026-10-09"


def test_positive_silence_operates_the_day_after_the_term_and_only_once():
    exp = _abierto()
    assert exp.vencer_plazos(date(2026, 10, 9)) == []
    assert exp.vencer_plazos(date(2026, 10, 10)) == ["SilencioPositivoOperado"]
    assert exp.estado == "favorable_por_silencio"
    assert exp.vencer_plazos(date(2026, 10, 12)) == []
    assert eventos(exp).count("SilencioPositivoOperado") == 1
    assert exp.plazos["silencio_positivo"]["estado"] == "vencido"


def test_after_positive_silence_the_sector_can_forward_but_no_longer_return_the_request():
    exp = _abierto()
    exp.vencer_plazos(date(2026, 10, 12))
    with pytest.raises(TransicionIlegal) as error:
        hacer(exp, "devolver_al_promotor", MINSA, date(2026, 10, 13), {"observaciones": "tarde"})
    assert error.value.extra["acciones_permitidas"] == ["derivar_a_region", "derivar_a_rectora", "derivar_a_cancilleria"]
    hacer(exp, "derivar_a_rectora", MINSA, date(2026, 10, 13), {"prioridad_sectorial": 4, "destinatario": APCI})
    assert exp.custodia == APCI and exp.plazos["opinion_tecnica"]["estado"] == "cumplido"


def test_an_opinion_in_time_closes_the_silence_clock_so_expiry_later_records_nothing():
    exp = _abierto()
    hacer(exp, "derivar_a_rectora", MINSA, date(2026, 10, 1), {"prioridad_sectorial": 1, "destinatario": APCI})
    assert exp.vencer_plazos(date(2026, 10, 30)) == []
    assert exp.estado == "en_evaluacion_rectora"


def test_missed_cure_of_omissions_denies_the_request_counting_from_the_receipt_of_the_notice():
    exp = _abierto()
    hacer(exp, "notificar_omisiones", MINSA, date(2026, 9, 15),
          {"omisiones": ["presupuesto"]}, fecha_cargo=date(2026, 9, 17))
    assert (exp.estado, exp.custodia) == ("observada_por_omisiones", PROMOTOR)
    assert exp.plazos["subsanacion"]["vence_el"] == date(2026, 10, 2)
    assert exp.plazos["silencio_positivo"]["estado"] == "cumplido"
    assert exp.vencer_plazos(date(2026, 10, 3)) == ["SolicitudDenegadaPorNoSubsanacion"]
    assert exp.estado == "denegada_por_no_subsanacion" and exp.terminado
    assert exp.plazos_abiertos() == [] and exp.vencer_plazos(date(2026, 12, 31)) == []


def test_cure_term_ending_on_a_holiday_moves_to_the_next_business_day():
    exp = _abierto()
    hacer(exp, "notificar_omisiones", MINSA, date(2026, 7, 20), {"omisiones": ["x"]}, fecha_cargo=date(2026, 7, 22))
    assert exp.plazos["subsanacion"]["vence_el"] == date(2026, 8, 7)  # day 15 is 6 August, a holiday


def test_cure_in_time_restarts_the_thirty_day_silence_from_the_cure():
    exp = _abierto()
    hacer(exp, "notificar_omisiones", MINSA, date(2026, 9, 15), {"omisiones": ["x"]})
    hacer(exp, "subsanar_omisiones", PROMOTOR, date(2026, 9, 25))
    assert (exp.estado, exp.custodia) == ("en_evaluacion_nivel", MINSA)
    assert exp.plazos["subsanacion"]["estado"] == "cumplido"
    assert exp.plazos["silencio_positivo"]["vence_el"] == date(2026, 10, 26)  # 25 Oct is a Sunday
    assert exp.vencer_plazos(date(2026, 10, 10)) == []


def test_alert_deadline_records_plazo_vencido_without_changing_state():
    exp = _abierto()
    hacer(exp, "derivar_a_rectora", MINSA, date(2026, 9, 20), {"prioridad_sectorial": 1, "destinatario": APCI})
    assert exp.vencer_plazos(date(2026, 11, 10)) == ["PlazoVencido"]
    assert exp.estado == "en_evaluacion_rectora" and exp.plazos["oficializacion"]["estado"] == "vencido"
