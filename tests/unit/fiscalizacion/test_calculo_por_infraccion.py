"""Table-driven: facts -> class -> allowed sanctions -> amount, per infraction code of the 2007 rulebook.

Dates on the 2018 calendar: sanction applied 2018-08-24 (UIT 2018 = S/ 4,150, D.S. 380-2017-EF), notified Monday
2018-08-27. Holidays crossed: 30 Aug (Santa Rosa), 8 Oct (Angamos).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from shared.errores import DatosInvalidos, ReglaIncumplida
from services.fiscalizacion.domain.calculo import Computo, Hechos, calcular_sancion
from services.fiscalizacion.domain.reiteracion import Antecedente
from services.fiscalizacion.domain.ris_2007 import RIS_2007_TC as V

APLICADA, NOTIFICADA = date(2018, 8, 24), date(2018, 8, 27)
# Leve: 30 calendar days from 27 Aug end on Wed 26 Sep; to 10 Oct there are 9 business days (8 Oct is a holiday).
# Grave / art. 9: from 27 Aug to 7 Sep there are 8 business days (30 Aug is a holiday).
CORTE_LEVE, CORTE_DIARIA = date(2018, 10, 10), date(2018, 9, 7)

CASOS = [
    # codigo, clase, sanciones permitidas, corte, dias, multa soles, suspension
    ("RIS-6-a", "leve", ["amonestacion", "multa"], CORTE_LEVE, 9, "3735.00", False),
    ("RIS-6-b", "leve", ["amonestacion", "multa"], CORTE_LEVE, 9, "3735.00", False),
    ("RIS-6-c", "leve", ["amonestacion", "multa"], CORTE_LEVE, 9, "3735.00", False),
    ("RIS-6-d", "leve", ["amonestacion", "multa"], CORTE_LEVE, 9, "3735.00", False),
    ("RIS-7-a", "grave", ["multa", "suspension_beneficios"], CORTE_DIARIA, 8, "16600.00", False),
    ("RIS-8-a", "muy_grave", ["suspension_beneficios"], CORTE_DIARIA, 0, "0.00", True),
    ("RIS-8-c", "muy_grave", ["suspension_beneficios"], CORTE_DIARIA, 0, "0.00", True),
    ("RIS-9", "excepcional", ["multa"], CORTE_DIARIA, 8, "3320.00", False),
]


@pytest.mark.parametrize("codigo,clase,sanciones,corte,dias,multa,suspension", CASOS)
def test_computes_class_allowed_sanctions_and_amount_per_infraction(codigo, clase, sanciones, corte, dias, multa,
                                                                     suspension):
    r = calcular_sancion(Hechos(codigo, date(2018, 1, 31)), Computo(APLICADA, NOTIFICADA, corte), [], V)

    assert (r.clase_aplicada, r.sanciones, r.dias_devengados) == (clase, sanciones, dias)
    assert r.multa_soles == Decimal(multa)
    assert r.suspension_beneficios is suspension
    assert r.uit["valor"] == Decimal("4150")


@pytest.mark.parametrize("codigo", ["RIS-7-b", "RIS-8-b", "RIS-8-d", "RIS-8-e"])
def test_refuses_to_sanction_types_whose_only_sanction_was_voided_by_the_tc(codigo):
    with pytest.raises(ReglaIncumplida) as e:
        calcular_sancion(Hechos(codigo, date(2018, 1, 31)), Computo(APLICADA), [], V)
    assert "0009-2007-PI/TC" in e.value.extra["fundamento_legal"]["norma"]


def test_daily_fine_stops_at_the_class_cap_and_grave_then_suspends_benefits():
    r = calcular_sancion(Hechos("RIS-7-a", date(2018, 1, 31)), Computo(APLICADA, NOTIFICADA, date(2019, 6, 28)), [], V)
    assert r.multa_soles == Decimal("124500.00")  # 30 UIT x 4,150
    assert r.tope_alcanzado and r.suspension_beneficios


def test_leve_cured_within_the_thirty_calendar_days_is_only_a_warning():
    r = calcular_sancion(Hechos("RIS-6-c", date(2018, 1, 31)), Computo(APLICADA, NOTIFICADA, date(2018, 9, 26)), [], V)
    assert r.plazo_subsanacion_vence == date(2018, 9, 26)
    assert r.multa_soles == Decimal("0")


def test_uses_the_uit_of_the_year_the_sanction_is_applied_not_of_the_facts():
    r = calcular_sancion(Hechos("RIS-9", date(2017, 1, 31)), Computo(date(2018, 1, 2)), [], V)
    assert r.uit["anio"] == 2018 and r.multa_diaria_soles == Decimal("415.00")
    assert r.uit["fundamento_legal"]["norma"] == "D.S. 380-2017-EF"


PREVIA_LEVE = Antecedente("RIS-6-c", True, date(2016, 5, 1), Decimal("5"))
PREVIA_GRAVE = Antecedente("RIS-7-a", True, date(2016, 5, 1), Decimal("30"))


@pytest.mark.parametrize("codigo,previa,clase,multa,suspension,tipo", [
    ("RIS-6-c", PREVIA_LEVE, "grave", "83000.00", False, "reincidente"),      # 20 UIT: band 20-40
    ("RIS-6-a", PREVIA_LEVE, "grave", "83000.00", False, "habitual"),
    ("RIS-7-a", PREVIA_GRAVE, "muy_grave", "166000.00", True, "reincidente"),  # 40 UIT: band 40-50
])
def test_repetition_raises_the_class_and_applies_the_fine_band(codigo, previa, clase, multa, suspension, tipo):
    r = calcular_sancion(Hechos(codigo, date(2018, 1, 31)), Computo(APLICADA), [previa], V)
    assert (r.clase_aplicada, r.multa_soles, r.suspension_beneficios) == (clase, Decimal(multa), suspension)
    assert any(p["paso"] == "reiteracion" and p["detalle"].startswith(tipo) for p in r.pasos)


def test_repetition_without_earlier_fine_uses_the_scale_of_the_higher_class():
    previa = Antecedente("RIS-6-d", True, date(2016, 5, 1), None)
    r = calcular_sancion(Hechos("RIS-6-c", date(2018, 1, 31)), Computo(APLICADA, NOTIFICADA, CORTE_DIARIA), [previa], V)
    assert r.clase_aplicada == "grave" and r.multa_soles == Decimal("16600.00")


def test_only_final_earlier_sanctions_count_for_repetition():
    no_firme = Antecedente("RIS-6-c", False, date(2016, 5, 1), Decimal("5"))
    r = calcular_sancion(Hechos("RIS-6-c", date(2018, 1, 31)), Computo(APLICADA), [no_firme], V)
    assert r.clase_aplicada == "leve"


def test_cis_may_choose_a_reasoned_amount_inside_the_band_but_not_outside():
    r = calcular_sancion(Hechos("RIS-6-c", date(2018, 1, 31)),
                         Computo(APLICADA, multa_elegida_uit=Decimal("35"), motivacion="beneficio obtenido"),
                         [PREVIA_LEVE], V)
    assert r.multa_soles == Decimal("145250.00")
    with pytest.raises(DatosInvalidos):
        calcular_sancion(Hechos("RIS-6-c", date(2018, 1, 31)), Computo(APLICADA, multa_elegida_uit=Decimal("41")),
                         [PREVIA_LEVE], V)


def test_corrective_measures_in_a_grave_case_apply_the_leve_scale():
    r = calcular_sancion(Hechos("RIS-7-a", date(2018, 1, 31), medidas_correctivas=True),
                         Computo(APLICADA, NOTIFICADA, CORTE_LEVE), [], V)
    assert r.escala_aplicada == "leve" and r.multa_soles == Decimal("3735.00")
    assert any(p["paso"] == "atenuante" for p in r.pasos)


def test_overall_cap_of_fifty_uit_limits_a_scale_that_would_exceed_it():
    generosa = replace(V.escalas["grave"], tope_uit=Decimal("60"))
    version = replace(V, escalas={**V.escalas, "grave": generosa})
    r = calcular_sancion(Hechos("RIS-7-a", date(2018, 1, 31)), Computo(APLICADA, NOTIFICADA, date(2019, 6, 28)), [],
                         version)
    assert r.multa_soles == Decimal("207500.00")  # 50 UIT, Ley 27692 art. 22.b
    assert r.pasos[-1]["paso"] == "tope_global" and r.pasos[-1]["fundamento_legal"]["articulo"] == "22.b"


@pytest.mark.parametrize("hechos,motivo", [
    (Hechos("RIS-6-a", date(2018, 1, 31), renuncio_beneficios=True), "renuncia_beneficios"),
    (Hechos("RIS-6-b", date(2018, 1, 31), renuncio_beneficios=True), "renuncia_beneficios"),
    (Hechos("RIS-7-a", date(2018, 1, 31), fuerza_mayor=True), "fuerza_mayor"),
    (Hechos("RIS-7-a", date(2018, 1, 31), entidad_publica=True), "entidad_publica"),
])
def test_no_sanction_for_renounced_benefits_force_majeure_or_public_sector(hechos, motivo):
    r = calcular_sancion(hechos, Computo(APLICADA), [], V)
    assert not r.sancionable and r.pasos[-1]["paso"] == motivo
    assert r.comunicar_entidad_publica is (motivo == "entidad_publica")


def test_renouncing_benefits_does_not_exempt_other_infractions():
    r = calcular_sancion(Hechos("RIS-6-c", date(2018, 1, 31), renuncio_beneficios=True), Computo(APLICADA), [], V)
    assert r.sancionable


def test_every_step_names_its_rule_and_legal_basis():
    r = calcular_sancion(Hechos("RIS-6-c", date(2018, 1, 31)), Computo(APLICADA, NOTIFICADA, CORTE_LEVE), [], V)
    assert [p["paso"] for p in r.pasos] == ["tipificacion", "uit", "amonestacion", "multa_diaria", "tope_global"]
    assert all(p["fundamento_legal"] for p in r.pasos)

