"""The gateway collecting a service's signed log: a log cut mid-stream or malformed is reported as an unavailable
service (the verification then names it), never a 500."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace

import httpx

from services.gateway.auditoria import recoger


def _peticion(manejador) -> SimpleNamespace:
    cliente = httpx.AsyncClient(transport=httpx.MockTransport(manejador))
    app = SimpleNamespace(state=SimpleNamespace(componentes=SimpleNamespace(extra={"http": cliente}),
                                                config=SimpleNamespace(urls_servicios={"tramite": "http://t"})))
    return SimpleNamespace(app=app, headers={"authorization": "Bearer x"})


def test_un_log_cortado_o_malformado_se_informa_sin_error_500():
    cortado = _peticion(lambda r: httpx.Response(200, content=b'{"servicio":"tramite","hasta":3,"log":[[1,"a",1'))
    resultado = asyncio.run(recoger(cortado, "2026-MINSA-000001"))
    assert resultado["tramite"].startswith("el servicio respondio un log ilegible")
    sin_hasta = _peticion(lambda r: httpx.Response(200, json={"servicio": "tramite", "log": []}))
    assert "ilegible" in asyncio.run(recoger(sin_hasta, "2026-MINSA-000001"))["tramite"]


def test_un_log_completo_se_recoge_con_los_eventos_del_expediente():
    def manejador(r: httpx.Request) -> httpx.Response:
        if r.url.path.endswith("/log"):
            return httpx.Response(200, json={"servicio": "tramite", "hasta": 1, "checkpoint": None,
                                             "log": [[1, "a", 1, "2026-MINSA-000001", "h"]]})
        assert r.url.params["hasta"] == "1"
        return httpx.Response(200, json={"items": [{"notificacion_id": 1}], "siguiente": None})

    resultado = asyncio.run(recoger(_peticion(manejador), "2026-MINSA-000001"))
    assert resultado["tramite"]["log"] == [[1, "a", 1, "2026-MINSA-000001", "h"]]
    assert resultado["tramite"]["eventos"] == [{"notificacion_id": 1}]
