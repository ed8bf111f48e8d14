"""Verifying chains from public events alone: the kinds of tampering an auditor must catch."""

import copy
from datetime import date

from eventsourcing.domain import event

from shared.almacen.publico import evento_publico
from shared.auditoria.cadena import verificar_cadenas
from shared.eventos import Agregado
from shared.eventos.persistencia_prueba import app_en_memoria


class Cuenta(Agregado):
    @event("CuentaAbierta")
    def __init__(self, titular: str) -> None:
        self.titular = titular

    @event("Anotado")
    def anotar(self, texto: str, el: date) -> None:
        pass


def _mensajes(n: int = 5) -> list[dict]:
    app = app_en_memoria()
    c = Cuenta("ONGD Ejemplo")
    for i in range(n - 1):
        c.anotar(texto=f"nota {i}", el=date(2026, 1, i + 1))
    app.save(c)
    return [evento_publico("registro", app.mapper, n) for n in app.recorder.select_notifications(1, 100)]


def test_una_cadena_intacta_no_tiene_fallas():
    assert verificar_cadenas(_mensajes()) == []


def test_cambiar_un_byte_del_contenido_se_detecta_en_esa_version():
    m = _mensajes()
    m[2]["datos"]["texto"] = "nota X"
    fallas = verificar_cadenas(m)
    assert [(f.version, "contenido" in f.motivo) for f in fallas] == [(3, True)]


def test_borrar_un_evento_se_detecta_como_hueco():
    m = _mensajes()
    del m[2]
    fallas = verificar_cadenas(m)
    assert any(f.version == 3 and "falta" in f.motivo for f in fallas)


def test_intercambiar_dos_eventos_se_detecta():
    m = _mensajes()
    a, b = copy.deepcopy(m[1]), copy.deepcopy(m[2])
    m[1], m[2] = {**b, "version": a["version"]}, {**a, "version": b["version"]}
    fallas = verificar_cadenas(m)
    assert {f.version for f in fallas} >= {2, 3}
    assert all(f.stream == m[0]["agregado_id"] for f in fallas)
