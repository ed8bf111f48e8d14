"""Prescription (RIS 25-27): five years, raised only by the entity, interrupted by the opening of the procedure,
resumed by more than a month of inactivity not attributable to the entity, suspended by a prior criminal case."""

from __future__ import annotations

from datetime import date

import pytest

from shared.errores import ReglaIncumplida
from services.fiscalizacion.domain.comandos_expediente import abrir_expediente
from services.fiscalizacion.domain.prescripcion import evaluar_prescripcion
from tests.unit.fiscalizacion.ayudas import CIS, DOC, ENTIDAD, RUC


def _con_cargos(fecha_hechos, notificado_el, cese=None):
    e = abrir_expediente(clave_origen=f"p/{fecha_hechos}", ruc=RUC, codigo="RIS-6-c", fecha_hechos=fecha_hechos,
                         cese=cese, origen={}, hoy=notificado_el)
    e.imputar_cargos(DOC, notificado_el=notificado_el, hechos_imputados="h", hoy=notificado_el)
    return e


def test_case_opened_after_five_years_is_refused_when_the_entity_raises_prescription():
    e = _con_cargos(date(2012, 3, 1), date(2017, 5, 5))
    e.deducir_prescripcion(ENTIDAD, deducida_el=date(2017, 5, 10), hoy=date(2017, 5, 10))
    e.resolver_prescripcion(CIS, hoy=date(2017, 5, 15))
    assert e.estado == "prescrito" and e.plazos_abiertos() == []
    assert e.decisiones[-1]["acciones_responsabilidad_dispuestas"] is True
    assert e.prescripcion["vence_el"] == date(2017, 3, 1)


def test_opening_within_five_years_interrupts_prescription():
    e = _con_cargos(date(2013, 3, 1), date(2017, 5, 5))
    e.deducir_prescripcion(ENTIDAD, deducida_el=date(2018, 6, 1), hoy=date(2018, 6, 1))
    e.resolver_prescripcion(CIS, hoy=date(2018, 6, 4))
    assert e.estado != "prescrito" and e.decisiones[-1]["decision"] == "prescripcion_infundada"
    assert e.prescripcion_interrumpida_el == date(2017, 5, 5)


def test_prescription_is_never_declared_without_the_plea():
    e = _con_cargos(date(2012, 3, 1), date(2017, 5, 5))
    with pytest.raises(ReglaIncumplida) as err:
        e.resolver_prescripcion(CIS, hoy=date(2017, 5, 15))
    assert err.value.extra["fundamento_legal"]["articulo"] == "26"


def test_continuing_infraction_counts_from_the_day_it_stopped():
    e = _con_cargos(date(2011, 3, 1), date(2017, 5, 5), cese=date(2013, 1, 31))
    e.deducir_prescripcion(ENTIDAD, deducida_el=date(2017, 5, 10), hoy=date(2017, 5, 10))
    e.resolver_prescripcion(CIS, hoy=date(2017, 5, 15))
    assert e.estado != "prescrito"


def test_inactivity_over_one_month_not_attributable_to_the_entity_resumes_the_count():
    ev = evaluar_prescripcion(date(2013, 3, 1), cese=None, interrupcion=date(2018, 1, 1), evaluada_el=date(2018, 6, 1),
                              paralizaciones=[(date(2018, 2, 1), date(2018, 5, 1))])
    assert ev.prescrita  # 59 days were left; 89 days of inactivity


def test_inactivity_shorter_than_a_month_does_not_count():
    ev = evaluar_prescripcion(date(2013, 3, 1), cese=None, interrupcion=date(2018, 1, 1), evaluada_el=date(2018, 6, 1),
                              paralizaciones=[(date(2018, 2, 1), date(2018, 2, 25))])
    assert not ev.prescrita


def test_a_prior_criminal_case_suspends_the_term():
    ev = evaluar_prescripcion(date(2012, 3, 1), cese=None, interrupcion=date(2017, 5, 5), evaluada_el=date(2017, 6, 1),
                              suspensiones=[(date(2014, 1, 1), date(2014, 12, 31))])
    assert not ev.prescrita and ev.vence_el > date(2017, 5, 5)
