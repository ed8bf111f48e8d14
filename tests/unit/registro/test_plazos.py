"""Deadlines as data, counted on Peru's calendar."""

from datetime import date

from services.registro.domain.plazos import (
    PLAZOS, anios_exigibles, plazo, sumar_meses, vencimiento_declaracion_anual,
)


def test_todo_plazo_tiene_unidad_efecto_y_fundamento():
    for p in PLAZOS.values():
        assert p.unidad in ("habiles", "calendario", "meses", "anios")
        assert p.efecto_al_vencer and p.fundamento_legal
        assert all({"norma", "articulo"} <= set(f) for f in p.a_dict()["fundamento_legal"])


def test_silencio_de_30_dias_calendario_que_cae_en_feriado_pasa_al_siguiente_habil():
    # 5 March 2026 + 30 = 4 April (Saturday of Holy Week) -> Monday 6 April.
    assert plazo("silencio_positivo_inscripcion").vence(date(2026, 3, 5)) == date(2026, 4, 6)


def test_subsanacion_de_declaracion_cuenta_5_habiles_saltando_fiestas_patrias():
    # Notified Wednesday 22 July 2026: 23, 28, 29 July are holidays -> 24, 27, 30, 31 July, 3 August.
    assert plazo("subsanacion_declaracion").vence(date(2026, 7, 22)) == date(2026, 8, 3)


def test_declaracion_anual_vence_el_31_de_enero_o_el_siguiente_habil():
    assert vencimiento_declaracion_anual(2025) == date(2025, 1, 31)  # Friday
    assert vencimiento_declaracion_anual(2026) == date(2026, 2, 2)  # 31 Jan 2026 is a Saturday


def test_vigencia_de_dos_anios_termina_la_vispera_del_aniversario():
    assert plazo("vigencia_inscripcion").vence(date(2024, 2, 29)) == date(2026, 2, 27)
    assert plazo("vigencia_inscripcion").vence(date(2026, 3, 20)) == date(2028, 3, 19)


def test_sumar_meses_ajusta_fin_de_mes_y_retrocede():
    assert sumar_meses(date(2026, 5, 31), -3) == date(2026, 2, 28)
    assert sumar_meses(date(2026, 1, 15), -3) == date(2025, 10, 15)


def test_anios_exigibles_cuenta_solo_eneros_posteriores_a_la_inscripcion_y_ya_vencidos():
    assert anios_exigibles(date(2024, 1, 10), date(2026, 3, 1)) == [2025, 2026]
    assert anios_exigibles(date(2024, 1, 10), date(2026, 1, 20)) == [2025]
