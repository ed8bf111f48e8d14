"""Event envelope, canonical encoding, hash chain and the base aggregate every service's domain uses."""

from shared.eventos.agregado import Agregado, CadenaRota
from shared.eventos.sobre import (
    GENESIS,
    Actor,
    ContextoActo,
    Documento,
    FundamentoLegal,
    acto,
    contexto_actual,
)

__all__ = [
    "GENESIS",
    "Actor",
    "Agregado",
    "CadenaRota",
    "ContextoActo",
    "Documento",
    "FundamentoLegal",
    "acto",
    "contexto_actual",
]
