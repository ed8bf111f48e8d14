"""Verify what a service actually stores: read every stored event, decode it, check every stream's chain."""

from __future__ import annotations

from typing import Any

from shared.almacen.aplicacion import AplicacionCTI
from shared.almacen.publico import evento_publico
from shared.auditoria.cadena import Falla, verificar_cadenas

LOTE = 5000


def eventos_almacenados(app: AplicacionCTI, servicio: str) -> tuple[list[dict[str, Any]], list[Falla]]:
    mensajes: list[dict[str, Any]] = []
    ilegibles: list[Falla] = []
    desde = 1
    while True:
        lote = app.notificaciones(desde, LOTE)
        for n in lote:
            try:
                mensajes.append(evento_publico(servicio, app.mapper, n))
            except Exception as e:  # a corrupted row is a finding, not a crash
                ilegibles.append(Falla(str(n.originator_id), n.originator_version, f"evento ilegible: {e}"))
        if len(lote) < LOTE:
            return mensajes, ilegibles
        desde = lote[-1].id + 1


def verificar_almacen(app: AplicacionCTI, servicio: str) -> list[Falla]:
    mensajes, ilegibles = eventos_almacenados(app, servicio)
    return ilegibles + verificar_cadenas(mensajes)
