"""A subscribed system's HTTP endpoint on 127.0.0.1 that checks every signature like a real one would."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from shared.documentos import webhook
from tests.infra._comun import puerto_libre


class Receptor:
    def __init__(self, status: int = 200, secreto: str = "secreto-del-sistema-suscrito") -> None:
        self.puerto, self.status, self.secreto = puerto_libre(), status, secreto
        self.recibidos: list[tuple[str, dict]] = []
        self.vistos = webhook.VistosEnMemoria()
        self._srv: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.puerto}/hook"

    def levantar(self) -> "Receptor":
        receptor = self

        class Manejador(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                cuerpo = self.rfile.read(int(self.headers["Content-Length"]))
                if receptor.status == 200:
                    webhook.aceptar([receptor.secreto], self.headers[webhook.CABECERA_EVENTO], cuerpo,
                                    self.headers[webhook.CABECERA_FIRMA], time.time(), receptor.vistos)
                    receptor.recibidos.append((self.headers[webhook.CABECERA_EVENTO], json.loads(cuerpo)))
                self.send_response(receptor.status)
                self.end_headers()

            def log_message(self, *a: object) -> None:
                pass

        self._srv = ThreadingHTTPServer(("127.0.0.1", self.puerto), Manejador)
        threading.Thread(target=self._srv.serve_forever, daemon=True).start()
        return self

    def bajar(self) -> None:
        if self._srv:
            self._srv.shutdown()
            self._srv.server_close()
