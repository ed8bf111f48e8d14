"""P8: a finding that an intervention runs without approval or prior registration (Ley 28875 art. 5), referred by
APCI to inspection (ROF 48.d, 48.f) or, for a public unit, to the entity above it (RIS 1a Disposicion Final)."""

from __future__ import annotations

from datetime import date

import pytest
from shared.errores import DatosInvalidos, SinDerecho, TransicionIlegal

from tests.unit.tramite.apoyo import APCI, GORE, MINSA, ONGD, abrir, hacer, ruta

P8 = "P8-HALLAZGO-EJECUCION-SIN-REGISTRO"
DATOS = {"intervencion": "Proyecto de agua en Chumbivilcas", "descripcion": "Ejecuta desde marzo sin registro previo",
         "regimen_ejecutor": "ongd"}


def _hallazgo(presenta=MINSA, **extra):
    return abrir(P8, APCI, date(2026, 7, 27), presenta=presenta, promotor=ONGD, datos={**DATOS, **extra},
                 documentos=("informe_hallazgo",), numero="2026-APCI-000801")


def test_un_sector_comunica_el_hallazgo_y_apci_lo_deriva_a_fiscalizacion_con_ruc_e_intervencion():
    exp = _hallazgo()
    assert (exp.estado, exp.custodia) == ("hallazgo_registrado", APCI)
    hacer(exp, "derivar_a_fiscalizacion", APCI, date(2026, 7, 30),
          {"ruc": "20123456789", "intervencion": "PRY-2026-0042"})
    assert (exp.estado, exp.custodia) == ("derivado_a_fiscalizacion", APCI) and exp.terminado
    assert ruta(exp) == [("HallazgoEjecucionRegistrado", MINSA, APCI),
                         ("EjecucionSinAprobacionRemitidaAFiscalizacion", APCI, APCI)]
    tramo = exp.historial()[-1]
    assert tramo["datos"] == {"ruc": "20123456789", "intervencion": "PRY-2026-0042"}
    assert {"norma": "D.S. 028-2007-RE (ROF de APCI)", "articulo": "48.d, 48.f"} in tramo["fundamento_legal"]


def test_una_unidad_publica_no_se_sanciona_se_comunica_a_su_entidad_superior():
    exp = _hallazgo(presenta=GORE, regimen_ejecutor="publico")
    hacer(exp, "comunicar_a_entidad_superior", APCI, date(2026, 7, 30), {"entidad_superior": "MINSA"})
    assert exp.estado == "comunicado_a_entidad_superior"
    assert exp.historial()[-1]["fundamento_legal"] == [{"norma": "D.S. 027-2007-RE (RIS de APCI)",
                                                       "articulo": "1a Disposicion Final"}]


def test_apci_desestima_con_motivo_y_el_expediente_termina():
    exp = _hallazgo()
    with pytest.raises(DatosInvalidos):
        hacer(exp, "desestimar_hallazgo", APCI, date(2026, 7, 30), {"motivo": "porque si"})
    hacer(exp, "desestimar_hallazgo", APCI, date(2026, 7, 30), {"motivo": "intervencion_registrada"})
    assert exp.estado == "desestimado"
    with pytest.raises(TransicionIlegal):
        hacer(exp, "derivar_a_fiscalizacion", APCI, date(2026, 7, 31), {"ruc": "20123456789", "intervencion": "X"})


def test_solo_apci_deriva_y_la_derivacion_exige_ruc_e_intervencion():
    exp = _hallazgo()
    with pytest.raises(SinDerecho):
        hacer(exp, "derivar_a_fiscalizacion", MINSA, date(2026, 7, 30), {"ruc": "20123456789", "intervencion": "X"})
    with pytest.raises(DatosInvalidos) as info:
        hacer(exp, "derivar_a_fiscalizacion", APCI, date(2026, 7, 30), {"intervencion": "X"})
    assert "ruc" in str(info.value.extra["errores"])


def test_el_hallazgo_exige_su_informe_y_el_regimen_del_ejecutor():
    with pytest.raises(DatosInvalidos) as info:
        abrir(P8, APCI, date(2026, 7, 27), presenta=MINSA, promotor=ONGD, datos={**DATOS, "regimen_ejecutor": "x"},
              documentos=(), numero="2026-APCI-000802")
    errores = str(info.value.extra["errores"])
    assert "regimen_ejecutor" in errores and "informe_hallazgo" in errores
