"""P7: the APCI constancia for the IGV/IPM refund (D.Leg. 783; D.S. 036-94-EF art. 3-4; Directiva 002-2008-APCI-DOC),
with the cure of T.U.O. Ley 27444 art. 136 and the negative silence of art. 38.1 and 199."""

from __future__ import annotations

from datetime import date

import pytest
from shared.errores import DatosInvalidos, ReglaIncumplida, SinDerecho, TransicionIlegal

from tests.unit.tramite.apoyo import APCI, MINSA, ONGD, PROMOTOR, SUNAT, abrir, hacer, ruta

IGV = "P7-CONSTANCIA-IGV"
DOCS = ("solicitud_anexo_1_igv", "formulario_constancia_igv", "relacion_comprobantes")
DATOS = {"proyecto": "Agua segura en Ayacucho", "fuente_cooperante": "FUENTE-GIZ",
         "plan_operaciones": "2026-APCI-000010", "periodo_desde": "2026-01", "periodo_hasta": "2026-03",
         "monto_solicitado": 18450.0}
EMITIR = {"monto_considerado": 18120.0, "fecha_vencimiento": "2026-12-31", "con_observacion": "no"}
VIGENTE = {"inscrito_vigente": lambda promotor: True}


def _ongd(presentada=date(2026, 7, 1), **extra):
    return abrir(IGV, APCI, presentada, promotor=ONGD, presenta=ONGD, regimen_promotor="ongd",
                 datos={**DATOS, "tipo_beneficiario": "ongd", **extra},
                 documentos=(*DOCS, "constancia_recepcion_informe_avance"), numero="2026-APCI-000301")


def test_apci_issues_the_constancia_to_the_ongd_and_the_file_ends_with_it():
    exp = _ongd()
    assert (exp.estado, exp.custodia) == ("en_evaluacion", APCI)
    # 30 business days from 1 July: 23, 28 and 29 July and 6 August are holidays
    assert exp.plazos["emision_constancia"]["vence_el"] == date(2026, 8, 18)
    assert exp.plazos["comunicacion_improcedencia"]["vence_el"] == date(2026, 7, 22)
    hacer(exp, "emitir_constancia", APCI, date(2026, 7, 20), EMITIR, **VIGENTE)
    assert (exp.estado, exp.custodia) == ("constancia_emitida", ONGD) and exp.terminado
    assert ruta(exp) == [("SolicitudConstanciaIGVPresentada", ONGD, APCI),
                         ("ConstanciaDevolucionIGVEmitida", APCI, ONGD)]
    tramo = exp.historial()[-1]
    assert tramo["documento"]["tipo"] == "constancia_igv" and tramo["datos"]["monto_considerado"] == 18120.0
    assert {"norma": "D.S. 036-94-EF", "articulo": "4"} in tramo["fundamento_legal"]
    assert exp.plazos["emision_constancia"]["estado"] == "cumplido"
    assert exp.vencer_plazos(date(2026, 12, 1)) == []


def test_a_constancia_with_observations_carries_the_observations_sheet():
    exp = _ongd()
    con_obs = {**EMITIR, "con_observacion": "si"}
    with pytest.raises(DatosInvalidos) as info:
        hacer(exp, "emitir_constancia", APCI, date(2026, 7, 20), con_obs, **VIGENTE)
    assert "hoja_observaciones" in str(info.value.extra["errores"])
    hacer(exp, "emitir_constancia", APCI, date(2026, 7, 20), con_obs,
          docs=("constancia_igv", "oficio_copia_mef", "hoja_observaciones"), **VIGENTE)
    assert exp.estado == "constancia_emitida" and exp.datos["con_observacion"] == "si"


def test_observation_stops_the_silence_clock_and_the_cure_returns_the_file_to_apci_which_cannot_observe_twice():
    exp = _ongd()
    hacer(exp, "observar", APCI, date(2026, 7, 9), {"omisiones": ["Anexo 3-IGV sin totales"]},
          fecha_cargo=date(2026, 7, 10))
    assert (exp.estado, exp.custodia) == ("observada", ONGD)
    assert exp.plazos["subsanacion"]["vence_el"] == date(2026, 7, 14)
    assert exp.plazos["emision_constancia"]["estado"] == "cumplido"  # closed while the cure is pending
    hacer(exp, "subsanar", ONGD, date(2026, 7, 13))
    assert (exp.estado, exp.custodia) == ("en_evaluacion_subsanada", APCI)
    assert exp.plazos["emision_constancia"]["vence_el"] == date(2026, 8, 28)  # counted again from the cure
    with pytest.raises(TransicionIlegal):
        hacer(exp, "observar", APCI, date(2026, 7, 15), {"omisiones": ["otra"]})
    hacer(exp, "emitir_constancia", APCI, date(2026, 7, 27), EMITIR, **VIGENTE)
    assert ruta(exp)[1:] == [
        ("SolicitudConstanciaIGVObservada", APCI, ONGD),
        ("ObservacionConstanciaIGVSubsanada", ONGD, APCI),
        ("ConstanciaDevolucionIGVEmitida", APCI, ONGD),
    ]


def test_a_cure_missed_across_the_independence_holidays_holds_the_request_not_presented():
    exp = _ongd()
    hacer(exp, "observar", APCI, date(2026, 7, 24), {"omisiones": ["formulario R.D.E. 017-2008"]},
          fecha_cargo=date(2026, 7, 27))
    assert exp.plazos["subsanacion"]["vence_el"] == date(2026, 7, 31)  # 28 and 29 July are holidays
    assert exp.vencer_plazos(date(2026, 7, 31)) == []
    assert exp.vencer_plazos(date(2026, 8, 1)) == ["SolicitudConstanciaIGVTenidaPorNoPresentada"]
    assert (exp.estado, exp.custodia) == ("no_presentada", ONGD) and exp.terminado
    with pytest.raises(TransicionIlegal):
        hacer(exp, "subsanar", ONGD, date(2026, 8, 3))


def test_without_a_decision_in_thirty_business_days_the_request_is_deemed_denied_and_apci_must_still_decide():
    exp = _ongd()
    assert exp.vencer_plazos(date(2026, 7, 23)) == ["PlazoVencido"]  # the 15 days to refuse it: an alert only
    assert exp.estado == "en_evaluacion"
    assert exp.vencer_plazos(date(2026, 8, 18)) == []
    assert exp.vencer_plazos(date(2026, 8, 19)) == ["ConstanciaIGVDenegadaPorSilencioNegativo"]
    assert (exp.estado, exp.custodia) == ("denegada_por_silencio", APCI) and not exp.terminado
    assert {"norma": "T.U.O. Ley 27444 (D.S. 004-2019-JUS)", "articulo": "38.1"} in \
        exp.plazos["emision_constancia"]["fundamento_legal"]
    hacer(exp, "emitir_constancia", APCI, date(2026, 8, 25), EMITIR, **VIGENTE)  # late, still lawful (art. 199.4)
    assert exp.estado == "constancia_emitida"


def test_apci_declares_the_request_improcedente_naming_the_failed_requirement():
    exp = _ongd()
    with pytest.raises(DatosInvalidos) as info:
        hacer(exp, "declarar_improcedente", APCI, date(2026, 7, 15), {"motivo": "no me gusta"})
    assert info.value.extra["errores"][0]["campo"] == "motivo"
    hacer(exp, "declarar_improcedente", APCI, date(2026, 7, 15), {"motivo": "bienes_fuera_del_plan"})
    assert (exp.estado, exp.custodia) == ("improcedente", ONGD) and exp.terminado
    assert exp.historial()[-1]["fundamento_legal"][0] == {"norma": "Directiva 002-2008-APCI-DOC",
                                                          "articulo": "II.4, num. 3.5"}


@pytest.mark.parametrize("verificador", [lambda promotor: False, None], ids=["suspendida", "sin_consulta"])
def test_the_constancia_is_refused_to_an_ongd_without_current_unsuspended_registration(verificador):
    exp = _ongd()
    with pytest.raises(ReglaIncumplida) as info:
        hacer(exp, "emitir_constancia", APCI, date(2026, 7, 20), EMITIR, inscrito_vigente=verificador)
    assert info.value.extra["fundamento_legal"]["norma"].startswith("D.S. 015-92-PCM")
    assert exp.estado == "en_evaluacion"
    hacer(exp, "declarar_improcedente", APCI, date(2026, 7, 21), {"motivo": "sin_inscripcion_vigente"})
    assert exp.estado == "improcedente"


def test_a_public_entity_needs_no_registration_nor_progress_report_receipt():
    exp = abrir(IGV, APCI, date(2026, 7, 1), regimen_promotor="publico", documentos=DOCS,
                datos={**DATOS, "tipo_beneficiario": "entidad_estatal"}, numero="2026-APCI-000302")
    hacer(exp, "emitir_constancia", APCI, date(2026, 7, 8), EMITIR)
    assert (exp.estado, exp.custodia) == ("constancia_emitida", PROMOTOR)


def test_the_entry_demands_the_progress_report_receipt_and_for_an_ipreda_the_declared_emergency():
    with pytest.raises(DatosInvalidos) as info:
        abrir(IGV, APCI, date(2026, 7, 1), promotor=ONGD, presenta=ONGD, regimen_promotor="ongd", documentos=DOCS,
              datos={**DATOS, "tipo_beneficiario": "ongd"})
    assert "constancia_recepcion_informe_avance" in str(info.value.extra["errores"])
    with pytest.raises(DatosInvalidos) as info:
        abrir(IGV, APCI, date(2026, 7, 1), promotor=ONGD, presenta=ONGD, regimen_promotor="ipreda",
              datos={**DATOS, "tipo_beneficiario": "ipreda"},
              documentos=(*DOCS, "constancia_recepcion_informe_avance"))
    assert "declaratoria_emergencia" in str(info.value.extra["errores"])
    with pytest.raises(DatosInvalidos) as info:
        abrir(IGV, APCI, date(2026, 7, 1), documentos=DOCS, datos={"proyecto": "x"})
    campos = {e["campo"] for e in info.value.extra["errores"]}
    assert {"plan_operaciones", "tipo_beneficiario", "monto_solicitado"} <= campos


def test_only_the_beneficiary_files_and_only_with_apci():
    with pytest.raises(SinDerecho):
        abrir(IGV, APCI, date(2026, 7, 1), presenta=MINSA, documentos=DOCS,
              datos={**DATOS, "tipo_beneficiario": "entidad_estatal"})
    with pytest.raises(ReglaIncumplida):
        abrir(IGV, MINSA, date(2026, 7, 1), documentos=DOCS, datos={**DATOS, "tipo_beneficiario": "entidad_estatal"})


def test_only_the_holder_acts_customs_included():
    exp = _ongd()
    with pytest.raises(SinDerecho) as info:
        hacer(exp, "emitir_constancia", SUNAT, date(2026, 7, 20), EMITIR, **VIGENTE)
    assert info.value.extra["derecho_requerido"] == "custodia del expediente"
    hacer(exp, "observar", APCI, date(2026, 7, 9), {"omisiones": ["x"]})
    with pytest.raises(SinDerecho):  # the beneficiary holds the file while it cures: APCI waits
        hacer(exp, "emitir_constancia", APCI, date(2026, 7, 10), EMITIR, **VIGENTE)
    with pytest.raises(TransicionIlegal):  # and the holder cannot issue its own constancia
        hacer(exp, "emitir_constancia", ONGD, date(2026, 7, 10), EMITIR, **VIGENTE)
