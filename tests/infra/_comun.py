"""Small helpers shared by the server wrappers: free ports, waiting for a TCP port, log tails."""

from __future__ import annotations

import socket
import time
from pathlib import Path


def puerto_libre(host: str = "127.0.0.1") -> int:
    """Return a TCP port that is free right now on ``host`` (the OS picks it; a race is possible)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def acepta_tcp(host: str, puerto: int, timeout: float = 0.2) -> bool:
    """True if a TCP connection to ``host:puerto`` succeeds."""
    try:
        with socket.create_connection((host, puerto), timeout=timeout):
            return True
    except OSError:
        return False


def esperar_cerrado(host: str, puerto: int, timeout: float = 10.0) -> None:
    """Wait until nothing accepts connections on ``host:puerto`` (used after stopping a server)."""
    limite = time.monotonic() + timeout
    while acepta_tcp(host, puerto):
        if time.monotonic() > limite:
            raise TimeoutError(f"{host}:{puerto} still accepts connections after {timeout} s")
        time.sleep(0.02)


def cola(ruta: Path, lineas: int = 30) -> str:
    """Last ``lineas`` lines of a log file (for error messages); empty if it does not exist."""
    try:
        return "\n".join(ruta.read_text(errors="replace").splitlines()[-lineas:])
    except OSError:
        return ""
