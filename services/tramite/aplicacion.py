"""tramite's event-sourced application."""

from __future__ import annotations

from shared.almacen.aplicacion import AplicacionCTI


class AplicacionTramite(AplicacionCTI):
    name = "tramite"
