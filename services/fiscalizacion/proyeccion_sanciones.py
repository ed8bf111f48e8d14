"""The public Registro de Sanciones (RIS Tercera Disposicion Final) as a table, folded by the domain's own
``registro_sanciones.proyectar`` one event at a time.

The domain fold works on event objects and keeps its context (each case's RUC, infraction and date; which case each
sanction enforces) in memory; here the public event dict is wrapped as an object of a class named after its type,
and the context lives in ``fisc_registro_sanciones_ctx``, so the rows are exactly those of the pure fold and are
rebuilt identically after ``reconstruir``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, delete, insert, select

from services.fiscalizacion import tablas as t
from services.fiscalizacion.domain.registro_sanciones import proyectar

_AGREGADOS = ("expedientesancionador", "sancion")


def _como_evento(e: Mapping[str, Any]) -> Any:
    clase = type(e["tipo"], (), {})
    obj = clase()
    obj.__dict__.update(e.get("datos") or {})
    obj.__dict__.update(originator_id=e["agregado_id"], sobre=e.get("sobre") or {})
    return obj


def _fecha(v: Any) -> date:
    return v if isinstance(v, date) else date.fromisoformat(str(v)[:10])


class RegistroSanciones:
    tablas = (t.sanciones, t.contexto_sanciones)

    def aplicar(self, c: Connection, e: Mapping[str, Any]) -> None:
        if e["agregado"] not in _AGREGADOS:
            return
        aid = e["agregado_id"]
        ctx: dict[str, dict] = {"expedientes": {}, "sanciones": {}}
        for fila in c.execute(select(t.contexto_sanciones).where(t.contexto_sanciones.c.agregado_id == aid)):
            ctx["expedientes" if fila.tipo == "expediente" else "sanciones"][aid] = fila.datos
        exp_id = ctx["sanciones"].get(aid, {}).get("expediente_id") if aid in ctx["sanciones"] else aid
        if aid in ctx["sanciones"]:
            ctx["sanciones"][aid] = exp_id  # the fold keeps sancion id -> case id
        filas = {}
        if exp_id:
            fila = c.execute(select(t.sanciones).where(t.sanciones.c.expediente_id == exp_id)).first()
            if fila:
                filas[exp_id] = self._a_fila_dominio(fila)
        antes = dict(ctx["expedientes"]), dict(ctx["sanciones"])
        nuevas = proyectar([_como_evento(e)], filas, ctx)
        self._guardar_contexto(c, aid, ctx, antes)
        for clave, fila in nuevas.items():
            if fila != filas.get(clave):
                c.execute(delete(t.sanciones).where(t.sanciones.c.expediente_id == clave))
                c.execute(insert(t.sanciones).values(**self._a_tabla(clave, fila)))

    @staticmethod
    def _guardar_contexto(c: Connection, aid: str, ctx: dict, antes: tuple[dict, dict]) -> None:
        if aid in ctx["expedientes"] and aid not in antes[0]:
            meta = {k: str(v) if isinstance(v, date) else v for k, v in ctx["expedientes"][aid].items()}
            c.execute(insert(t.contexto_sanciones).values(agregado_id=aid, tipo="expediente", datos=meta))
        if aid in ctx["sanciones"] and aid not in antes[1]:
            c.execute(insert(t.contexto_sanciones).values(agregado_id=aid, tipo="sancion",
                                                          datos={"expediente_id": ctx["sanciones"][aid]}))

    @staticmethod
    def _a_fila_dominio(f: Any) -> dict[str, Any]:
        return {"ruc": f.ruc, "infraccion": f.infraccion, "fecha": f.fecha_hechos.isoformat(), "estado": f.estado,
                "resolucion": {"expediente": f.expediente, "fecha": f.resolucion_fecha.isoformat()},
                "monto_soles": f.monto_soles, "sanciones": list(f.sanciones),
                "version_reglamento": f.version_reglamento}

    @staticmethod
    def _a_tabla(expediente_id: str, f: Mapping[str, Any]) -> dict[str, Any]:
        return {"expediente_id": expediente_id, "ruc": f["ruc"], "infraccion": f["infraccion"],
                "fecha_hechos": _fecha(f["fecha"]), "estado": f["estado"],
                "expediente": f["resolucion"]["expediente"], "resolucion_fecha": _fecha(f["resolucion"]["fecha"]),
                "monto_soles": str(Decimal(str(f["monto_soles"])).quantize(Decimal("0.01"))),
                "sanciones": list(f["sanciones"]), "version_reglamento": f["version_reglamento"]}
