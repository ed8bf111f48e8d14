"""``make run`` as a new user meets it: all processes up, the gateway answering, demo data loaded through the
API, events reaching the gateway over NATS; Ctrl-C stops everything; a second run reuses the data."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

RAIZ = Path(__file__).resolve().parents[2]
N_OFICINAS = len(json.loads((RAIZ / "services/registro/datos/oficinas.json").read_text())["oficinas"])


def _arrancar(var: Path) -> tuple[subprocess.Popen, str, float]:
    env = {**os.environ, "CTI_DIRECTORIO_DATOS": str(var), "PYTHONUNBUFFERED": "1", "CTI_PUERTOS_LIBRES": "1"}
    inicio = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-m", "deploy.runner"], cwd=RAIZ, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    salida = []
    while time.monotonic() - inicio < 60:
        linea = proc.stdout.readline()
        if not linea and proc.poll() is not None:
            raise AssertionError("make run termino:\n" + "".join(salida))
        salida.append(linea)
        if linea.startswith("Ctrl-C"):
            break
    texto = "".join(salida)
    gateway = re.search(r"Gateway:\s+(http://\S+)", texto).group(1)
    assert re.search(r"API \(OpenAPI\):\s+http://\S+/docs", texto), "la documentacion de la API se muestra primero"
    return proc, gateway, time.monotonic() - inicio, texto


def _detener(proc: subprocess.Popen) -> int:
    proc.send_signal(signal.SIGINT)
    return proc.wait(timeout=30)


def test_make_run_levanta_todo_carga_la_demo_y_se_detiene_limpio(tmp_path):
    var = tmp_path / "var"
    proc, gateway, segundos, texto = _arrancar(var)
    try:
        assert segundos < 15, f"el gateway debe responder en menos de 15 s (tardo {segundos:.1f} s)"
        assert f"oficinas: {N_OFICINAS} nuevas" in texto
        oficinas = httpx.get(f"{gateway}/api/v1/oficinas", params={"limite": 500}).json()["items"]
        deadline = time.monotonic() + 10
        while len(oficinas) < N_OFICINAS and time.monotonic() < deadline:
            time.sleep(0.2)
            oficinas = httpx.get(f"{gateway}/api/v1/oficinas", params={"limite": 500}).json()["items"]
        codigos = {o["codigo"] for o in oficinas}
        assert {"MINSA-CTI", "APCI-DOC", "APCI-DFS", "RREE-DCI"} <= codigos and len(codigos) == N_OFICINAS
        historia = httpx.get(f"{gateway}/api/v1/eventos", params={"correlacion": "OFICINA-MINSA-CTI"}).json()
        assert [e["tipo"] for e in historia["items"]] == ["OficinaCreada"]
        assert historia["items"][0]["sobre"]["fundamento_legal"]["norma"] == "D.S. 008-2017-SA"
        assert httpx.get(f"{gateway}/openapi.json").json()["paths"]["/api/v1/oficinas/{codigo}"]
    finally:
        codigo = _detener(proc)
    assert codigo == 0
    assert "Todo detenido" in proc.stdout.read()

    proc, gateway, _, texto = _arrancar(var)  # second run: same data, nothing loaded twice
    try:
        assert f"oficinas: 0 nuevas, {N_OFICINAS} existentes" in texto
        historia = httpx.get(f"{gateway}/api/v1/eventos", params={"correlacion": "OFICINA-MINSA-CTI"}).json()
        assert len(historia["items"]) == 1
    finally:
        assert _detener(proc) == 0
