"""Event store wiring: the eventsourcing application base, the single writer and the public form of stored events."""

from shared.almacen.aplicacion import AplicacionCTI
from shared.almacen.escritor import Escritor
from shared.almacen.publico import evento_publico

__all__ = ["AplicacionCTI", "Escritor", "evento_publico"]
