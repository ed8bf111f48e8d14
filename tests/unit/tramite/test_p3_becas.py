"""P3: candidacies to a scholarship within projects (R.S. 450-84-RE ch. III §3.4-3.7, annexes 1-5; D.S. 015-92-PCM
arts. 21, 23; only the Foreign Ministry deals with the source, D.Leg. 719 art. 4.a)."""

from __future__ import annotations

from datetime import date

import pytest
from shared.errores import DatosInvalidos, SinDerecho, TransicionIlegal

from services.tramite.domain.expediente import Expediente
from tests.unit.tramite.apoyo import APCI, GORE, JICA, MINSA, MUNI, PROMOTOR, RREE, abrir, actor, doc, hacer, ruta

BECA = "P3-CANDIDATURA-BECA"
INABEC = "INABEC"
OPD = "PROMOTOR-INS"  # a decentralised public body of the health sector (P3b, §3.6)
EXPEDIENTE = ("propuesta_candidatura", "designacion_comision_calificadora", "constancia_trabajo_proyecto",
              "contrato_compromiso_retorno", "carta_fianza", "certificado_estudios", "curriculum_vitae",
              "formulario_solicitud_beca")
CANDIDATO = {"candidato": "Rosa Quispe Mamani", "cargo": "enfermera jefe", "curso": "Salud materno-infantil",
             "lugar": "Tokio", "auspiciador": "JICA", "proyecto": "Salud materna Cusco",
             "inicio_capacitacion": "2026-09-01", "termino_capacitacion": "2027-08-31"}
PRESENTADA = date(2026, 3, 3)  # a Tuesday; 30 calendar days fall on Holy Thursday 2 April 2026


def _propuesta(oficina: str = MINSA, proponente: str = "unidad_ejecutora", documentos: tuple = EXPEDIENTE):
    return abrir(BECA, oficina, PRESENTADA, datos={**CANDIDATO, "proponente": proponente}, documentos=documentos,
                 numero="2026-MINSA-000300")


def _en_rectora(oficina: str = MINSA):
    exp = _propuesta(oficina)
    return hacer(exp, "presentar_a_rectora", oficina, date(2026, 3, 5),
                 {"destinatario": APCI, "fondos_nacionales_afectados": "PEN 12,000 (haberes del becario)"})


def _oficializada():
    exp = _en_rectora()
    hacer(exp, "aprobar_y_presentar_a_cancilleria", APCI, date(2026, 3, 10), {"destinatario": RREE})
    return hacer(exp, "oficializar", RREE, date(2026, 3, 16), {"destinatario": JICA})


def test_candidacy_from_the_unit_to_the_source_and_acceptance_relayed_back_with_copies():
    exp = _propuesta()
    assert (exp.estado, exp.custodia) == ("en_evaluacion_sectorial", MINSA)
    hacer(exp, "presentar_a_rectora", MINSA, date(2026, 3, 5),
          {"destinatario": APCI, "fondos_nacionales_afectados": "PEN 12,000"})
    assert (exp.estado, exp.custodia) == ("en_evaluacion_rectora", APCI)
    assert exp.historial()[-1]["cc"] == [PROMOTOR]  # Anexo 2 oficio, cc the executing unit (§3.5.2)
    hacer(exp, "aprobar_y_presentar_a_cancilleria", APCI, date(2026, 3, 10), {"destinatario": RREE})
    assert (exp.estado, exp.custodia) == ("en_tramite_cancilleria", RREE)
    assert exp.historial()[-1]["cc"] == [MINSA, INABEC]  # Anexo 3 oficio, cc OR-CTI and INABEC (§3.5.3.a)
    hacer(exp, "oficializar", RREE, date(2026, 3, 16), {"destinatario": JICA})
    assert (exp.estado, exp.custodia) == ("oficializada_ante_fuente", JICA)
    assert exp.historial()[-1]["cc"] == [APCI]  # §3.5.4
    assert exp.plazos["oficializacion"]["estado"] == "cumplido"
    hacer(exp, "aceptar_candidatura", JICA, date(2026, 4, 20), {"destinatario": RREE, "duracion_meses": 12})
    assert (exp.estado, exp.custodia) == ("aceptada_por_fuente", RREE)
    hacer(exp, "comunicar_aceptacion", RREE, date(2026, 4, 22))
    assert (exp.estado, exp.custodia) == ("aceptacion_comunicada", APCI) and exp.terminado
    assert exp.historial()[-1]["cc"] == [PROMOTOR, MINSA, INABEC]  # §3.5.5, through the Foreign Ministry
    assert (exp.datos["duracion_meses"], exp.datos["permanencia_obligatoria_meses"]) == (12, 24)
    assert ruta(exp) == [
        ("CandidaturaBecaPropuesta", PROMOTOR, MINSA),
        ("ExpedienteBecaPresentadoARectora", MINSA, APCI),
        ("CandidaturaBecaPresentadaACancilleria", APCI, RREE),
        ("CandidaturaBecaOficializadaAnteFuente", RREE, JICA),
        ("CandidaturaBecaAceptadaPorFuente", JICA, RREE),
        ("AceptacionBecaComunicada", RREE, APCI),
    ]
    carriers = [t["documento"]["tipo"] for t in exp.historial()[1:]]
    assert carriers == ["oficio", "oficio", "nota_diplomatica", "comunicacion_fuente", "oficio"]


def test_thirty_days_to_officialisation_are_an_alert_counted_on_the_peruvian_calendar():
    exp = _en_rectora()
    # 3 March + 30 calendar days = Thursday 2 April 2026, Holy Thursday; Good Friday and the weekend follow
    assert exp.plazos["oficializacion"]["vence_el"] == date(2026, 4, 6)
    hacer(exp, "aprobar_y_presentar_a_cancilleria", APCI, date(2026, 3, 10), {"destinatario": RREE})
    assert exp.vencer_plazos(date(2026, 4, 6)) == []
    assert exp.vencer_plazos(date(2026, 4, 7)) == ["PlazoVencido"]
    assert (exp.estado, exp.custodia) == ("en_tramite_cancilleria", RREE)  # late, not lost
    hacer(exp, "oficializar", RREE, date(2026, 4, 8), {"destinatario": JICA})
    assert exp.estado == "oficializada_ante_fuente"


def test_sector_office_returns_the_proposal_and_the_unit_proposes_again():
    exp = _propuesta()
    hacer(exp, "devolver_a_unidad", MINSA, date(2026, 3, 4), {"observaciones": "falta la carta fianza notarial"})
    assert (exp.estado, exp.custodia) == ("devuelta_a_unidad_ejecutora", PROMOTOR)
    assert exp.historial()[-1]["observaciones"] == "falta la carta fianza notarial"
    with pytest.raises(DatosInvalidos) as e:  # the corrected file must be complete again (§3.4.2)
        hacer(exp, "reingresar_candidatura", PROMOTOR, date(2026, 3, 9),
              docs=tuple(d for d in EXPEDIENTE if d != "carta_fianza"))
    assert {"campo": "documentos", "mensaje": "falta el documento 'carta_fianza'"} in e.value.extra["errores"]
    hacer(exp, "reingresar_candidatura", PROMOTOR, date(2026, 3, 9))
    assert (exp.estado, exp.custodia) == ("en_evaluacion_sectorial", MINSA)
    hacer(exp, "presentar_a_rectora", MINSA, date(2026, 3, 11),
          {"destinatario": APCI, "fondos_nacionales_afectados": "ninguno"})
    assert (exp.estado, exp.custodia) == ("en_evaluacion_rectora", APCI)
    assert ruta(exp) == [
        ("CandidaturaBecaPropuesta", PROMOTOR, MINSA),
        ("CandidaturaBecaDevueltaAUnidadEjecutora", MINSA, PROMOTOR),
        ("CandidaturaBecaReingresada", PROMOTOR, MINSA),
        ("ExpedienteBecaPresentadoARectora", MINSA, APCI),
    ]


def test_unit_may_withdraw_a_returned_candidacy():
    exp = _propuesta()
    hacer(exp, "devolver_a_unidad", MINSA, date(2026, 3, 4), {"observaciones": "no figura en el plan vigente"})
    hacer(exp, "desistir", PROMOTOR, date(2026, 3, 6))
    assert (exp.estado, exp.custodia) == ("desistida", PROMOTOR) and exp.terminado
    assert exp.plazos["oficializacion"]["estado"] == "cumplido"  # closed with the file: no alert later
    assert exp.vencer_plazos(date(2026, 5, 1)) == []


def test_rector_returns_the_file_to_the_sector_office_which_presents_it_again():
    exp = _en_rectora()
    hacer(exp, "devolver_a_oficina_sectorial", APCI, date(2026, 3, 9),
          {"observaciones": "el curso no figura en el plan de operaciones vigente"})
    assert (exp.estado, exp.custodia) == ("devuelta_a_oficina_sectorial", MINSA)
    assert exp.historial()[-1]["destinatario"] == MINSA
    hacer(exp, "presentar_a_rectora", MINSA, date(2026, 3, 12), {"fondos_nacionales_afectados": "PEN 12,000"})
    assert (exp.estado, exp.custodia) == ("en_evaluacion_rectora", APCI)  # the rector it already visited
    assert [e for e, _, _ in ruta(exp)][-2:] == ["ExpedienteBecaDevueltoAOficinaSectorial",
                                               "ExpedienteBecaPresentadoARectora"]


def test_rector_return_passed_on_to_the_unit_which_proposes_a_corrected_file():
    exp = _en_rectora()
    hacer(exp, "devolver_a_oficina_sectorial", APCI, date(2026, 3, 9), {"observaciones": "CV incompleto"})
    hacer(exp, "devolver_a_unidad", MINSA, date(2026, 3, 10), {"observaciones": "completar el CV (ente rector)"})
    assert (exp.estado, exp.custodia) == ("devuelta_a_unidad_ejecutora", PROMOTOR)
    hacer(exp, "reingresar_candidatura", PROMOTOR, date(2026, 3, 13))
    hacer(exp, "presentar_a_rectora", MINSA, date(2026, 3, 16), {"fondos_nacionales_afectados": "PEN 12,000"})
    hacer(exp, "aprobar_y_presentar_a_cancilleria", APCI, date(2026, 3, 18), {"destinatario": RREE})
    assert (exp.estado, exp.custodia) == ("en_tramite_cancilleria", RREE)
    assert ruta(exp) == [
        ("CandidaturaBecaPropuesta", PROMOTOR, MINSA),
        ("ExpedienteBecaPresentadoARectora", MINSA, APCI),
        ("ExpedienteBecaDevueltoAOficinaSectorial", APCI, MINSA),
        ("CandidaturaBecaDevueltaAUnidadEjecutora", MINSA, PROMOTOR),
        ("CandidaturaBecaReingresada", PROMOTOR, MINSA),
        ("ExpedienteBecaPresentadoARectora", MINSA, APCI),
        ("CandidaturaBecaPresentadaACancilleria", APCI, RREE),
    ]


def test_source_rejects_and_the_foreign_ministry_relays_the_rejection_with_copies():
    exp = _oficializada()
    hacer(exp, "rechazar_candidatura", JICA, date(2026, 4, 15), {"destinatario": RREE, "observaciones": "cupo lleno"})
    assert (exp.estado, exp.custodia) == ("rechazada_por_fuente", RREE)
    with pytest.raises(TransicionIlegal):  # nothing to record as a return obligation
        hacer(exp, "comunicar_aceptacion", RREE, date(2026, 4, 16))
    hacer(exp, "comunicar_rechazo", RREE, date(2026, 4, 16))
    assert (exp.estado, exp.custodia) == ("rechazo_comunicado", APCI) and exp.terminado
    assert exp.historial()[-1]["cc"] == [PROMOTOR, MINSA, INABEC]
    assert "permanencia_obligatoria_meses" not in exp.datos
    assert [e for e, _, _ in ruta(exp)][-2:] == ["CandidaturaBecaRechazadaPorFuente", "RechazoBecaComunicado"]


def test_the_source_answers_only_to_the_foreign_ministry_and_only_it_addresses_the_source():
    exp = _en_rectora()
    with pytest.raises(SinDerecho):  # the rector cannot copy the source
        hacer(exp, "aprobar_y_presentar_a_cancilleria", APCI, date(2026, 3, 10), {"destinatario": RREE, "cc": [JICA]})
    hacer(exp, "aprobar_y_presentar_a_cancilleria", APCI, date(2026, 3, 10), {"destinatario": RREE})
    hacer(exp, "oficializar", RREE, date(2026, 3, 16), {"destinatario": JICA})
    with pytest.raises(SinDerecho):  # §3.5.5 copies go through the Foreign Ministry (D.Leg. 719 art. 4.a)
        hacer(exp, "aceptar_candidatura", JICA, date(2026, 4, 20), {"duracion_meses": 12, "cc": [APCI, MINSA]})
    assert (exp.estado, exp.custodia) == ("oficializada_ante_fuente", JICA)


@pytest.mark.parametrize(("meses", "permanencia"), [(2, 4), (3, 12), (6, 12), (7, 14), (24, 48)])
def test_return_obligation_is_twice_the_beca_and_one_year_for_courses_of_three_to_six_months(meses, permanencia):
    exp = _oficializada()
    hacer(exp, "aceptar_candidatura", JICA, date(2026, 4, 20),
          {"duracion_meses": meses, "permanencia_obligatoria_meses": 1})  # a value sent by the client is ignored
    assert exp.datos["permanencia_obligatoria_meses"] == permanencia
    assert exp.historial()[-1]["datos"]["permanencia_obligatoria_meses"] == permanencia


@pytest.mark.parametrize("meses", [None, "doce", 0, -3, 1.5, True])
def test_the_length_of_the_beca_must_be_a_positive_number_of_months(meses):
    exp = _oficializada()
    datos = {} if meses is None else {"duracion_meses": meses}
    with pytest.raises(DatosInvalidos) as e:
        hacer(exp, "aceptar_candidatura", JICA, date(2026, 4, 20), datos)
    assert "duracion_meses" in {x["campo"] for x in e.value.extra["errores"]}
    assert exp.estado == "oficializada_ante_fuente"


def test_office_without_custody_gets_403_and_a_wrong_act_gets_422_with_the_allowed_ones():
    exp = _propuesta()
    with pytest.raises(SinDerecho) as e:
        hacer(exp, "presentar_a_rectora", APCI, date(2026, 3, 5), {"fondos_nacionales_afectados": "x"})
    assert "custodia" in e.value.extra["derecho_requerido"] and MINSA in e.value.detalle
    with pytest.raises(SinDerecho):  # the unit does not hold the file while its office evaluates it
        hacer(exp, "reingresar_candidatura", PROMOTOR, date(2026, 3, 5))
    with pytest.raises(TransicionIlegal) as e:
        hacer(exp, "aprobar_y_presentar_a_cancilleria", MINSA, date(2026, 3, 5), {"destinatario": RREE})
    assert e.value.status == 422
    assert e.value.extra["estado_actual"] == "en_evaluacion_sectorial"
    assert e.value.extra["acciones_permitidas"] == ["devolver_a_unidad", "presentar_a_rectora"]
    assert [a["accion"] for a in exp.acciones_disponibles(actor(MINSA), "sector")] == [
        "devolver_a_unidad", "presentar_a_rectora"]
    assert exp.acciones_disponibles(actor(APCI), "rector") == []


def test_incomplete_file_or_missing_candidate_data_cannot_be_proposed():
    with pytest.raises(DatosInvalidos) as e:
        _propuesta(documentos=tuple(d for d in EXPEDIENTE if d not in ("contrato_compromiso_retorno",
                                                                        "designacion_comision_calificadora")))
    faltan = {x["mensaje"] for x in e.value.extra["errores"]}
    assert faltan == {"falta el documento 'contrato_compromiso_retorno'",
                      "falta el documento 'designacion_comision_calificadora'"}
    with pytest.raises(DatosInvalidos) as e:
        abrir(BECA, MINSA, PRESENTADA, datos={"candidato": "R. Quispe", "proponente": "unidad_ejecutora"},
              documentos=EXPEDIENTE)
    assert {"curso", "termino_capacitacion"} <= {x["campo"] for x in e.value.extra["errores"]}
    exp = _propuesta()
    with pytest.raises(DatosInvalidos) as e:  # Anexo 2 states the national funds affected
        hacer(exp, "presentar_a_rectora", MINSA, date(2026, 3, 5), {"destinatario": APCI})
    assert e.value.extra["errores"] == [{"campo": "fondos_nacionales_afectados", "mensaje": "obligatorio"}]


def _propuesta_opd(oficina: str, tipo_oficina: str) -> Expediente:
    return Expediente.abrir(
        procedimiento=BECA, numero="2026-MINSA-000301", promotor=OPD, oficina_apertura=oficina,
        tipo_oficina_apertura=tipo_oficina, presentado_el=PRESENTADA, actor=actor(OPD), actor_tipo_oficina="promotor",
        datos={**CANDIDATO, "proponente": "opd"}, documentos=[doc(t, PRESENTADA) for t in EXPEDIENTE],
        regimen_promotor="publico",
    )


def test_p3b_an_opd_candidacy_is_presented_to_the_rector_by_the_sector_office_it_is_linked_to():
    exp = _propuesta_opd(MINSA, "sector")
    assert (exp.estado, exp.custodia, exp.datos["proponente"]) == ("en_evaluacion_sectorial", MINSA, "opd")
    hacer(exp, "presentar_a_rectora", MINSA, date(2026, 3, 5),
          {"destinatario": APCI, "fondos_nacionales_afectados": "0"})
    assert exp.historial()[-1]["cc"] == [OPD]
    hacer(exp, "devolver_a_oficina_sectorial", APCI, date(2026, 3, 9), {"observaciones": "sin plan vigente"})
    assert (exp.estado, exp.custodia) == ("devuelta_a_oficina_sectorial", MINSA)
    hacer(exp, "devolver_a_unidad", MINSA, date(2026, 3, 10), {"observaciones": "sin plan vigente"})
    assert (exp.estado, exp.custodia) == ("devuelta_a_unidad_ejecutora", OPD)
    assert ruta(exp)[0] == ("CandidaturaBecaPropuesta", OPD, MINSA)


def test_p3b_bodies_of_the_sectors_do_not_go_through_a_regional_or_local_office():
    for oficina, tipo in ((GORE, "region"), (MUNI, "provincia")):
        with pytest.raises(DatosInvalidos) as e:
            _propuesta_opd(oficina, tipo)
        assert e.value.extra["errores"] == [{"campo": "proponente", "mensaje": "valores permitidos: unidad_ejecutora"}]


def test_regional_government_office_presents_its_units_candidacy_and_receives_the_rectors_return():
    exp = _propuesta(GORE)
    assert (exp.estado, exp.custodia) == ("en_evaluacion_sectorial", GORE)
    hacer(exp, "presentar_a_rectora", GORE, date(2026, 3, 5),
          {"destinatario": APCI, "fondos_nacionales_afectados": "0"})
    hacer(exp, "devolver_a_oficina_sectorial", APCI, date(2026, 3, 9), {"observaciones": "sin designacion"})
    assert (exp.estado, exp.custodia) == ("devuelta_a_oficina_sectorial", GORE)
    hacer(exp, "presentar_a_rectora", GORE, date(2026, 3, 10), {"fondos_nacionales_afectados": "0"})
    hacer(exp, "aprobar_y_presentar_a_cancilleria", APCI, date(2026, 3, 12), {"destinatario": RREE})
    assert exp.historial()[-1]["cc"] == [GORE, INABEC]
