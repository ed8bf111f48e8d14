"""Issue and verify tokens. Claims: ``sub`` (person), ``oficina``, ``roles``, ``aud``, ``iss``, ``exp``.

Verification pins the algorithm (EdDSA), the audience and the issuer, and requires an expiry: a token signed by
another key, for another audience, expired, or with ``alg: none`` is refused.
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import jwt
from cryptography.hazmat.primitives import serialization

from shared.errores import NoAutenticado
from shared.eventos.sobre import Actor

ALGORITMO = "EdDSA"
MAX_RECORDADOS = 10_000
"""Accepted tokens remembered per process (then forgotten all at once): a bound on memory, not on correctness."""


@dataclass(frozen=True)
class Verificador:
    """Verifies with the parsed key (PyJWT re-parses a PEM on every call) and remembers tokens it accepted until
    they expire: every request crosses the gateway and a service, and each checked the same signature again."""

    clave_publica: bytes
    audiencia: str = "cti"
    emisor: str = "cti-gateway"
    _aceptados: dict[str, tuple[Actor, float]] = field(default_factory=dict, compare=False, repr=False)

    @cached_property
    def _clave(self) -> Any:
        return serialization.load_pem_public_key(self.clave_publica)

    def verificar(self, token: str) -> Actor:
        recordado = self._aceptados.get(token)
        if recordado is not None and time.time() < recordado[1]:
            return recordado[0]
        actor, expira = self._verificar(token)
        if len(self._aceptados) >= MAX_RECORDADOS:
            self._aceptados.clear()
        self._aceptados[token] = (actor, expira)
        return actor

    def _verificar(self, token: str) -> tuple[Actor, float]:
        try:
            datos = jwt.decode(token, self._clave, algorithms=[ALGORITMO], audience=self.audiencia,
                               issuer=self.emisor, options={"require": ["exp", "sub", "aud", "iss"]})
        except jwt.ExpiredSignatureError:
            raise NoAutenticado("El token ha expirado.") from None
        except jwt.InvalidAudienceError:
            raise NoAutenticado("El token no es para esta audiencia.") from None
        except jwt.PyJWTError:
            raise NoAutenticado("Token invalido.") from None
        roles = datos.get("roles") or []
        if not isinstance(roles, list) or not isinstance(datos.get("oficina", ""), str):
            raise NoAutenticado("Token invalido: roles u oficina mal formados.")
        actor = Actor(persona=str(datos["sub"]), oficina=datos.get("oficina", ""), roles=tuple(map(str, roles)))
        return actor, float(datos["exp"])


@dataclass(frozen=True)
class Emisor:
    clave_privada: bytes
    audiencia: str = "cti"
    emisor: str = "cti-gateway"

    def emitir(self, persona: str, oficina: str, roles: list[str], vigencia_s: int = 3600) -> str:
        ahora = int(time.time())
        return jwt.encode(
            {"sub": persona, "oficina": oficina, "roles": roles, "aud": self.audiencia, "iss": self.emisor,
             "iat": ahora, "exp": ahora + vigencia_s, "jti": str(uuid.uuid4())},
            self.clave_privada,
            algorithm=ALGORITMO,
        )
