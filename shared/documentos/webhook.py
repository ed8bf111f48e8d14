"""Signed HTTP notifications, both ways: HMAC-SHA256 over timestamp, event id and body, with replay protection.

Why this scheme (the one Stripe and GitHub popularised): the receiver can check, with a secret shared with the
sender, that the body is authentic (HMAC, compared in constant time), fresh (the signed timestamp is within a
5-minute window, so a captured request cannot be replayed later) and new (the event id, also signed, is recorded
once, so a replay inside the window and an honest retry by the sender are both absorbed: idempotency by event id).

Header ``X-CTI-Firma: t=<unix seconds>,v1=<hex>`` (several ``v1`` allowed during a secret rotation) and header
``X-CTI-Evento-Id``. The signed bytes are ``f"{t}.{evento_id}.".encode() + body``. Everything but the store is pure.
Inbound (a DMS -> the gateway) and outbound (``suscripciones`` -> subscribers) use the same functions.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from abc import ABC, abstractmethod
from collections.abc import Sequence

CABECERA_FIRMA = "X-CTI-Firma"
CABECERA_EVENTO = "X-CTI-Evento-Id"
VENTANA_S = 300
_EVENTO_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:@-]{0,199}$")


class NotificacionRechazada(Exception):
    """Refused; the route answers 401 (``FirmaInvalida``, ``NotificacionVencida``) and logs ``motivo``."""

    motivo = "rechazada"


class FirmaInvalida(NotificacionRechazada):
    motivo = "firma invalida"


class NotificacionVencida(NotificacionRechazada):
    motivo = "fuera de la ventana de tiempo"


class NotificacionRepetida(NotificacionRechazada):
    """Already accepted once: the route answers 200 without effect, so an honest retry stops retrying."""

    motivo = "evento ya recibido"


def _clave(secreto: str | bytes) -> bytes:
    return secreto.encode() if isinstance(secreto, str) else secreto


def firma(secreto: str | bytes, evento_id: str, cuerpo: bytes, momento: int) -> str:
    """The hex HMAC-SHA256 of ``"<momento>.<evento_id>." + cuerpo``."""
    return hmac.new(_clave(secreto), f"{momento}.{evento_id}.".encode() + cuerpo, hashlib.sha256).hexdigest()


def cabeceras(secreto: str | bytes, evento_id: str, cuerpo: bytes, momento: int) -> dict[str, str]:
    """Headers a sender adds to a POST of ``cuerpo``."""
    return {CABECERA_FIRMA: f"t={momento},v1={firma(secreto, evento_id, cuerpo, momento)}",
            CABECERA_EVENTO: evento_id}


def leer_cabecera(valor: str | None) -> tuple[int, list[str]]:
    """``t=...,v1=...[,v1=...]`` -> (timestamp, signatures); FirmaInvalida if malformed."""
    momento, firmas = None, []
    for parte in (valor or "").split(","):
        clave, _, dato = parte.strip().partition("=")
        if clave == "t" and dato.isdigit() and len(dato) <= 12:
            momento = int(dato)
        elif clave == "v1" and re.fullmatch(r"[0-9a-f]{64}", dato):
            firmas.append(dato)
    if momento is None or not firmas:
        raise FirmaInvalida("cabecera de firma ausente o mal formada")
    return momento, firmas


def comprobar(secretos: Sequence[str | bytes], evento_id: str | None, cuerpo: bytes, cabecera: str | None,
              ahora: float, ventana: int = VENTANA_S) -> None:
    """Authentic and fresh, or raise. ``secretos``: the current secret first, then any still being rotated out."""
    if not evento_id or not _EVENTO_ID.match(evento_id):
        raise FirmaInvalida("id de evento ausente o invalido")
    momento, firmas = leer_cabecera(cabecera)
    if abs(ahora - momento) > ventana:
        raise NotificacionVencida(f"marca de tiempo a {int(ahora - momento)} s (ventana {ventana} s)")
    esperadas = [firma(s, evento_id, cuerpo, momento) for s in secretos]
    # compare every pair, always, in constant time: no early exit that would leak which one matched
    coincide = False
    for esperada in esperadas:
        for recibida in firmas:
            coincide |= hmac.compare_digest(esperada, recibida)
    if not coincide:
        raise FirmaInvalida("la firma no corresponde al cuerpo")


class AlmacenVistos(ABC):
    """Where accepted event ids are kept (a table in production: ``tablas.VistosSQL``)."""

    @abstractmethod
    def registrar(self, evento_id: str, momento: float) -> bool:
        """Record ``evento_id`` atomically; False if it was already there."""


class VistosEnMemoria(AlmacenVistos):
    """For tests and single-process tools."""

    def __init__(self) -> None:
        self.ids: dict[str, float] = {}

    def registrar(self, evento_id: str, momento: float) -> bool:
        if evento_id in self.ids:
            return False
        self.ids[evento_id] = momento
        return True


def aceptar(secretos: Sequence[str | bytes], evento_id: str | None, cuerpo: bytes, cabecera: str | None,
            ahora: float, vistos: AlmacenVistos, ventana: int = VENTANA_S) -> str:
    """Check the notification and record its id; return the id. Raises a NotificacionRechazada subclass.

    The id is recorded only after the signature and the time window passed, so a forged request cannot burn an id.
    """
    comprobar(secretos, evento_id, cuerpo, cabecera, ahora, ventana)
    assert evento_id is not None
    if not vistos.registrar(evento_id, ahora):
        raise NotificacionRepetida(f"el evento {evento_id} ya fue recibido")
    return evento_id
