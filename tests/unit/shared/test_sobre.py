"""The envelope and the hash chain on aggregates, without I/O."""

from datetime import date
from decimal import Decimal

import pytest
from eventsourcing.domain import event

from shared.eventos import GENESIS, Actor, Agregado, CadenaRota, acto
from shared.eventos.persistencia_prueba import app_en_memoria, recargar
from shared.eventos.sobre import a_json


class Expediente(Agregado):
    @event("ExpedienteAbierto")
    def __init__(self, numero: str, presentado_el: date) -> None:
        self.numero = numero
        self.hops: list[str] = []

    @property
    def correlacion(self) -> str:
        return self.numero

    @classmethod
    def correlacion_inicial(cls, datos):
        return datos["numero"]

    @event("ExpedienteDerivado")
    def derivar(self, a: str, monto: Decimal, fundamento_legal: dict) -> None:
        self.hops.append(a)


ANA = Actor("ana", "MINSA-CTI", ("tramitador",))
FUND = {"norma": "D.S. 015-92-PCM", "articulo": "12"}


def _expediente() -> Expediente:
    with acto(actor=ANA, causacion="solicitud:1", documentos=({"tipo": "oficio", "numero": "12-2026"},)):
        e = Expediente("2026-MINSA-000001", date(2026, 7, 22))
        e.derivar(a="APCI-DGNI", monto=Decimal("1500.50"), fundamento_legal=FUND)
    return e


def test_cada_evento_lleva_actor_correlacion_causacion_documentos_y_fundamento():
    e = _expediente()
    creado, derivado = e.collect_events()
    for ev in (creado, derivado):
        assert ev.sobre["actor"] == {"persona": "ana", "oficina": "MINSA-CTI", "roles": ["tramitador"]}
        assert ev.sobre["correlacion"] == "2026-MINSA-000001"
        assert ev.sobre["causacion"] == "solicitud:1"
        assert ev.sobre["documentos"] == [{"tipo": "oficio", "numero": "12-2026"}]
    assert derivado.sobre["fundamento_legal"] == FUND
    assert derivado.sobre["tipo"] == "ExpedienteDerivado"


def test_la_cadena_enlaza_cada_evento_con_el_anterior():
    e = _expediente()
    creado, derivado = e.collect_events()
    assert creado.hash_anterior == GENESIS
    assert derivado.hash_anterior == creado.hash
    assert e.ultimo_hash == derivado.hash


def test_recargar_del_almacen_reconstruye_el_mismo_estado_y_la_misma_cadena():
    e = _expediente()
    copia = recargar(e)
    assert copia.hops == ["APCI-DGNI"]
    assert copia.ultimo_hash == e.ultimo_hash


def test_un_evento_alterado_en_el_almacen_no_se_puede_cargar():
    app = app_en_memoria()
    e = _expediente()
    app.save(e)
    guardado = app.recorder.select_events(e.id)[1]
    alterado = guardado.state.replace(b"APCI-DGNI", b"APCI-DGNX")
    app.recorder._stored_events[-1] = type(guardado)(guardado.originator_id, guardado.originator_version,
                                                     guardado.topic, alterado)
    with pytest.raises(CadenaRota) as info:
        app.repository.get(e.id)
    assert info.value.version == 2
    assert info.value.stream == str(e.id)


def test_forma_canonica_es_estable_para_tipos_del_dominio():
    assert a_json({"b": Decimal("1.10"), "a": date(2026, 1, 2), "c": (1, 2)}) == {"b": "1.10", "a": "2026-01-02",
                                                                                 "c": [1, 2]}
