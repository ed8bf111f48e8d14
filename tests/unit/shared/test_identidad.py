"""Tokens: who may pass, and the ways a token is refused."""

import time

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from shared.errores import NoAutenticado
from shared.identidad.tokens import Emisor, Verificador


def _par() -> tuple[bytes, bytes]:
    k = Ed25519PrivateKey.generate()
    priv = k.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                           serialization.NoEncryption())
    pub = k.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    return priv, pub


PRIV, PUB = _par()


def test_token_valido_nombra_persona_oficina_y_roles():
    token = Emisor(PRIV).emitir("ana", "APCI-DOC", ["registrador"])
    actor = Verificador(PUB).verificar(token)
    assert (actor.persona, actor.oficina, actor.roles) == ("ana", "APCI-DOC", ("registrador",))


def test_token_expirado_se_rechaza():
    token = Emisor(PRIV).emitir("ana", "APCI-DOC", [], vigencia_s=-10)
    with pytest.raises(NoAutenticado, match="expirado"):
        Verificador(PUB).verificar(token)


def test_token_de_otra_audiencia_se_rechaza():
    token = Emisor(PRIV, audiencia="otra").emitir("ana", "APCI-DOC", [])
    with pytest.raises(NoAutenticado, match="audiencia"):
        Verificador(PUB).verificar(token)


def test_token_firmado_con_otra_clave_o_alterado_se_rechaza():
    otra_priv, _ = _par()
    with pytest.raises(NoAutenticado):
        Verificador(PUB).verificar(Emisor(otra_priv).emitir("ana", "APCI-DOC", []))
    token = Emisor(PRIV).emitir("ana", "MINSA-CTI", ["tramitador"])
    cab, cuerpo, firma = token.split(".")
    falso = jwt.utils.base64url_encode(b'{"sub":"ana","oficina":"APCI-DE","roles":["administrador"]}').decode()
    with pytest.raises(NoAutenticado):
        Verificador(PUB).verificar(f"{cab}.{falso}.{firma}")


def test_alg_none_se_rechaza():
    sin_firma = jwt.encode({"sub": "x", "aud": "cti", "iss": "cti-gateway", "exp": int(time.time()) + 60}, None,
                           algorithm="none")
    with pytest.raises(NoAutenticado):
        Verificador(PUB).verificar(sin_firma)


def test_un_token_recordado_deja_de_valer_al_expirar():
    """The verifier remembers accepted tokens, never past their ``exp``, and never one it refused."""
    verificador = Verificador(PUB)
    token = Emisor(PRIV).emitir("ana", "APCI-DOC", ["registrador"], vigencia_s=1)
    assert verificador.verificar(token).persona == "ana"
    assert verificador.verificar(token).persona == "ana"  # remembered
    time.sleep(2.1)
    with pytest.raises(NoAutenticado, match="expirado"):
        verificador.verificar(token)
    otra_priv, _ = _par()
    ajeno = Emisor(otra_priv).emitir("eva", "APCI-DE", ["administrador"])
    for _ in range(2):
        with pytest.raises(NoAutenticado):
            verificador.verificar(ajeno)
