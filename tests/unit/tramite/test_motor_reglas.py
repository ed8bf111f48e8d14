"""Engine rules on P1 files: custody, state, office kind, role, data, hierarchy, source channel, benefits, replay."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from shared.errores import ConflictoVersion, DatosInvalidos, ReglaIncumplida, SinDerecho, TransicionIlegal
from shared.eventos.persistencia_prueba import app_en_memoria

from services.tramite.domain.catalogo import DefinicionInvalida, validar
from services.tramite.domain.procedimientos import CATALOGO
from tests.unit.tramite.apoyo import (
    APCI, JICA, MINSA, MUNI, ONGD, PROMOTOR, RREE, abrir, actor, eventos, hacer,
)

P1 = "P1-SOLICITUD-CTI"
D = date(2026, 3, 2)


def _en_sector(**kw):
    return abrir(P1, MINSA, D, datos={"titulo": "t", "unidad_ejecutora": PROMOTOR}, **kw)


def _en_rectora(**kw):
    exp = _en_sector(**kw)
    return hacer(exp, "derivar_a_rectora", MINSA, date(2026, 3, 5), {"prioridad_sectorial": 1, "destinatario": APCI})


def test_an_office_that_does_not_hold_the_file_cannot_act():
    exp = _en_sector()
    with pytest.raises(SinDerecho) as error:
        hacer(exp, "derivar_a_cancilleria", APCI, date(2026, 3, 5), {"prioridad_multisectorial": 1})
    assert error.value.extra["derecho_requerido"] == "custodia del expediente"
    assert "MINSA-OCI" in error.value.detalle


def test_an_act_not_allowed_in_the_state_lists_the_allowed_ones():
    exp = _en_sector()
    with pytest.raises(TransicionIlegal) as error:
        hacer(exp, "oficializar", MINSA, date(2026, 3, 5))
    assert error.value.extra["estado_actual"] == "en_evaluacion_nivel"
    assert error.value.extra["acciones_permitidas"] == [
        "notificar_omisiones", "derivar_a_region", "derivar_a_rectora", "devolver_al_promotor"]


def test_an_office_of_the_wrong_kind_cannot_take_an_act_reserved_to_another_kind():
    exp = abrir(P1, MUNI, D, datos={"titulo": "t", "unidad_ejecutora": PROMOTOR})
    with pytest.raises(SinDerecho) as error:
        hacer(exp, "derivar_a_rectora", MUNI, date(2026, 3, 5), {"prioridad_sectorial": 1, "destinatario": APCI})
    assert "sector" in error.value.extra["derecho_requerido"]


def test_signing_the_agreement_needs_the_titular_role():
    exp = _en_rectora()
    hacer(exp, "derivar_a_cancilleria", APCI, date(2026, 3, 6), {"prioridad_multisectorial": 1, "destinatario": RREE})
    hacer(exp, "oficializar", RREE, date(2026, 3, 9), {"destinatario": JICA})
    hacer(exp, "aprobar", JICA, date(2026, 4, 9), {"destinatario": RREE})
    hacer(exp, "remitir_proyecto_convenio", RREE, date(2026, 4, 10))
    hacer(exp, "recomendar_suscripcion", APCI, date(2026, 4, 13))
    with pytest.raises(SinDerecho) as error:
        hacer(exp, "suscribir_convenio", RREE, date(2026, 4, 14), {"instrumento": "acuerdo"}, docs=("convenio",))
    assert error.value.extra["derecho_requerido"] == "rol titular"


def test_missing_fields_and_documents_are_named():
    exp = _en_sector()
    with pytest.raises(DatosInvalidos) as error:
        hacer(exp, "derivar_a_rectora", MINSA, date(2026, 3, 5), {"destinatario": APCI}, docs=())
    campos = [e["campo"] for e in error.value.extra["errores"]]
    assert campos == ["prioridad_sectorial", "documentos"]


def test_the_carrying_document_needs_its_number_and_date():
    exp = _en_sector()
    sin_numero = {"tipo": "oficio", "dms_id": "d1"}
    with pytest.raises(DatosInvalidos) as error:
        exp.ejecutar("derivar_a_rectora", actor=actor(MINSA), actor_tipo_oficina="sector", hoy=date(2026, 3, 5),
                     datos={"prioridad_sectorial": 1, "destinatario": APCI}, documentos=[sin_numero])
    assert {e["campo"] for e in error.value.extra["errores"]} == {"documentos.oficio.numero", "documentos.oficio.fecha"}


def test_returns_follow_the_chain_and_cannot_skip_a_level():
    exp = _en_rectora()
    with pytest.raises(DatosInvalidos) as error:
        hacer(exp, "devolver_al_nivel", APCI, date(2026, 3, 6), {"observaciones": "x", "destinatario": PROMOTOR})
    assert "MINSA-OCI" in error.value.detalle


def test_only_the_foreign_ministry_writes_to_the_source_even_as_a_copy():
    exp = _en_rectora()
    with pytest.raises(SinDerecho) as error:
        hacer(exp, "derivar_a_cancilleria", APCI, date(2026, 3, 6),
              {"prioridad_multisectorial": 1, "destinatario": RREE, "cc": [JICA]})
    assert error.value.extra["derecho_requerido"].startswith("canal oficial con la fuente")


def test_the_source_answers_only_to_the_foreign_ministry():
    exp = _en_rectora()
    hacer(exp, "derivar_a_cancilleria", APCI, date(2026, 3, 6), {"prioridad_multisectorial": 1, "destinatario": RREE})
    hacer(exp, "oficializar", RREE, date(2026, 3, 9), {"destinatario": JICA})
    with pytest.raises(SinDerecho):
        hacer(exp, "aprobar", JICA, date(2026, 4, 9), {"destinatario": APCI})


def test_a_definition_letting_a_sector_address_the_source_is_refused_at_load_time():
    p1 = CATALOGO.obtener(P1, 1)
    oficializar = replace(p1.accion("oficializar"), tipos_oficina=("sector", "cancilleria"))
    otra = replace(p1, version=99, acciones=tuple(oficializar if a.nombre == "oficializar" else a for a in p1.acciones))
    with pytest.raises(DefinicionInvalida, match="solo Cancilleria"):
        validar(otra)


def _hasta_suscrito(**kw):
    exp = _en_rectora(**kw)
    hacer(exp, "derivar_a_cancilleria", APCI, date(2026, 3, 6), {"prioridad_multisectorial": 1, "destinatario": RREE})
    hacer(exp, "oficializar", RREE, date(2026, 3, 9), {"destinatario": JICA})
    hacer(exp, "aprobar", JICA, date(2026, 4, 9), {"destinatario": RREE})
    hacer(exp, "remitir_proyecto_convenio", RREE, date(2026, 4, 10))
    hacer(exp, "recomendar_suscripcion", APCI, date(2026, 4, 13))
    return hacer(exp, "suscribir_convenio", RREE, date(2026, 4, 14), {"instrumento": "acuerdo"}, docs=("convenio",),
                 roles=("titular",))


def test_officialisation_grants_benefits_only_to_a_registered_unsuspended_ongd():
    exp = _hasta_suscrito(promotor=ONGD, presenta=ONGD, regimen_promotor="ongd")
    with pytest.raises(ReglaIncumplida) as error:
        hacer(exp, "oficializar_intervencion", RREE, date(2026, 4, 15), inscrito_vigente=lambda promotor: False)
    assert ONGD in error.value.detalle and error.value.extra["fundamento_legal"]["norma"].startswith("D.S. 015-92")
    with pytest.raises(ReglaIncumplida):
        hacer(exp, "oficializar_intervencion", RREE, date(2026, 4, 15))
    hacer(exp, "oficializar_intervencion", RREE, date(2026, 4, 15), inscrito_vigente=lambda promotor: True)
    assert exp.estado == "pendiente_registro_apci"


def test_a_public_promoter_needs_no_registration_lookup():
    exp = _hasta_suscrito(regimen_promotor="publico")
    hacer(exp, "oficializar_intervencion", RREE, date(2026, 4, 15))
    assert exp.custodia == APCI


def test_stale_version_is_a_conflict_and_auditors_cannot_act():
    exp = _en_sector()
    with pytest.raises(ConflictoVersion):
        hacer(exp, "devolver_al_promotor", MINSA, date(2026, 3, 3), {"observaciones": "x"}, version_esperada=5)
    with pytest.raises(SinDerecho):
        hacer(exp, "devolver_al_promotor", MINSA, date(2026, 3, 3), {"observaciones": "x"}, roles=("auditor",))
    hacer(exp, "devolver_al_promotor", MINSA, date(2026, 3, 3), {"observaciones": "x"}, version_esperada=1)


def test_available_actions_are_only_offered_to_the_holder_and_carry_fields_and_deadlines():
    exp = _en_sector()
    assert exp.acciones_disponibles(actor(APCI)) == []
    ofrecidas = {a["accion"]: a for a in exp.acciones_disponibles(actor(MINSA), "sector")}
    assert set(ofrecidas) == {"notificar_omisiones", "derivar_a_rectora", "devolver_al_promotor"}
    assert ofrecidas["notificar_omisiones"]["plazos"] == [
        {"codigo": "subsanacion", "duracion": 15, "unidad": "calendario", "efecto": "denegatoria"}]
    assert ofrecidas["derivar_a_rectora"]["campos"] == ["prioridad_sectorial"]


def test_opening_at_an_office_kind_the_procedure_does_not_route_to_is_refused():
    with pytest.raises(ReglaIncumplida):
        abrir(P1, JICA, D, datos={"titulo": "t", "unidad_ejecutora": PROMOTOR})


def test_direct_presentation_of_a_private_promoter_needs_the_sector_opinion():
    datos = {"titulo": "t", "unidad_ejecutora": PROMOTOR, "causal": "privado_con_opinion_sectorial"}
    with pytest.raises(DatosInvalidos):
        abrir(P1, APCI, D, datos=datos)
    exp = abrir(P1, APCI, D, datos=datos, documentos=("solicitud", "opinion_favorable_sectorial"))
    assert exp.estado == "en_evaluacion_rectora"


def test_the_file_keeps_its_procedure_version_and_number_as_correlation():
    exp = _en_sector()
    creado = exp.pending_events[0]
    assert (creado.procedimiento, creado.version_procedimiento, creado.numero) == (P1, 1, "2026-MINSA-000123")
    assert exp.correlacion == "2026-MINSA-000123"
    hacer(exp, "devolver_al_promotor", MINSA, date(2026, 3, 3), {"observaciones": "x"})
    assert exp.pending_events[1].sobre["correlacion"] == "2026-MINSA-000123"
    assert exp.pending_events[1].nombre_evento == "SolicitudDevueltaAlPromotor"


def test_a_file_rebuilt_from_its_events_equals_the_original():
    exp = _en_sector()
    assert exp.vencer_plazos(date(2026, 4, 10)) == ["SilencioPositivoOperado"]
    hacer(exp, "derivar_a_rectora", MINSA, date(2026, 4, 13), {"prioridad_sectorial": 1, "destinatario": APCI})
    app = app_en_memoria()
    app.save(exp)
    copia = app.repository.get(exp.id)
    assert copia.a_dict() == exp.a_dict()
    assert copia.historial() == exp.historial()
    assert copia.plazos == exp.plazos
    guardados = [type(e).__name__ for e in app.repository.event_store.get(exp.id)]
    assert guardados == ["SolicitudCooperacionPresentada", "SilencioPositivoOperado", "SolicitudDerivadaARectora"]
