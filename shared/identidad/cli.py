"""``cti-token``: issue a development token with the keys ``make run`` generated.

    cti-token --persona ana --oficina APCI-DOC --roles registrador
"""

from __future__ import annotations

import argparse
from pathlib import Path

from shared.identidad.tokens import Emisor


def main() -> None:
    p = argparse.ArgumentParser(description="Emite un token de desarrollo (JWT EdDSA).")
    p.add_argument("--persona", required=True)
    p.add_argument("--oficina", required=True)
    p.add_argument("--roles", default="", help="separados por comas")
    p.add_argument("--clave", default="var/claves/privada.pem")
    p.add_argument("--vigencia", type=int, default=8 * 3600, help="segundos")
    a = p.parse_args()
    emisor = Emisor(Path(a.clave).read_bytes())
    print(emisor.emitir(a.persona, a.oficina, [r for r in a.roles.split(",") if r], a.vigencia))


if __name__ == "__main__":
    main()
