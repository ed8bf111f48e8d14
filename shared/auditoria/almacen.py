"""Verify what a service actually stores: read every stored event, decode it, check every stream's chain.

Rows are decoded by ``shared.almacen.crudo`` (plain JSON, the mapper only where needed) and only what a chain check
needs is kept per event (version, links, stored and recomputed hash), so memory grows with the number of events by
a few hundred bytes each, not by their payloads.
"""

from __future__ import annotations

from typing import Any

from shared.almacen import crudo
from shared.almacen.aplicacion import AplicacionCTI
from shared.auditoria.cadena import Falla, verificar_cadenas

LOTE = 5000


def eslabones(app: AplicacionCTI, servicio: str) -> tuple[list[dict[str, Any]], list[Falla]]:
    """Per stored event ``{agregado_id, version, hash_anterior, hash, calculado}``, and the undecodable rows."""
    eslabon: list[dict[str, Any]] = []
    ilegibles: list[Falla] = []
    desde = 1
    while True:
        lote = app.notificaciones(desde, LOTE)
        for n in lote:
            try:
                m, calculado = crudo.mensaje_y_hash(servicio, app.mapper, n)
            except Exception as e:  # a corrupted row is a finding, not a crash
                ilegibles.append(Falla(str(n.originator_id), n.originator_version, f"evento ilegible: {e}"))
                continue
            eslabon.append({"agregado_id": m["agregado_id"], "version": m["version"],
                            "hash_anterior": m.get("hash_anterior"), "hash": m.get("hash"), "calculado": calculado})
        if len(lote) < LOTE:
            return eslabon, ilegibles
        desde = lote[-1].id + 1


def verificar_almacen(app: AplicacionCTI, servicio: str) -> list[Falla]:
    eslabon, ilegibles = eslabones(app, servicio)
    return ilegibles + verificar_cadenas(eslabon, calcular=lambda m: m["calculado"])
