"""Read models of tramite's own events: the in-tray (``expedientes_bandeja``) and the open deadlines
(``expedientes_plazos``).

Why they exist: the in-tray must list an office's files sorted by deadline without loading every aggregate, and the
scheduler must find the files with a deadline due without replaying the store. Both are disposable: rebuilt from the
event log by ``POST /operaciones/lecturas/reconstruir`` (nothing here reads a clock, so a rebuild gives the same rows).
Rows are keyed by the aggregate id because later events do not repeat the file number.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy import (Boolean, Column, Connection, Date, Integer, MetaData, String, Table, and_, delete, func,
                        insert, select, update)

from services.tramite.domain.procedimientos import CATALOGO

metadata = MetaData()

bandeja = Table(
    "expedientes_bandeja", metadata,
    Column("numero", String(40), primary_key=True),
    Column("agregado_id", String(36), nullable=False, unique=True),
    Column("procedimiento", String(60), nullable=False),
    Column("version_procedimiento", Integer, nullable=False),
    Column("estado", String(60), nullable=False),
    Column("terminado", Boolean, nullable=False),
    Column("custodia", String(60), nullable=False, index=True),
    Column("promotor", String(60), nullable=False),
    Column("oficina_apertura", String(60), nullable=False),
    Column("presentado_el", Date, nullable=False),
    Column("ultimo_acto", Date, nullable=False),
    Column("proximo_vencimiento", Date, nullable=True),
    Column("version", Integer, nullable=False),
)

plazos = Table(
    "expedientes_plazos", metadata,
    Column("agregado_id", String(36), primary_key=True),
    Column("codigo", String(60), primary_key=True),
    Column("numero", String(40), nullable=False),
    Column("vence_el", Date, nullable=False, index=True),
    Column("efecto", String(30), nullable=False),
    Column("estado", String(20), nullable=False),
)


def _fecha(valor: Any) -> date | None:
    return None if valor is None else date.fromisoformat(str(valor)[:10])


class ProyeccionExpedientes:
    tablas = (plazos, bandeja)

    def aplicar(self, c: Connection, evento: Mapping[str, Any]) -> None:
        if evento["agregado"] != "expediente":
            return  # the numbering counters have no read model
        d, aid = evento["datos"], evento["agregado_id"]
        if evento["tipo"] == "DocumentoIncorporado":  # no move, no deadline: only the version clients send back
            c.execute(update(bandeja).where(bandeja.c.agregado_id == aid).values(version=int(evento["version"])))
            return
        if "estado_nuevo" in d:
            self._acto(c, aid, d, int(evento["version"]))
        else:
            self._apertura(c, aid, d, int(evento["version"]))
        self._proximo(c, aid)

    def _apertura(self, c: Connection, aid: str, d: Mapping[str, Any], version: int) -> None:
        proc = CATALOGO.obtener(d["procedimiento"], int(d["version_procedimiento"]))
        c.execute(insert(bandeja).values(
            numero=d["numero"], agregado_id=aid, procedimiento=d["procedimiento"],
            version_procedimiento=int(d["version_procedimiento"]), estado=d["estado"],
            terminado=d["estado"] in proc.terminales, custodia=d["oficina_apertura"], promotor=d["promotor"],
            oficina_apertura=d["oficina_apertura"], presentado_el=_fecha(d["presentado_el"]),
            ultimo_acto=_fecha(d["presentado_el"]), proximo_vencimiento=None, version=version))
        self._abrir_plazos(c, aid, d["numero"], d.get("plazos_abiertos") or [])

    def _acto(self, c: Connection, aid: str, d: Mapping[str, Any], version: int) -> None:
        fila = c.execute(select(bandeja.c.numero, bandeja.c.procedimiento, bandeja.c.version_procedimiento)
                         .where(bandeja.c.agregado_id == aid)).one()
        proc = CATALOGO.obtener(fila.procedimiento, fila.version_procedimiento)
        c.execute(update(bandeja).where(bandeja.c.agregado_id == aid).values(
            estado=d["estado_nuevo"], terminado=d["estado_nuevo"] in proc.terminales, custodia=d["custodia"],
            ultimo_acto=_fecha(d["fecha"]), version=version))
        este = and_(plazos.c.agregado_id == aid)
        cerrados = list(d.get("plazos_cerrados") or [])
        if cerrados:
            c.execute(update(plazos).where(este, plazos.c.codigo.in_(cerrados)).values(estado="cumplido"))
        if d.get("plazo_vencido"):
            c.execute(update(plazos).where(este, plazos.c.codigo == d["plazo_vencido"]).values(estado="vencido"))
        self._abrir_plazos(c, aid, fila.numero, d.get("plazos_abiertos") or [])

    @staticmethod
    def _abrir_plazos(c: Connection, aid: str, numero: str, abiertos: list[Mapping[str, Any]]) -> None:
        for p in abiertos:  # a clock re-opened (e.g. a new evaluation term) replaces the old row
            c.execute(delete(plazos).where(plazos.c.agregado_id == aid, plazos.c.codigo == p["codigo"]))
            c.execute(insert(plazos).values(agregado_id=aid, codigo=p["codigo"], numero=numero,
                                            vence_el=_fecha(p["vence_el"]), efecto=p["efecto"], estado="abierto"))

    @staticmethod
    def _proximo(c: Connection, aid: str) -> None:
        proximo = c.execute(select(func.min(plazos.c.vence_el))
                            .where(plazos.c.agregado_id == aid, plazos.c.estado == "abierto")).scalar()
        c.execute(update(bandeja).where(bandeja.c.agregado_id == aid).values(proximo_vencimiento=proximo))


PROYECCIONES = [ProyeccionExpedientes()]
