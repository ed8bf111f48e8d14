"""B1, the command path: commands through the gateway to the owning service, 32 concurrent closed-loop clients.

Reports throughput and p50/p95/p99 next to the minimal FastAPI + eventsourcing app (same client, same PostgreSQL)
and pgbench's single-INSERT TPS, and the cores each process used (gateway, service, PostgreSQL, client).
"""

from __future__ import annotations

from typing import Any

from bench import carga, linea_base
from bench.comandos import Comando
from bench.entorno import Entorno, Suite, cpu_de, cpu_postgres, delta_cpu


def medir(entorno: Entorno, suite: Suite, comando: Comando, clientes: int, segundos: float,
          por_cliente: int) -> dict[str, Any]:
    comando.preparar(clientes * por_cliente)
    envios = [comando.cliente_cerrado(n, por_cliente) for n in range(clientes)]
    antes, pg0 = cpu_de(suite.pids()), cpu_postgres()
    res = carga.correr(carga.cerrada(envios, segundos))
    ventana = res.segundos + 2  # the warm-up counts in the CPU readings
    cpu = delta_cpu(antes, cpu_de(suite.pids()), ventana)
    cpu["postgres"] = round((cpu_postgres() - pg0) / ventana, 2)
    medido = {**res.a_dict(), "comando": comando.nombre, "descripcion": comando.descripcion, "clientes": clientes,
              "objetivos_por_cliente": por_cliente, "cpu_nucleos": cpu}
    base = linea_base.app_minima(entorno, clientes, segundos)
    pgb = linea_base.pgbench(entorno, clientes, max(5, int(segundos)))
    pgb1 = linea_base.pgbench(entorno, 1, max(5, int(segundos) // 2))
    razon: dict[str, Any] = {}
    if base.get("throughput_s") and medido.get("throughput_s"):
        razon["throughput_vs_app_minima"] = round(medido["throughput_s"] / base["throughput_s"], 2)
        if base.get("p99_ms") and medido.get("p99_ms"):
            razon["p99_vs_app_minima"] = round(medido["p99_ms"] / base["p99_ms"], 2)
    if pgb.get("tps") and medido.get("throughput_s"):
        razon["throughput_vs_pgbench"] = round(medido["throughput_s"] / pgb["tps"], 3)
    return {**medido, "linea_base": {"app_minima": base, "pgbench": pgb, "pgbench_1_cliente": pgb1},
            "razon": razon}
