"""Test support: offices with their kinds (master data stand-in), actors, document references, a one-line act."""

from __future__ import annotations

from datetime import date
from typing import Any

from shared.eventos import Actor

from services.tramite.domain.expediente import Expediente

PROMOTOR = "PROMOTOR-0042"
ONGD = "ENTIDAD-20123456789"
MINSA = "MINSA-OCI"
GORE = "GORECUSCO-OCTI"
MUNI = "MPCUSCO-OCI"
UNIV = "UNIV-OCI"
APCI = "APCI-DGNI"
RREE = "RREE-DCI"
PROTOCOLO = "RREE-DGP"
JICA = "FUENTE-JICA"
GIZ = "FUENTE-GIZ"
PJ = "PJ-OCI"
SUNAT = "SUNAT-ADUANAS"

TIPOS = {
    PROMOTOR: "promotor",
    ONGD: "promotor",
    MINSA: "sector",
    GORE: "region",
    MUNI: "provincia",
    UNIV: "universidad",
    APCI: "rector",
    RREE: "cancilleria",
    PROTOCOLO: "cancilleria",
    JICA: "fuente",
    GIZ: "fuente",
    PJ: "firma_directa",
    SUNAT: "aduana",
}
SHA = "ab" * 32


def actor(oficina: str, *roles: str) -> Actor:
    return Actor(persona=f"usuario.{oficina.lower()}", oficina=oficina, roles=roles or ("tramitador",))


def doc(tipo: str, fecha: date, numero: str | None = None) -> dict[str, Any]:
    numero = numero or f"{tipo.upper()}-0001-2026"
    return {"tipo": tipo, "numero": numero, "fecha": fecha, "dms_id": f"dms-{tipo}", "version": "1", "sha256": SHA}


def abrir(procedimiento: str, oficina: str, presentado_el: date, *, presenta: str = PROMOTOR,
          promotor: str = PROMOTOR, numero: str = "2026-MINSA-000123", datos: dict | None = None,
          documentos: tuple[str, ...] = ("solicitud",), **kw: Any) -> Expediente:
    return Expediente.abrir(
        procedimiento=procedimiento, numero=numero, promotor=promotor, oficina_apertura=oficina,
        tipo_oficina_apertura=TIPOS[oficina], presentado_el=presentado_el, actor=actor(presenta),
        actor_tipo_oficina=TIPOS[presenta], datos=datos, documentos=[doc(t, presentado_el) for t in documentos], **kw,
    )


def hacer(exp: Expediente, accion: str, oficina: str, hoy: date, datos: dict | None = None,
          docs: tuple[str, ...] | None = None, roles: tuple[str, ...] = (), **kw: Any) -> Expediente:
    """Take ``accion`` as ``oficina``; by default attaches every document the definition requires."""
    definicion = exp.definicion.accion(accion)
    if docs is None:
        docs = definicion.documentos_exigidos() if definicion else ()
    exp.ejecutar(
        accion, actor=actor(oficina, *roles), actor_tipo_oficina=TIPOS[oficina], hoy=hoy, datos=datos or {},
        documentos=[doc(t, hoy) for t in docs], resolver_tipo=TIPOS.get, **kw,
    )
    return exp


def ruta(exp: Expediente) -> list[tuple[str, str, str]]:
    """(evento, remitente, destinatario) of every hop."""
    return [(t["evento"], t["remitente"], t["destinatario"]) for t in exp.historial()]


def eventos(exp: Expediente) -> list[str]:
    return [type(e).__name__ for e in exp.pending_events]
