"""``cti-auditoria``: verify and replay an exported bundle offline, with nothing but the project installed.

    cti-auditoria verificar PAQUETE.json [--clave-publica registro=registro.pem ...]
    cti-auditoria reproducir PAQUETE.json

Exit codes: 0 everything verifies; 1 the bundle does not verify (each finding names service, stream, version and
log position on stderr); 2 the file cannot be read as a bundle or a pinned key cannot be read. Without
``--clave-publica`` the keys carried by the bundle are used and a warning says so: pinning the services' published
keys is what stops someone who rebuilt the whole bundle with a key of their own.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from shared.auditoria.paquete import PaqueteInvalido, cargar
from shared.auditoria.reproduccion import pasos
from shared.auditoria.verificacion import verificar_paquete


def _fijadas(valores: list[str]) -> dict[str, str]:
    fijadas = {}
    for v in valores:
        servicio, sep, ruta = v.partition("=")
        if not sep or not servicio or not ruta:
            raise PaqueteInvalido(f"--clave-publica espera SERVICIO=ARCHIVO.pem, no '{v}'")
        try:
            fijadas[servicio] = Path(ruta).read_text()
        except OSError as e:
            raise PaqueteInvalido(f"no se pudo leer la clave de {servicio} ({ruta}): {e.strerror or e}") from None
    return fijadas


def _verificar(paquete: dict[str, Any], fijadas: dict[str, str]) -> int:
    try:
        hallazgos = verificar_paquete(paquete, fijadas)
    except (KeyError, TypeError, ValueError, IndexError) as e:
        print(f"ERROR: paquete mal formado ({type(e).__name__}: {e})", file=sys.stderr)
        return 2
    eventos = Counter(str(e.get("servicio")) for e in paquete["eventos"])
    print(f"Expediente {paquete['correlacion']} (paquete generado {paquete.get('generado_en')})")
    for s in paquete["checkpoints"]:
        ultimo = max((int(c["posicion"]) for c in s["firmados"]), default=0)
        origen = "clave fijada" if s["servicio"] in fijadas else "clave del paquete"
        print(f"  {s['servicio']}: {eventos.get(s['servicio'], 0)} eventos del expediente, log de {len(s['log'])} "
              f"entradas, {len(s['firmados'])} checkpoints firmados (ultimo en {ultimo}, {origen})")
    sin_fijar = sorted({s["servicio"] for s in paquete["checkpoints"]} - set(fijadas))
    if sin_fijar:
        print(f"AVISO: claves no fijadas para {', '.join(sin_fijar)}; se usaron las que trae el paquete "
              "(use --clave-publica SERVICIO=PEM)", file=sys.stderr)
    if hallazgos:
        for h in hallazgos:
            print(f"FALLA {h}", file=sys.stderr)
        print(f"NO VERIFICA: {len(hallazgos)} hallazgos", file=sys.stderr)
        return 1
    print("VERIFICADO: cadenas intactas, sin huecos, cada evento incluido en el log firmado")
    return 0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="cti-auditoria", description="Verificacion y reproduccion fuera de linea.")
    sub = p.add_subparsers(dest="orden", required=True)
    v = sub.add_parser("verificar", help="verifica un paquete exportado")
    v.add_argument("paquete", type=Path)
    v.add_argument("--clave-publica", action="append", default=[], metavar="SERVICIO=PEM")
    r = sub.add_parser("reproducir", help="muestra cada evento con el estado de su agregado despues de el")
    r.add_argument("paquete", type=Path)
    a = p.parse_args(argv)
    try:
        paquete = cargar(a.paquete)
        fijadas = _fijadas(getattr(a, "clave_publica", []))
    except PaqueteInvalido as e:
        print(f"ERROR: {e}", file=sys.stderr)
        return 2
    if a.orden == "verificar":
        return _verificar(paquete, fijadas)
    codigo = _verificar(paquete, fijadas)
    for paso in pasos(paquete["eventos"]):
        actor = paso["actor"] or {}
        print(f"\n#{paso['paso']} {paso['registrado_en']} {paso['servicio']}/{paso['agregado']} "
              f"{paso['agregado_id']} v{paso['version']} {paso['tipo']} por {actor.get('persona')} "
              f"({actor.get('oficina')}); fundamento: {json.dumps(paso['fundamento_legal'], ensure_ascii=False)}")
        print("  estado: " + json.dumps(paso["estado"], ensure_ascii=False, sort_keys=True))
    return codigo


if __name__ == "__main__":
    sys.exit(main())

