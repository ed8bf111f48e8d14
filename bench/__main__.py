"""``python -m bench [--rapido] [--solo B1,B2,...]``: run the benchmarks, write report.json and RESUMEN.md."""

from __future__ import annotations

import argparse
import functools
import json
import time
import traceback
from pathlib import Path
from typing import Any

from bench import b1, b2, informe, maquina
from bench.comandos import elegir
from bench.entorno import Entorno
from bench.escenarios import suite_vacia

AQUI = Path(__file__).parent

PERFILES = {
    "completo": {"b1_s": 20, "b2_s": 20, "clientes": 32, "por_cliente": 4, "tasa": 200,
                 "tamanos": (10_000, 1_000_000), "b3_n": 300, "b4_tope_s": 120},
    "rapido": {"b1_s": 6, "b2_s": 6, "clientes": 32, "por_cliente": 2, "tasa": 200,
               "tamanos": (10_000, 100_000), "b3_n": 100, "b4_tope_s": 30},
}


def main() -> None:
    p = argparse.ArgumentParser(description="Benchmarks de CTI Peru (issue Performance).")
    p.add_argument("--rapido", action="store_true", help="tamanos y duraciones pequenos (prueba del banco)")
    p.add_argument("--solo", default="B1,B2,B3,B4,B5,B6", help="lista de benchmarks a correr")
    p.add_argument("--comando", choices=("registro", "tramite"), default=None,
                   help="forzar el comando de B1/B2 (por defecto tramite si el gateway enruta sus acciones)")
    p.add_argument("--salida", default=str(AQUI / "report.json"))
    a = p.parse_args()
    perfil = PERFILES["rapido" if a.rapido else "completo"]
    solo = {x.strip().upper() for x in a.solo.split(",")}
    inicio = time.monotonic()
    entorno = Entorno()
    token = functools.lru_cache(maxsize=None)(entorno.token)
    resultados: dict[str, Any] = {}
    try:
        reporte: dict[str, Any] = {"maquina": maquina.describir(entorno.postgres.url, entorno.origen_postgres),
                                   "fecha": maquina.ahora(), "perfil": "rapido" if a.rapido else "completo"}
        if solo & {"B1", "B2"}:
            suite = suite_vacia(entorno, token)
            try:
                comando = elegir(suite.gateway, token, a.comando)
                if "B1" in solo:
                    resultados["B1"] = _intentar(lambda: b1.medir(entorno, suite, comando, perfil["clientes"],
                                                                  perfil["b1_s"], perfil["por_cliente"]))
                    _mostrar("B1", resultados["B1"])
                if "B2" in solo:
                    resultados["B2"] = _intentar(lambda: b2.medir(suite, comando, perfil["tasa"], perfil["b2_s"]))
                    _mostrar("B2", resultados["B2"])
            finally:
                suite.borrar()
        if solo & {"B3", "B4", "B5", "B6"}:
            from bench import escala

            resultados |= escala.correr(entorno, token, perfil, solo)
        reporte["resultados"] = resultados
        reporte["duracion_total_s"] = round(time.monotonic() - inicio, 1)
        informe.escribir(reporte, Path(a.salida), AQUI / "RESUMEN.md")
        print(f"\nreport: {a.salida}\nresumen: {AQUI / 'RESUMEN.md'}  ({reporte['duracion_total_s']} s)")
    finally:
        entorno.cerrar()


def _intentar(fn) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    try:
        return fn()
    except Exception as e:  # noqa: BLE001 - one benchmark failing must not lose the others
        traceback.print_exc()
        return {"error": f"{type(e).__name__}: {e}"}


def _mostrar(nombre: str, datos: dict[str, Any]) -> None:
    print(f"\n== {nombre}\n{json.dumps(datos, indent=1, ensure_ascii=False)[:3000]}", flush=True)


if __name__ == "__main__":
    main()
