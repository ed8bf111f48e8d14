"""P6b: annual global evaluation of the cooperation a sector received (R.S. 450-84-RE §6.5.1.b): the sector office's
consolidated report within 60 days of the year's end (Annexes 3 and 4), judged when it is sent; the rector's global
evaluation formulated with the sources and distributed; the source is reached only through the Foreign Ministry
(D.Leg. 719 art. 4.a)."""

from __future__ import annotations

from datetime import date

import pytest
from shared.errores import DatosInvalidos, ReglaIncumplida, SinDerecho, TransicionIlegal

from tests.unit.tramite.apoyo import APCI, GIZ, JICA, MINSA, PROMOTOR, RREE, abrir, hacer, ruta

GLOBAL = "P6-EVALUACION-GLOBAL-SECTORIAL"
CIERRE_2026 = date(2026, 12, 31)
INFORME = ("informe_consolidado", "cuadro_anexo_3", "cuadro_anexo_4")


def _informe(remitido_el=date(2027, 3, 15), termino_anio=CIERRE_2026, documentos=INFORME, presenta=MINSA):
    return abrir(GLOBAL, APCI, remitido_el, presenta=presenta, promotor=presenta, numero="2027-APCI-000002",
                 datos={"termino_anio": termino_anio}, documentos=documentos)


def test_consolidated_report_in_time_then_global_evaluation_formulated_and_distributed():
    exp = _informe()
    assert (exp.estado, exp.custodia) == ("en_analisis_rectora", APCI)
    # 60 business days from the end of the year reported; 25 and 26 March 2027 (Holy Thursday, Good Friday) are
    # holidays, so the last day is 30 March; the report of 15 March is judged in time when it is sent
    plazo = exp.plazos["informe_consolidado"]
    assert (plazo["inicio"], plazo["vence_el"], plazo["unidad"]) == (CIERRE_2026, date(2027, 3, 30), "habiles")
    assert (plazo["estado"], plazo["cumplimiento"]) == ("cumplido", "en_plazo") and not exp.extemporaneo
    assert {"norma": "R.S. 450-84-RE", "articulo": "6.5.1.b.i"} in plazo["fundamento_legal"]
    assert exp.plazos["evaluacion_global"]["vence_el"] == date(2027, 4, 28)  # 30 business days from receipt (6.7)

    hacer(exp, "formular_evaluacion_global", APCI, date(2027, 4, 20), {"fuentes_coordinadas": [JICA, GIZ]})
    assert (exp.estado, exp.custodia) == ("evaluacion_formulada", APCI)
    assert exp.historial()[-1]["documento"]["tipo"] == "evaluacion_global"
    assert exp.plazos["evaluacion_global"]["estado"] == "abierto"  # met only by the distribution

    hacer(exp, "distribuir_evaluacion_global", APCI, date(2027, 4, 22), {"cc": [RREE]})
    assert (exp.estado, exp.custodia) == ("distribuida", MINSA) and exp.terminado
    assert exp.historial()[-1]["cc"] == [RREE]
    assert exp.plazos["evaluacion_global"]["estado"] == "cumplido"
    assert ruta(exp) == [
        ("InformeConsolidadoAnualRemitido", MINSA, APCI),
        ("EvaluacionGlobalAnualFormulada", APCI, APCI),
        ("EvaluacionGlobalAnualDistribuida", APCI, MINSA),
    ]
    assert {"norma": "R.S. 450-84-RE", "articulo": "6.5.1.b.ii"} in exp.historial()[-1]["fundamento_legal"]


def test_a_late_report_is_received_and_marked_late():
    exp = _informe(remitido_el=date(2027, 3, 31))
    assert (exp.estado, exp.custodia) == ("en_analisis_rectora", APCI)
    assert exp.plazos["informe_consolidado"]["cumplimiento"] == "tardio" and exp.extemporaneo
    assert exp.plazos["evaluacion_global"]["vence_el"] == date(2027, 5, 12)  # the rector's 30 days run from receipt
    assert exp.vencer_plazos(date(2027, 5, 12)) == []  # the report's term was judged when sent: it never expires


def test_a_report_on_a_year_not_yet_ended_is_marked_premature():
    exp = _informe(remitido_el=date(2026, 12, 15))
    assert exp.plazos["informe_consolidado"]["cumplimiento"] == "anticipado" and exp.extemporaneo


def test_the_rector_is_flagged_when_the_global_evaluation_is_not_distributed_within_the_duration():
    exp = _informe()
    hacer(exp, "formular_evaluacion_global", APCI, date(2027, 4, 20), {"fuentes_coordinadas": [JICA]})
    assert exp.vencer_plazos(date(2027, 4, 28)) == []
    assert exp.vencer_plazos(date(2027, 4, 29)) == ["PlazoVencido"]
    assert exp.estado == "evaluacion_formulada"
    hacer(exp, "distribuir_evaluacion_global", APCI, date(2027, 5, 3))
    assert exp.terminado and exp.custodia == MINSA


def test_report_without_both_annexes_is_refused_naming_the_missing_one():
    with pytest.raises(DatosInvalidos) as e:
        _informe(documentos=("informe_consolidado", "cuadro_anexo_3"))
    assert [err["mensaje"] for err in e.value.extra["errores"]] == ["falta el documento 'cuadro_anexo_4'"]


@pytest.mark.parametrize("valor", [None, "31/12/2026", "fin de ano"])
def test_the_end_of_the_year_reported_is_required_as_a_date(valor):
    with pytest.raises(DatosInvalidos) as e:
        _informe(termino_anio=valor)
    assert [err["campo"] for err in e.value.extra["errores"]] == ["termino_anio"]


def test_global_evaluation_is_formulated_with_the_sources_it_was_coordinated_with():
    exp = _informe()
    with pytest.raises(DatosInvalidos) as e:
        hacer(exp, "formular_evaluacion_global", APCI, date(2027, 4, 20), {})
    assert [err["campo"] for err in e.value.extra["errores"]] == ["fuentes_coordinadas"]
    with pytest.raises(TransicionIlegal):
        hacer(exp, "distribuir_evaluacion_global", APCI, date(2027, 4, 20))


def test_the_rector_never_copies_the_source_directly():
    exp = _informe()
    hacer(exp, "formular_evaluacion_global", APCI, date(2027, 4, 20), {"fuentes_coordinadas": [JICA]})
    with pytest.raises(SinDerecho) as e:
        hacer(exp, "distribuir_evaluacion_global", APCI, date(2027, 4, 22), {"cc": [JICA]})
    assert "Relaciones Exteriores" in e.value.detalle
    assert exp.estado == "evaluacion_formulada"


def test_only_the_sector_office_sends_the_report_and_only_to_the_rector():
    with pytest.raises(SinDerecho):
        _informe(presenta=PROMOTOR)
    with pytest.raises(ReglaIncumplida):
        abrir(GLOBAL, RREE, date(2027, 3, 15), presenta=MINSA, promotor=MINSA,
              datos={"termino_anio": CIERRE_2026}, documentos=INFORME)
    exp = _informe()
    with pytest.raises(SinDerecho):  # the file is in the rector's custody
        hacer(exp, "formular_evaluacion_global", MINSA, date(2027, 4, 20), {"fuentes_coordinadas": [JICA]})
