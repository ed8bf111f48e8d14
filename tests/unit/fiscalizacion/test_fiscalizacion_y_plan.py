"""Inspections (Fiscalizacion) and the annual plan (PlanAnualFiscalizacion): complaints, requests for documents,
visits and acta, findings, corrective measures, referral, and results reported to the Consejo and the Contraloria."""

from __future__ import annotations

from datetime import date

import pytest

from shared.errores import DatosInvalidos, ReglaIncumplida, SinDerecho, TransicionIlegal
from shared.eventos.persistencia_prueba import recargar
from services.fiscalizacion.domain.comandos_fiscalizacion import nueva_fiscalizacion
from services.fiscalizacion.domain.plan_anual import PlanAnualFiscalizacion
from tests.unit.fiscalizacion.ayudas import CONSEJO, DE, DFS, ENTIDAD, RUC, tipos_eventos


def _fisc(origen=None):
    f = nueva_fiscalizacion(clave_origen="denuncia/77", ruc=RUC, objeto={"tipo": "intervencion", "codigo": "P-1"},
                            origen=origen or {"tipo": "denuncia", "denunciante": "ciudadano"}, hoy=date(2018, 7, 2),
                            en_ambito=True)
    return f


def test_complaint_can_be_dismissed_before_the_inspection_starts():
    f = _fisc()
    f.desestimar_denuncia(DFS, motivo="sin indicios", hoy=date(2018, 7, 3))
    assert f.estado == "archivada"


def test_entity_outside_the_regime_is_not_inspected():
    with pytest.raises(ReglaIncumplida):
        nueva_fiscalizacion(clave_origen="x", ruc=RUC, objeto={}, origen={"tipo": "oficio"}, hoy=date(2018, 7, 2),
                            en_ambito=False)


def test_documents_shown_on_time_record_no_infraction():
    f = _fisc()
    f.iniciar(DFS, notificado_el=date(2018, 7, 3), hoy=date(2018, 7, 3))
    f.requerir_documentos(DFS, documentos=["libros contables"], notificado_el=date(2018, 7, 4), hoy=date(2018, 7, 4))
    assert f.requerimientos[0]["vence_el"] == date(2018, 7, 18)
    f.registrar_exhibicion(ENTIDAD, numero=1, exhibido_el=date(2018, 7, 18), completa=True, hoy=date(2018, 7, 18))
    assert f.vencer_plazos(date(2018, 8, 1)) == [] and f.indicios == []


def test_partial_exhibition_past_the_deadline_is_an_indication_of_rs_7a():
    f = _fisc()
    f.iniciar(DFS, notificado_el=date(2018, 7, 3), hoy=date(2018, 7, 3))
    f.requerir_documentos(DFS, documentos=["a", "b"], notificado_el=date(2018, 7, 4), hoy=date(2018, 7, 4),
                          plazo_dias=5)
    f.registrar_exhibicion(ENTIDAD, numero=1, exhibido_el=date(2018, 7, 10), completa=False, hoy=date(2018, 7, 10))
    assert f.vencer_plazos(date(2018, 7, 12)) == ["PlazoExhibicionVencido", "IndicioInfraccionRegistrado"]


def test_visit_acta_findings_and_corrective_measure_followed_up():
    f = _fisc()
    f.iniciar(DFS, notificado_el=date(2018, 7, 3), hoy=date(2018, 7, 3))
    with pytest.raises(DatosInvalidos):
        f.registrar_visita(DFS, fecha=date(2018, 7, 10), acta={"numero": "A-1"}, hoy=date(2018, 7, 10))
    f.registrar_visita(DFS, fecha=date(2018, 7, 10), acta={"numero": "A-1", "participantes": ["DFS", "ONG"]},
                       hoy=date(2018, 7, 10))
    f.registrar_hallazgo(DFS, descripcion="gastos sin sustento", hoy=date(2018, 7, 11))
    f.emitir_informe(DFS, resumen="observaciones", hoy=date(2018, 7, 12))
    with pytest.raises(ReglaIncumplida):
        f.concluir_sin_observaciones(DFS, hoy=date(2018, 7, 12))
    f.dictar_medida_correctiva(DFS, descripcion="regularizar", plazo_dias=10, hoy=date(2018, 7, 12))
    f.verificar_medida_correctiva(DFS, cumplida=True, hoy=date(2018, 7, 30))
    assert f.estado == "concluida"
    assert "MedidaCorrectivaDictada" in tipos_eventos(f)
    assert recargar(f).a_dict() == f.a_dict()


def test_referral_only_for_infractions_found_in_the_inspection():
    f = _fisc()
    f.iniciar(DFS, notificado_el=date(2018, 7, 3), hoy=date(2018, 7, 3))
    f.registrar_hallazgo(DFS, descripcion="documentos destruidos", codigo_infraccion="RIS-8-a", hoy=date(2018, 7, 11))
    f.emitir_informe(DFS, resumen="destruccion", hoy=date(2018, 7, 12))
    with pytest.raises(ReglaIncumplida):
        f.recomendar_instruccion(DFS, codigos=["RIS-7-a"], hoy=date(2018, 7, 12))
    f.recomendar_instruccion(DFS, codigos=["RIS-8-a"], hoy=date(2018, 7, 12))
    assert f.estado == "derivada" and f.derivacion[0]["codigo"] == "RIS-8-a"


def test_entity_cannot_act_as_inspector():
    f = _fisc()
    with pytest.raises(SinDerecho):
        f.iniciar(ENTIDAD, notificado_el=date(2018, 7, 3), hoy=date(2018, 7, 3))


def test_annual_plan_results_go_to_the_consejo_and_then_the_contraloria():
    p = PlanAnualFiscalizacion.formular(actor=DFS, anio=2018, programadas=[{"ruc": RUC}], hoy=date(2018, 1, 15))
    assert p.id == PlanAnualFiscalizacion.create_id(anio=2018)
    assert p.claves_fiscalizaciones() == [f"plan/2018/{RUC}"]
    p.avanzar("aprobar_plan", actor=DE, hoy=date(2018, 1, 31))
    with pytest.raises(DatosInvalidos):
        p.avanzar("elaborar_informe", actor=DFS, hoy=date(2018, 12, 20))
    p.avanzar("elaborar_informe", actor=DFS, hoy=date(2018, 12, 20), resultados={"fiscalizadas": 1})
    p.avanzar("aprobar_informe", actor=DE, hoy=date(2019, 1, 10))
    with pytest.raises(TransicionIlegal):
        p.avanzar("remitir_a_contraloria", actor=DE, hoy=date(2019, 1, 11), oficio="O-1")
    p.avanzar("presentar_al_consejo", actor=DE, hoy=date(2019, 1, 15))
    with pytest.raises(SinDerecho):
        p.avanzar("aprobar_en_consejo", actor=DE, hoy=date(2019, 1, 20), acuerdo="A-1")
    p.avanzar("aprobar_en_consejo", actor=CONSEJO, hoy=date(2019, 1, 20), acuerdo="A-1")
    p.avanzar("remitir_a_contraloria", actor=DE, hoy=date(2019, 1, 25), oficio="O-1")
    assert p.estado == "cerrado"
    assert tipos_eventos(p)[-1] == "ResultadosFiscalizacionRemitidosAContraloria"
    assert recargar(p).a_dict() == p.a_dict()
