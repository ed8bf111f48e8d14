"""The ``Expediente`` aggregate: one file following one procedure definition, hop by hop, under one office's custody.

Why events are named dynamically: the stored event type must be the legal act's name (``SolicitudDerivadaARectora``,
``CandidaturaBecaOficializadaAnteFuente``...), but the acts are data, so per-act decorated methods would put law in
code. eventsourcing resolves event classes by topic (``module:Expediente.<Name>``) and lets an event class define
``apply``; so the aggregate declares two explicit event classes whose ``apply`` only assigns (``Abierto`` for the
opening act, ``ActoRegistrado`` for every later act and expiry) and, when this module is imported, one subclass per
event name found in the catalogue is attached to ``Expediente``. Stored events therefore carry the legal name as their
type (and again as ``nombre_evento`` in the payload), and reload without any registry beyond this module.
"""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5

from shared.eventos import Actor, Agregado
from shared.eventos.sobre import a_json

from services.tramite.domain import apertura, documentos, motor
from services.tramite.domain.definicion import Procedimiento
from services.tramite.domain.procedimientos import CATALOGO
from services.tramite.domain.plazos import extemporaneo as plazo_extemporaneo
from services.tramite.domain.plazos import vencido


class Expediente(Agregado):
    # (dms, dms_id, version) of every DMS document already in the file. No annotation on purpose: eventsourcing
    # would turn an annotated class attribute into an event field (see ``shared.eventos.agregado``).
    claves_dms = frozenset()

    def __init__(self) -> None:
        """State comes from the opening event's ``apply`` (the act that opened the file names the event)."""

    @staticmethod
    def create_id(numero: str) -> UUID:
        return uuid5(NAMESPACE_URL, f"/expediente/{numero}")

    @property
    def correlacion(self) -> str | None:
        return getattr(self, "numero", None)

    @classmethod
    def correlacion_inicial(cls, datos: dict[str, Any]) -> str:
        """The opening event correlates with the file number like every later act."""
        return str(datos["numero"])

    class Abierto(Agregado.Created):
        procedimiento: str
        version_procedimiento: int
        numero: str
        promotor: str
        regimen_promotor: str | None
        oficina_apertura: str
        presentado_el: date
        estado: str
        tramo: dict[str, Any]
        tipos: dict[str, str]
        datos: dict[str, Any]
        documentos: list[dict[str, Any]]
        plazos_abiertos: list[dict[str, Any]]
        fundamento_legal: list[dict[str, str]]

        def apply(self, exp: Expediente) -> None:
            exp.procedimiento, exp.version_procedimiento = self.procedimiento, self.version_procedimiento
            exp.numero, exp.promotor, exp.regimen_promotor = self.numero, self.promotor, self.regimen_promotor
            exp.oficina_apertura, exp.presentado_el = self.oficina_apertura, self.presentado_el
            exp.estado, exp.custodia = self.estado, self.oficina_apertura
            exp.tipos, exp.datos, exp.tramos = dict(self.tipos), dict(self.datos), [self.tramo]
            exp.plazos = {p["codigo"]: {"estado": "abierto", **p} for p in self.plazos_abiertos}
            exp.claves_dms = documentos.claves_dms(self.documentos)

    class ActoRegistrado(Agregado.Event):
        accion: str
        nombre_evento: str
        estado_anterior: str
        estado_nuevo: str
        custodia: str
        tramo: dict[str, Any] | None
        tipos: dict[str, str]
        datos: dict[str, Any]
        documentos: list[dict[str, Any]]
        plazos_abiertos: list[dict[str, Any]]
        plazos_cerrados: list[str]
        plazo_vencido: str | None
        fecha: date
        fundamento_legal: list[dict[str, str]]

        def apply(self, exp: Expediente) -> None:
            exp.estado, exp.custodia = self.estado_nuevo, self.custodia
            exp.tipos, exp.datos = {**exp.tipos, **self.tipos}, {**exp.datos, **self.datos}
            exp.tramos = [*exp.tramos, self.tramo] if self.tramo else exp.tramos
            plazos = dict(exp.plazos)
            for codigo in self.plazos_cerrados:
                plazos[codigo] = {**plazos[codigo], "estado": "cumplido", "cerrado_el": self.fecha}
            if self.plazo_vencido:
                plazos[self.plazo_vencido] = {**plazos[self.plazo_vencido], "estado": "vencido"}
            for p in self.plazos_abiertos:  # a term judged by this very act comes already closed
                plazos[p["codigo"]] = {"estado": "abierto", **p}
            exp.plazos = plazos
            exp.claves_dms = exp.claves_dms | documentos.claves_dms(self.documentos)

    class DocumentoIncorporado(Agregado.Event):
        """A document the DMS holds for this file (announced by its event log or a signed webhook), verified by
        downloading and hashing it; ``referencia`` is the full ``ReferenciaDocumento``. It does not move the file."""

        referencia: dict[str, Any]
        registrado_por: str | None
        evento_dms: str | None

        def apply(self, exp: Expediente) -> None:
            exp.claves_dms = exp.claves_dms | documentos.claves_dms([self.referencia])

    # ----- commands -------------------------------------------------------------------------------------------

    @classmethod
    def abrir(cls, **kwargs: Any) -> Expediente:
        """Open a file: see :func:`apertura.preparar` for the arguments and the checks."""
        proc, payload = apertura.preparar(CATALOGO, **kwargs)
        evento = _clase(proc.entrada(payload.pop("tipo_entrada")).evento)  # type: ignore[union-attr]
        return cls._create(evento, id=cls.create_id(payload["numero"]), **payload)

    def ejecutar(self, accion: str, *, actor: Actor, actor_tipo_oficina: str, hoy: date, **kwargs: Any) -> None:
        """Take one act of the procedure: checks custody, state, office kind, role, data, route, then records it.

        Keyword arguments: ``datos``, ``documentos``, ``fecha_cargo``, ``version_esperada``, ``resolver_tipo``
        (office code -> kind), ``inscrito_vigente`` (promoter -> registered and not suspended),
        ``consultar_expediente`` (number -> :meth:`resumen` of another file, or None), ``calendario``.
        """
        acto = motor.preparar_acto(self, accion, actor=actor, tipo_actor=actor_tipo_oficina, hoy=hoy, **kwargs)
        self.trigger_event(_clase(acto["nombre_evento"]), **acto)

    def incorporar_documento(self, referencia: dict[str, Any], registrado_por: str | None,
                             evento_dms: str | None) -> bool:
        """Attach a DMS document; idempotent by (dms, dms_id, version): a revision already in the file (incorporated
        before, or carried by an act) is not attached again. Returns whether an event was recorded."""
        if documentos.claves_dms([referencia]) <= self.claves_dms:
            return False
        self.trigger_event(Expediente.DocumentoIncorporado, referencia=referencia, registrado_por=registrado_por,
                           evento_dms=evento_dms)
        return True

    def vencer_plazos(self, hoy: date) -> list[str]:
        """Record the legal effect of every deadline expired by ``hoy``; idempotent. Returns the event names."""
        registrados = []
        for p in sorted(self.plazos_abiertos(), key=lambda p: p["vence_el"]):
            if self.plazos[p["codigo"]]["estado"] != "abierto" or not vencido(p, hoy) or self.terminado:
                continue
            acto = motor.preparar_vencimiento(self, p, hoy)
            self.trigger_event(_clase(acto["nombre_evento"]), **acto)
            registrados.append(acto["nombre_evento"])
        return registrados

    # ----- queries --------------------------------------------------------------------------------------------

    @property
    def definicion(self) -> Procedimiento:
        return CATALOGO.obtener(self.procedimiento, self.version_procedimiento)

    @property
    def terminado(self) -> bool:
        return self.estado in self.definicion.terminales

    def plazos_abiertos(self) -> list[dict[str, Any]]:
        return [p for p in self.plazos.values() if p["estado"] == "abierto"]

    def historial(self) -> list[dict[str, Any]]:
        """Every hop: sender, recipient, copies, carrying document, cargo date, observations, actor, legal basis."""
        return [dict(t) for t in self.tramos]

    def resumen(self) -> dict[str, Any]:
        """What another file's rule may look at (``reglas.exigir_antecedentes``): procedure, state, promoter, hops."""
        return {"numero": self.numero, "procedimiento": self.procedimiento,
                "version_procedimiento": self.version_procedimiento, "estado": self.estado,
                "promotor": self.promotor, "tramos": self.historial()}

    def acciones_disponibles(self, actor: Actor, actor_tipo_oficina: str | None = None) -> list[dict[str, Any]]:
        return motor.acciones_disponibles(self, actor, actor_tipo_oficina)

    def plazos_concluidos(self) -> list[dict[str, Any]]:
        """Terms met (``cumplido``, with ``cumplimiento`` when judged at their own act) or expired (``vencido``)."""
        return sorted((p for p in self.plazos.values() if p["estado"] != "abierto"), key=lambda p: p["vence_el"])

    @property
    def extemporaneo(self) -> bool:
        """An act of this file came out of the window the law gives it (see ``plazos.juzgar``)."""
        return any(plazo_extemporaneo(p) for p in self.plazos.values())

    def a_dict(self) -> dict[str, Any]:
        abiertos = sorted(self.plazos_abiertos(), key=lambda p: p["vence_el"])
        return a_json(
            {
                "id": self.id,
                "numero": self.numero,
                "version": self.version,
                "procedimiento": {"codigo": self.procedimiento, "version": self.version_procedimiento},
                "estado": self.estado,
                "terminado": self.terminado,
                "custodia": self.custodia,
                "promotor": self.promotor,
                "regimen_promotor": self.regimen_promotor,
                "oficina_apertura": self.oficina_apertura,
                "presentado_el": self.presentado_el,
                "datos": self.datos,
                "plazos_abiertos": abiertos,
                "proximo_vencimiento": abiertos[0]["vence_el"] if abiertos else None,
                "plazos_concluidos": self.plazos_concluidos(),
                "extemporaneo": self.extemporaneo,
            }
        )


_BASE_POR_NOMBRE: dict[str, type] = {}


def _clase(nombre: str) -> type:
    """The event class named after the legal act (created on first use, normally at import from the catalogue)."""
    clase = Expediente.__dict__.get(nombre)
    if clase is None:
        base = _BASE_POR_NOMBRE.get(nombre, Expediente.ActoRegistrado)
        clase = type(base)(nombre, (base,), {"__qualname__": f"Expediente.{nombre}", "__module__": __name__})
        setattr(Expediente, nombre, clase)
    return clase


def _registrar_eventos() -> None:
    for proc in CATALOGO.todos():
        for entrada in proc.entradas:
            _BASE_POR_NOMBRE[entrada.evento] = Expediente.Abierto
    for proc in CATALOGO.todos():
        for nombre in proc.nombres_evento():
            clase = _clase(nombre)
            if not issubclass(clase, _BASE_POR_NOMBRE.get(nombre, Expediente.ActoRegistrado)):
                raise TypeError(f"{nombre} se usa a la vez como acto de apertura y como acto posterior")


_registrar_eventos()

__all__ = ["Expediente"]
