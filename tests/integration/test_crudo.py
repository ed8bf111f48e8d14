"""The fast JSON reading of stored rows (``shared.almacen.crudo``) gives exactly what the mapper path gives.

Auditors' scans of the whole log use the fast path; if it ever disagreed with the slow one, a verification would
report tampering that did not happen, or miss some. So the payloads here are the awkward ones: floats Python prints
with an exponent, Decimals, UUIDs, dates, non-ASCII text, integers beyond 64 bits, strings that look like
transcodings or exponents; and a tampered row must be reported the same way by both.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from decimal import Decimal
from typing import Any
from uuid import UUID, uuid4

import pytest
from eventsourcing.domain import event

from shared.almacen import crudo
from shared.almacen.aplicacion import AplicacionCTI
from shared.almacen.publico import evento_publico
from shared.auditoria.almacen import verificar_almacen
from shared.auditoria.cadena import hash_de_mensaje
from shared.auditoria.log_servicio import entradas
from shared.auditoria.checkpoint import entrada_de
from shared.eventos import Actor, Agregado, acto

ACTOR = Actor(persona="prueba", oficina="APCI-DE", roles=("administrador",))

RAROS: list[Any] = [
    {"monto": 1e16, "tasa": 1e-05, "uit": 5350.0, "cero": 0.0, "neg": -2.5e-300},
    {"importe": Decimal("1234.50"), "fuente": UUID("12345678-1234-5678-1234-567812345678"), "dia": date(2026, 7, 28)},
    {"texto": "Año fiscal — cooperación ñandú 日本 \U0001f600 \u2028 \t\n\"comillas\" \\barra"},
    {"grande": 2**70, "negativo": -(2**63)},
    {"parece": '{"_type_":"date_iso","_data_":"2026-01-01"}', "exp": "1e-05,", "uuid": "a5a2-4e-4525"},
    {"anidado": [[1, [2, {"x": [date(2025, 1, 2), Decimal("0.10")]}]], (3, "tres")], "vacio": {}, "nada": None},
    {"cuando": datetime(2026, 11, 25, 20, 0, 0, 123456, tzinfo=timezone.utc), "lista": [1.5, 2, "3"]},
]


class Muestra(Agregado):
    @event("MuestraCreada")
    def __init__(self, codigo: str) -> None:
        self.codigo = codigo

    @event("ValorRegistrado")
    def registrar(self, valor: dict[str, Any]) -> None:
        self.ultimo = valor

    @property
    def correlacion(self) -> str | None:
        return f"2026-PRUEBA-{self.codigo}"


def _app_con_raros(database_url: str) -> tuple[AplicacionCTI, list[UUID]]:
    app = AplicacionCTI(database_url)
    ids = []
    with acto(actor=ACTOR):
        for i, valor in enumerate(RAROS):
            m = Muestra(codigo=f"{i:03d}-{uuid4().hex[:6]}")
            m.registrar(valor=valor)
            m.registrar(valor={"otra": valor})
            app.guardar(m)
            ids.append(m.id)
    return app, ids


def test_la_lectura_rapida_coincide_con_el_mapper_en_cada_evento(database_url):
    app, _ = _app_con_raros(database_url)
    filas = app.notificaciones(1, 1000)
    assert len(filas) == 3 * len(RAROS)
    rapidos = 0
    for fila in filas:
        lento = evento_publico("prueba", app.mapper, fila)
        rapido, calculado = crudo.mensaje_y_hash("prueba", app.mapper, fila)
        assert rapido == lento == crudo.mensaje("prueba", app.mapper, fila)
        assert calculado == hash_de_mensaje(lento) == lento["hash"]
        assert crudo.entrada("prueba", app.mapper, fila) == entrada_de(lento)
        rapidos += crudo.estado_json(fila.state) is not None
    # most rows take the fast path; the ones with huge integers fall back to the mapper
    assert len(filas) // 2 < rapidos < len(filas)
    assert verificar_almacen(app, "prueba") == []


def test_un_numero_alterado_se_detecta_igual_por_ambos_caminos(database_url):
    from tests.integration.apoyo import SQLCrudo

    app, ids = _app_con_raros(database_url)
    sql = SQLCrudo(database_url)
    sql.tabla = app.recorder.events_table_name if sql.pg else "stored_events"
    victima = ids[1]
    clave = victima if sql.pg else victima.hex
    ((estado,),) = sql.ejecutar("SELECT state FROM {t} WHERE originator_id = ? AND originator_version = 2", (clave,))
    alterado = bytes(estado).replace(b"1234.50", b"1234.51")
    assert alterado != bytes(estado)
    sql.ejecutar("UPDATE {t} SET state = ? WHERE originator_id = ? AND originator_version = 2", (alterado, clave))
    fallas = verificar_almacen(app, "prueba")
    assert [(f.stream, f.version, f.motivo) for f in fallas] == [
        (str(victima), 2, "el contenido no corresponde a su hash")]


def test_una_fila_ilegible_es_una_entrada_sin_hash(database_url):
    from tests.integration.apoyo import SQLCrudo

    app, ids = _app_con_raros(database_url)
    sql = SQLCrudo(database_url)
    sql.tabla = app.recorder.events_table_name if sql.pg else "stored_events"
    clave = ids[0] if sql.pg else ids[0].hex
    sql.ejecutar("UPDATE {t} SET state = ? WHERE originator_id = ? AND originator_version = 1", (b"\xff{no", clave))
    log = entradas(app, "prueba")
    (roto,) = [e for e in log if e[1] == str(ids[0]) and e[2] == 1]
    assert roto[3:] == [None, None]
    fallas = verificar_almacen(app, "prueba")
    assert any(f.stream == str(ids[0]) and f.version == 1 and "ilegible" in f.motivo for f in fallas)


@pytest.mark.parametrize("texto,rapido", [(b'{"a":1e+16}', True), (b'{"a":[2,-18446744073709551616]}', False),
                                          (b'{"g":1180591620717411303424}', False), (b'{"u":"a5a2-4e-4525"}', True),
                                          (b'{"h":"0000000000000000000000000"}', True)])
def test_solo_los_enteros_de_mas_de_64_bits_van_al_mapper(texto, rapido):
    """orjson reads exponent floats as Python does (only its hash bytes may differ: then the mapper decides), but
    would turn a huge integer into a float; a long digit run inside a string (the genesis hash) is not one."""
    assert (crudo.estado_json(texto) is not None) is rapido
