"""report.json (machine, date, every figure with its baseline) and RESUMEN.md (the short human summary).

Targets are compared and reported (``cumplido``), never asserted: a missed target is a finding to explain.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

OBJETIVOS = {
    "B1_throughput_vs_app_minima": ">= 1.0 (al menos el throughput de la linea base pese al salto extra del gateway)",
    "B1_p99_a_200_s_ms": "< 50 ms (latencia de comando a 200 comandos/s, medida en B2)",
    "B2_p99_ms": "< 250 ms (hasta el consumidor y hasta el historial del gateway)",
    "B3_p50_1M_ms": "< 20 ms (historial completo y estado a una fecha, con 1M eventos)",
    "B3_razon_1M_10k": "< 1.5 (p50 con 1M / p50 con 10k)",
    "B4_eventos_s": ">= 50.000 eventos/s",
    "B5_eventos_s": ">= 200.000 eventos/s",
    "B6_rss_mb": "< 200 MB por servicio (con el almacen mas grande)",
}


def _g(d: Any, *ruta: str) -> Any:
    for k in ruta:
        if not isinstance(d, dict) or k not in d:
            return None
        d = d[k]
    return d


def evaluar(res: dict[str, Any]) -> dict[str, Any]:
    c: dict[str, Any] = {}
    r = _g(res, "B1", "razon", "throughput_vs_app_minima")
    c["B1_throughput_vs_app_minima"] = {"valor": r, "cumplido": r is not None and r >= 1.0}
    p = _g(res, "B2", "latencia_comando", "p99_ms")
    c["B1_p99_a_200_s_ms"] = {"valor": p, "cumplido": p is not None and p < 50}
    props = _g(res, "B2", "propagacion") or {}
    p99s = {k: v.get("p99_ms") for k, v in props.items()}
    c["B2_p99_ms"] = {"valor": p99s, "cumplido": bool(p99s) and all(v is not None and v < 250 for v in p99s.values())}
    escala = res.get("escala") or {}
    tamanos = list(escala)
    if tamanos:
        chico, grande = escala[tamanos[0]], escala[tamanos[-1]]
        p50 = {q: _g(grande, "B3", q, "p50_ms") for q in ("historial", "a_la_fecha")}
        c["B3_p50_1M_ms"] = {"valor": p50, "tamano": tamanos[-1],
                             "cumplido": all(v is not None and v < 20 for v in p50.values())}
        razones = {q: (round(p50[q] / b, 2) if p50[q] and (b := _g(chico, "B3", q, "p50_ms")) else None)
                   for q in p50}
        c["B3_razon_1M_10k"] = {"valor": razones, "tamanos": [tamanos[0], tamanos[-1]],
                                "cumplido": all(v is not None and v < 1.5 for v in razones.values())}
        v4 = _g(grande, "B4", "eventos_s")
        c["B4_eventos_s"] = {"valor": v4, "cumplido": v4 is not None and v4 >= 50_000}
        v5 = _g(grande, "B5", "eventos_s")
        c["B5_eventos_s"] = {"valor": v5, "cumplido": v5 is not None and v5 >= 200_000}
        rss = _g(grande, "B6", "rss_tras_consultas_mb") or {}
        c["B6_rss_mb"] = {"valor": rss, "cumplido": bool(rss) and all(v is not None and v < 200 for v in rss.values())}
    return c


def escribir(reporte: dict[str, Any], ruta: Path, resumen: Path) -> None:
    reporte["objetivos"] = OBJETIVOS
    reporte["cumplido"] = evaluar(reporte.get("resultados", {}))
    ruta.write_text(json.dumps(reporte, indent=1, ensure_ascii=False) + "\n")
    resumen.write_text(texto(reporte))


def _f(v: Any) -> str:
    if v is None:
        return "-"
    if isinstance(v, float):
        return f"{v:,.1f}".replace(",", " ")
    if isinstance(v, int):
        return f"{v:,}".replace(",", " ")
    return str(v)


def texto(rep: dict[str, Any]) -> str:
    m, res = rep["maquina"], rep.get("resultados", {})
    L = [f"# Benchmarks CTI Peru ({rep['fecha']}, perfil {rep.get('perfil')})", "",
         f"Maquina: {m['cpu']}, {m['nucleos']} nucleos, {_f(m['memoria_mb'])} MB, Python {m['python']}; "
         f"{m['postgres'].split(' on ')[0]} ({m['postgres_origen']}). Cliente de carga: httpx en el mismo equipo "
         "(compite por CPU: ver `cliente_nucleos`). Carga media del equipo al empezar (1/5/15 min): "
         f"{m.get('carga_media_1_5_15_min')}; con mas de ~2 el equipo estaba compartido y las cifras valen poco. "
         "Cifras completas en `bench/report.json`.", ""]
    b1 = res.get("B1") or {}
    if "error" in b1:
        L += [f"**B1** error: {b1['error']}", ""]
    elif b1:
        base, pgb = b1["linea_base"]["app_minima"], b1["linea_base"]["pgbench"]
        L += ["## B1 camino de comandos (32 clientes concurrentes)", "",
              f"Comando: {b1['comando']} ({b1['descripcion']}).", "",
              "| | throughput/s | p50 ms | p95 ms | p99 ms |", "|---|---|---|---|---|",
              f"| gateway -> servicio | {_f(b1['throughput_s'])} | {_f(b1['p50_ms'])} | {_f(b1['p95_ms'])} | "
              f"{_f(b1['p99_ms'])} |",
              f"| linea base: FastAPI + eventsourcing minima | {_f(base.get('throughput_s'))} | {_f(base.get('p50_ms'))} | "
              f"{_f(base.get('p95_ms'))} | {_f(base.get('p99_ms'))} |",
              f"| pgbench INSERT de una fila ({pgb.get('clientes')} clientes) | {_f(pgb.get('tps'))} | | | |", "",
              f"Razones: {json.dumps(b1.get('razon'))}. CPU (nucleos): {json.dumps(b1.get('cpu_nucleos'))}, "
              f"cliente {b1.get('cliente_nucleos')}.", ""]
    b2 = res.get("B2") or {}
    if "error" in b2:
        L += [f"**B2** error: {b2['error']}", ""]
    elif b2:
        lc = b2["latencia_comando"]
        L += [f"## B2 propagacion a {b2['tasa_objetivo_s']} comandos/s", "",
              "| hasta | p50 ms | p99 ms | no vistos |", "|---|---|---|---|"]
        L += [f"| {k} | {_f(v['p50_ms'])} | {_f(v['p99_ms'])} | {v['no_vistos_en_3s']} |"
              for k, v in b2["propagacion"].items()]
        L += ["", f"Latencia del comando a esa tasa: p50 {_f(lc['p50_ms'])} ms, p99 {_f(lc['p99_ms'])} ms, "
              f"{_f(lc['throughput_s'])} 2xx/s, estados {lc['estados']} (-1: ningun objetivo libre).", ""]
    for tam, e in (res.get("escala") or {}).items():
        L += [f"## Con {tam} eventos en total", ""]
        if "error" in e:
            L += [f"error: {e['error']}", ""]
        alm = e.get("almacenes") or {}
        if alm:
            L += [f"Almacenes generados en {alm.get('segundos')} s: " + ", ".join(
                f"{s} {_f(alm[s]['eventos'])}" for s in ("tramite", "registro", "fiscalizacion") if s in alm)
                + f"; expediente {alm.get('eventos_del_expediente')} eventos.", ""]
        b3 = e.get("B3") or {}
        for q, nombre in (("historial", "B3 historial completo"), ("a_la_fecha", "B3 estado a una fecha"),
                          ("verificacion_expediente", "B5 verificacion de un expediente")):
            if q in b3:
                L.append(f"- {nombre}: p50 {_f(b3[q]['p50_ms'])} ms, p99 {_f(b3[q]['p99_ms'])} ms (n={b3[q]['n']})")
        if e.get("B4"):
            L.append(f"- B4 reconstruccion ({e['B4']['servicio']}): {_f(e['B4']['eventos_s'])} eventos/s "
                     f"({_f(e['B4']['eventos'])} eventos en {e['B4']['segundos']} s"
                     f"{'' if e['B4'].get('completo', True) else ', cortado'})")
        if e.get("B5"):
            L.append(f"- B5 verificacion de cadenas: {_f(e['B5']['eventos_s'])} eventos/s "
                     f"({_f(e['B5']['eventos'])} eventos, {e['B5']['fallas']} fallas)")
        if e.get("B6"):
            L.append(f"- B6 arranque s: {json.dumps(e['B6'].get('arranque_s'))}; RSS MB: "
                     f"{json.dumps(e['B6'].get('rss_tras_consultas_mb'))}")
        L.append("")
    L += ["## Objetivos (se informan, no se exigen)", "", "| objetivo | meta | valor | cumplido |", "|---|---|---|---|"]
    for k, v in rep.get("cumplido", {}).items():
        L.append(f"| {k} | {OBJETIVOS[k]} | {json.dumps(v['valor'], ensure_ascii=False)} | "
                 f"{'si' if v['cumplido'] else 'NO'} |")
    return "\n".join(L) + "\n"
