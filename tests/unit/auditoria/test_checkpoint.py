"""Checkpoints: the signature covers every field, the root covers every entry, keys are created once."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from shared.auditoria.checkpoint import (cargar_o_generar, clave_id, entrada_de, extender, firma_valida,
                                         pem_publica, raiz_hasta)
from shared.eventos.sobre import GENESIS
from tests.unit.auditoria.apoyo import CLAVE, checkpoint, log_servicio


def test_un_checkpoint_firmado_verifica_con_su_clave_publica_y_no_con_otra():
    cp = checkpoint("tramite", log_servicio())
    assert firma_valida(cp, cp["clave_publica"])
    assert not firma_valida(cp, pem_publica(Ed25519PrivateKey.generate()))


def test_cambiar_cualquier_campo_firmado_invalida_la_firma():
    cp = checkpoint("tramite", log_servicio())
    for campo, valor in (("posicion", 1), ("cantidad", 1), ("raiz", GENESIS), ("servicio", "registro"),
                         ("emitido_en", "2030-01-01")):
        assert not firma_valida({**cp, campo: valor}, cp["clave_publica"]), campo


def test_la_raiz_extiende_la_anterior_y_depende_de_cada_entrada_y_su_orden():
    entradas = [entrada_de(e) for e in log_servicio()]
    a = extender(GENESIS, entradas[:5])
    assert extender(a, entradas[5:]) == extender(GENESIS, entradas)
    assert raiz_hasta(entradas, entradas[4][0]) == (a, 5)
    cambiada = [list(e) for e in entradas]
    cambiada[3][2] = 99
    assert extender(GENESIS, cambiada) != extender(GENESIS, entradas)
    assert extender(GENESIS, [entradas[1], entradas[0], *entradas[2:]]) != extender(GENESIS, entradas)


def test_la_clave_se_genera_una_vez_y_se_reutiliza(tmp_path):
    ruta = tmp_path / "claves" / "checkpoint-registro.pem"
    primera = cargar_o_generar(ruta)
    assert clave_id(pem_publica(cargar_o_generar(ruta))) == clave_id(pem_publica(primera))
    assert oct(ruta.stat().st_mode & 0o777) == "0o600"
    assert clave_id(pem_publica(CLAVE)) != clave_id(pem_publica(primera))


def test_en_produccion_no_se_genera_una_clave_faltante(tmp_path):
    with pytest.raises(FileNotFoundError):
        cargar_o_generar(tmp_path / "no-existe.pem", generar=False)


def test_raices_en_una_pasada_igual_que_desde_el_genesis():
    """Many checkpoints over one log: the single pass gives each root exactly as recomputing it from the genesis,
    also between positions, beyond the end, and on a log out of order (judged position by position)."""
    from shared.auditoria.checkpoint import raices_en, raiz_hasta

    log = [[i, f"s{i % 3}", i // 3 + 1, "2026-MINSA-000001" if i % 2 else None, f"{i:064x}"]
           for i in (1, 2, 3, 5, 8, 9, 12)]
    posiciones = [0, 1, 4, 5, 9, 11, 12, 40]
    assert raices_en(log, posiciones) == {p: raiz_hasta(log, p) for p in posiciones}
    desordenado = [log[1], log[0], *log[2:]]
    assert raices_en(desordenado, posiciones) == {p: raiz_hasta(desordenado, p) for p in posiciones}
