"""Fiscalizacion: one inspection of an entity or an intervention (Ley 27692 art. 3.3; ROF 47-48; RIS 4, 7.a).

Origins: the annual plan, a complaint (denuncia, ROF 48.g), the DFS's own initiative, or a finding from tramite
(execution without approval). Steps: opening and notice, requests for documents with a deadline (not regulated,
gap G12: a parameter), visits with their acta, findings, report, corrective measures (Ley 27692 4.f, not a
sanction), and referral to the sanctioning procedure (ROF 48.d). Not showing the documents in time is itself
infraction RIS-7-a: the expiry records ``IndicioInfraccionRegistrado``.
"""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import event

from shared.eventos import Agregado
from services.fiscalizacion.domain import comandos_fiscalizacion as cmd

EVENTOS = (
    "DenunciaDesestimada", "FiscalizacionIniciada", "RequerimientoInformacionEmitido", "DocumentacionExhibida",
    "PlazoExhibicionVencido", "IndicioInfraccionRegistrado", "VisitaInspeccionRealizada", "HallazgoRegistrado",
    "InformeFiscalizacionEmitido", "FiscalizacionConcluidaSinObservaciones", "MedidaCorrectivaDictada",
    "MedidaCorrectivaCumplida", "MedidaCorrectivaIncumplida", "InstruccionRecomendada",
)


def _mutador(nombre: str):
    def mutar(self, el: date, estado: str | None, asigna: dict, agrega: dict, regla: str,
              fundamento_legal: Any) -> None:
        self._aplicar(estado, asigna, agrega)

    mutar.__name__ = mutar.__qualname__ = "_" + nombre
    return mutar


class Fiscalizacion(Agregado):
    @event("FiscalizacionProgramada")
    def __init__(self, clave_origen: str, ruc: str, objeto: dict, origen: dict, programada_el: date,
                 en_ambito: bool, fundamento_legal: Any) -> None:
        self.clave_origen, self.ruc, self.objeto, self.origen = clave_origen, ruc, objeto, origen
        self.programada_el, self.en_ambito = programada_el, en_ambito
        self.estado = "programada"
        self.requerimientos: list[dict] = []
        self.visitas: list[dict] = []
        self.hallazgos: list[dict] = []
        self.medidas: list[dict] = []
        self.indicios: list[dict] = []
        self.informe = self.derivacion = None

    @staticmethod
    def create_id(clave_origen: str, **_: Any) -> UUID:
        return uuid5(NAMESPACE_URL, f"/fiscalizacion/{clave_origen}")

    @property
    def correlacion(self) -> str:
        return f"FISC-{self.ruc}-{str(self.id)[:8]}"

    def _aplicar(self, estado: str | None, asigna: dict, agrega: dict) -> None:
        for k, v in asigna.items():
            setattr(self, k, v)
        for k, v in agrega.items():
            setattr(self, k, [*getattr(self, k), v])
        if estado:
            self.estado = estado

    def _registrar(self, evento: str, el: date, regla: str, fundamento_legal: Any, estado: str | None = None,
                   asigna: dict | None = None, agrega: dict | None = None) -> None:
        getattr(self, "_" + evento)(el=el, estado=estado, asigna=asigna or {}, agrega=agrega or {}, regla=regla,
                                    fundamento_legal=fundamento_legal)

    for _nombre in EVENTOS:
        locals()["_" + _nombre] = event(_nombre)(_mutador(_nombre))
    del _nombre

    # ---- commands (validation in comandos_fiscalizacion) ----
    def desestimar_denuncia(self, actor, **kw): cmd.desestimar_denuncia(self, actor, **kw)
    def iniciar(self, actor, **kw): cmd.iniciar(self, actor, **kw)
    def requerir_documentos(self, actor, **kw): cmd.requerir_documentos(self, actor, **kw)
    def registrar_exhibicion(self, actor, **kw): cmd.registrar_exhibicion(self, actor, **kw)
    def registrar_visita(self, actor, **kw): cmd.registrar_visita(self, actor, **kw)
    def registrar_hallazgo(self, actor, **kw): cmd.registrar_hallazgo(self, actor, **kw)
    def emitir_informe(self, actor, **kw): cmd.emitir_informe(self, actor, **kw)
    def concluir_sin_observaciones(self, actor, **kw): cmd.concluir_sin_observaciones(self, actor, **kw)
    def dictar_medida_correctiva(self, actor, **kw): cmd.dictar_medida_correctiva(self, actor, **kw)
    def verificar_medida_correctiva(self, actor, **kw): cmd.verificar_medida_correctiva(self, actor, **kw)
    def recomendar_instruccion(self, actor, **kw): cmd.recomendar_instruccion(self, actor, **kw)
    def vencer_plazos(self, hoy: date) -> list[str]: return cmd.vencer_plazos(self, hoy)

    def acciones_disponibles(self, actor) -> list[dict]:
        return cmd.acciones_disponibles(self, actor)

    def a_dict(self) -> dict[str, Any]:
        claves = ("ruc", "objeto", "origen", "estado", "programada_el", "requerimientos", "visitas", "hallazgos",
                  "medidas", "indicios", "informe", "derivacion")
        return {"id": str(self.id), "correlacion": self.correlacion, **{k: getattr(self, k) for k in claves}}
