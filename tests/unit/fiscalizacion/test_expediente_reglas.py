"""Rules of the sanctioning procedure beyond the main path: cure of a minor infraction, reconsideration, deemed
rejection, once-only appeals, late defence, renounced benefits, public-sector offenders, roles and states."""

from __future__ import annotations

from datetime import date

import pytest

from shared.errores import ReglaIncumplida, SinDerecho, TransicionIlegal
from shared.eventos.persistencia_prueba import recargar
from services.fiscalizacion.domain.comandos_expediente import abrir_expediente
from tests.unit.fiscalizacion.ayudas import CIS, DE, DFS, DOC, ENTIDAD, RUC, expediente_en_evaluacion_cis


def _abrir(codigo="RIS-6-c", **kw):
    base = dict(clave_origen="t/1", ruc=RUC, codigo=codigo, fecha_hechos=date(2018, 1, 31), origen={},
                hoy=date(2018, 6, 20))
    return abrir_expediente(**{**base, **kw})


def _hasta_descargos_cis(codigo="RIS-6-c"):
    e = _abrir(codigo)
    quien = DOC if e.organo_instructor == "DOC" else DFS
    e.imputar_cargos(quien, notificado_el=date(2018, 6, 22), hechos_imputados="h", hoy=date(2018, 6, 22))
    e.vencer_plazos(date(2018, 7, 5))
    e.formular_propuesta(quien, tipo="sancion", sanciones_propuestas=["multa"], hoy=date(2018, 8, 1))
    e.notificar_propuesta(CIS, notificado_el=date(2018, 8, 2), hoy=date(2018, 8, 2))
    return e


def _sancionado_y_notificado():
    e = expediente_en_evaluacion_cis()
    e.imponer_sancion(CIS, sanciones=["amonestacion", "multa"], hoy=date(2018, 8, 24))
    e.notificar_resolucion(CIS, notificado_el=date(2018, 8, 27), hoy=date(2018, 8, 27))
    return e


def test_cure_of_a_minor_infraction_before_the_cis_defence_deadline_closes_the_case():
    e = _hasta_descargos_cis()
    assert e.plazos["descargos_cis"]["vence_el"] == date(2018, 8, 13)
    e.acreditar_subsanacion(CIS, presentado_el=date(2018, 8, 13), hoy=date(2018, 8, 13))
    assert e.estado == "concluido_anticipadamente"
    assert e.decisiones[-1]["pronunciamiento_fondo"] is False and e.plazos_abiertos() == []


def test_cure_after_the_defence_deadline_does_not_close_the_case():
    e = _hasta_descargos_cis()
    with pytest.raises(ReglaIncumplida, match="antes de vencer"):
        e.acreditar_subsanacion(CIS, presentado_el=date(2018, 8, 14), hoy=date(2018, 8, 14))


def test_cure_does_not_close_a_grave_case():
    e = _hasta_descargos_cis("RIS-7-a")
    with pytest.raises(ReglaIncumplida) as err:
        e.acreditar_subsanacion(CIS, presentado_el=date(2018, 8, 3), hoy=date(2018, 8, 3))
    assert err.value.extra["fundamento_legal"]["articulo"] == "10"


def test_spontaneous_cure_before_charges_means_no_procedure():
    e = _abrir()
    e.verificar_subsanacion_espontanea(DOC, subsanado_el=date(2018, 6, 19), hoy=date(2018, 6, 21))
    assert e.estado == "no_iniciado"


def test_late_defence_is_rejected_with_its_article():
    e = _abrir()
    e.imputar_cargos(DOC, notificado_el=date(2018, 6, 22), hechos_imputados="h", hoy=date(2018, 6, 22))
    with pytest.raises(ReglaIncumplida) as err:
        e.presentar_descargos(ENTIDAD, presentado_el=date(2018, 7, 5), resumen="tarde", hoy=date(2018, 7, 5))
    assert err.value.extra["fundamento_legal"]["articulo"] == "15"


def test_expiry_is_idempotent():
    e = _abrir()
    e.imputar_cargos(DOC, notificado_el=date(2018, 6, 22), hechos_imputados="h", hoy=date(2018, 6, 22))
    assert e.vencer_plazos(date(2018, 7, 5)) == ["PlazoDescargosVencido"]
    assert e.vencer_plazos(date(2018, 7, 5)) == [] and e.vencer_plazos(date(2018, 7, 6)) == []


def test_alert_deadlines_expire_without_moving_the_file():
    e = _abrir()
    e.imputar_cargos(DOC, notificado_el=date(2018, 6, 22), hechos_imputados="h", hoy=date(2018, 6, 22))
    assert e.vencer_plazos(date(2018, 8, 16)) == ["PlazoDescargosVencido", "PlazoVencido"]
    assert e.estado == "en_actuaciones_instructoras" and e.plazos["propuesta_instruccion"]["estado"] == "vencido"


def test_no_appeal_within_fifteen_days_makes_the_decision_final():
    e = _sancionado_y_notificado()
    assert e.plazos["impugnacion"]["vence_el"] == date(2018, 9, 18)
    assert e.vencer_plazos(date(2018, 9, 18)) == []
    assert e.vencer_plazos(date(2018, 9, 19)) == ["PlazoImpugnatorioVencido"] and e.estado == "firme"


def test_reconsideration_needs_new_evidence_and_suspends_enforcement():
    e = _sancionado_y_notificado()
    with pytest.raises(ReglaIncumplida, match="nueva prueba"):
        e.interponer_reconsideracion(ENTIDAD, presentado_el=date(2018, 9, 3), nueva_prueba=[], hoy=date(2018, 9, 3))
    e.interponer_reconsideracion(ENTIDAD, presentado_el=date(2018, 9, 3), nueva_prueba=["constancia"],
                                 hoy=date(2018, 9, 3))
    assert e.estado == "en_reconsideracion" and e.ejecucion_suspendida


def test_late_reconsideration_is_deemed_rejected_and_reopens_the_appeal_term():
    e = _sancionado_y_notificado()
    e.interponer_reconsideracion(ENTIDAD, presentado_el=date(2018, 9, 3), nueva_prueba=["x"], hoy=date(2018, 9, 3))
    assert e.plazos["resolver_reconsideracion"]["vence_el"] == date(2018, 10, 16)  # 30 business days, 8 Oct holiday
    assert e.vencer_plazos(date(2018, 10, 17)) == ["SilencioNegativoOperado"]
    assert e.estado == "plazo_impugnatorio_abierto" and not e.ejecucion_suspendida
    assert e.plazos["impugnacion"]["vence_el"] == date(2018, 11, 7)  # 15 from 16 Oct; 1 Nov holiday
    assert e.decisiones[-1]["fundamento_legal"][0] == {"norma": "D.S. 027-2007-RE", "articulo": "22"}


def test_each_appeal_can_be_used_only_once():
    e = _sancionado_y_notificado()
    e.interponer_reconsideracion(ENTIDAD, presentado_el=date(2018, 9, 3), nueva_prueba=["x"], hoy=date(2018, 9, 3))
    e.resolver_reconsideracion(CIS, fundada=False, hoy=date(2018, 9, 20))
    with pytest.raises(ReglaIncumplida) as err:
        e.interponer_reconsideracion(ENTIDAD, presentado_el=date(2018, 9, 21), nueva_prueba=["y"],
                                     hoy=date(2018, 9, 21))
    assert err.value.extra["fundamento_legal"]["articulo"] == "23"
    e.interponer_apelacion(ENTIDAD, presentado_el=date(2018, 9, 21), fundamentos="derecho", hoy=date(2018, 9, 21))
    assert e.estado == "apelacion_pendiente_concesion"


def test_unanswered_appeal_is_deemed_rejected_and_the_decision_becomes_final():
    e = _sancionado_y_notificado()
    e.interponer_apelacion(ENTIDAD, presentado_el=date(2018, 9, 5), fundamentos="derecho", hoy=date(2018, 9, 5))
    e.conceder_apelacion(CIS, hoy=date(2018, 9, 10))
    e.elevar_expediente(CIS, recibido_el=date(2018, 9, 12), hoy=date(2018, 9, 12))
    assert e.vencer_plazos(date(2018, 10, 26)) == ["SilencioNegativoOperado"]
    assert e.estado == "firme"
    with pytest.raises(TransicionIlegal):
        e.resolver_apelacion(DE, confirma=False, hoy=date(2018, 10, 29))


def test_revoked_decision_is_archived_and_no_longer_enforceable():
    e = _sancionado_y_notificado()
    e.interponer_apelacion(ENTIDAD, presentado_el=date(2018, 9, 5), fundamentos="derecho", hoy=date(2018, 9, 5))
    e.conceder_apelacion(CIS, hoy=date(2018, 9, 10))
    e.elevar_expediente(CIS, recibido_el=date(2018, 9, 12), hoy=date(2018, 9, 12))
    e.resolver_apelacion(DE, confirma=False, hoy=date(2018, 10, 1))
    assert e.estado == "archivado" and not e.ejecutable


def test_only_the_director_ejecutivo_decides_appeals():
    e = _sancionado_y_notificado()
    e.interponer_apelacion(ENTIDAD, presentado_el=date(2018, 9, 5), fundamentos="derecho", hoy=date(2018, 9, 5))
    e.conceder_apelacion(CIS, hoy=date(2018, 9, 10))
    e.elevar_expediente(CIS, recibido_el=date(2018, 9, 12), hoy=date(2018, 9, 12))
    with pytest.raises(SinDerecho):
        e.resolver_apelacion(CIS, confirma=True, hoy=date(2018, 9, 20))


def test_cis_cannot_impose_cancellation_of_registration():
    e = expediente_en_evaluacion_cis()
    with pytest.raises(ReglaIncumplida, match="organo judicial"):
        e.imponer_sancion(CIS, sanciones=["multa", "cancelacion_inscripcion"], hoy=date(2018, 8, 24))
    assert e.estado == "en_evaluacion_cis"


def test_force_majeure_leads_to_archive_not_sanction():
    e = expediente_en_evaluacion_cis()
    with pytest.raises(ReglaIncumplida, match="archivar"):
        e.imponer_sancion(CIS, sanciones=["multa"], hechos={"fuerza_mayor": True}, hoy=date(2018, 8, 24))
    e.archivar(CIS, motivo="fuerza mayor acreditada", hoy=date(2018, 8, 24))
    assert e.estado == "archivado"


def test_sanction_decision_event_names_version_rule_and_basis():
    e = expediente_en_evaluacion_cis()
    e.imponer_sancion(CIS, sanciones=["amonestacion"], hoy=date(2018, 8, 24))
    ev = e.pending_events[-1]
    assert type(ev).__name__ == "SancionImpuesta"
    assert ev.version_reglamento == "RIS-2007" and ev.regla.startswith("RIS-6-c (leve)")
    assert {"norma": "D.S. 027-2007-RE", "articulo": "12.a"} in ev.fundamento_legal
    assert ev.decision["version_reglamento"] == "RIS-2007"


def test_entity_that_renounced_benefits_is_not_charged_for_not_renewing():
    with pytest.raises(ReglaIncumplida) as err:
        _abrir("RIS-6-b", renuncio_beneficios=True)
    assert err.value.extra["fundamento_legal"]["articulo"] == "fundamentos 107-109"
    assert _abrir("RIS-6-c", renuncio_beneficios=True).estado == "en_evaluacion_preliminar"


def test_public_sector_offender_is_reported_to_its_parent_entity_not_fined():
    e = _abrir("RIS-6-c", entidad_publica=True)
    with pytest.raises(ReglaIncumplida):
        e.imputar_cargos(DOC, notificado_el=date(2018, 6, 22), hechos_imputados="h", hoy=date(2018, 6, 22))
    e.comunicar_entidad_publica(DOC, entidad_superior="Ministerio X", hoy=date(2018, 6, 22))
    assert e.estado == "comunicado_entidad_publica"


def test_voided_infraction_types_cannot_open_a_case():
    with pytest.raises(ReglaIncumplida, match="inconstitucional"):
        _abrir("RIS-8-b")


def test_investigator_is_doc_or_dfs_by_infraction_and_others_are_refused():
    e = _abrir("RIS-6-c")
    assert e.organo_instructor == "DOC"
    with pytest.raises(SinDerecho):
        e.imputar_cargos(DFS, notificado_el=date(2018, 6, 22), hechos_imputados="h", hoy=date(2018, 6, 22))


def test_illegal_transition_names_state_and_allowed_actions():
    e = _abrir()
    with pytest.raises(TransicionIlegal) as err:
        e.notificar_resolucion(CIS, notificado_el=date(2018, 6, 22), hoy=date(2018, 6, 22))
    assert err.value.extra["estado_actual"] == "en_evaluacion_preliminar"
    assert "imputar_cargos" in err.value.extra["acciones_permitidas"]


def test_available_actions_depend_on_state_and_actor_and_name_the_deadline_they_start():
    e = _abrir()
    acciones = {a["accion"]: a for a in e.acciones_disponibles(DOC)}
    assert acciones["imputar_cargos"]["inicia_plazo"]["dias"] == 7
    assert e.acciones_disponibles(ENTIDAD) == []


def test_rebuilt_file_equals_the_original():
    e = _sancionado_y_notificado()
    assert recargar(e).a_dict() == e.a_dict()
