"""Triggers from registro and tramite open aggregates with deterministic ids (idempotent), and the Registro de
Sanciones is a pure projection rebuilt identically from stored events."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from shared.errores import ReglaIncumplida
from shared.eventos.persistencia_prueba import app_en_memoria
from services.fiscalizacion.domain.disparadores import (
    abrir_por_hallazgo_tramite, abrir_por_obligacion_vencida, id_expediente_por_obligacion,
    id_fiscalizacion_por_hallazgo,
)
from services.fiscalizacion.domain.ejecucion_sancion import iniciar_ejecucion
from services.fiscalizacion.domain.registro_sanciones import proyectar
from tests.unit.fiscalizacion.ayudas import CIS, DOC, ENTIDAD, RUC, expediente_en_evaluacion_cis


def test_lapsed_annual_obligation_opens_the_matching_case_with_an_id_from_the_upstream_event():
    e = abrir_por_obligacion_vencida(evento_id="registro:42", tipo_evento="PlanAnualNoPresentado", ruc=RUC,
                                     vencio_el=date(2018, 1, 31), hoy=date(2018, 2, 5))
    otra = abrir_por_obligacion_vencida(evento_id="registro:42", tipo_evento="PlanAnualNoPresentado", ruc=RUC,
                                        vencio_el=date(2018, 1, 31), hoy=date(2018, 2, 9))
    assert e.codigo == "RIS-6-c" and e.organo_instructor == "DOC"
    assert e.id == otra.id == id_expediente_por_obligacion("registro:42")
    assert id_expediente_por_obligacion("registro:43") != e.id


def test_registro_obligation_event_maps_the_law_numbering_to_the_rulebook_code():
    e = abrir_por_obligacion_vencida(evento_id="registro:50", tipo_evento="ObligacionAnualVencida", ruc=RUC,
                                     infraccion_ley="INF-04", vencio_el=date(2018, 1, 31), hoy=date(2018, 2, 5))
    assert e.codigo == "RIS-6-d"


def test_lapsed_renewal_of_an_entity_that_renounced_benefits_opens_nothing():
    with pytest.raises(ReglaIncumplida):
        abrir_por_obligacion_vencida(evento_id="registro:44", tipo_evento="RenovacionNoPresentada", ruc=RUC,
                                     vencio_el=date(2018, 1, 31), hoy=date(2018, 2, 5), renuncio_beneficios=True)


def test_tramite_finding_opens_an_inspection_idempotently():
    f = abrir_por_hallazgo_tramite(evento_id="tramite:9", ruc=RUC, intervencion="PRY-1", hoy=date(2018, 3, 1))
    assert f.id == id_fiscalizacion_por_hallazgo("tramite:9") and f.origen["tipo"] == "hallazgo_tramite"


def test_sanctions_registry_is_rebuilt_identically_from_stored_events():
    e = expediente_en_evaluacion_cis()
    e.imponer_sancion(CIS, sanciones=["amonestacion", "multa"], hoy=date(2018, 8, 24))
    e.notificar_resolucion(CIS, notificado_el=date(2018, 8, 27), hoy=date(2018, 8, 27))
    s = iniciar_ejecucion(e, date(2018, 8, 27))
    e.vencer_plazos(date(2018, 9, 19))
    s.declarar_firme(hoy=date(2018, 9, 19))
    s.vencer_plazos(date(2018, 9, 27))
    s.verificar_subsanacion(DOC, subsanado_el=date(2018, 10, 10), hoy=date(2018, 10, 11))
    en_memoria = list(e.pending_events) + list(s.pending_events)

    filas = proyectar(en_memoria)
    app = app_en_memoria()
    app.save(e, s)
    guardados = [app.mapper.to_domain_event(n) for n in app.recorder.select_notifications(start=1, limit=1000)]

    assert proyectar(guardados) == filas
    fila = filas[str(e.id)]
    assert (fila["ruc"], fila["infraccion"], fila["fecha"], fila["estado"]) == (RUC, "RIS-6-c", date(2018, 1, 31),
                                                                                "firme")
    assert fila["monto_soles"] == Decimal("3735.00") and fila["resolucion"]["fecha"] == date(2018, 8, 24)


def test_registry_shows_an_appealed_and_then_revoked_sanction_as_revoked():
    e = expediente_en_evaluacion_cis(clave="prueba/2")
    e.imponer_sancion(CIS, sanciones=["amonestacion"], hoy=date(2018, 8, 24))
    e.notificar_resolucion(CIS, notificado_el=date(2018, 8, 27), hoy=date(2018, 8, 27))
    e.interponer_reconsideracion(ENTIDAD, presentado_el=date(2018, 9, 3), nueva_prueba=["x"], hoy=date(2018, 9, 3))
    assert proyectar(e.pending_events)[str(e.id)]["estado"] == "impugnada"
    e.resolver_reconsideracion(CIS, fundada=True, hoy=date(2018, 9, 20))
    assert proyectar(e.pending_events)[str(e.id)]["estado"] == "revocada"
