"""Projection of events into the rows of the Registro de Sanciones (RIS Tercera Disposicion Final; kept by DOC).

A pure left fold: the same events in the same order always give the same rows, so the read model can be dropped
and rebuilt. Rows: RUC, infraction, date of the facts, state, resolution (file key and date), amount in soles.
Only files that reached a sanction get a row; sanctions later revoked stay visible with state ``revocada``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

_ESTADO_EXPEDIENTE = {
    "ResolucionNotificada": "notificada",
    "RecursoReconsideracionInterpuesto": "impugnada",
    "RecursoApelacionInterpuesto": "impugnada",
    "ResolucionRevocada": "revocada",
}
_ESTADO_SANCION = {
    "SancionFirme": "firme", "MultaPagada": "pagada", "CobranzaCoactivaIniciada": "en_cobranza_coactiva",
    "SancionDejadaSinEfecto": "revocada",
}


def _tipo(evento: Any) -> str:
    return type(evento).__name__


def proyectar(eventos: Iterable[Any], filas: dict[str, dict] | None = None,
              contexto: dict[str, Any] | None = None) -> dict[str, dict]:
    filas = {k: dict(v) for k, v in (filas or {}).items()}
    ctx = contexto if contexto is not None else {"expedientes": {}, "sanciones": {}}
    for e in eventos:
        _aplicar(e, filas, ctx)
    return filas


def _aplicar(e: Any, filas: dict[str, dict], ctx: dict[str, Any]) -> None:
    tipo, origen = _tipo(e), str(e.originator_id)
    if tipo == "InvestigacionPreliminarIniciada":
        ctx["expedientes"][origen] = {"ruc": e.ruc, "codigo": e.codigo, "fecha_hechos": e.fecha_hechos,
                                      "correlacion": e.sobre.get("correlacion")}
    elif tipo == "EjecucionSancionIniciada":
        ctx["sanciones"][origen] = e.expediente_id
    elif tipo == "SancionImpuesta" and origen in ctx["expedientes"]:
        meta = ctx["expedientes"][origen]
        filas[origen] = {"ruc": meta["ruc"], "infraccion": meta["codigo"], "fecha": meta["fecha_hechos"],
                         "estado": "impuesta", "resolucion": {"expediente": meta["correlacion"], "fecha": e.el},
                         "monto_soles": e.decision["multa_soles"], "sanciones": e.decision["sanciones"],
                         "version_reglamento": e.decision["version_reglamento"]}
    elif origen in filas and (tipo in _ESTADO_EXPEDIENTE
                              or (tipo == "ReconsideracionResuelta" and e.decision["fundada"])):
        filas[origen]["estado"] = _ESTADO_EXPEDIENTE.get(tipo, "revocada")
    elif origen in filas and getattr(e, "estado", None) == "firme":
        filas[origen]["estado"] = "firme"
    elif origen in ctx["sanciones"] and ctx["sanciones"][origen] in filas:
        fila = filas[ctx["sanciones"][origen]]
        if tipo in _ESTADO_SANCION:
            fila["estado"] = _ESTADO_SANCION[tipo]
        if "multa_soles" in getattr(e, "asigna", {}):
            fila["monto_soles"] = e.asigna["multa_soles"]
