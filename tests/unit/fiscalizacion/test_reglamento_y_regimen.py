"""The rulebook as versioned data: versions, the regime applied (facts' regime unless a later one is more
favourable), sanctions outside the regime rejected with their legal reason, UIT table."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from shared.errores import ReglaIncumplida
from services.fiscalizacion.domain.calculo import Computo, Hechos, calcular_sancion
from services.fiscalizacion.domain.regimen import sancion_con_regimen_aplicable, validar_sanciones
from services.fiscalizacion.domain.regimenes_posteriores import RIS_2019, RIS_2025
from services.fiscalizacion.domain.ris_2007 import RIS_2007_TC
from services.fiscalizacion.domain.uit import UIT_POR_ANIO, uit_vigente
from services.fiscalizacion.domain.versiones import VERSIONES, version_vigente

HECHOS = Hechos("RIS-7-a", date(2017, 3, 1))


@pytest.mark.parametrize("dia,version", [
    (date(2007, 5, 19), "RIS-2007"), (date(2018, 12, 31), "RIS-2007"), (date(2019, 1, 1), "RIS-2019"),
    (date(2025, 11, 12), "RIS-2019"), (date(2025, 11, 13), "RIS-2025"), (date(2026, 6, 1), "RIS-2025"),
])
def test_finds_the_version_in_force_on_a_date(dia, version):
    assert version_vigente(dia).id == version


def test_no_regime_before_the_2007_regulation():
    with pytest.raises(ReglaIncumplida):
        version_vigente(date(2007, 5, 18))


def test_later_regimes_are_loaded_as_partial_data_with_their_unknowns_marked():
    assert not RIS_2019.texto_cargado and not RIS_2025.texto_cargado
    assert RIS_2025.tope_global_uit == Decimal("500")
    assert RIS_2025.infracciones["L32301-21.b.4"].clase == "grave"
    assert any("prescripcion" in p for p in RIS_2025.partes_desconocidas)


def test_calculation_refuses_a_regime_whose_text_is_not_loaded():
    with pytest.raises(ReglaIncumplida, match="no esta cargado"):
        calcular_sancion(Hechos("L32301-21.b.4", date(2026, 1, 5)), Computo(date(2026, 2, 2)), [], RIS_2025)


def test_applies_the_facts_regime_and_says_later_ones_could_not_be_compared():
    r, eleccion = sancion_con_regimen_aplicable(HECHOS, Computo(date(2026, 2, 2)), [])
    assert eleccion["version"] == "RIS-2007" and r.version["id"] == "RIS-2007"
    assert [c["version"] for c in eleccion["consideradas"]] == ["RIS-2019", "RIS-2025"]
    assert all("no cargado" in c["resultado"] for c in eleccion["consideradas"])
    assert eleccion["fundamento_legal"]["norma"] == "Ley 27444"
    assert r.uit["valor"] == Decimal("5500")  # UIT 2026 when applied in 2026


def test_applies_a_later_regime_when_it_is_more_favourable_and_records_why():
    benigna = replace(RIS_2007_TC, id="RIS-BENIGNA", norma="norma posterior de prueba", vigente_desde=date(2018, 1, 1),
                      vigente_hasta=None, escalas={**RIS_2007_TC.escalas, "grave": replace(
                          RIS_2007_TC.escalas["grave"], multa_diaria_uit=Decimal("0.20"))})
    antigua = replace(RIS_2007_TC, vigente_hasta=date(2018, 1, 1))
    computo = Computo(date(2018, 8, 24), date(2018, 8, 27), date(2018, 9, 7))
    r, eleccion = sancion_con_regimen_aplicable(HECHOS, computo, [], (antigua, benigna))
    assert eleccion["version"] == "RIS-BENIGNA" and "mas favorable" in eleccion["motivo"]
    assert r.multa_soles == Decimal("6640.00")  # 8 days x 0.20 x 4,150


def test_keeps_the_facts_regime_when_the_later_one_is_harsher():
    dura = replace(RIS_2007_TC, id="RIS-DURA", vigente_desde=date(2018, 1, 1), vigente_hasta=None,
                   escalas={**RIS_2007_TC.escalas, "grave": replace(RIS_2007_TC.escalas["grave"],
                                                                     multa_diaria_uit=Decimal("0.90"))})
    antigua = replace(RIS_2007_TC, vigente_hasta=date(2018, 1, 1))
    _, eleccion = sancion_con_regimen_aplicable(HECHOS, Computo(date(2018, 8, 24), date(2018, 8, 27),
                                                                date(2018, 9, 7)), [], (antigua, dura))
    assert eleccion["version"] == "RIS-2007"


@pytest.mark.parametrize("sancion,texto", [
    ("cancelacion_inscripcion", "solo un organo judicial"),
    ("inhabilitacion_directivos", "inhabilitacion"),
])
def test_rejects_sanctions_voided_by_the_constitutional_court_with_the_legal_reason(sancion, texto):
    r = calcular_sancion(HECHOS, Computo(date(2018, 8, 24)), [], RIS_2007_TC)
    with pytest.raises(ReglaIncumplida, match=texto) as e:
        validar_sanciones([sancion], r, RIS_2007_TC)
    assert e.value.extra["fundamento_legal"]["norma"].startswith("STC 0009-2007-PI/TC")


def test_rejects_a_sanction_the_class_does_not_provide():
    r = calcular_sancion(Hechos("RIS-9", date(2017, 3, 1)), Computo(date(2018, 8, 24)), [], RIS_2007_TC)
    with pytest.raises(ReglaIncumplida, match="solo permite: multa") as e:
        validar_sanciones(["suspension_beneficios"], r, RIS_2007_TC)
    assert e.value.extra["fundamento_legal"] == {"norma": "D.S. 027-2007-RE", "articulo": "14"}


def test_uit_table_covers_2007_to_2026_with_its_decrees():
    assert sorted(UIT_POR_ANIO) == list(range(2007, 2027))
    assert uit_vigente(date(2007, 12, 31))[0] == Decimal("3450")
    assert uit_vigente(date(2026, 1, 1))[1] == {"norma": "D.S. 301-2025-EF", "articulo": "1"}
    with pytest.raises(ReglaIncumplida):
        uit_vigente(date(2027, 1, 1))


def test_every_rule_of_the_2007_version_carries_a_citation():
    v = VERSIONES[0]
    assert all(t.fundamento_legal for t in v.infracciones.values())
    assert all(p.fundamento_legal["norma"] for p in v.plazos.values())
    assert all(p.fundamento_legal["articulo"] for p in v.parametros.values())
