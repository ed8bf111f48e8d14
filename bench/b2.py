"""B2, propagation: from a command's 2xx to its event being visible where it is consumed, at a steady 200 commands/s.

Where: in the consuming service's read model (tramite's ``oficinas_conocidas`` for registro's office events, learned
over NATS; tramite's own in-tray ``expedientes_bandeja`` for file hops, fed by its local projector) and in the
gateway's history (``eventos``, fed over NATS). A watcher thread reads those tables every few milliseconds on its
own connections; an event seen before its 2xx reached the client counts as 0 ms.
The same run gives the command latency at 200/s (B1's p99 target).
"""

from __future__ import annotations

import threading
import time
from typing import Any

import psycopg

from bench import carga
from bench.carga import percentil
from bench.comandos import Comando, SaltoExpediente
from bench.entorno import Suite, cpu_de, cpu_postgres, delta_cpu

INTERVALO_S = 0.004


class Vigia(threading.Thread):
    """Polls one table: (aggregate id, version) pairs -> first time seen."""

    def __init__(self, url: str, consulta: str, incremental: bool) -> None:
        super().__init__(daemon=True)
        self.url, self.consulta, self.incremental = url, consulta, incremental
        self.visto: dict[str, tuple[int, float]] = {}  # aggregate id -> (highest version, when first seen)
        self.parar = threading.Event()
        self.historia: dict[str, list[tuple[int, float]]] = {}  # aggregate id -> [(version, first seen)]

    def run(self) -> None:
        ultimo = 0
        with psycopg.connect(self.url, autocommit=True) as c:
            while not self.parar.is_set():
                filas = c.execute(self.consulta, {"ultimo": ultimo} if self.incremental else None).fetchall()
                ahora = time.perf_counter()
                for fila in filas:
                    aid, version = str(fila[0]), int(fila[1])
                    if self.incremental:
                        ultimo = max(ultimo, int(fila[2]))
                    previo = self.visto.get(aid)
                    if previo is None or version > previo[0]:
                        self.visto[aid] = (version, ahora)
                        self.historia.setdefault(aid, []).append((version, ahora))
                time.sleep(INTERVALO_S)

    def cuando(self, aid: str, version: int) -> float | None:
        """When a version >= ``version`` of ``aid`` was first seen (versions only grow)."""
        return next((t for v, t in self.historia.get(aid, ()) if v >= version), None)


def medir(suite: Suite, comando: Comando, tasa: float, segundos: float) -> dict[str, Any]:
    comando.preparar(max(len(comando.objetivos), 96))
    if isinstance(comando, SaltoExpediente):
        consumidor = ("tramite (modelo de lectura propio: expedientes_bandeja)", suite.urls_db["tramite"],
                      "SELECT agregado_id, version FROM expedientes_bandeja", False)
        servicio = "tramite"
    else:
        consumidor = ("tramite (oficinas_conocidas, consumidor NATS de registro)", suite.urls_db["tramite"],
                      "SELECT agregado_id, version FROM oficinas_conocidas WHERE codigo LIKE 'BENCH-%%'", False)
        servicio = "registro"
    gateway = ("gateway (historial eventos, consumidor NATS)", suite.urls_db["gateway"],
               f"SELECT agregado_id, version, notificacion_id FROM eventos WHERE servicio = '{servicio}' "
               "AND notificacion_id > %(ultimo)s", True)
    vigias = {nombre: Vigia(url, sql, inc) for nombre, url, sql, inc in (consumidor, gateway)}
    for v in vigias.values():
        v.start()
    respuestas: list[tuple[str, int, float]] = []

    def al_responder(estado: int, cuerpo: Any, t: float) -> None:
        if 200 <= estado < 300 and isinstance(cuerpo, dict):
            aid, version = comando.agregado_de(cuerpo)
            respuestas.append((aid, version, t))

    antes, pg0 = cpu_de(suite.pids()), cpu_postgres()
    res = carga.correr(carga.abierta(comando.siguiente_libre, tasa, segundos, al_responder, calentamiento=2.0))
    time.sleep(3.0)  # let the last events arrive
    for v in vigias.values():
        v.parar.set()
        v.join(5)
    cpu = delta_cpu(antes, cpu_de(suite.pids()), res.segundos + 5)
    cpu["postgres"] = round((cpu_postgres() - pg0) / (res.segundos + 5), 2)
    medicion: dict[str, Any] = {}
    corte = len(respuestas) // 10  # skip the warm-up tenth
    for nombre, v in vigias.items():
        retardos, perdidos = [], 0
        for aid, version, t in respuestas[corte:]:
            visto = v.cuando(aid, version)
            if visto is None:
                perdidos += 1
            else:
                retardos.append(max(0.0, visto - t) * 1000)
        medicion[nombre] = {"eventos": len(retardos), "no_vistos_en_3s": perdidos,
                            "p50_ms": _r(percentil(retardos, 50)), "p99_ms": _r(percentil(retardos, 99)),
                            "max_ms": _r(max(retardos) if retardos else None)}
    return {"comando": comando.nombre, "tasa_objetivo_s": tasa, "propagacion": medicion,
            "latencia_comando": res.a_dict(), "resolucion_vigia_ms": INTERVALO_S * 1000, "cpu_nucleos": cpu}


def _r(v: float | None) -> float | None:
    return None if v is None else round(v, 1)
