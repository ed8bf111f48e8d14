"""The Peruvian calendar: the cases named by the platform issue, across 2026's holidays."""

from datetime import date

import pytest

from shared.calendario import CALENDARIO_NACIONAL as cal
from shared.calendario import CalendarioPeruano, Unidad


def test_diez_habiles_desde_el_22_de_julio_saltan_fiestas_patrias_y_junin():
    # 23 July (Fuerza Aerea), 28-29 July (Fiestas Patrias) and 6 August (Batalla de Junin) are holidays.
    assert cal.sumar_habiles(date(2026, 7, 22), 10) == date(2026, 8, 11)


@pytest.mark.parametrize(
    "dia", [date(2026, 4, 2), date(2026, 4, 3), date(2026, 12, 8), date(2026, 12, 9), date(2026, 7, 23)]
)
def test_feriados_2026_no_son_habiles(dia):
    assert not cal.es_habil(dia)


def test_fin_de_semana_no_es_habil_y_un_martes_comun_si():
    assert not cal.es_habil(date(2026, 11, 28))
    assert cal.es_habil(date(2026, 11, 24))


def test_plazo_en_calendario_que_vence_en_feriado_pasa_al_siguiente_habil():
    # 1 December + 7 calendar days = 8 December (holiday); 9 December is also a holiday -> 10 December.
    assert cal.sumar_calendario(date(2026, 12, 1), 7) == date(2026, 12, 10)
    assert cal.sumar(date(2026, 12, 1), 7, Unidad.CALENDARIO) == date(2026, 12, 10)


def test_dias_no_laborables_configurados_cuentan_como_feriado():
    con_decreto = CalendarioPeruano.con_no_laborables([date(2026, 7, 27)])
    assert cal.sumar_habiles(date(2026, 7, 22), 2) == date(2026, 7, 27)
    assert con_decreto.sumar_habiles(date(2026, 7, 22), 2) == date(2026, 7, 30)


def test_habiles_entre_es_inverso_de_sumar():
    inicio = date(2026, 7, 22)
    for n in (0, 1, 5, 10, 30):
        assert cal.habiles_entre(inicio, cal.sumar_habiles(inicio, n)) == n


def test_plazo_negativo_es_error():
    with pytest.raises(ValueError):
        cal.sumar_habiles(date(2026, 1, 5), -1)
