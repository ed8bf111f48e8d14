"""Expediente numbers, the in-tray ordering and the catalogue's versioning."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from shared.errores import DatosInvalidos, NoEncontrado

from services.tramite.domain.bandeja import marcar_vencidos, ordenar_bandeja
from services.tramite.domain.catalogo import Catalogo
from services.tramite.domain.numeracion import NumeroExpediente, formatear_numero, parsear_numero
from services.tramite.domain.procedimientos import CATALOGO
from services.tramite.domain.procedimientos.p1_solicitud_cti import P1


def test_number_is_year_office_and_six_digit_sequence_and_parses_back():
    assert formatear_numero(2026, "MINSA", 123) == "2026-MINSA-000123"
    assert parsear_numero("2026-APCI-DGNI-000007") == NumeroExpediente(2026, "APCI-DGNI", 7)
    assert str(parsear_numero("2026-MINSA-000123")) == "2026-MINSA-000123"


@pytest.mark.parametrize("texto", ["2026-minsa-000123", "26-MINSA-000123", "2026-MINSA-123", "2026-MINSA-000000"])
def test_malformed_numbers_are_rejected(texto):
    with pytest.raises(DatosInvalidos):
        parsear_numero(texto)


def test_formatter_names_every_bad_part():
    with pytest.raises(DatosInvalidos) as error:
        formatear_numero(26, "mi nsa", 0)
    assert [e["campo"] for e in error.value.extra["errores"]] == ["anio", "oficina", "secuencia"]


def test_bandeja_puts_overdue_first_then_next_deadline_then_files_without_deadlines():
    hoy = date(2026, 10, 12)
    vistas = [
        {"numero": "2026-MINSA-000004", "proximo_vencimiento": None, "presentado_el": "2026-01-05"},
        {"numero": "2026-MINSA-000003", "proximo_vencimiento": "2026-10-20"},
        {"numero": "2026-MINSA-000002", "proximo_vencimiento": "2026-10-09"},
        {"numero": "2026-MINSA-000001", "proximo_vencimiento": "2026-10-01"},
        {"numero": "2026-MINSA-000005", "proximo_vencimiento": "2026-10-12"},
    ]
    orden = [v["numero"][-1] for v in ordenar_bandeja(vistas, hoy)]
    assert orden == ["1", "2", "5", "3", "4"]
    marcados = marcar_vencidos(vistas, hoy)
    assert [m["vencido"] for m in marcados] == [True, True, False, False, False]
    assert marcados[0]["dias_para_vencer"] == -11


def test_a_new_version_applies_to_files_presented_after_it_and_old_versions_stay_readable():
    catalogo = Catalogo()
    catalogo.registrar(P1)
    catalogo.registrar(replace(P1, version=2, vigente_desde=date(2027, 1, 1)))
    assert catalogo.vigente(P1.codigo, date(2026, 12, 31)).version == 1
    assert catalogo.vigente(P1.codigo, date(2027, 1, 1)).version == 2
    assert catalogo.obtener(P1.codigo, 1) is P1
    with pytest.raises(NoEncontrado):
        catalogo.obtener(P1.codigo, 3)


def test_every_registered_act_and_deadline_cites_its_legal_basis():
    for proc in CATALOGO.todos():
        for accion in proc.acciones:
            assert all(set(f) == {"norma", "articulo"} for f in accion.fundamento), accion.nombre
        for plazo in proc.plazos():
            assert plazo.fundamento and plazo.unidad.value in {"habiles", "calendario"}


def test_un_procedimiento_desconocido_es_un_dato_invalido_que_nombra_el_campo():
    from shared.errores import DatosInvalidos
    from tests.unit.tramite.apoyo import MINSA, abrir

    with pytest.raises(DatosInvalidos) as info:
        abrir("P9-NO-EXISTE", MINSA, date(2026, 3, 2))
    (error,) = info.value.extra["errores"]
    assert error["campo"] == "procedimiento" and "P1-SOLICITUD-CTI" in error["mensaje"]
