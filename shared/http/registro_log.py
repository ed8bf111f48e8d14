"""Structured JSON logs with the request and correlation ids of the act being served."""

from __future__ import annotations

import json
import logging
import sys
from contextvars import ContextVar
from datetime import UTC, datetime

id_solicitud: ContextVar[str] = ContextVar("id_solicitud", default="")
id_correlacion: ContextVar[str] = ContextVar("id_correlacion", default="")

_SENSIBLES = ("authorization", "token", "secret", "password", "clave")


class FormatoJSON(logging.Formatter):
    def __init__(self, servicio: str) -> None:
        super().__init__()
        self.servicio = servicio

    def format(self, record: logging.LogRecord) -> str:
        linea = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(),
            "nivel": record.levelname,
            "servicio": self.servicio,
            "logger": record.name,
            "mensaje": _sin_secretos(record.getMessage()),
            "request_id": id_solicitud.get() or None,
            "correlacion": id_correlacion.get() or None,
        }
        if record.exc_info:
            linea["excepcion"] = self.formatException(record.exc_info)
        return json.dumps({k: v for k, v in linea.items() if v is not None}, ensure_ascii=False)


def _sin_secretos(texto: str) -> str:
    """Never log a bearer token or a secret, even if a caller puts one in a message."""
    if "eyJ" in texto:
        import re

        texto = re.sub(r"eyJ[\w-]+\.[\w-]+\.[\w-]+", "[token-oculto]", texto)
    return texto


def configurar_logs(servicio: str, nivel: str = "INFO") -> None:
    manejador = logging.StreamHandler(sys.stderr)
    manejador.setFormatter(FormatoJSON(servicio))
    raiz = logging.getLogger()
    raiz.handlers[:] = [manejador]
    raiz.setLevel(nivel)
    for nombre in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        logging.getLogger(nombre).handlers[:] = []
        logging.getLogger(nombre).propagate = True
    logging.getLogger("uvicorn.access").setLevel("WARNING")
