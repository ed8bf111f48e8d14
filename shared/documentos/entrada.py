"""Inbound: turn DMS events (polled from its log, or announced by a signed webhook) into incorporations.

Why here and not in tramite: both inbound paths (polling and webhook) must produce the same thing, a verified
reference (bytes downloaded and hashed by ``describir``) tied to an expediente by its metadata, with who
registered it. Tramite then records ``DocumentoIncorporado`` idempotently by (dms, dms_id, version), so the same
revision seen twice (file event and metadata event, webhook and poll) is attached once.
Documents without an expediente number, or whose file is not processed yet, are skipped: a later event (the
metadata being added, the file being processed) brings them back. A DMS that is down raises, so the caller keeps
its stored position and retries.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from shared.documentos.puerto import (ClaseEvento, DocumentoAusente, DocumentoIncompleto, EventoDocumental,
                                      PuertoDocumental)
from shared.documentos.referencia import ReferenciaDocumento, ReferenciaInvalida, id_seguro

log = logging.getLogger("cti.documentos")


@dataclass(frozen=True)
class Incorporacion:
    """What tramite's ``DocumentoIncorporado`` command needs."""

    expediente: str
    referencia: ReferenciaDocumento
    registrado_por: str | None
    evento_id: str  # the DMS event that announced it


def incorporaciones(puerto: PuertoDocumental, eventos: Iterable[EventoDocumental]) -> list[Incorporacion]:
    resultado: list[Incorporacion] = []
    vistas: set[tuple[str, str, str]] = set()
    for ev in eventos:
        if ev.clase not in (ClaseEvento.ARCHIVO_NUEVO, ClaseEvento.METADATOS) or not ev.dms_id:
            continue
        version = ev.version if ev.clase is ClaseEvento.ARCHIVO_NUEVO else None
        try:
            ficha = puerto.describir(ev.dms_id, version)
        except (DocumentoAusente, DocumentoIncompleto) as e:
            log.info("evento %s: documento %s omitido (%s)", ev.evento_id, ev.dms_id, e)
            continue
        clave = (ficha.referencia.dms, ficha.referencia.dms_id, ficha.referencia.version)
        if not ficha.expediente or clave in vistas:
            continue
        vistas.add(clave)
        quien = ev.actor if ev.clase is ClaseEvento.ARCHIVO_NUEVO and ev.actor else ficha.registrado_por
        resultado.append(Incorporacion(ficha.expediente, ficha.referencia, quien, ev.evento_id))
    return resultado


def sondear(puerto: PuertoDocumental, posicion: int, limite: int = 500) -> tuple[list[Incorporacion], int]:
    """One polling step: incorporations after ``posicion`` and the position to store once they are committed."""
    eventos = puerto.eventos_desde(posicion, limite)
    return incorporaciones(puerto, eventos), (eventos[-1].posicion if eventos else posicion)


def de_notificacion(puerto: PuertoDocumental, evento_id: str, cuerpo: Mapping[str, Any]) -> Incorporacion | None:
    """A webhook already accepted by ``webhook.aceptar``: body ``{"dms_id": "...", "version": "..."?}``."""
    dms_id, version = str(cuerpo.get("dms_id") or ""), cuerpo.get("version")
    if not id_seguro(dms_id) or (version is not None and not id_seguro(str(version))):
        raise ReferenciaInvalida("Notificacion invalida.", [{"campo": "dms_id", "mensaje": "identificador"}])
    evento = EventoDocumental(posicion=0, evento_id=evento_id, clase=ClaseEvento.ARCHIVO_NUEVO, verbo="webhook",
                              dms_id=dms_id, version=None if version is None else str(version),
                              actor=None, momento="")
    encontradas = incorporaciones(puerto, [evento])
    return encontradas[0] if encontradas else None
