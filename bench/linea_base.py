"""Baselines measured in the same run as B1: the minimal FastAPI + eventsourcing app, and pgbench.

pgbench with a one-line custom script (one INSERT per transaction) is the hardware's limit for one-row commits on
this PostgreSQL; the minimal app shows what a plain event-sourced FastAPI service gets on the same machine.
"""

from __future__ import annotations

import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import httpx

from bench import carga
from bench.entorno import Entorno, cpu_de, cpu_postgres, delta_cpu
from deploy.procesos import detener, esperar_salud, puerto_libre


def binario_pgbench() -> str | None:
    candidatos = sorted(glob.glob("/usr/lib/postgresql/*/bin/pgbench"), reverse=True)
    return next((c for c in candidatos if os.access(c, os.X_OK)), None) or shutil.which("pgbench")


def app_minima(entorno: Entorno, clientes: int, segundos: float) -> dict[str, Any]:
    url = entorno.postgres.crear_base("bench_base")
    puerto = puerto_libre()
    log = open(entorno.dir / "base.log", "ab")
    proc = subprocess.Popen([sys.executable, "-m", "uvicorn", "bench.app_base:crear_app", "--factory", "--host",
                             "127.0.0.1", "--port", str(puerto), "--no-access-log"],
                            env={**os.environ, "BASE_DATABASE_URL": url}, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{puerto}"
    try:
        esperar_salud(base, 60, proc)
        httpx.post(f"{base}/notas/calentar", json={"texto": "x"}, timeout=10, trust_env=False)

        def envio(n: int) -> carga.Envio:
            async def enviar(http: httpx.AsyncClient) -> tuple[int, Any]:
                r = await http.post(f"{base}/notas/c{n}", json={"texto": f"nota del cliente {n}"})
                return r.status_code, None
            return enviar

        antes, pg0 = cpu_de({"app_base": proc.pid}), cpu_postgres()
        res = carga.correr(carga.cerrada([envio(n) for n in range(clientes)], segundos))
        cpu = delta_cpu(antes, cpu_de({"app_base": proc.pid}), res.segundos + 2)
        cpu["postgres"] = round((cpu_postgres() - pg0) / (res.segundos + 2), 2)
        return {**res.a_dict(), "clientes": clientes, "cpu_nucleos": cpu}
    finally:
        detener([proc])
        entorno.postgres.borrar_base(url)


def pgbench(entorno: Entorno, clientes: int, segundos: int) -> dict[str, Any]:
    binario = binario_pgbench()
    if binario is None:
        return {"disponible": False, "motivo": "pgbench no encontrado (apt-get install postgresql-client)"}
    url = entorno.postgres.crear_base("bench_pgbench")
    try:
        import psycopg

        with psycopg.connect(url, autocommit=True) as c:
            c.execute("CREATE TABLE bench_insert (id bigserial PRIMARY KEY, creado timestamptz DEFAULT now(), "
                      "dato text)")
        with tempfile.NamedTemporaryFile("w", suffix=".sql", delete=False) as f:
            f.write("INSERT INTO bench_insert (dato) VALUES ('un evento de prueba');\n")
        Path(f.name).chmod(0o644)
        cmd = [binario, "-n", "-f", f.name, "-c", str(clientes), "-j", str(min(clientes, os.cpu_count() or 2)),
               "-T", str(segundos), url]
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=segundos + 60)
        os.unlink(f.name)
        m = re.search(r"tps = ([\d.]+) \(without initial connection time\)", r.stdout)
        lat = re.search(r"latency average = ([\d.]+) ms", r.stdout)
        if not m:
            return {"disponible": False, "motivo": (r.stdout + r.stderr)[-500:]}
        return {"tps": round(float(m.group(1)), 1), "clientes": clientes, "duracion_s": segundos,
                "latencia_media_ms": float(lat.group(1)) if lat else None,
                "script": "INSERT INTO bench_insert (dato) VALUES (...) -- una fila por transaccion"}
    finally:
        entorno.postgres.borrar_base(url)
