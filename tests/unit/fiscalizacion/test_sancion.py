"""Enforcement (Sancion): warning and cure term, suspension of benefits for muy grave cases lifted by the cure,
payment, and what a revoked decision does."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from shared.errores import DatosInvalidos, ReglaIncumplida, SinDerecho
from shared.eventos.persistencia_prueba import recargar
from services.fiscalizacion.domain.ejecucion_sancion import iniciar_ejecucion
from services.fiscalizacion.domain.sancion import Sancion
from tests.unit.fiscalizacion.ayudas import CIS, DFS, DOC, ENTIDAD, OGA, expediente_en_evaluacion_cis, tipos_eventos


def _notificada(codigo="RIS-6-c", sanciones=("amonestacion", "multa"), clave="s/1"):
    e = expediente_en_evaluacion_cis(codigo=codigo, clave=clave)
    e.imponer_sancion(CIS, sanciones=list(sanciones), hoy=date(2018, 8, 24))
    e.notificar_resolucion(CIS, notificado_el=date(2018, 8, 27), hoy=date(2018, 8, 27))
    return e


def test_muy_grave_decision_suspends_benefits_at_once_and_the_cure_lifts_it():
    e = _notificada("RIS-8-c", ["suspension_beneficios"])
    s = iniciar_ejecucion(e, date(2018, 8, 27))
    assert s.id == Sancion.create_id(expediente_id=str(e.id))
    assert s.suspension_activa and s.estado == "suspension_vigente"
    s.verificar_subsanacion(DOC, subsanado_el=date(2018, 10, 1), hoy=date(2018, 10, 2))
    assert tipos_eventos(s)[-2:] == ["SubsanacionVerificada", "SuspensionBeneficiosLevantada"]
    assert s.estado == "cumplida" and not s.suspension_activa


def test_warning_cured_in_time_ends_without_a_fine():
    s = iniciar_ejecucion(_notificada(), date(2018, 8, 27))
    assert s.vencer_plazos(date(2018, 9, 26)) == []
    s.verificar_subsanacion(DOC, subsanado_el=date(2018, 9, 20), hoy=date(2018, 9, 21))
    assert s.estado == "cumplida" and s.multa_soles == Decimal("0")


def test_warning_not_cured_starts_the_daily_fine_and_payment_must_match_the_amount():
    s = iniciar_ejecucion(_notificada(), date(2018, 8, 27))
    assert s.vencer_plazos(date(2018, 9, 27)) == ["PlazoSubsanacionVencido"]
    s.verificar_subsanacion(DOC, subsanado_el=date(2018, 10, 10), hoy=date(2018, 10, 11))
    assert s.multa_soles == Decimal("3735.00")
    with pytest.raises(DatosInvalidos):
        s.registrar_pago(monto=Decimal("100"), pagado_el=date(2018, 10, 20), hoy=date(2018, 10, 20))
    s.registrar_pago(monto=Decimal("3735.00"), pagado_el=date(2018, 10, 20), hoy=date(2018, 10, 20))
    assert s.estado == "cumplida" and s.pagada
    assert recargar(s).a_dict() == s.a_dict()


def test_coactive_collection_needs_a_final_fine_and_the_collection_office():
    s = iniciar_ejecucion(_notificada(), date(2018, 8, 27))
    s.vencer_plazos(date(2018, 9, 27))
    s.verificar_subsanacion(DOC, subsanado_el=date(2018, 10, 10), hoy=date(2018, 10, 11))
    with pytest.raises(ReglaIncumplida):
        s.iniciar_cobranza_coactiva(OGA, hoy=date(2018, 10, 12))
    s.declarar_firme(hoy=date(2018, 10, 12))
    with pytest.raises(SinDerecho):
        s.iniciar_cobranza_coactiva(DFS, hoy=date(2018, 10, 12))
    s.iniciar_cobranza_coactiva(OGA, hoy=date(2018, 10, 12))
    assert s.en_cobranza


def test_revoked_sanction_is_left_without_effect_and_lifts_any_suspension():
    e = _notificada("RIS-8-a", ["suspension_beneficios"], clave="s/2")
    s = iniciar_ejecucion(e, date(2018, 8, 27))
    s.dejar_sin_efecto(motivo="revocada por el DE", hoy=date(2018, 11, 2))
    assert s.estado == "sin_efecto" and "SuspensionBeneficiosLevantada" in tipos_eventos(s)
    assert s.vencer_plazos(date(2019, 1, 1)) == []


def test_entity_cannot_verify_its_own_cure():
    s = iniciar_ejecucion(_notificada(), date(2018, 8, 27))
    with pytest.raises(SinDerecho):
        s.verificar_subsanacion(ENTIDAD, subsanado_el=date(2018, 9, 1), hoy=date(2018, 9, 2))
