"""Installing Mayan EDMS for the tests: apt packages, its own venv and an initialized media snapshot, all cached.

Why a cache: a cold bootstrap (pip install ~150 packages, ``common_initial_setup`` ~32 s of migrations) takes over a
minute, while copying an initialized media dir and starting gunicorn takes ~3 s. The cache lives in
``$CTI_MAYAN_CACHE`` or ``~/.cache/cti-mayan/<version>/`` and is built once per machine, under a file lock so two
test processes never build it at the same time. Mayan gets its OWN venv: it brings Django, Celery and ~150 other
packages that must never meet the project's venv. Nothing here skips: if a step is impossible it raises and says why.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

VERSION = "4.12.2"
PAQUETES_APT = ("libldap2-dev", "libsasl2-dev", "poppler-utils")  # python-ldap builds from source; pdfinfo/pdftoppm
ADMIN, CLAVE_ADMIN = "admin", "admin-test-pass"
SECRETO = "cti-test-only-secret"

AJUSTES = '''"""Variant A: one process, Celery tasks run inline in the request (no broker, no worker)."""
from mayan.settings.production import *  # noqa: F401,F403
CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_BROKER_URL = "memory://"
CELERY_RESULT_BACKEND = None
'''


def directorio_cache() -> Path:
    base = os.environ.get("CTI_MAYAN_CACHE") or Path.home() / ".cache" / "cti-mayan"
    return Path(base) / VERSION


def _ejecutar(cmd: list[str], entorno: dict[str, str] | None = None, timeout: float = 900) -> None:
    r = subprocess.run(cmd, env=entorno, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=timeout)
    if r.returncode != 0:
        salida = "\n".join((r.stdout + r.stderr).splitlines()[-30:])
        raise RuntimeError(f"Mayan setup: `{' '.join(cmd)}` exited with {r.returncode}:\n{salida}")


def _faltan_paquetes_apt() -> list[str]:
    r = subprocess.run(["dpkg-query", "-W", "-f=${Package} ${Status}\n", *PAQUETES_APT],
                       capture_output=True, text=True)
    instalados = {l.split()[0] for l in r.stdout.splitlines() if l.endswith("install ok installed")}
    return [p for p in PAQUETES_APT if p not in instalados]


def asegurar_paquetes_apt() -> None:
    """``apt-get update`` then install what is missing; raise (never skip) when that is impossible."""
    faltan = _faltan_paquetes_apt() if shutil.which("dpkg-query") else list(PAQUETES_APT)
    if not faltan:
        return
    if shutil.which("apt-get") is None or os.geteuid() != 0:
        raise RuntimeError(f"Mayan needs the Debian packages {' '.join(faltan)}: install them as root "
                           f"(apt-get install -y {' '.join(faltan)})")
    apt = ["apt-get", "-o", "DPkg::Lock::Timeout=120"]
    entorno = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    _ejecutar([*apt, "update"], entorno)
    _ejecutar([*apt, "install", "-y", "--no-install-recommends", *faltan], entorno)


def entorno_mayan(cache: Path, media: Path, puerto: int | None = None) -> dict[str, str]:
    """Environment for mayan-edms.py and gunicorn: variant A settings, SQLite in ``media``, throttling off."""
    entorno = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME")}
    hosts = "['127.0.0.1','localhost']"
    entorno.update({
        "PATH": f"{cache / 'venv' / 'bin'}:{entorno.get('PATH', '/usr/bin:/bin')}",
        "PYTHONPATH": str(cache / "conf"),
        "DJANGO_SETTINGS_MODULE": "mayan_test_settings",
        "MAYAN_MEDIA_ROOT": str(media),
        "MAYAN_SECRET_KEY": SECRETO,
        "MAYAN_AUTOADMIN_USERNAME": ADMIN,
        "MAYAN_AUTOADMIN_PASSWORD": CLAVE_ADMIN,
        "MAYAN_AUTOADMIN_EMAIL": "admin@example.com",
        "MAYAN_ALLOWED_HOSTS": hosts,
        "MAYAN_DATABASES": "{default: {ENGINE: django.db.backends.sqlite3, "
                           f"NAME: '{media / 'db.sqlite3'}', OPTIONS: {{timeout: 30}}}}}}",
        "MAYAN_REST_API_THROTTLING_ENABLED": "false",
        "NO_PROXY": "127.0.0.1,localhost", "no_proxy": "127.0.0.1,localhost",
    })
    return entorno


def preparar(cache: Path | None = None) -> dict[str, float]:
    """Build what is missing in the cache; return the seconds each step took (empty when all was cached)."""
    cache = cache or directorio_cache()
    cache.mkdir(parents=True, exist_ok=True)
    tiempos: dict[str, float] = {}
    with open(cache / ".lock", "w") as cerrojo:
        fcntl.flock(cerrojo, fcntl.LOCK_EX)
        if not (cache / "venv" / ".instalado").exists():
            inicio = time.monotonic()
            asegurar_paquetes_apt()
            tiempos["apt"] = time.monotonic() - inicio
            inicio = time.monotonic()
            shutil.rmtree(cache / "venv", ignore_errors=True)
            _ejecutar([sys.executable, "-m", "venv", str(cache / "venv")])
            pip = [str(cache / "venv" / "bin" / "python"), "-m", "pip", "install", "-q"]
            _ejecutar([*pip, f"mayan-edms=={VERSION}"])
            (cache / "venv" / ".instalado").write_text(VERSION)
            tiempos["pip"] = time.monotonic() - inicio
        (cache / "conf").mkdir(exist_ok=True)
        (cache / "conf" / "mayan_test_settings.py").write_text(AJUSTES)
        instantanea = cache / "media_snapshot"
        if not (instantanea / ".listo").exists():
            inicio = time.monotonic()
            trabajo = cache / "media_setup"  # must not exist before common_initial_setup
            shutil.rmtree(trabajo, ignore_errors=True)
            shutil.rmtree(instantanea, ignore_errors=True)
            mayan = str(cache / "venv" / "bin" / "mayan-edms.py")
            _ejecutar([mayan, "common_initial_setup", "--no-dependencies"], entorno_mayan(cache, trabajo))
            (trabajo / ".listo").write_text(VERSION)
            trabajo.rename(instantanea)
            tiempos["setup"] = time.monotonic() - inicio
    return tiempos
