"""P4: donation approval and clearance (Ley 28905, D.S. 021-2008-EF, D.S. 096-2007-EF, R.M. 1233-2008-RE), and the
1984 liberation of goods consigned to the source (R.S. 450-84-RE ch. IV, Anexo 3) with customs as an acting office."""

from __future__ import annotations

from datetime import date

import pytest
from shared.errores import DatosInvalidos, ReglaIncumplida, SinDerecho, TransicionIlegal

from tests.unit.tramite.apoyo import APCI, JICA, MINSA, ONGD, PROMOTOR, PROTOCOLO, RREE, SUNAT, abrir, hacer, ruta

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


def test_customs_cannot_record_the_release_while_the_approving_office_holds_the_file():
    exp = _privada()
    with pytest.raises(SinDerecho) as info:
        hacer(exp, "registrar_levante", SUNAT, date(2026, 7, 21), {"fecha_levante": date(2026, 7, 20), "dua": "1"})
    assert info.value.extra["derecho_requerido"] == "custodia del expediente"


# ----- 1984: liberation of goods consigned to the source (R.S. 450-84-RE ch. IV, Anexo 3, 2.a and 3) -----------

LIB = "P4-LIBERACION-1984"
DATOS_LIB = {"proyecto": "Salud materna Cusco", "numero_nota_ct": "CT-0142", "aduana": "Maritima del Callao",
             "respaldo": "constancia_pedido_nacional"}
DOCS_LIB = ("formulario_liberacion", "factura_comercial", "documento_embarque", "constancia_pedido_nacional")


def _liberacion(fecha=date(2026, 3, 2), **kw):
    return abrir(LIB, PROTOCOLO, fecha, presenta=kw.pop("presenta", JICA), numero="2026-RREE-000007",
                 datos={**DATOS_LIB, **kw.pop("datos", {})}, documentos=kw.pop("documentos", DOCS_LIB), **kw)


def _hasta_opinion(exp, opinion="opinar_favorablemente", datos=None):
    hacer(exp, "derivar_a_oficina_cti", PROTOCOLO, date(2026, 3, 4), {"destinatario": RREE})
    return hacer(exp, opinion, RREE, date(2026, 3, 9), datos or {"registro_respaldo": "CPN-2026-031"})


def test_the_source_obtains_the_liberation_from_protocol_and_customs_clears_the_goods():
    exp = _liberacion()
    assert (exp.estado, exp.custodia) == ("en_protocolo", PROTOCOLO)
    assert exp.plazos["canalizacion_opinion"]["vence_el"] == date(2026, 3, 6)
    assert exp.plazos["liberacion_y_despacho"]["vence_el"] == date(2026, 3, 30)
    _hasta_opinion(exp)
    assert (exp.estado, exp.custodia) == ("opinion_favorable", PROTOCOLO)
    hacer(exp, "otorgar_liberacion", PROTOCOLO, date(2026, 3, 11), {"fecha_liberacion": "2026-03-11"})
    assert (exp.estado, exp.custodia) == ("liberacion_otorgada", JICA)
    hacer(exp, "presentar_carta_protocolar", JICA, date(2026, 3, 12), {"destinatario": SUNAT})
    hacer(exp, "emitir_resolucion_liberatoria", SUNAT, date(2026, 3, 16))
    assert (exp.estado, exp.custodia) == ("liberacion_resuelta", SUNAT)
    assert exp.historial()[-1]["cc"] == [PROTOCOLO, JICA]  # distribution of Formato 7: Protocolo and the interested
    hacer(exp, "iniciar_despacho", SUNAT, date(2026, 3, 17), {"agente_aduana": "Agencia Callao SAC"})
    hacer(exp, "aforar", SUNAT, date(2026, 3, 19))
    hacer(exp, "otorgar_levante", SUNAT, date(2026, 3, 20), {"fecha_levante": "2026-03-20"})
    assert (exp.estado, exp.custodia) == ("levante_otorgado", SUNAT) and exp.terminado
    assert ruta(exp) == [
        ("ExpedienteLiberacionPresentado", JICA, PROTOCOLO),
        ("ExpedienteLiberacionDerivadoAOficinaCTI", PROTOCOLO, RREE),
        ("OpinionFavorableLiberacionEmitida", RREE, PROTOCOLO),
        ("DerechoLiberacionOtorgado", PROTOCOLO, JICA),
        ("CartaProtocolarPresentadaAAduanas", JICA, SUNAT),
        ("ResolucionDirectoralLiberatoriaEmitida", SUNAT, SUNAT),
        ("DespachoMercanciaLiberadaIniciado", SUNAT, SUNAT),
        ("MercanciaLiberadaAforadaYLiquidada", SUNAT, SUNAT),
        ("LevanteMercanciaLiberadaOtorgado", SUNAT, SUNAT),
    ]
    assert exp.historial()[3]["documento"]["tipo"] == "carta_protocolar"
    despacho = exp.historial()[6]
    assert {"norma": "R.S. 450-84-RE", "articulo": "Cap. IV Anexo 3, 3.2.a.1-2"} in despacho["fundamento_legal"]
    assert despacho["datos"]["agente_aduana"] == "Agencia Callao SAC"
    assert exp.historial()[-1]["cc"] == [JICA] and exp.vencer_plazos(date(2026, 6, 1)) == []


def test_an_unfavourable_opinion_leads_protocol_to_return_the_file_with_formato_6_and_the_source_presents_it_again():
    exp = _liberacion()
    _hasta_opinion(exp, "opinar_desfavorablemente", {"causal": "proyecto_no_registrado"})
    assert (exp.estado, exp.custodia) == ("opinion_desfavorable", PROTOCOLO)
    with pytest.raises(TransicionIlegal):
        hacer(exp, "otorgar_liberacion", PROTOCOLO, date(2026, 3, 10), {"fecha_liberacion": "2026-03-10"})
    hacer(exp, "devolver_a_fuente", PROTOCOLO, date(2026, 3, 10), {"causal": "proyecto_no_registrado"})
    assert (exp.estado, exp.custodia) == ("devuelto_a_fuente", JICA)
    assert exp.historial()[-1]["documento"]["tipo"] == "hoja_tramite"
    hacer(exp, "representar", JICA, date(2026, 3, 23))
    assert (exp.estado, exp.custodia) == ("en_protocolo", PROTOCOLO)  # back at Protocolo's reception desk
    assert exp.plazos["canalizacion_opinion"]["vence_el"] == date(2026, 3, 27)
    _hasta_opinion(exp)
    hacer(exp, "otorgar_liberacion", PROTOCOLO, date(2026, 3, 26), {"fecha_liberacion": "2026-03-26"})
    assert (exp.estado, exp.custodia) == ("liberacion_otorgada", JICA)


def test_protocol_returns_an_incomplete_file_at_once_and_a_cause_outside_formato_6_is_refused():
    exp = _liberacion()
    with pytest.raises(DatosInvalidos):
        hacer(exp, "devolver_a_fuente", PROTOCOLO, date(2026, 3, 3), {"causal": "falta de interes"})
    hacer(exp, "devolver_a_fuente", PROTOCOLO, date(2026, 3, 3), {"causal": "respaldo_sin_firma_competente"})
    assert exp.custodia == JICA and exp.plazos["canalizacion_opinion"]["estado"] == "cumplido"


def test_a_carta_de_compromiso_must_be_attached_when_it_backs_the_request():
    with pytest.raises(DatosInvalidos) as info:
        _liberacion(datos={"respaldo": "carta_compromiso"})
    assert "carta_compromiso" in str(info.value.extra["errores"])
    exp = _liberacion(datos={"respaldo": "carta_compromiso"}, documentos=(*DOCS_LIB[:3], "carta_compromiso"))
    assert exp.datos["respaldo"] == "carta_compromiso"


def test_protocol_late_to_channel_the_file_is_flagged_across_the_july_holidays():
    exp = _liberacion(date(2026, 7, 24))
    assert exp.plazos["canalizacion_opinion"]["vence_el"] == date(2026, 8, 3)
    assert exp.vencer_plazos(date(2026, 8, 3)) == []
    assert exp.vencer_plazos(date(2026, 8, 4)) == ["PlazoVencido"]
    assert (exp.estado, exp.custodia) == ("en_protocolo", PROTOCOLO)  # an alert: nothing else changes


def test_customs_acting_out_of_turn_is_refused():
    with pytest.raises(SinDerecho):  # customs does not present liberation files: the source does
        _liberacion(presenta=SUNAT)
    exp = _liberacion()
    with pytest.raises(SinDerecho) as info:  # the file is at Protocolo, not at customs
        hacer(exp, "emitir_resolucion_liberatoria", SUNAT, date(2026, 3, 3))
    assert info.value.extra["derecho_requerido"] == "custodia del expediente"
    _hasta_opinion(exp)
    hacer(exp, "otorgar_liberacion", PROTOCOLO, date(2026, 3, 11), {"fecha_liberacion": "2026-03-11"})
    with pytest.raises(SinDerecho):  # the carta protocolar is with the source until it presents it
        hacer(exp, "emitir_resolucion_liberatoria", SUNAT, date(2026, 3, 12))
    with pytest.raises(DatosInvalidos):  # and it goes to customs, not back to the Foreign Ministry
        hacer(exp, "presentar_carta_protocolar", JICA, date(2026, 3, 12), {"destinatario": RREE})
    hacer(exp, "presentar_carta_protocolar", JICA, date(2026, 3, 12), {"destinatario": SUNAT})
    with pytest.raises(SinDerecho):  # once at customs, Protocolo no longer acts
        hacer(exp, "otorgar_liberacion", PROTOCOLO, date(2026, 3, 13), {"fecha_liberacion": "2026-03-13"})
    with pytest.raises(TransicionIlegal):  # and customs clears only after its liberating resolution
        hacer(exp, "iniciar_despacho", SUNAT, date(2026, 3, 13), {"agente_aduana": "Agencia Callao SAC"})


def test_clearance_needs_the_customs_agent_and_its_documents():
    exp = _liberacion()
    _hasta_opinion(exp)
    hacer(exp, "otorgar_liberacion", PROTOCOLO, date(2026, 3, 11), {"fecha_liberacion": "2026-03-11"})
    hacer(exp, "presentar_carta_protocolar", JICA, date(2026, 3, 12), {"destinatario": SUNAT})
    hacer(exp, "emitir_resolucion_liberatoria", SUNAT, date(2026, 3, 16))
    with pytest.raises(DatosInvalidos) as info:
        hacer(exp, "iniciar_despacho", SUNAT, date(2026, 3, 17), {}, docs=("poliza_importacion",))
    campos = {e["campo"] for e in info.value.extra["errores"]}
    mensajes = str(info.value.extra["errores"])
    assert "agente_aduana" in campos and "declaracion_jurada_valor" in mensajes and "volante_despacho" in mensajes
