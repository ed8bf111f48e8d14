"""fiscalizacion's event-sourced application: plans, inspections, complaints, sanctioning cases and sanctions.

Commands live in two mixins (``aplicacion_fiscalizaciones``, ``aplicacion_expedientes``); this module adds what
needs the read models (engine ``lecturas``, set by ``main``): the deadline run over the agenda, the entity's
renunciation (from registro's events) and its earlier sanctions (from the Registro de Sanciones), and the reactions
to other services' events, each idempotent by a deterministic aggregate id.
"""

from __future__ import annotations

import logging
from datetime import date
from decimal import Decimal
from typing import Any
from uuid import UUID

from sqlalchemy import Engine, or_, select

from shared.almacen.aplicacion import AplicacionCTI
from shared.eventos.sobre import acto
from services.fiscalizacion import tablas as t
from services.fiscalizacion.aplicacion_expedientes import ComandosExpediente
from services.fiscalizacion.aplicacion_fiscalizaciones import ComandosFiscalizacion
from services.fiscalizacion.domain.disparadores import (
    INFRACCION_POR_EVENTO_REGISTRO, RIS_POR_INFRACCION_LEY, abrir_por_hallazgo_tramite, clave_obligacion_vencida,
    id_fiscalizacion_por_hallazgo,
)
from services.fiscalizacion.domain.uit import uit_vigente

log = logging.getLogger("cti.fiscalizacion")
_ORDEN = {"expedientesancionador": 0, "fiscalizacion": 1, "sancion": 2}
_FIRMES = ("firme", "pagada", "en_cobranza_coactiva")


class AplicacionFiscalizacion(ComandosFiscalizacion, ComandosExpediente, AplicacionCTI):
    name = "fiscalizacion"
    lecturas: Engine | None = None

    # ---- what the read models know ----
    def renuncio(self, ruc: str) -> bool:
        if self.lecturas is None:
            return False
        with self.lecturas.connect() as c:
            fila = c.execute(select(t.entidades.c.renunciada_el).where(t.entidades.c.ruc == ruc)).first()
        return bool(fila and fila.renunciada_el)

    def antecedentes(self, ruc: str, excluir: str | None = None) -> list[dict[str, Any]]:
        """Earlier sanctions of the entity, as RIS 13 needs them (final or not; the rule parameter decides)."""
        if self.lecturas is None:
            return []
        with self.lecturas.connect() as c:
            filas = c.execute(select(t.sanciones).where(t.sanciones.c.ruc == ruc,
                                                         t.sanciones.c.estado != "revocada")).all()
        salida = []
        for f in filas:
            if f.expediente_id == excluir:
                continue
            multa = Decimal(f.monto_soles)
            uit = uit_vigente(f.resolucion_fecha)[0]
            salida.append({"codigo": f.infraccion, "firme": f.estado in _FIRMES, "fecha": f.resolucion_fecha,
                           "multa_uit": (multa / uit).quantize(Decimal("0.01")) if multa else None})
        return salida

    # ---- deadlines (the scheduler calls this on the single writer) ----
    def vencer_plazos(self, hoy: date) -> int:
        if self.lecturas is None:
            return 0
        with self.lecturas.connect() as c:
            filas = c.execute(select(t.agenda.c.agregado_id, t.agenda.c.agregado).where(
                t.agenda.c.abierto.is_(True), or_(t.agenda.c.proximo.is_(None), t.agenda.c.proximo < hoy))).all()
        total = 0
        for fila in sorted(filas, key=lambda f: (_ORDEN.get(f.agregado, 9), f.agregado_id)):
            agregado = self.repository.get(UUID(fila.agregado_id))
            hechos = agregado.vencer_plazos(hoy)
            extra = self.sincronizar_sancion(agregado, hoy) if fila.agregado == "expedientesancionador" else []
            if agregado.pending_events or extra:
                total += len(agregado.pending_events) + sum(len(s.pending_events) for s in extra)
                self.guardar(agregado, *extra)
            elif hechos:
                log.warning("vencer_plazos: %s devolvio %s sin eventos", fila.agregado_id, hechos)
        return total

    # ---- reactions to other services' events ----
    def abrir_por_obligacion_vencida(self, *, evento_id: str, tipo_evento: str, ruc: str, vencio_el: date,
                                     hoy: date, infraccion_ley: str | None = None,
                                     causa: dict | None = None) -> dict | None:
        """A lapsed annual obligation (registro) opens its case once: the id derives from the upstream event id."""
        codigo = RIS_POR_INFRACCION_LEY.get(infraccion_ley or "") or INFRACCION_POR_EVENTO_REGISTRO[tipo_evento]
        origen = {"tipo": "registro", "evento": tipo_evento, "evento_id": evento_id, **(causa or {})}
        nuevos = self.preparar_apertura(clave_origen=clave_obligacion_vencida(evento_id), hoy=hoy, ruc=ruc,
                                        codigo=codigo, fecha_hechos=vencio_el, origen=origen,
                                        renuncio_beneficios=self.renuncio(ruc))
        if not nuevos:
            return None
        self.guardar(*nuevos)
        return self.estado_expediente(nuevos[0])

    def abrir_por_hallazgo(self, *, evento_id: str, ruc: str, intervencion: str, hoy: date, evento: str,
                           expediente_tramite: str | None = None) -> dict | None:
        """A finding from tramite (execution without approval) programs an inspection once (ROF 48.d, 48.f)."""
        if self.existe(id_fiscalizacion_por_hallazgo(evento_id)):
            return None
        with acto(correlacion=f"FISC-{ruc}-{str(id_fiscalizacion_por_hallazgo(evento_id))[:8]}"):
            f = abrir_por_hallazgo_tramite(evento_id=evento_id, ruc=ruc, intervencion=intervencion, hoy=hoy,
                                           en_ambito=not self.renuncio(ruc), evento=evento,
                                           expediente_tramite=expediente_tramite)
        self.guardar(f)
        return self.estado_fiscalizacion(f)
