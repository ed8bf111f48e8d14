"""Supletoriedad: today's cases (facts and opening under D.S. 033-2025-RE, whose text is not loaded) are processed with
the latest loaded version for every part not loaded, said explicitly in the opening and in the decision; the strict
mode (parameter false) refuses them as before."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from shared.errores import ReglaIncumplida
from services.fiscalizacion.domain import versiones
from services.fiscalizacion.domain.comandos_expediente import abrir_expediente
from services.fiscalizacion.domain.reglamento import SUPLETORIEDAD
from services.fiscalizacion.domain.regimenes_posteriores import RIS_2019, RIS_2025
from services.fiscalizacion.domain.versiones import version_aplicable
from tests.unit.fiscalizacion.ayudas import CIS, DOC, RUC


def _abrir(clave: str = "hoy/1"):
    return abrir_expediente(clave_origen=clave, ruc=RUC, codigo="RIS-6-c", fecha_hechos=date(2026, 2, 2),
                            origen={"tipo": "prueba"}, hoy=date(2026, 2, 9), numero="PAS-2026-000001")


def test_the_parameter_is_rule_data_with_its_citation_and_enabled_by_default():
    for v in (RIS_2019, RIS_2025):
        p = v.parametros[SUPLETORIEDAD]
        assert p.valor is True and p.opciones == (True, False)
        assert p.fundamento_legal["norma"] == "Ley 27444" and "230.5" in p.fundamento_legal["articulo"]
        assert "favorabilidad" in p.motivo


def test_a_partial_version_is_applied_through_the_latest_loaded_one_and_says_so():
    aplicada, registro = version_aplicable(date(2026, 2, 2))
    assert aplicada.id == "RIS-2007"
    assert registro["regimen_vigente"]["id"] == "RIS-2025" and registro["regimen_aplicado"]["id"] == "RIS-2007"
    assert registro["motivo"].startswith("texto de Ley 32301 + D.S. 033-2025-RE no cargado en el sistema; se aplica "
                                         "supletoriamente D.S. 027-2007-RE")
    assert "Ley 27444 art. 230.5 / principio de favorabilidad" in registro["motivo"]
    assert {p["tomada_de"] for p in registro["partes_supletorias"]} == {"RIS-2007"}
    assert any("prescripcion" in p["parte"] for p in registro["partes_supletorias"])
    assert "tope global de 500 UIT" in registro["partes_conocidas_no_aplicadas"]
    assert version_aplicable(date(2018, 5, 1)) == (versiones.RIS_2007_TC, None)


def test_todays_case_opens_and_its_decision_records_the_supplementary_regime():
    exp = _abrir()
    assert exp.version_reglamento == "RIS-2007" and exp.correlacion == "PAS-2026-000001"
    assert exp.supletoriedad["hechos"]["regimen_vigente"]["id"] == "RIS-2025"
    exp.imputar_cargos(DOC, notificado_el=date(2026, 2, 10), hechos_imputados="no presento", hoy=date(2026, 2, 10))
    exp.vencer_plazos(date(2026, 2, 25))
    exp.formular_propuesta(DOC, tipo="sancion", sanciones_propuestas=["amonestacion"], hoy=date(2026, 3, 2))
    exp.notificar_propuesta(CIS, notificado_el=date(2026, 3, 3), hoy=date(2026, 3, 3))
    exp.vencer_plazos(date(2026, 3, 16))
    exp.imponer_sancion(CIS, sanciones=["amonestacion", "multa"], hoy=date(2026, 3, 17))
    decision = exp.decisiones[-1]
    assert decision["regimen_aplicado"]["id"] == "RIS-2007" and decision["regimen_vigente"]["id"] == "RIS-2025"
    assert decision["partes_supletorias"] and "supletoriamente" in decision["motivo"]
    assert exp.eleccion_regimen["supletoriedad"]["fundamento_legal"]["norma"] == "Ley 27444"
    assert exp.resultado["uit"]["valor"] == 5500  # UIT of the year the sanction is applied


def test_strict_mode_keeps_refusing(monkeypatch):
    estricto = tuple(replace(v, parametros={**v.parametros, SUPLETORIEDAD: replace(v.parametros[SUPLETORIEDAD],
                                                                                   valor=False)})
                     if not v.texto_cargado else v for v in versiones.VERSIONES)
    monkeypatch.setattr(versiones, "VERSIONES", estricto)
    with pytest.raises(ReglaIncumplida, match="modo estricto") as e:
        _abrir("hoy/2")
    assert e.value.extra["fundamento_legal"]["norma"] == "Ley 32301 + D.S. 033-2025-RE"
