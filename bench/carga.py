"""Load generation with httpx (HTTP/1.1 keep-alive) on uvloop: closed loop (N clients) and open loop (fixed rate).

The client runs on the same 2 cores as the servers and takes CPU from them: every result carries the cores the
client itself used (``cliente_nucleos``), so a reader can see how much of the machine the measurement cost.
Latency is from just before sending to the full response; warm-up requests are not counted.
"""

from __future__ import annotations

import asyncio
import resource
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

# A command: given the client, send one request and return (status, response json or None).
Envio = Callable[[httpx.AsyncClient], Awaitable[tuple[int, Any]]]


def percentil(valores: list[float], p: float) -> float | None:
    if not valores:
        return None
    orden = sorted(valores)
    return orden[min(len(orden) - 1, max(0, round(p / 100 * len(orden) + 0.5) - 1))]


def resumen_ms(latencias_s: list[float]) -> dict[str, float | None]:
    ms = [x * 1000 for x in latencias_s]
    return {f"p{p}_ms": (round(v, 2) if (v := percentil(ms, p)) is not None else None) for p in (50, 95, 99)} | {
        "max_ms": round(max(ms), 2) if ms else None}


def cliente(conexiones: int) -> httpx.AsyncClient:
    return httpx.AsyncClient(timeout=httpx.Timeout(30.0), trust_env=False,
                             limits=httpx.Limits(max_connections=conexiones, max_keepalive_connections=conexiones))


def _cpu_propia() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


@dataclass
class Resultado:
    segundos: float = 0.0
    latencias: list[float] = field(default_factory=list)
    estados: dict[int, int] = field(default_factory=dict)
    errores: int = 0
    cpu_cliente: float = 0.0
    ejemplos_error: list[str] = field(default_factory=list)

    def anotar(self, estado: int, latencia: float) -> None:
        self.estados[estado] = self.estados.get(estado, 0) + 1
        if 200 <= estado < 300:
            self.latencias.append(latencia)

    def a_dict(self) -> dict[str, Any]:
        ok = len(self.latencias)
        return {"duracion_s": round(self.segundos, 2), "solicitudes_2xx": ok,
                "throughput_s": round(ok / self.segundos, 1) if self.segundos else None,
                **resumen_ms(self.latencias), "estados": {str(k): v for k, v in sorted(self.estados.items())},
                "errores_red": self.errores, "cliente_nucleos": round(self.cpu_cliente / self.segundos, 2)
                if self.segundos else None, **({"ejemplos_error": self.ejemplos_error[:3]} if self.ejemplos_error
                                               else {})}


async def cerrada(envios: list[Envio], segundos: float, calentamiento: float = 2.0) -> Resultado:
    """One closed-loop client per element of ``envios`` (each sends, waits, sends again) for ``segundos``."""
    res = Resultado()
    async with cliente(len(envios)) as http:
        inicio = time.perf_counter()
        medir_desde = inicio + calentamiento
        fin = medir_desde + segundos
        cpu0: list[float] = []

        async def uno(envio: Envio) -> None:
            while (t0 := time.perf_counter()) < fin:
                try:
                    estado, cuerpo = await envio(http)
                except httpx.HTTPError as e:
                    res.errores += 1
                    res.ejemplos_error.append(repr(e))
                    continue
                t1 = time.perf_counter()
                if t0 >= medir_desde:
                    res.anotar(estado, t1 - t0)
                    if estado >= 300 and len(res.ejemplos_error) < 3:
                        res.ejemplos_error.append(f"{estado}: {str(cuerpo)[:300]}")

        async def reloj() -> None:
            await asyncio.sleep(calentamiento)
            cpu0.append(_cpu_propia())

        await asyncio.gather(reloj(), *(uno(e) for e in envios))
        res.segundos = time.perf_counter() - medir_desde
        res.cpu_cliente = _cpu_propia() - cpu0[0]
    return res


async def abierta(siguiente: Callable[[], Envio | None], tasa: float, segundos: float,
                  al_responder: Callable[[int, Any, float], None] | None = None,
                  calentamiento: float = 2.0, conexiones: int = 64) -> Resultado:
    """Open loop: start one request every 1/tasa s whatever the previous ones are doing (no coordinated omission).

    ``siguiente()`` gives the next command (None if every target is busy: counted in ``estados['omitida']``).
    ``al_responder(status, json, t_respuesta)`` runs on each answer (B2 records when the 2xx arrived).
    """
    res = Resultado()
    omitidas = 0
    pendientes: set[asyncio.Task[None]] = set()
    async with cliente(conexiones) as http:
        inicio = time.perf_counter()
        medir_desde = inicio + calentamiento
        total = int((calentamiento + segundos) * tasa)

        async def uno(envio: Envio) -> None:
            t0 = time.perf_counter()
            try:
                estado, cuerpo = await envio(http)
            except httpx.HTTPError as e:
                res.errores += 1
                res.ejemplos_error.append(repr(e))
                return
            t1 = time.perf_counter()
            if al_responder is not None:
                al_responder(estado, cuerpo, t1)
            if t0 >= medir_desde:
                res.anotar(estado, t1 - t0)

        cpu0 = None
        for i in range(total):
            objetivo = inicio + i / tasa
            espera = objetivo - time.perf_counter()
            if espera > 0:
                await asyncio.sleep(espera)
            if cpu0 is None and time.perf_counter() >= medir_desde:
                cpu0 = _cpu_propia()
            envio = siguiente()
            if envio is None:
                omitidas += 1
                continue
            t = asyncio.create_task(uno(envio))
            pendientes.add(t)
            t.add_done_callback(pendientes.discard)
        if pendientes:
            await asyncio.wait(pendientes, timeout=30)
        res.segundos = time.perf_counter() - medir_desde
        res.cpu_cliente = _cpu_propia() - (cpu0 or _cpu_propia())
    if omitidas:
        res.estados[-1] = omitidas  # -1: no free target when the schedule fired
    return res


def correr(coro: Awaitable[Any]) -> Any:
    """asyncio.run on uvloop when installed (the client's own overhead matters on 2 cores)."""
    try:
        import uvloop

        return uvloop.run(coro)  # type: ignore[arg-type]
    except ImportError:
        return asyncio.run(coro)  # type: ignore[arg-type]
