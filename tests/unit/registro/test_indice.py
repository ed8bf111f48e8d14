"""One active application or registration per RUC and registry, enforced by a uuid5-keyed index aggregate."""

from datetime import date
from uuid import NAMESPACE_URL, uuid5

import pytest

from shared.errores import Duplicado
from shared.eventos.persistencia_prueba import recargar

from services.registro.domain.indice import InscripcionActiva, id_inscripcion_activa, reservar

from .ayudas import ENTIDAD, RUC, solicitud


def test_id_del_indice_es_determinista_por_registro_y_ruc():
    assert id_inscripcion_activa("ONGD", RUC) == uuid5(NAMESPACE_URL, f"/inscripcion-activa/ONGD/{RUC}")
    assert id_inscripcion_activa("ONGD", RUC) != id_inscripcion_activa("ENIEX", RUC)


def test_segunda_solicitud_activa_del_mismo_ruc_y_registro_es_duplicada():
    primera = solicitud(presentada_el=date(2026, 3, 2))
    indice = reservar(None, registro="ONGD", ruc=RUC, inscripcion_id=primera.id, expediente=primera.expediente)
    assert indice.id == id_inscripcion_activa("ONGD", RUC)
    segunda = solicitud(presentada_el=date(2026, 3, 9), expediente="APCI-DOC-2026-000777")
    with pytest.raises(Duplicado) as err:
        reservar(indice, registro="ONGD", ruc=RUC, inscripcion_id=segunda.id, expediente=segunda.expediente)
    assert err.value.extra["expediente"] == "APCI-DOC-2026-000123"


def test_reservar_de_nuevo_la_misma_inscripcion_no_registra_nada():
    ins = solicitud()
    indice = reservar(None, registro="ONGD", ruc=RUC, inscripcion_id=ins.id, expediente=ins.expediente)
    reservar(indice, registro="ONGD", ruc=RUC, inscripcion_id=ins.id, expediente=ins.expediente)
    assert len(indice._pending_events) == 1


def test_tras_una_renuncia_el_ruc_queda_libre_para_una_nueva_solicitud():
    primera = solicitud(presentada_el=date(2026, 3, 2))
    indice = reservar(None, registro="ONGD", ruc=RUC, inscripcion_id=primera.id, expediente=primera.expediente)
    primera.vencer_plazos(date(2026, 4, 10))
    primera.renunciar(actor=ENTIDAD, hoy=date(2026, 6, 1))
    assert not primera.activa
    indice.liberar(inscripcion_id=primera.id, estado_final=primera.estado)
    indice.liberar(inscripcion_id=primera.id, estado_final=primera.estado)  # idempotent
    assert [type(e).__name__ for e in indice._pending_events] == ["InscripcionActivaIndexada",
                                                                  "InscripcionActivaLiberada"]
    nueva = solicitud(presentada_el=date(2026, 9, 1), expediente="APCI-DOC-2026-000999")
    reservar(indice, registro="ONGD", ruc=RUC, inscripcion_id=nueva.id, expediente=nueva.expediente)
    assert indice.inscripcion_id == nueva.id
    copia = recargar(indice)
    assert isinstance(copia, InscripcionActiva) and copia.a_dict() == indice.a_dict()


def test_cada_solicitud_tiene_id_determinista_por_expediente():
    ins = solicitud()
    assert ins.id == uuid5(NAMESPACE_URL, f"/inscripcion/ONGD/{RUC}/APCI-DOC-2026-000123")
