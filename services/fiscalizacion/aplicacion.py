"""fiscalizacion's event-sourced application."""

from __future__ import annotations

from shared.almacen.aplicacion import AplicacionCTI


class AplicacionFiscalizacion(AplicacionCTI):
    name = "fiscalizacion"
