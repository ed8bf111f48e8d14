"""RUC, ubigeo and date checks: every failure names the field."""

from datetime import date

import pytest

from shared.errores import DatosInvalidos

from services.registro.domain.validacion import (
    region_de, ruc_con_digito, validar_fecha, validar_ruc, validar_ruc_persona_juridica, validar_ubigeo,
)


def test_ruc_valido_se_devuelve_compacto():
    assert validar_ruc(" 20131312955 ") == "20131312955"


@pytest.mark.parametrize("ruc, motivo", [
    ("20131312956", "digito verificador"), ("2013131295", "11 digitos"), ("2013131295A", "digitos"),
    ("30131312955", "10, 15, 17 o 20"),
])
def test_ruc_invalido_nombra_el_campo_y_el_motivo(ruc, motivo):
    with pytest.raises(DatosInvalidos) as err:
        validar_ruc(ruc, campo="ruc_unidad_ejecutora")
    assert err.value.extra["errores"][0]["campo"] == "ruc_unidad_ejecutora"
    assert motivo in err.value.extra["errores"][0]["mensaje"]


def test_ongd_eniex_ipreda_son_personas_juridicas_con_ruc_20():
    persona_natural = ruc_con_digito("1004567890")
    assert validar_ruc(persona_natural) == persona_natural
    with pytest.raises(DatosInvalidos, match="persona juridica"):
        validar_ruc_persona_juridica(persona_natural)


def test_ruc_con_digito_calcula_el_verificador():
    assert ruc_con_digito("2013131295") == "20131312955"


@pytest.mark.parametrize("ubigeo", ["150101", "070101", "250401", "160801"])
def test_ubigeos_reales_son_validos(ubigeo):
    assert validar_ubigeo(ubigeo) == ubigeo


@pytest.mark.parametrize("ubigeo, mensaje", [
    ("260101", "01 y 25"), ("000101", "01 y 25"), ("071001", "Callao tiene provincias 01 a 01"),
    ("152001", "Lima tiene provincias 01 a 10"), ("150100", "distrito"), ("15010", "6 digitos"),
])
def test_ubigeo_invalido_explica_por_que(ubigeo, mensaje):
    with pytest.raises(DatosInvalidos) as err:
        validar_ubigeo(ubigeo, "domicilio.ubigeo")
    assert err.value.extra["errores"][0]["campo"] == "domicilio.ubigeo"
    assert mensaje in err.value.extra["errores"][0]["mensaje"]


def test_lima_metropolitana_callao_y_lima_provincias_son_regiones_distintas():
    assert region_de("150132") == "Lima Metropolitana"
    assert region_de("150801") == "Lima Provincias"
    assert region_de("070101") == "Callao"
    assert region_de("080101") == "Cusco"


def test_fecha_futura_o_anterior_al_acto_previo_se_rechaza():
    with pytest.raises(DatosInvalidos, match="posterior a hoy"):
        validar_fecha(date(2026, 5, 2), "presentada_el", hoy=date(2026, 5, 1))
    with pytest.raises(DatosInvalidos, match="anterior a 2026-05-01"):
        validar_fecha(date(2026, 4, 30), "subsanada_el", no_antes_de=date(2026, 5, 1))
    with pytest.raises(DatosInvalidos, match="fecha"):
        validar_fecha("2026-05-01", "presentada_el")
