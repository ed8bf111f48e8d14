"""The reliability report: figures the fault tests measured, rendered as the README's "Fiabilidad (medido)" section.

Tests record figures through the session fixture ``informe`` (``tests/fallas/conftest.py``); at the end of the session
they are merged into ``var/informe-fiabilidad.json`` (a partial run updates only what it measured, and each figure
keeps the time it was measured). ``python -m tests.fallas.informe`` prints the Markdown.
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

RUTA = Path(__file__).resolve().parents[2] / "var" / "informe-fiabilidad.json"


def guardar(figuras: dict[str, dict[str, Any]], ruta: Path = RUTA) -> None:
    if not figuras:
        return
    datos = json.loads(ruta.read_text()) if ruta.exists() else {}
    ahora = datetime.now(UTC).isoformat(timespec="seconds")
    for clave, valores in figuras.items():
        datos[clave] = {**valores, "medido": ahora}
    ruta.parent.mkdir(parents=True, exist_ok=True)
    ruta.write_text(json.dumps(datos, indent=1, ensure_ascii=False, sort_keys=True))


def _fila(datos: dict[str, Any], clave: str, texto: str) -> str:
    d = datos.get(clave)
    if d is None:
        return f"| {clave} | (no medido en esta corrida) | |"
    d = {k: ("; ".join(map(str, v)) or "ninguna") if isinstance(v, list) else v for k, v in d.items()}
    try:
        return "| " + texto.format(**d) + " |"
    except KeyError as e:  # a figure from an older version of the test
        return f"| {clave} | (falta la cifra {e}) | |"


FILAS = [
    ("caida_servicio", "`kill -9` de registro bajo carga ({comandos} comandos, {clientes} clientes) | "
                       "{confirmados} confirmados (2xx) = {encontrados} en el almacen; {inciertos} sin respuesta: "
                       "{inciertos_aplicados} aplicados enteros, {inciertos_no_aplicados} no aplicados, 0 a medias | "
                       "perdidos {perdidos}, duplicados {duplicados} en {consumidores} consumidores; reinicio "
                       "{reinicio_s:.1f} s"),
    ("caida_nats", "NATS detenido {caida_s:.0f} s bajo carga | {aceptados_durante} comandos aceptados durante la "
                   "caida, {errores_durante} errores; {eventos} eventos en total | drenado en {drenado_s:.1f} s tras "
                   "volver NATS; perdidos {perdidos}, duplicados {duplicados}"),
    ("reinicio_postgres", "PostgreSQL reiniciado bajo carga ({caida_s:.1f} s abajo) | {respuestas_503} respuestas "
                          "503 problem+json, {respuestas_500} 500; recuperacion sola en {recuperacion_s:.1f} s | "
                          "{confirmados} confirmados, perdidos {perdidos}"),
    ("reentregas", "Reentregas duplicadas y desordenadas ({mensajes} mensajes para {eventos} eventos) | "
                   "efectos aplicados {aplicados} (= eventos), lecturas iguales al almacen: {iguales} | "
                   "carta muerta visible en /metrics y re-procesada: {reprocesada}"),
    ("concurrencia", "{clientes} clientes sobre el mismo agregado, {rondas} rondas | ganadores por version "
                     "{ganadores_por_version}, 409 con version_actual {conflictos} | actualizaciones perdidas "
                     "{perdidas}, duplicadas {duplicadas}"),
    ("schemathesis", "schemathesis sobre el OpenAPI del gateway ({roles} tipos de llamante) | {operaciones} "
                     "operaciones, {casos} casos | 500 o 5xx sin problem+json: {errores_5xx}; 4xx sin problem+json: "
                     "{sin_problema}; 502/503 problem+json deliberados de una dependencia externa: {sin_configurar}"),
    ("entradas_hostiles", "Entradas hostiles a mano (cuerpos enormes, JSON anidado, UTF-8 invalido, tipos de "
                          "contenido, paginas enormes, path traversal) | {casos} casos | 5xx {errores_5xx}, "
                          "4xx sin problem+json {sin_problema}"),
    ("matriz_acceso", "Matriz de acceso ({operaciones} operaciones de escritura x {roles} roles) | {celdas} celdas | "
                      "violaciones {violaciones} (conocidas y reportadas: {conocidas}); tokens vencidos/alterados/"
                      "otra audiencia rechazados: {tokens_rechazados}/{tokens_probados}; secretos en logs: "
                      "{secretos_en_logs}"),
    ("manipulacion", "Manipulaciones aleatorias del almacen (editar, borrar, reordenar, truncar) | {intentadas} "
                     "intentadas | {detectadas} detectadas ({por_tipo})"),
]


def markdown(datos: dict[str, Any]) -> str:
    lineas = ["| prueba | resultado | detalle |", "|---|---|---|"]
    lineas += [_fila(datos, clave, texto) for clave, texto in FILAS]
    fechas = sorted(d["medido"] for d in datos.values() if isinstance(d, dict) and "medido" in d)
    pie = f"\nMedido con `make test` (pruebas `tests/fallas/`), {fechas[-1][:10]}." if fechas else ""
    return "\n".join(lineas) + pie


def main() -> None:
    ruta = Path(sys.argv[1]) if len(sys.argv) > 1 else RUTA
    if not ruta.exists():
        sys.exit(f"no existe {ruta}: corra primero `make test` (o pytest tests/fallas)")
    print(markdown(json.loads(ruta.read_text())))


if __name__ == "__main__":
    main()
