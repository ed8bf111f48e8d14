"""Ed25519 key pairs for signing tokens. ``make run`` generates development keys under ``var/claves``."""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey


def generar_par(directorio: Path) -> tuple[Path, Path]:
    """Create ``privada.pem`` and ``publica.pem`` if missing; return their paths."""
    directorio.mkdir(parents=True, exist_ok=True)
    privada, publica = directorio / "privada.pem", directorio / "publica.pem"
    if not privada.exists():
        clave = Ed25519PrivateKey.generate()
        privada.write_bytes(clave.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                serialization.NoEncryption()))
        privada.chmod(0o600)
        publica.write_bytes(clave.public_key().public_bytes(serialization.Encoding.PEM,
                                                            serialization.PublicFormat.SubjectPublicKeyInfo))
    return privada, publica
