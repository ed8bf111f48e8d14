"""Finding (or installing) the PostgreSQL server binaries and running them as a non-root user.

PostgreSQL refuses to run as root, so when the tests run as root ``initdb``/``pg_ctl`` run as the
``postgres`` system user through ``runuser`` (the user is created if missing).
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
from pathlib import Path

USUARIO = "postgres"
_HERRAMIENTAS = ("initdb", "pg_ctl")


def _version(directorio: str) -> tuple[int, ...]:
    nombre = Path(directorio).parent.name  # /usr/lib/postgresql/<v>/bin
    return tuple(int(p) for p in nombre.split(".") if p.isdigit())


def buscar_binarios() -> Path | None:
    """Directory holding initdb and pg_ctl: highest /usr/lib/postgresql/<v>/bin, else PATH; None if absent."""
    candidatos = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=_version, reverse=True)
    en_path = shutil.which("initdb")
    if en_path:
        candidatos.append(str(Path(en_path).resolve().parent))
    for directorio in candidatos:
        if all(os.access(Path(directorio, h), os.X_OK) for h in _HERRAMIENTAS):
            return Path(directorio)
    return None


def _apt(*args: str) -> None:
    entorno = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    cmd = ["apt-get", "-o", "DPkg::Lock::Timeout=120", *args]
    r = subprocess.run(cmd, env=entorno, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=900)
    if r.returncode != 0:
        salida = "\n".join((r.stdout + r.stderr).splitlines()[-20:])
        raise RuntimeError(f"cannot install PostgreSQL: `{' '.join(cmd)}` exited with {r.returncode}:\n{salida}")


def instalar_postgresql() -> None:
    """``apt-get update`` + ``apt-get install -y postgresql``. Raises RuntimeError saying why if impossible.

    The Debian package may create and start its own default cluster; it is left alone and never used.
    """
    if shutil.which("apt-get") is None:
        raise RuntimeError("PostgreSQL binaries (initdb, pg_ctl) not found and apt-get is not available: "
                           "install the PostgreSQL server or set CTI_TEST_DATABASE_URL")
    if os.geteuid() != 0:
        raise RuntimeError("PostgreSQL binaries (initdb, pg_ctl) not found and installing them with apt-get "
                           "needs root: run `sudo apt-get install -y postgresql` or set CTI_TEST_DATABASE_URL")
    _apt("update")
    _apt("install", "-y", "postgresql")


def asegurar_binarios() -> Path:
    """The binaries directory, installing PostgreSQL first if needed."""
    directorio = buscar_binarios()
    if directorio is None:
        instalar_postgresql()
        directorio = buscar_binarios()
    if directorio is None:
        raise RuntimeError("apt-get install postgresql succeeded but initdb/pg_ctl are still not found")
    return directorio


def usuario_servidor() -> str | None:
    """User to run the server as: ``postgres`` when we are root (created if missing), else None (ourselves)."""
    if os.geteuid() != 0:
        return None
    try:
        pwd.getpwnam(USUARIO)
    except KeyError:
        subprocess.run(["useradd", "--system", "--user-group", "--no-create-home", "--home-dir", "/nonexistent",
                        "--shell", "/usr/sbin/nologin", USUARIO], check=True, capture_output=True)
    return USUARIO


def entregar(ruta: Path, usuario: str | None) -> None:
    """Make ``ruta`` owned by ``usuario`` (no-op when running as ourselves)."""
    if usuario is not None:
        info = pwd.getpwnam(usuario)
        os.chown(ruta, info.pw_uid, info.pw_gid)


def ejecutar(cmd: list[str], usuario: str | None, cwd: Path, timeout: float = 120) -> str:
    """Run ``cmd`` (as ``usuario`` via runuser if given); raise RuntimeError with its output on failure."""
    completo = ["runuser", "-u", usuario, "--", *cmd] if usuario else cmd
    # cwd must be readable by that user (e.g. not /root), else the PostgreSQL tools complain.
    r = subprocess.run(completo, cwd=cwd, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=timeout)
    if r.returncode != 0:
        raise RuntimeError(f"`{' '.join(completo)}` exited with {r.returncode}:\n{r.stdout}{r.stderr}")
    return r.stdout
