"""Terms counted from a date in the data and judged by the act they govern (``Plazo.cumple_el_propio_acto``): the
semi-annual report within 30 business days after the semester (R.S. 450-84-RE §5.5.1.g) and the terms of reference
90 to 120 business days before the evaluation (§6.5.2.a), on Peru's calendar (29 June, 23, 28 and 29 July, 6 August
are holidays). Out of time is recorded (``tardio``/``anticipado``, the file ``extemporaneo``), never refused."""

from __future__ import annotations

from datetime import date

import pytest
from shared.calendario import CALENDARIO_NACIONAL, Unidad
from shared.errores import DatosInvalidos
from shared.eventos.persistencia_prueba import recargar

from services.tramite.domain.plazos import Cumplimiento, Inicio, Plazo, cumplimiento
from tests.unit.tramite.apoyo import APCI, MINSA, PROMOTOR, RREE, abrir, hacer

INF, EVAL = "P5-INFORME-AVANCE", "P6-EVALUACION-INTERMEDIA-FINAL"
FIN_SEMESTRE = date(2026, 6, 30)
EVALUACION = date(2026, 11, 16)  # a Monday


def _informe(presentado: date, fin_semestre: object = FIN_SEMESTRE):
    return abrir(INF, MINSA, presentado, datos={"proyecto": "Salud materna Cusco", "numero_informe": "3",
                                                 "fin_semestre": fin_semestre}, documentos=("informe_avance",))


def _propuesta(presentado: date, fecha_evaluacion: object = EVALUACION):
    return abrir(EVAL, APCI, presentado, presenta=MINSA,
                 datos={"proyecto": "Salud materna Cusco", "tipo_evaluacion": "intermedia",
                        "solicitante": "oficina_sectorial", "fecha_evaluacion": fecha_evaluacion},
                 documentos=("terminos_referencia", "plan_trabajo"))


def _juicio(exp, codigo: str) -> dict:
    return next(p for p in exp.a_dict()["plazos_concluidos"] if p["codigo"] == codigo)


# ----- the calendar counted backwards ---------------------------------------------------------------------------

def test_counting_backwards_skips_holidays_and_does_not_count_the_reference_day():
    cal = CALENDARIO_NACIONAL
    # from 9 July back: 9, 8, 7, 6, 3, 2, 1 July, 30 June, (29 June holiday), 26 and 25 June
    assert cal.restar(date(2026, 7, 10), 10, Unidad.HABILES) == date(2026, 6, 25)
    assert cal.restar(EVALUACION, 90, Unidad.HABILES) == date(2026, 7, 6)  # past 8 Oct, 6 Aug, 28-29 and 23 Jul
    assert cal.restar(EVALUACION, 120, Unidad.HABILES) == date(2026, 5, 22)  # and past 29 June
    assert cal.restar(date(2026, 7, 29), 30, Unidad.CALENDARIO) == date(2026, 6, 29)  # not moved off the holiday
    with pytest.raises(ValueError):
        cal.restar(EVALUACION, -1, Unidad.HABILES)


# ----- P5b: the semi-annual report --------------------------------------------------------------------------------

def test_report_on_the_last_business_day_after_the_july_holidays_is_in_time():
    exp = _informe(date(2026, 8, 17))  # 30 business days from 1 July: 23, 28, 29 July and 6 August do not count
    juicio = _juicio(exp, "presentacion_informe_avance")
    assert (juicio["inicio"], juicio["vence_el"], juicio["abre_el"]) == ("2026-06-30", "2026-08-17", "2026-07-01")
    assert (juicio["estado"], juicio["cumplimiento"], juicio["cerrado_por"]) == ("cumplido", "en_plazo", "presentar")
    assert {"norma": "R.S. 450-84-RE", "articulo": "5.5.1.g"} in juicio["fundamento_legal"]
    assert exp.extemporaneo is False and exp.plazos_abiertos() == []
    # in calendar days the term would have ended on 30 July; business days is the reading (T.U.O. Ley 27444 145.1)
    assert _informe(date(2026, 7, 31)).extemporaneo is False


def test_late_report_is_received_marked_extemporaneo_and_goes_on_as_any_other():
    exp = _informe(date(2026, 8, 18))
    assert (exp.estado, exp.custodia) == ("en_evaluacion_sectorial", MINSA)
    assert _juicio(exp, "presentacion_informe_avance")["cumplimiento"] == "tardio"
    assert exp.extemporaneo is True and exp.a_dict()["extemporaneo"] is True
    assert exp.vencer_plazos(date(2026, 12, 31)) == []  # judged at presentation: nothing left for the scheduler
    hacer(exp, "elevar_informe", MINSA, date(2026, 8, 20), {"destinatario": APCI})
    assert (exp.estado, exp.custodia) == ("en_evaluacion_rectora", APCI)
    assert [p["codigo"] for p in exp.plazos_abiertos()] == ["comentarios_rectora"]
    assert exp.extemporaneo is True  # the marker stays with the file
    copia = recargar(exp)  # the judgement is stored in the opening event, not recomputed
    assert copia.a_dict() == exp.a_dict() and copia.extemporaneo is True


def test_report_before_the_semester_ends_is_premature_the_day_after_is_in_time():
    assert _juicio(_informe(date(2026, 6, 30)), "presentacion_informe_avance")["cumplimiento"] == "anticipado"
    assert _informe(date(2026, 6, 30)).extemporaneo is True
    assert _juicio(_informe(date(2026, 7, 1)), "presentacion_informe_avance")["cumplimiento"] == "en_plazo"


def test_second_semester_counts_from_new_year_which_is_a_holiday():
    fin = date(2025, 12, 31)
    assert CALENDARIO_NACIONAL.sumar(fin, 30, Unidad.HABILES) == date(2026, 2, 12)
    assert _informe(date(2026, 2, 12), fin).extemporaneo is False
    assert _juicio(_informe(date(2026, 2, 13), fin), "presentacion_informe_avance")["cumplimiento"] == "tardio"


@pytest.mark.parametrize("valor", [None, "", "2026-06-31", "fin de junio"])
def test_semester_end_missing_or_not_a_date_is_refused_naming_the_field(valor):
    with pytest.raises(DatosInvalidos) as e:
        _informe(date(2026, 7, 15), valor)
    assert "fin_semestre" in [err["campo"] for err in e.value.extra["errores"]]


def test_the_semester_end_as_an_iso_string_from_the_api_is_read_as_a_date():
    exp = _informe(date(2026, 8, 18), "2026-06-30")
    assert _juicio(exp, "presentacion_informe_avance")["vence_el"] == "2026-08-17" and exp.extemporaneo


def test_a_corrected_report_is_not_judged_again():
    exp = _informe(date(2026, 8, 18))
    hacer(exp, "observar_informe", MINSA, date(2026, 8, 20), {"observaciones": "cuadro 8.3 incompleto"})
    hacer(exp, "reingresar_informe", PROMOTOR, date(2026, 9, 30), {"destinatario": MINSA})
    assert [p["codigo"] for p in exp.plazos_concluidos()] == ["presentacion_informe_avance"]
    assert exp.historial()[-1]["remitente"] == PROMOTOR and exp.custodia == MINSA


# ----- P6c: terms of reference 90 to 120 days before the evaluation ----------------------------------------------

@pytest.mark.parametrize(("presentado", "esperado"), [
    (date(2026, 5, 21), "anticipado"),  # 121 business days before
    (date(2026, 5, 22), "en_plazo"),  # day 120, first day of the window
    (date(2026, 6, 29), "en_plazo"),  # a holiday inside the window: the window counts business days only
    (date(2026, 7, 6), "en_plazo"),  # day 90, last day of the window
    (date(2026, 7, 7), "tardio"),
])
def test_terms_of_reference_judged_against_the_window_counted_backwards(presentado, esperado):
    exp = _propuesta(presentado)
    juicio = _juicio(exp, "propuesta_tdr")
    assert (juicio["inicio"], juicio["abre_el"], juicio["vence_el"]) == ("2026-11-16", "2026-05-22", "2026-07-06")
    assert juicio["hacia_atras"] is True and juicio["cumplimiento"] == esperado
    assert {"norma": "R.S. 450-84-RE", "articulo": "6.5.2.a"} in juicio["fundamento_legal"]
    assert exp.extemporaneo is (esperado != "en_plazo")
    assert [p["codigo"] for p in exp.plazos_abiertos()] == ["remision_a_fuente"]  # the rector's 10 days still run


def test_late_terms_are_received_and_the_rector_goes_on_and_reformulation_is_not_judged_again():
    exp = _propuesta(date(2026, 9, 1))
    assert exp.extemporaneo and (exp.estado, exp.custodia) == ("en_evaluacion_rectora", APCI)
    hacer(exp, "observar_tdr", APCI, date(2026, 9, 3), {"destinatario": MINSA, "observaciones": "mover la fecha"})
    hacer(exp, "reformular_tdr", MINSA, date(2026, 9, 10), {"destinatario": APCI})
    assert [p["codigo"] for p in exp.plazos_concluidos()] == ["propuesta_tdr"]
    hacer(exp, "remitir_a_cancilleria", APCI, date(2026, 9, 14), {"destinatario": RREE})
    assert (exp.estado, exp.custodia) == ("en_tramite_cancilleria", RREE)
    assert recargar(exp).a_dict() == exp.a_dict()


def test_evaluation_date_not_a_date_is_refused_naming_the_field():
    with pytest.raises(DatosInvalidos) as e:
        _propuesta(date(2026, 7, 1), "16/11/2026")
    assert [err["campo"] for err in e.value.extra["errores"]] == ["fecha_evaluacion"]


# ----- the vocabulary keeps these terms honest ---------------------------------------------------------------------

def test_a_term_judged_at_its_own_act_must_start_from_a_date_in_the_data():
    fundamento = ({"norma": "R.S. 450-84-RE", "articulo": "6.5.2.a"},)
    with pytest.raises(ValueError, match="campo"):
        Plazo("x", "x", 5, Unidad.HABILES, fundamento, cumple_el_propio_acto=True)
    with pytest.raises(ValueError, match="propio acto"):
        Plazo("x", "x", 5, Unidad.HABILES, fundamento, inicio=Inicio.CAMPO, campo_inicio="f", hacia_atras=True)
    with pytest.raises(ValueError, match="anticipacion_maxima"):
        Plazo("x", "x", 90, Unidad.HABILES, fundamento, inicio=Inicio.CAMPO, campo_inicio="f",
              cumple_el_propio_acto=True, hacia_atras=True, anticipacion_maxima=90)


def test_a_later_act_can_be_judged_the_same_way():
    """The engine is generic: an action's term counted from its data and met by the action itself."""
    plazo = Plazo("informe", "informe", 10, Unidad.HABILES, ({"norma": "N", "articulo": "1"},), inicio=Inicio.CAMPO,
                  campo_inicio="fin_periodo", cumple_el_propio_acto=True)
    juzgado = plazo.abrir_en_acto(accion="informar", hoy=date(2026, 7, 30), fecha_cargo=date(2026, 7, 30),
                                  datos={"fin_periodo": "2026-07-15"}, estado="informado")
    assert juzgado["vence_el"] == date(2026, 8, 3)  # 16, 17, 20, 21, 22, 24, 27, 30, 31 July, 3 August
    assert (juzgado["cumplimiento"], juzgado["cerrado_por"], juzgado["estado"]) == ("en_plazo", "informar", "cumplido")
    assert cumplimiento(juzgado, date(2026, 8, 3)) is Cumplimiento.EN_PLAZO
    assert cumplimiento(juzgado, date(2026, 8, 4)) is Cumplimiento.TARDIO
    assert cumplimiento(juzgado, date(2026, 7, 15)) is Cumplimiento.ANTICIPADO
    abierto = Plazo("p", "p", 10, Unidad.HABILES, ({"norma": "N", "articulo": "1"},)).abrir_en_acto(
        accion="a", hoy=date(2026, 7, 30), fecha_cargo=date(2026, 7, 31), datos={}, estado="e")
    assert "cumplimiento" not in abierto and abierto["inicio"] == date(2026, 7, 31)  # an ordinary clock stays open
