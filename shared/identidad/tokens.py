"""Issue and verify tokens. Claims: ``sub`` (person), ``oficina``, ``roles``, ``aud``, ``iss``, ``exp``.

Verification pins the algorithm (EdDSA), the audience and the issuer, and requires an expiry: a token signed by
another key, for another audience, expired, or with ``alg: none`` is refused.
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass

import jwt

from shared.errores import NoAutenticado
from shared.eventos.sobre import Actor

ALGORITMO = "EdDSA"


@dataclass(frozen=True)
class Verificador:
    clave_publica: bytes
    audiencia: str = "cti"
    emisor: str = "cti-gateway"

    def verificar(self, token: str) -> Actor:
        try:
            datos = jwt.decode(token, self.clave_publica, algorithms=[ALGORITMO], audience=self.audiencia,
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
        return Actor(persona=str(datos["sub"]), oficina=datos.get("oficina", ""), roles=tuple(map(str, roles)))


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
