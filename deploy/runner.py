"""``make run``: the whole suite on one machine with the embedded defaults.

Starts a bundled nats-server with JetStream (data in ``var/nats``), the four services as separate uvicorn processes
with SQLite event stores in ``var/``, generates development keys, loads the demo data and prints where everything
is. Ctrl-C stops everything; a second run reuses ``var/``.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import time
from pathlib import Path

from deploy import demo
from deploy.procesos import (SERVICIOS, detener, esperar_salud, iniciar_nats, iniciar_servicio, puerto_libre)
from services.gateway.clientes import escribir_demo
from shared.identidad.claves import generar_par
from shared.identidad.tokens import Emisor

PUERTOS = {"gateway": 8000, "registro": 8001, "tramite": 8002, "fiscalizacion": 8003}


def main() -> None:
    inicio = time.monotonic()
    var = Path(os.environ.get("CTI_DIRECTORIO_DATOS", "var")).resolve()
    var.mkdir(parents=True, exist_ok=True)
    privada, publica = generar_par(var / "claves")
    secretos = escribir_demo(var / "clientes.json")
    # CTI_PUERTOS_LIBRES=1 (the tests): any free ports, so a suite already running on 8000-8003 never collides
    libres = os.environ.get("CTI_PUERTOS_LIBRES") == "1"
    puerto_nats = puerto_libre(None if libres else int(os.environ.get("CTI_PUERTO_NATS", "4222")))
    puertos = {s: puerto_libre(None if libres else p) for s, p in PUERTOS.items()}
    urls = {s: f"http://127.0.0.1:{p}" for s, p in puertos.items()}
    procesos = [iniciar_nats(var / "nats", puerto_nats)]

    def _parar(*_: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, _parar)
    try:
        for s in SERVICIOS:
            entorno = {
                "CTI_DATABASE_URL": f"sqlite:///{var / s}.db",
                "CTI_NATS_URL": f"nats://127.0.0.1:{puerto_nats}",
                "CTI_CLAVE_PUBLICA": str(publica),
                "CTI_DIRECTORIO_DATOS": str(var),
                "CTI_URLS_SERVICIOS": json.dumps({k: v for k, v in urls.items() if k != "gateway"}),
            }
            if s == "gateway":
                entorno |= {"CTI_CLAVE_PRIVADA": str(privada), "CTI_CLIENTES": str(var / "clientes.json")}
            procesos.append(iniciar_servicio(s, puertos[s], entorno, var / f"{s}.log"))
        for s, p in zip(SERVICIOS, procesos[1:], strict=True):
            esperar_salud(urls[s], 60, p)
        arranque = time.monotonic() - inicio
        token = Emisor(privada.read_bytes()).emitir("demo-admin", "APCI-DE", ["administrador"], 3600)
        cargados = demo.cargar(urls["gateway"], token)
        _imprimir(urls, puerto_nats, var, arranque, cargados, secretos)
        while all(p.poll() is None for p in procesos):
            time.sleep(0.5)
        caidos = [s for s, p in zip(("nats", *SERVICIOS), procesos, strict=True) if p.poll() is not None]
        print(f"\nSe detuvo un proceso: {', '.join(caidos)}; revise {var}/*.log. Deteniendo el resto.", file=sys.stderr)
    except KeyboardInterrupt:
        print("\nDeteniendo...")
    finally:
        detener(procesos[1:])
        detener(procesos[:1])
        print("Todo detenido.")


def _imprimir(urls: dict[str, str], puerto_nats: int, var: Path, arranque: float, cargados: dict,
              secretos: dict[str, str]) -> None:
    g = urls["gateway"]
    print(f"""
CTI Peru en marcha ({arranque:.1f} s)
  API (OpenAPI):   {g}/docs
  OpenAPI JSON:    {g}/openapi.json
  Gateway:         {g}
  registro:        {urls['registro']}/docs
  tramite:         {urls['tramite']}/docs
  fiscalizacion:   {urls['fiscalizacion']}/docs
  NATS JetStream:  nats://127.0.0.1:{puerto_nats}  (datos en {var}/nats)
  Datos:           {var}  (SQLite; logs: {var}/<servicio>.log)
  Demo cargada:    {', '.join(f'{k}: {c} nuevas, {e} existentes' for k, (c, e) in cargados.items())}

Tokens: cada cliente de demostracion (oficinas, funcionarios, auditor, admin) pide el suyo al gateway;
los secretos estan en {var}/clientes.secretos.json. Por ejemplo, la oficina de cooperacion del MINSA:
  curl -s -X POST {g}/api/v1/auth/token -H 'content-type: application/json' \\
       -d '{{"client_id": "minsa-cti", "client_secret": "{secretos["minsa-cti"]}"}}'
O un token de desarrollo firmado localmente (8 h):
  .venv/bin/cti-token --persona ana --oficina APCI-DE --roles administrador
Ctrl-C para detener todo.""", flush=True)


if __name__ == "__main__":
    main()
