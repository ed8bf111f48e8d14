"""The registry of API clients that may obtain tokens from the gateway.

Kinds of callers (issue "Gateway and audit"): ministry cooperation offices and other public bodies (machine clients),
APCI and Foreign Ministry officers, registered entities acting for themselves, auditors (read-only everywhere) and
administrators. Anonymous callers need no client: they reach only what the law makes public. Secrets are stored as
PBKDF2-SHA256 hashes and compared in constant time; an unknown client costs the same time as a wrong secret.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass
from pathlib import Path

from shared.errores import NoAutenticado

TIPOS = ("oficina", "funcionario", "entidad", "auditor", "administrador")
ITERACIONES = 100_000


@dataclass(frozen=True)
class Cliente:
    client_id: str
    secreto_hash: str
    persona: str
    oficina: str
    roles: tuple[str, ...]
    tipo: str


def hashear(secreto: str, sal: bytes | None = None) -> str:
    sal = sal or secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", secreto.encode(), sal, ITERACIONES)
    return f"pbkdf2_sha256${ITERACIONES}${sal.hex()}${digest.hex()}"


def _coincide(secreto: str, guardado: str) -> bool:
    _, iteraciones, sal, digest = guardado.split("$")
    calculado = hashlib.pbkdf2_hmac("sha256", secreto.encode(), bytes.fromhex(sal), int(iteraciones))
    return hmac.compare_digest(calculado.hex(), digest)


_FICTICIO = hashear("cliente-inexistente")


class RegistroClientes:
    def __init__(self, clientes: dict[str, Cliente]) -> None:
        self.clientes = clientes

    @classmethod
    def desde_archivo(cls, ruta: Path | None) -> RegistroClientes:
        if ruta is None or not Path(ruta).exists():
            return cls({})
        datos = json.loads(Path(ruta).read_text())
        return cls({c["client_id"]: Cliente(c["client_id"], c["secreto_hash"], c["persona"], c["oficina"],
                                            tuple(c["roles"]), c["tipo"]) for c in datos["clientes"]})

    def autenticar(self, client_id: str, secreto: str) -> Cliente:
        cliente = self.clientes.get(client_id)
        valido = _coincide(secreto, cliente.secreto_hash if cliente else _FICTICIO)
        if cliente is None or not valido:
            raise NoAutenticado("client_id o client_secret invalidos.")
        return cliente


DEMO = [
    ("minsa-cti", "sistema-minsa", "MINSA-CTI", ["tramitador"], "oficina"),
    ("minedu-cti", "sistema-minedu", "MINEDU-CTI", ["tramitador"], "oficina"),
    ("apci-dgni", "funcionario-dgni", "APCI-DGNI", ["tramitador", "evaluador"], "funcionario"),
    ("apci-doc", "registrador-doc", "APCI-DOC", ["registrador", "instructor"], "funcionario"),
    ("apci-dfs", "instructor-dfs", "APCI-DFS", ["instructor"], "funcionario"),
    ("apci-cis", "comision-cis", "APCI-CIS", ["comision"], "funcionario"),
    ("apci-de", "director-ejecutivo", "APCI-DE", ["director_ejecutivo", "titular"], "funcionario"),
    ("rree-dci", "funcionario-dci", "RREE-DCI", ["tramitador", "titular"], "funcionario"),
    ("auditor", "auditor-demo", "CONTRALORIA", ["auditor"], "auditor"),
    ("admin", "admin-demo", "APCI-DE", ["administrador"], "administrador"),
]


def escribir_demo(ruta: Path) -> dict[str, str]:
    """Create the demo client registry once (secrets printed by make run); returns client_id -> secret."""
    secretos_ruta = ruta.with_suffix(".secretos.json")
    if ruta.exists() and secretos_ruta.exists():
        return json.loads(secretos_ruta.read_text())
    secretos = {cid: secrets.token_urlsafe(12) for cid, *_ in DEMO}
    clientes = [{"client_id": cid, "secreto_hash": hashear(secretos[cid]), "persona": persona, "oficina": oficina,
                 "roles": roles, "tipo": tipo} for cid, persona, oficina, roles, tipo in DEMO]
    ruta.write_text(json.dumps({"clientes": clientes}, indent=1))
    secretos_ruta.write_text(json.dumps(secretos, indent=1))
    secretos_ruta.chmod(0o600)
    return secretos
