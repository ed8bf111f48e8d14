"""Inbound signed notifications: authentic, fresh and new are accepted once; forged, stale and replayed are refused."""

from __future__ import annotations

import pytest

from shared.documentos import webhook as w

SECRETO = "s3creto-compartido-con-el-dms"
AHORA = 1_795_000_000
CUERPO = b'{"dms_id": "41", "version": "97"}'


def _firmada(evento_id: str = "mayan:25", cuerpo: bytes = CUERPO, momento: int = AHORA, secreto: str = SECRETO):
    return w.cabeceras(secreto, evento_id, cuerpo, momento)[w.CABECERA_FIRMA]


def test_autentica_se_acepta_una_vez_y_la_repeticion_se_rechaza():
    vistos = w.VistosEnMemoria()
    assert w.aceptar([SECRETO], "mayan:25", CUERPO, _firmada(), AHORA + 3, vistos) == "mayan:25"
    with pytest.raises(w.NotificacionRepetida):  # same request replayed inside the window
        w.aceptar([SECRETO], "mayan:25", CUERPO, _firmada(), AHORA + 10, vistos)
    with pytest.raises(w.NotificacionRepetida):  # the sender's honest retry: new timestamp, same event id
        w.aceptar([SECRETO], "mayan:25", CUERPO, _firmada(momento=AHORA + 60), AHORA + 61, vistos)


@pytest.mark.parametrize("cambio", ["cuerpo", "evento", "secreto", "momento", "firma_ajena", "sin_cabecera",
                                    "mal_formada", "sin_evento"])
def test_falsificada_se_rechaza_y_no_consume_el_id(cambio):
    vistos = w.VistosEnMemoria()
    evento, cuerpo, cabecera = "mayan:25", CUERPO, _firmada()
    if cambio == "cuerpo":
        cuerpo = b'{"dms_id": "42", "version": "97"}'
    elif cambio == "evento":
        evento = "mayan:26"
    elif cambio == "secreto":
        cabecera = _firmada(secreto="otro-secreto-cualquiera")
    elif cambio == "momento":  # timestamp edited without re-signing
        cabecera = cabecera.replace(f"t={AHORA}", f"t={AHORA + 1}")
    elif cambio == "firma_ajena":
        cabecera = f"t={AHORA},v1={'0' * 64}"
    elif cambio == "sin_cabecera":
        cabecera = None
    elif cambio == "mal_formada":
        cabecera = "firma=abc"
    elif cambio == "sin_evento":
        evento = None
    with pytest.raises(w.FirmaInvalida):
        w.aceptar([SECRETO], evento, cuerpo, cabecera, AHORA + 1, vistos)
    assert vistos.ids == {}
    # and the genuine one is still accepted afterwards
    assert w.aceptar([SECRETO], "mayan:25", CUERPO, _firmada(), AHORA + 1, vistos)


@pytest.mark.parametrize("desfase", [301, -301, 86_400])
def test_vencida_se_rechaza(desfase):
    with pytest.raises(w.NotificacionVencida):
        w.aceptar([SECRETO], "mayan:25", CUERPO, _firmada(), AHORA + desfase, w.VistosEnMemoria())


def test_borde_de_la_ventana_y_rotacion_de_secreto():
    vistos = w.VistosEnMemoria()
    assert w.aceptar([SECRETO], "mayan:1", CUERPO, _firmada("mayan:1"), AHORA + 300, vistos)
    # during a rotation the receiver knows both secrets; the sender may still sign with the old one
    assert w.aceptar(["nuevo-secreto-del-dms", SECRETO], "mayan:2", CUERPO, _firmada("mayan:2"), AHORA, vistos)
    # and a sender may put two signatures in one header
    doble = _firmada("mayan:3") + ",v1=" + w.firma("nuevo-secreto-del-dms", "mayan:3", CUERPO, AHORA)
    assert w.aceptar(["nuevo-secreto-del-dms"], "mayan:3", CUERPO, doble, AHORA, vistos)

