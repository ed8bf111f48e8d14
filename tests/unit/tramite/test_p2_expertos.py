"""P2: experts and volunteers, candidacy (R.S. 450-84-RE §2.5-2.6) and extension (§2.7, RGL 15)."""

from __future__ import annotations

from datetime import date

import pytest
from shared.errores import SinDerecho

from tests.unit.tramite.apoyo import APCI, GIZ, MINSA, PROMOTOR, RREE, abrir, hacer, ruta

CAND, PRORROGA = "P2-CANDIDATURA-EXPERTO", "P2-PRORROGA-EXPERTO"
D = date(2026, 7, 1)


def _propuesta():
    return abrir(CAND, PROMOTOR, D, presenta=GIZ, datos={"candidato": "H. Muller", "modalidad": "experto"},
                 documentos=("formato_f1", "curriculum_vitae"))


def _en_rectora():
    exp = _propuesta()
    hacer(exp, "seleccionar_candidato", PROMOTOR, date(2026, 7, 3), {"contraparte_nacional": "Ing. Quispe",
                                                                     "destinatario": MINSA})
    return hacer(exp, "solicitar_adscripcion", MINSA, date(2026, 7, 7), {"destinatario": APCI})


def test_candidate_proposed_by_the_source_is_accepted_arrives_and_is_registered():
    exp = _en_rectora()
    assert (exp.estado, exp.custodia) == ("en_evaluacion_rectora", APCI)
    hacer(exp, "solicitar_aceptacion", APCI, date(2026, 7, 10), {"destinatario": RREE})
    hacer(exp, "oficializar_aceptacion", RREE, date(2026, 7, 14), {"destinatario": GIZ,
                                                                   "fecha_incorporacion": date(2026, 8, 3)})
    assert (exp.estado, exp.custodia) == ("aceptacion_oficializada", GIZ)
    hacer(exp, "confirmar_llegada", GIZ, date(2026, 7, 20), {"destinatario": RREE, "fecha_llegada": date(2026, 7, 24)})
    hacer(exp, "comunicar_llegada", RREE, date(2026, 7, 27))
    assert (exp.estado, exp.custodia) == ("en_servicio", PROMOTOR)
    # 7 business days from the 24 July entry: 28-29 July and 6 August are holidays
    assert exp.plazos["presentacion_oficial"]["vence_el"] == date(2026, 8, 7)
    hacer(exp, "presentar_oficialmente", PROMOTOR, date(2026, 8, 4))
    hacer(exp, "registrar_experto", MINSA, date(2026, 8, 5))
    assert (exp.estado, exp.custodia) == ("concluida", APCI)
    assert ruta(exp)[0] == ("CandidaturaExpertoPropuesta", GIZ, PROMOTOR)
    assert exp.historial()[6]["cc"] == [MINSA, APCI]  # arrival relayed by RREE, the unit is the recipient


def test_rejection_at_the_rector_goes_back_to_the_sector_office():
    exp = _en_rectora()
    hacer(exp, "desestimar_en_rectora", APCI, date(2026, 7, 10), {"observaciones": "perfil no coincide"})
    assert (exp.estado, exp.custodia) == ("rechazada_por_rectora", MINSA)


def test_the_foreign_ministry_may_refuse_and_returns_to_the_rector():
    exp = _en_rectora()
    hacer(exp, "solicitar_aceptacion", APCI, date(2026, 7, 10), {"destinatario": RREE})
    hacer(exp, "rehusar_en_cancilleria", RREE, date(2026, 7, 13), {"observaciones": "politica exterior"})
    assert (exp.estado, exp.custodia) == ("rechazada_por_cancilleria", APCI)


def test_unit_may_say_no_directly_to_the_source_with_copies_to_the_chain():
    exp = _propuesta()
    hacer(exp, "rechazar_candidatura", PROMOTOR, date(2026, 7, 3),
          {"destinatario": GIZ, "observaciones": "sin experiencia", "cc": [MINSA, APCI, RREE]})
    assert (exp.estado, exp.custodia) == ("rechazada_por_unidad_ejecutora", GIZ)
    assert exp.historial()[-1]["cc"] == [MINSA, APCI, RREE]


def test_sector_office_rejection_returns_directly_to_the_unit():
    exp = _propuesta()
    hacer(exp, "seleccionar_candidato", PROMOTOR, date(2026, 7, 3), {"contraparte_nacional": "x", "destinatario": MINSA})
    hacer(exp, "desestimar_en_sector", MINSA, date(2026, 7, 6), {"observaciones": "fuera del plan de operaciones"})
    assert (exp.estado, exp.custodia) == ("rechazada_por_oficina_sectorial", PROMOTOR)


def test_source_withdraws_an_accepted_candidate_replaced_by_a_new_file():
    exp = _en_rectora()
    hacer(exp, "solicitar_aceptacion", APCI, date(2026, 7, 10), {"destinatario": RREE})
    hacer(exp, "oficializar_aceptacion", RREE, date(2026, 7, 14), {"destinatario": GIZ, "fecha_incorporacion": D})
    hacer(exp, "desistir_candidato", GIZ, date(2026, 7, 20), {"destinatario": RREE,
                                                              "nuevo_expediente": "2026-MINSA-000300"})
    assert (exp.estado, exp.custodia) == ("desistida", RREE) and exp.terminado


def _prorroga():
    return abrir(PRORROGA, MINSA, D, datos={"experto": "H. Muller", "fecha_fin_servicio": date(2026, 9, 30)},
                 documentos=("informe_evaluativo", "programa_actividades"))


def test_extension_is_asked_to_the_source_only_by_the_foreign_ministry():
    exp = _prorroga()
    hacer(exp, "elevar_prorroga", MINSA, date(2026, 7, 3), {"destinatario": APCI})
    hacer(exp, "elevar_a_cancilleria", APCI, date(2026, 7, 6), {"destinatario": RREE})
    hacer(exp, "solicitar_a_fuente", RREE, date(2026, 7, 8), {"destinatario": GIZ})
    assert (exp.estado, exp.custodia) == ("presentada_a_fuente", GIZ)
    hacer(exp, "aprobar", GIZ, date(2026, 7, 20), {"destinatario": RREE, "nueva_fecha_fin": date(2027, 3, 31)})
    hacer(exp, "comunicar_resultado", RREE, date(2026, 7, 21))
    assert exp.estado == "concluida" and exp.historial()[-1]["cc"] == [PROMOTOR, MINSA, APCI]


def test_the_unit_or_sector_office_cannot_negotiate_an_extension_with_the_source():
    exp = _prorroga()
    with pytest.raises(SinDerecho) as error:
        hacer(exp, "elevar_prorroga", MINSA, date(2026, 7, 3), {"destinatario": GIZ})
    assert "fuente" in error.value.extra["derecho_requerido"]
    with pytest.raises(SinDerecho):
        hacer(exp, "elevar_prorroga", MINSA, date(2026, 7, 3), {"destinatario": APCI, "cc": [GIZ]})


def test_extension_denied_by_the_rector_is_communicated_down_to_the_unit():
    exp = _prorroga()
    hacer(exp, "elevar_prorroga", MINSA, date(2026, 7, 3), {"destinatario": APCI})
    hacer(exp, "denegar_en_rectora", APCI, date(2026, 7, 6), {"observaciones": "supera 3 anios"})
    assert (exp.estado, exp.custodia) == ("devuelta_al_sector", MINSA)
    hacer(exp, "comunicar_denegacion", MINSA, date(2026, 7, 7))
    assert (exp.estado, exp.custodia) == ("denegada", PROMOTOR)
