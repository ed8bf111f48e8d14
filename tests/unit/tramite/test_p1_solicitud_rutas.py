"""P1: the request's route hop by hop, with custody and routing history after each hop (R.S. 450-84-RE ch. I)."""

from __future__ import annotations

from datetime import date

from tests.unit.tramite.apoyo import (
    APCI, GORE, JICA, MINSA, MUNI, ONGD, PJ, PROMOTOR, RREE, UNIV, abrir, eventos, hacer, ruta,
)

P1 = "P1-SOLICITUD-CTI"
D = date(2026, 3, 2)


def _hasta_cancilleria(oficina=MINSA, **kw):
    exp = abrir(P1, oficina, D, datos={"titulo": "Salud materna Cusco", "unidad_ejecutora": PROMOTOR}, **kw)
    hacer(exp, "derivar_a_rectora", oficina, date(2026, 3, 10), {"prioridad_sectorial": 1, "destinatario": APCI})
    hacer(exp, "derivar_a_cancilleria", APCI, date(2026, 3, 20), {"prioridad_multisectorial": 3, "destinatario": RREE})
    return exp


def test_ordinary_route_reaches_the_source_and_ends_with_the_registered_intervention():
    exp = _hasta_cancilleria(promotor=ONGD, presenta=ONGD, regimen_promotor="ongd")
    assert (exp.estado, exp.custodia) == ("en_tramite_cancilleria", RREE)
    hacer(exp, "oficializar", RREE, date(2026, 3, 25), {"destinatario": JICA})
    assert (exp.estado, exp.custodia) == ("oficializada_ante_fuente", JICA)
    hacer(exp, "aprobar", JICA, date(2026, 5, 4), {"destinatario": RREE})
    assert (exp.estado, exp.custodia) == ("aprobada_por_fuente", RREE)
    hacer(exp, "remitir_proyecto_convenio", RREE, date(2026, 5, 11))
    assert (exp.estado, exp.custodia) == ("convenio_en_revision_rectora", APCI)
    hacer(exp, "recomendar_suscripcion", APCI, date(2026, 5, 18))
    assert (exp.estado, exp.custodia) == ("suscripcion_recomendada", RREE)
    hacer(exp, "suscribir_convenio", RREE, date(2026, 6, 1), {"instrumento": "canje_de_notas"},
          docs=("notas_reversales",), roles=("titular",))
    assert (exp.estado, exp.custodia) == ("convenio_suscrito", RREE)
    hacer(exp, "oficializar_intervencion", RREE, date(2026, 6, 3), inscrito_vigente=lambda p: p == ONGD)
    hacer(exp, "registrar_intervencion", APCI, date(2026, 6, 5), {"codigo_intervencion": "INT-2026-0007"})
    assert (exp.estado, exp.custodia) == ("intervencion_registrada", ONGD)
    hacer(exp, "informar_plan_operaciones", ONGD, date(2026, 8, 3), {"expediente_plan": "2026-APCI-000010"})

    assert exp.estado == "concluida" and exp.terminado
    assert ruta(exp) == [
        ("SolicitudCooperacionPresentada", ONGD, MINSA),
        ("SolicitudDerivadaARectora", MINSA, APCI),
        ("SolicitudDerivadaACancilleria", APCI, RREE),
        ("SolicitudOficializadaAnteFuente", RREE, JICA),
        ("SolicitudAprobadaPorFuente", JICA, RREE),
        ("ProyectoConvenioRemitidoARectora", RREE, APCI),
        ("SuscripcionConvenioRecomendada", APCI, RREE),
        ("ConvenioSuscrito", RREE, RREE),
        ("IntervencionOficializada", RREE, APCI),
        ("IntervencionRegistradaEnAPCI", APCI, ONGD),
        ("PlanOperacionesInformado", ONGD, ONGD),
    ]
    h = exp.historial()
    assert h[1]["cc"] == [ONGD] and h[2]["cc"] == [MINSA] and h[3]["cc"] == [APCI] and h[6]["cc"] == [MINSA]
    assert h[3]["documento"]["tipo"] == "nota_diplomatica" and h[3]["documento"]["numero"]
    assert h[7]["datos"] == {"instrumento": "canje_de_notas"}
    assert h[9]["cc"] == [MINSA]  # the promoter is the recipient, not a copy
    assert h[1]["datos"] == {"prioridad_sectorial": 1} and h[2]["datos"] == {"prioridad_multisectorial": 3}
    assert {"norma": "R.S. 450-84-RE", "articulo": "1.5.4"} in h[3]["fundamento_legal"]
    assert eventos(exp)[0] == "SolicitudCooperacionPresentada" and eventos(exp)[-1] == "PlanOperacionesInformado"


def test_sector_office_returns_with_comments_and_the_promoter_resubmits_to_it():
    exp = abrir(P1, MINSA, D, datos={"titulo": "t", "unidad_ejecutora": PROMOTOR})
    hacer(exp, "devolver_al_promotor", MINSA, date(2026, 3, 9), {"observaciones": "No figura en el plan sectorial"})
    assert (exp.estado, exp.custodia) == ("devuelta_al_promotor", PROMOTOR)
    assert exp.historial()[-1]["observaciones"] == "No figura en el plan sectorial"
    hacer(exp, "reingresar", PROMOTOR, date(2026, 3, 16))
    assert (exp.estado, exp.custodia) == ("en_evaluacion_nivel", MINSA)
    assert ruta(exp)[1:] == [("SolicitudDevueltaAlPromotor", MINSA, PROMOTOR), ("SolicitudReingresada", PROMOTOR, MINSA)]


def test_rector_returns_to_the_sector_which_reelevates_or_returns_further_down():
    exp = abrir(P1, MINSA, D, datos={"titulo": "t", "unidad_ejecutora": PROMOTOR})
    hacer(exp, "derivar_a_rectora", MINSA, date(2026, 3, 10), {"prioridad_sectorial": 2, "destinatario": APCI})
    hacer(exp, "devolver_al_nivel", APCI, date(2026, 3, 12), {"observaciones": "Precisar contrapartida"})
    assert (exp.estado, exp.custodia) == ("devuelta_al_nivel", MINSA)
    hacer(exp, "reelevar", MINSA, date(2026, 3, 13))
    assert (exp.estado, exp.custodia) == ("en_evaluacion_rectora", APCI)
    hacer(exp, "devolver_al_nivel", APCI, date(2026, 3, 16), {"observaciones": "Sigue sin contrapartida"})
    hacer(exp, "devolver_al_promotor", MINSA, date(2026, 3, 17), {"observaciones": "Adjuntar contrapartida"})
    assert (exp.estado, exp.custodia) == ("devuelta_al_promotor", PROMOTOR)
    hacer(exp, "desistir", PROMOTOR, date(2026, 3, 18))
    assert exp.estado == "desistida" and exp.plazos_abiertos() == []
    assert [r[1:] for r in ruta(exp)[2:6]] == [(APCI, MINSA), (MINSA, APCI), (APCI, MINSA), (MINSA, PROMOTOR)]


def test_district_request_goes_through_the_province_and_the_region_and_returns_the_same_way():
    exp = abrir(P1, MUNI, D, datos={"titulo": "Agua rural", "unidad_ejecutora": PROMOTOR})
    hacer(exp, "derivar_a_region", MUNI, date(2026, 3, 5), {"destinatario": GORE})
    assert (exp.estado, exp.custodia) == ("en_evaluacion_nivel", GORE)
    hacer(exp, "derivar_a_rectora", GORE, date(2026, 3, 12), {"prioridad_sectorial": 1, "destinatario": APCI})
    hacer(exp, "devolver_al_nivel", APCI, date(2026, 3, 19), {"observaciones": "x"})
    hacer(exp, "devolver_al_promotor", GORE, date(2026, 3, 20), {"observaciones": "y"})
    assert (exp.estado, exp.custodia) == ("devuelta_al_nivel", MUNI)
    hacer(exp, "devolver_al_promotor", MUNI, date(2026, 3, 23), {"observaciones": "z"})
    assert (exp.estado, exp.custodia) == ("devuelta_al_promotor", PROMOTOR)
    hacer(exp, "reingresar", PROMOTOR, date(2026, 3, 24))
    assert (exp.estado, exp.custodia) == ("en_evaluacion_nivel", MUNI)


def test_university_route_uses_the_university_system_organ():
    exp = abrir(P1, UNIV, D, datos={"titulo": "Becas de posgrado", "unidad_ejecutora": PROMOTOR})
    hacer(exp, "derivar_a_rectora", UNIV, date(2026, 3, 6), {"prioridad_sectorial": 1, "destinatario": APCI})
    assert exp.custodia == APCI and exp.historial()[0]["fundamento_legal"][-1]["articulo"] == "48.e, 52"


def test_direct_presentation_to_the_rector_returns_straight_to_the_promoter():
    datos = {"titulo": "t", "unidad_ejecutora": PROMOTOR, "causal": "sin_dependencia_sectorial"}
    exp = abrir(P1, APCI, D, datos=datos)
    assert (exp.estado, exp.custodia) == ("en_evaluacion_rectora", APCI)
    hacer(exp, "devolver_al_nivel", APCI, date(2026, 3, 4), {"observaciones": "Falta presupuesto"})
    assert (exp.estado, exp.custodia) == ("devuelta_al_promotor", PROMOTOR)
    hacer(exp, "reingresar", PROMOTOR, date(2026, 3, 9))
    assert (exp.estado, exp.custodia) == ("en_evaluacion_rectora", APCI)


def test_defence_requests_are_presented_directly_to_the_foreign_ministry():
    exp = abrir(P1, RREE, D, datos={"titulo": "t", "unidad_ejecutora": PROMOTOR, "causal": "defensa_seguridad_nacional"})
    assert (exp.estado, exp.custodia) == ("en_tramite_cancilleria", RREE)
    hacer(exp, "oficializar", RREE, date(2026, 3, 4), {"destinatario": JICA})
    assert exp.custodia == JICA


def test_body_that_signs_directly_reports_to_apci_for_registration():
    exp = abrir(P1, PJ, D, presenta=PJ, promotor=PJ, documentos=(), datos={"titulo": "Justicia", "fuente": JICA})
    assert (exp.estado, exp.custodia) == ("gestion_directa", PJ)
    hacer(exp, "suscribir_directamente", PJ, date(2026, 4, 1), {"instrumento": "convenio_especifico"},
          roles=("titular",))
    hacer(exp, "dar_cuenta_apci", PJ, date(2026, 4, 6), {"destinatario": APCI})
    assert (exp.estado, exp.custodia) == ("pendiente_registro_apci", APCI)
    hacer(exp, "registrar_intervencion", APCI, date(2026, 4, 8), {"codigo_intervencion": "INT-1"})
    assert (exp.estado, exp.custodia) == ("intervencion_registrada", PJ)


def test_denial_by_the_source_is_communicated_to_the_whole_chain_and_ends_the_file():
    exp = _hasta_cancilleria()
    hacer(exp, "oficializar", RREE, date(2026, 3, 25), {"destinatario": JICA})
    hacer(exp, "denegar", JICA, date(2026, 4, 20), {"destinatario": RREE})
    hacer(exp, "comunicar_denegacion", RREE, date(2026, 4, 22))
    assert exp.estado == "denegacion_comunicada" and exp.terminado
    assert exp.historial()[-1]["cc"] == [PROMOTOR, MINSA, APCI]


def test_observation_by_the_source_travels_down_and_is_answered_with_a_new_request():
    exp = _hasta_cancilleria()
    hacer(exp, "oficializar", RREE, date(2026, 3, 25), {"destinatario": JICA})
    hacer(exp, "observar", JICA, date(2026, 4, 20), {"destinatario": RREE, "observaciones": "Reducir alcance"})
    for oficina, siguiente in ((RREE, APCI), (APCI, MINSA), (MINSA, PROMOTOR)):
        hacer(exp, "trasladar_observaciones", oficina, date(2026, 4, 21))
        assert exp.custodia == siguiente
    assert exp.estado == "observaciones_comunicadas"
    hacer(exp, "presentar_nueva_solicitud", PROMOTOR, date(2026, 5, 4), {"nuevo_expediente": "2026-MINSA-000200"})
    assert exp.estado == "reemplazada" and exp.datos["nuevo_expediente"] == "2026-MINSA-000200"


def test_draft_agreement_that_does_not_match_goes_to_the_executing_unit_through_the_sector_and_back():
    exp = _hasta_cancilleria()
    hacer(exp, "oficializar", RREE, date(2026, 3, 25), {"destinatario": JICA})
    hacer(exp, "aprobar", JICA, date(2026, 4, 20), {"destinatario": RREE})
    hacer(exp, "remitir_proyecto_convenio", RREE, date(2026, 4, 22))
    hacer(exp, "consultar_unidad_ejecutora", APCI, date(2026, 4, 24), {"observaciones": "Cambia el ambito"})
    assert (exp.estado, exp.custodia) == ("consulta_en_traslado", MINSA)
    hacer(exp, "trasladar_consulta", MINSA, date(2026, 4, 27))
    assert (exp.estado, exp.custodia) == ("consulta_ue", PROMOTOR)
    hacer(exp, "opinar_sobre_convenio", PROMOTOR, date(2026, 5, 4), {"opinion": "Conforme con el nuevo ambito"})
    assert (exp.estado, exp.custodia) == ("opinion_ue_en_traslado", MINSA)
    hacer(exp, "elevar_opinion", MINSA, date(2026, 5, 5))
    assert (exp.estado, exp.custodia) == ("convenio_en_revision_rectora", APCI)
