"""The whole path walked with fixed dates on Peru's 2018-2019 calendar: an inspection where documents are not shown
(RIS 7.a), the sanctioning procedure in two instances, an appeal that suspends enforcement, the daily fine reaching
its cap, the suspension of benefits and the cure that lifts it, then coactive collection.

Holidays crossed: 29 Jun, 30 Aug, 8 Oct, 1 Nov, 25 Dec 2018 and 1 Jan 2019.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from shared.errores import ReglaIncumplida
from shared.eventos.persistencia_prueba import recargar
from services.fiscalizacion.domain.comandos_expediente import abrir_expediente
from services.fiscalizacion.domain.comandos_fiscalizacion import nueva_fiscalizacion
from services.fiscalizacion.domain.ejecucion_sancion import iniciar_ejecucion, multa_a_la_fecha
from tests.unit.fiscalizacion.ayudas import CIS, DE, DFS, ENTIDAD, OGA, RUC, tipos_eventos


@pytest.fixture(scope="module")
def caso():
    d = {}
    f = nueva_fiscalizacion(clave_origen="plan/2018/" + RUC, ruc=RUC, objeto={"tipo": "entidad"},
                            origen={"tipo": "plan", "anio": 2018}, hoy=date(2018, 5, 30), en_ambito=True)
    f.iniciar(DFS, notificado_el=date(2018, 6, 1), hoy=date(2018, 6, 1))
    f.requerir_documentos(DFS, documentos=["convenios", "estados de cuenta"], notificado_el=date(2018, 6, 4),
                          hoy=date(2018, 6, 4))
    d["req"] = dict(f.requerimientos[0])
    d["venc_18_jun"] = f.vencer_plazos(date(2018, 6, 18))
    d["venc_19_jun"] = f.vencer_plazos(date(2018, 6, 19))
    d["venc_otra_vez"] = f.vencer_plazos(date(2018, 6, 20))
    f.emitir_informe(DFS, resumen="no exhibio", hoy=date(2018, 6, 20))
    f.recomendar_instruccion(DFS, codigos=["RIS-7-a"], hoy=date(2018, 6, 20))
    d["fisc"] = f

    deriv = f.derivacion[0]
    e = abrir_expediente(clave_origen=deriv["clave_origen"], ruc=RUC, codigo="RIS-7-a", fecha_hechos=date(2018, 6, 19),
                         origen={"tipo": "fiscalizacion", "id": str(f.id)}, hoy=date(2018, 6, 20))
    d["id_derivado"] = deriv["expediente_id"]
    e.imputar_cargos(DFS, notificado_el=date(2018, 6, 22), hechos_imputados="no exhibio", hoy=date(2018, 6, 22))
    d["descargos_1"] = e.plazos["descargos_instruccion"]["vence_el"]
    e.presentar_descargos(ENTIDAD, presentado_el=date(2018, 7, 3), resumen="fuerza mayor", hoy=date(2018, 7, 3))
    d["venc_4_jul"] = e.vencer_plazos(date(2018, 7, 4))
    d["venc_5_jul"] = e.vencer_plazos(date(2018, 7, 5))
    d["propuesta_vence"] = e.plazos["propuesta_instruccion"]["vence_el"]
    e.prorrogar_instruccion(DFS, motivo="caso complejo", hoy=date(2018, 8, 10))
    d["propuesta_prorrogada"] = e.plazos["propuesta_instruccion"]["vence_el"]
    e.formular_propuesta(DFS, tipo="sancion", sanciones_propuestas=["multa", "suspension_beneficios"],
                         hoy=date(2018, 8, 20))
    e.notificar_propuesta(CIS, notificado_el=date(2018, 8, 21), hoy=date(2018, 8, 21))
    d["descargos_cis"] = e.plazos["descargos_cis"]["vence_el"]
    d["resolucion_cis"] = e.plazos["resolucion_cis"]["vence_el"]
    d["venc_31_ago"] = e.vencer_plazos(date(2018, 8, 31))
    e.vencer_plazos(date(2018, 9, 3))
    d["estado_tras_descargos_cis"] = e.estado
    e.imponer_sancion(CIS, sanciones=["multa", "suspension_beneficios"], hoy=date(2018, 9, 3))
    d["notificacion_vence"] = e.plazos["notificacion_resolucion"]["vence_el"]
    e.notificar_resolucion(CIS, notificado_el=date(2018, 9, 4), hoy=date(2018, 9, 4))
    d["impugnacion_vence"] = e.plazos["impugnacion"]["vence_el"]

    s = iniciar_ejecucion(e, date(2018, 9, 4))
    e.interponer_apelacion(ENTIDAD, presentado_el=date(2018, 9, 7), fundamentos="valoracion de la prueba",
                           hoy=date(2018, 9, 7))
    s.suspender_ejecucion(desde=date(2018, 9, 7), hoy=date(2018, 9, 7))
    d["multa_en_apelacion"] = multa_a_la_fecha(s, date(2018, 10, 10))
    d["venc_sancion_en_apelacion"] = s.vencer_plazos(date(2019, 6, 1))
    with pytest.raises(ReglaIncumplida) as err:
        iniciar_ejecucion(e, date(2018, 9, 10))
    d["error_ejecucion"] = err.value
    e.conceder_apelacion(CIS, hoy=date(2018, 9, 12))
    d["elevar_vence"] = e.plazos["elevar_expediente"]["vence_el"]
    e.elevar_expediente(CIS, recibido_el=date(2018, 9, 14), hoy=date(2018, 9, 14))
    d["apelacion_vence"] = e.plazos["resolver_apelacion"]["vence_el"]
    e.resolver_apelacion(DE, confirma=True, hoy=date(2018, 10, 15))
    s.reanudar_ejecucion(desde=date(2018, 10, 15), hoy=date(2018, 10, 15))
    s.declarar_firme(hoy=date(2018, 10, 15))
    d["venc_7_ene"] = s.vencer_plazos(date(2019, 1, 7))
    d["venc_8_ene"] = s.vencer_plazos(date(2019, 1, 8))
    d["suspension_activa"] = s.suspension_activa
    s.verificar_subsanacion(DFS, subsanado_el=date(2019, 2, 1), hoy=date(2019, 2, 4))
    s.iniciar_cobranza_coactiva(OGA, hoy=date(2019, 2, 5))
    d["exp"], d["sancion"] = e, s
    return d


def test_documents_not_shown_by_the_deadline_record_an_rs_7a_indication(caso):
    assert caso["req"]["vence_el"] == date(2018, 6, 18)  # 10 business days from Mon 4 Jun
    assert caso["venc_18_jun"] == [] and caso["venc_otra_vez"] == []
    assert caso["venc_19_jun"] == ["PlazoExhibicionVencido", "IndicioInfraccionRegistrado"]
    assert caso["fisc"].indicios[0]["codigo"] == "RIS-7-a"


def test_the_referral_names_the_expediente_id_the_opening_will_use(caso):
    assert caso["exp"].id == caso["id_derivado"]
    assert caso["exp"].organo_instructor == "DFS"


def test_defence_term_is_seven_business_days_skipping_san_pedro_y_san_pablo(caso):
    assert caso["descargos_1"] == date(2018, 7, 4)
    assert caso["venc_4_jul"] == [] and caso["venc_5_jul"] == ["PlazoDescargosVencido"]


def test_investigation_term_is_thirty_business_days_plus_fifteen_if_complex(caso):
    assert caso["propuesta_vence"] == date(2018, 8, 15)
    assert caso["propuesta_prorrogada"] == date(2018, 9, 6)


def test_cis_stage_deadlines_and_expiry_move_the_file_to_evaluation(caso):
    assert caso["descargos_cis"] == date(2018, 8, 31)  # 7 business days from 21 Aug; 30 Aug is Santa Rosa
    assert caso["resolucion_cis"] == date(2018, 10, 3)
    assert caso["venc_31_ago"] == []
    assert caso["estado_tras_descargos_cis"] == "en_evaluacion_cis"


def test_resolution_notified_within_five_days_and_appeal_term_counts_from_notification(caso):
    assert caso["notificacion_vence"] == date(2018, 9, 10)
    assert caso["impugnacion_vence"] == date(2018, 9, 25)


def test_appeal_suspends_enforcement(caso):
    exp = caso["exp"]
    assert "RecursoApelacionInterpuesto" in [type(ev).__name__ for ev in exp.pending_events]
    assert caso["error_ejecucion"].extra["fundamento_legal"]["articulo"] == "24"
    assert caso["venc_sancion_en_apelacion"] == []
    dias, multa = caso["multa_en_apelacion"]  # accrued 5 and 6 Sep only; suspended from 7 Sep
    assert (dias, multa) == (2, Decimal("4150.00"))


def test_appeal_deadlines_and_the_director_ejecutivo_decides(caso):
    assert caso["elevar_vence"] == date(2018, 9, 17)
    assert caso["apelacion_vence"] == date(2018, 10, 29)
    exp = caso["exp"]
    assert exp.estado == "firme" and exp.decisiones[-1]["organo"] == "DE"


def test_fine_reaches_its_cap_after_sixty_business_days_and_benefits_are_suspended(caso):
    # 2 days before the appeal + 58 from 15 Oct (1 Nov, 25 Dec, 1 Jan are holidays) -> cap reached 7 Jan 2019
    assert caso["venc_7_ene"] == []
    assert caso["venc_8_ene"] == ["TopeMultaAlcanzado", "SuspensionBeneficiosAplicada"]
    s = caso["sancion"]
    assert s.tope_alcanzado_el == date(2019, 1, 7)
    assert s.multa_soles == Decimal("124500.00")


def test_decision_produces_a_suspension_event_and_the_cure_lifts_it(caso):
    tipos = tipos_eventos(caso["sancion"])
    assert tipos.index("SuspensionBeneficiosAplicada") < tipos.index("SuspensionBeneficiosLevantada")
    assert not caso["sancion"].suspension_activa and caso["sancion"].estado == "multa_liquidada"


def test_final_unpaid_fine_goes_to_coactive_collection(caso):
    assert caso["sancion"].en_cobranza


def test_every_decision_names_version_rule_and_legal_basis(caso):
    for d in caso["exp"].decisiones:
        assert d["version_reglamento"] == "RIS-2007" and d["regla"] and d["fundamento_legal"]
    for ev in caso["exp"].pending_events[1:]:
        assert ev.version_reglamento == "RIS-2007" and ev.regla and ev.fundamento_legal


def test_aggregates_rebuilt_from_their_events_equal_the_originals(caso):
    for agregado in (caso["fisc"], caso["exp"], caso["sancion"]):
        assert recargar(agregado).a_dict() == agregado.a_dict()
