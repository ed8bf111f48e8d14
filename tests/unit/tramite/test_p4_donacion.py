"""P4: donation approval and clearance (Ley 28905, D.S. 021-2008-EF, D.S. 096-2007-EF, R.M. 1233-2008-RE)."""

from __future__ import annotations

from datetime import date

import pytest
from shared.errores import ReglaIncumplida

from tests.unit.tramite.apoyo import APCI, MINSA, ONGD, PROMOTOR, RREE, SUNAT, abrir, hacer, ruta

DON = "P4-DONACION"
DATOS = {"donante": "Caritas Alemania", "finalidad": "equipos medicos", "aduana": "Callao"}
DOCS = ("carta_solicitud", "certificado_donacion", "documento_transporte")


def _privada():
    return abrir(DON, APCI, date(2026, 7, 14), promotor=ONGD, presenta=ONGD, regimen_promotor="ongd", datos=DATOS,
                 documentos=DOCS, numero="2026-APCI-000050")


def test_private_donee_files_with_apci_which_sends_the_draft_to_the_minister():
    exp = _privada()
    hacer(exp, "remitir_a_ministro", APCI, date(2026, 7, 20), {"destinatario": RREE})
    hacer(exp, "aprobar", RREE, date(2026, 7, 27), roles=("titular",), inscrito_vigente=lambda ruc: True)
    hacer(exp, "notificar_resolucion_a_aduanas", RREE, date(2026, 7, 27), {"destinatario": SUNAT})
    assert (exp.estado, exp.custodia) == ("resolucion_notificada", SUNAT)
    assert ruta(exp)[1:] == [
        ("ExpedienteDonacionRemitidoAlMinistro", APCI, RREE),
        ("DonacionAprobadaPorResolucionMinisterial", RREE, RREE),
        ("ResolucionNotificadaAAduanas", RREE, SUNAT),
    ]
    assert exp.historial()[-1]["cc"] == [ONGD]


def test_approving_resolution_for_a_suspended_ongd_is_refused():
    exp = _privada()
    hacer(exp, "remitir_a_ministro", APCI, date(2026, 7, 20), {"destinatario": RREE})
    with pytest.raises(ReglaIncumplida):
        hacer(exp, "aprobar", RREE, date(2026, 7, 27), roles=("titular",), inscrito_vigente=lambda ruc: False)


def test_missing_requirements_not_cured_in_two_business_days_deny_the_request():
    exp = _privada()
    hacer(exp, "observar", APCI, date(2026, 7, 23), {"omisiones": ["traduccion"]}, fecha_cargo=date(2026, 7, 24))
    assert (exp.estado, exp.custodia) == ("observada", ONGD)
    assert exp.plazos["subsanacion"]["vence_el"] == date(2026, 7, 30)  # 28 and 29 July are holidays
    assert exp.vencer_plazos(date(2026, 7, 30)) == []
    assert exp.vencer_plazos(date(2026, 7, 31)) == ["SolicitudDonacionDenegadaPorNoSubsanacion"]
    assert exp.estado == "denegada" and exp.terminado


def test_cured_request_returns_to_the_office_that_observed_it():
    exp = _privada()
    hacer(exp, "observar", APCI, date(2026, 7, 23), {"omisiones": ["traduccion"]})
    hacer(exp, "subsanar", ONGD, date(2026, 7, 24))
    assert (exp.estado, exp.custodia) == ("en_evaluacion", APCI)
    assert exp.vencer_plazos(date(2026, 8, 31)) == []


def test_without_a_resolution_received_by_customs_thirty_business_days_after_release_the_donation_is_approved():
    exp = abrir(DON, MINSA, date(2026, 7, 10), datos=DATOS, documentos=DOCS, regimen_promotor="publico")
    hacer(exp, "registrar_levante", MINSA, date(2026, 7, 21), {"fecha_levante": date(2026, 7, 20), "dua": "118-2026"})
    assert exp.plazos["aprobacion_ficta"]["vence_el"] == date(2026, 9, 4)
    hacer(exp, "aprobar", MINSA, date(2026, 9, 1), roles=("titular",))  # signed, but customs not yet notified
    assert exp.vencer_plazos(date(2026, 9, 4)) == []
    assert exp.vencer_plazos(date(2026, 9, 5)) == ["DonacionAprobadaFictamente"]
    assert exp.estado == "aprobada_ficta" and exp.vencer_plazos(date(2026, 9, 9)) == []


def test_resolution_notified_to_customs_in_time_stops_the_deemed_approval():
    exp = abrir(DON, MINSA, date(2026, 7, 10), datos=DATOS, documentos=DOCS, regimen_promotor="publico")
    hacer(exp, "registrar_levante", MINSA, date(2026, 7, 21), {"fecha_levante": date(2026, 7, 20), "dua": "118-2026"})
    hacer(exp, "denegar", MINSA, date(2026, 8, 3), {"motivo": "bienes no aptos"}, roles=("titular",))
    hacer(exp, "notificar_resolucion_a_aduanas", MINSA, date(2026, 8, 4), {"destinatario": SUNAT})
    assert exp.estado == "resolucion_notificada" and exp.vencer_plazos(date(2026, 12, 1)) == []
    assert exp.custodia == SUNAT and PROMOTOR in exp.historial()[-1]["cc"]
