"""What the figures were measured on: CPU, cores, memory, Python, PostgreSQL; read from /proc and the server."""

from __future__ import annotations

import os
import platform
import subprocess
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psycopg


def _cpu() -> str:
    try:
        for linea in Path("/proc/cpuinfo").read_text().splitlines():
            if linea.startswith("model name"):
                return linea.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "?"


def _memoria_mb() -> int | None:
    try:
        for linea in Path("/proc/meminfo").read_text().splitlines():
            if linea.startswith("MemTotal:"):
                return int(linea.split()[1]) // 1024
    except OSError:
        pass
    return None


def describir(url_postgres: str, origen_postgres: str) -> dict[str, Any]:
    with psycopg.connect(url_postgres) as c:
        version = c.execute("SELECT version()").fetchone()[0]
        ajustes = {k: c.execute(f"SHOW {k}").fetchone()[0] for k in ("fsync", "synchronous_commit",
                                                                       "shared_buffers")}
    try:
        kernel = subprocess.run(["uname", "-r"], capture_output=True, text=True).stdout.strip()
    except OSError:
        kernel = platform.release()
    return {"cpu": _cpu(), "nucleos": os.cpu_count(), "memoria_mb": _memoria_mb(), "kernel": kernel,
            "python": platform.python_version(), "postgres": version, "postgres_origen": origen_postgres,
            "postgres_ajustes": ajustes, "carga_media_1_5_15_min": [round(x, 2) for x in os.getloadavg()]}


def ahora() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
