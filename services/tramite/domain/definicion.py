"""Procedures as data: the vocabulary the routing engine interprets (architecture principle 5, "law is data").

A :class:`Procedimiento` lists its entry points (:class:`Entrada`, one per level or route the law opens), its
actions (:class:`Accion`: from which states, which office kind and role may take it, where the file goes, which
fields and documents it needs, which deadlines it starts or satisfies, its legal basis) and its terminal states.
Adding a procedure means adding one of these values plus tests; the engine (``expediente.py``) never changes.

Destinations and copies are symbolic so the same data works for every office of a kind:

* ``"custodia"``: the file stays where it is (an internal act such as signing a convenio);
* ``"anterior"``: one step *down* the chain (the office that precedes the holder in the order offices first received
  the file): every return ("devolver ... con sus comentarios", R.S. 450-84-RE §1.5.2.b, §1.5.3.b) goes there;
* ``"siguiente"``: one step back *up* the chain (re-submission to the office that returned the file);
* ``"promotor"``: the requesting entity;
* ``"tipo:<kind>"``: an office of that kind, named in ``datos["destinatario"]`` or, when omitted, the last office of
  that kind the file has already visited;
* ``"cadena"`` (copies only): every office of the chain below the holder;
* ``"oficina:<CODIGO>"`` (copies only): a body the law names that is not on the file's route (e.g. INABEC,
  R.S. 450-84-RE §3.5.3.a), recorded by that code even when master data has no such office.

Some data are computed, not sent: a :class:`Calculo` derives a field from another of the same act (e.g. the
scholar's minimum stay from the length of the beca), so the law's arithmetic is data too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from services.tramite.domain.plazos import Plazo


class TipoOficina(StrEnum):
    """Office kinds decide permissions; the application maps office codes to kinds from master data."""

    PROMOTOR = "promotor"  # requesting entity / unidad ejecutora (PROMOTOR-<id>, ENTIDAD-<RUC>)
    SECTOR = "sector"  # a ministry's cooperation office (OR-CTI), e.g. MINSA-OCI
    REGION = "region"  # a regional government's cooperation office (RGL 49, 53)
    PROVINCIA = "provincia"  # provincial municipality, first instance for district requests (RGL 50)
    UNIVERSIDAD = "universidad"  # university system organ (ANR then, SUNEDU/rectors' body now) (RGL 52)
    RECTOR = "rector"  # the rector body: INP -> SECTI -> APCI (manual §0.3.1); a role, not a name
    CANCILLERIA = "cancilleria"  # Ministerio de Relaciones Exteriores (DCI, Protocolo, Minister's office)
    FUENTE = "fuente"  # foreign cooperating source (FUENTE-<code>)
    FIRMA_DIRECTA = "firma_directa"  # bodies that channel and sign directly and report to APCI (L27692 art. 5)
    ADUANA = "aduana"  # SUNAT customs


NIVELES = (TipoOficina.SECTOR, TipoOficina.REGION, TipoOficina.PROVINCIA, TipoOficina.UNIVERSIDAD)
"""First-instance responsible organs by level (RGL 48)."""

REGIMENES_CON_REGISTRO = frozenset({"ongd", "eniex", "ipreda"})
"""Promoter regimes whose benefits depend on a current, unsuspended APCI registration (L27692 art. 3, 21, 22)."""


@dataclass(frozen=True)
class DocumentoCondicional:
    """A document required only when a field takes a value (e.g. the sector's favourable opinion, §1.6.1.b)."""

    campo: str
    valor: str
    documento: str


@dataclass(frozen=True)
class Calculo:
    """A field the engine computes from a positive whole-number field (``origen``) of the same act and stores with
    it; a value the client sends for ``campo`` is ignored. The result is ``factor`` x the source value, or the fixed
    ``valor`` of the first ``(desde, hasta, valor)`` row of ``tramos`` whose range contains it."""

    campo: str
    origen: str
    factor: int
    fundamento: tuple[dict[str, str], ...]
    tramos: tuple[tuple[int, int, int], ...] = ()

    def valor(self, origen: int) -> int:
        return next((v for desde, hasta, v in self.tramos if desde <= origen <= hasta), self.factor * origen)


@dataclass(frozen=True)
class Requisito:
    """A prior act this file must contain (with matching data) before the action is lawful."""

    accion_previa: str
    datos: dict[str, object]
    mensaje: str
    fundamento: tuple[dict[str, str], ...]


@dataclass(frozen=True)
class Antecedente:
    """An act of ANOTHER file the law makes a precondition (e.g. extending a project only after an evaluation acta
    recommends it, R.S. 450-84-RE §5.6.2). ``campo`` is the field of this act naming that file's number; the file
    must follow one of ``procedimientos``, be in one of ``estados`` and its last ``accion_previa`` must carry
    ``datos`` and, for each ``iguales`` pair (field of that act -> field of this one), the same value as this act
    (the extension asked is the one recommended); ``mismo_promotor``: both files concern the same requesting entity.
    The application loads the other file from the event log; the check is :func:`reglas.exigir_antecedentes`."""

    campo: str
    procedimientos: tuple[str, ...]
    estados: tuple[str, ...]
    accion_previa: str
    mensaje: str
    fundamento: tuple[dict[str, str], ...]
    datos: dict[str, object] = field(default_factory=dict)
    iguales: dict[str, str] = field(default_factory=dict)
    mismo_promotor: bool = False


@dataclass(frozen=True)
class Entrada:
    """An entry point: who may present the file (``presenta``), to which kind of office, in which initial state."""

    tipo_oficina: str
    presenta: tuple[str, ...]
    estado: str
    evento: str
    fundamento: tuple[dict[str, str], ...]
    campos: tuple[str, ...] = ()
    valores: dict[str, tuple[str, ...]] = field(default_factory=dict)
    documentos: tuple[str, ...] = ()
    condicionales: tuple[DocumentoCondicional, ...] = ()
    plazos: tuple[Plazo, ...] = ()
    antecedentes: tuple[Antecedente, ...] = ()
    canal_directo_fuente: bool = False
    descripcion: str = ""


@dataclass(frozen=True)
class Accion:
    """One legal act that moves (or keeps) the file. ``evento`` is the Spanish past-tense name stored for it."""

    nombre: str
    evento: str
    desde: tuple[str, ...]
    hacia: str
    tipos_oficina: tuple[str, ...]
    destino: str
    fundamento: tuple[dict[str, str], ...]
    documento: str | None = None  # the document that carries the hop (oficio, nota diplomatica, resolucion...)
    roles: tuple[str, ...] = ()
    campos: tuple[str, ...] = ()
    valores: dict[str, tuple[str, ...]] = field(default_factory=dict)
    documentos: tuple[str, ...] = ()
    condicionales: tuple[DocumentoCondicional, ...] = ()
    cc: tuple[str, ...] = ()
    hacia_por_tipo_destino: dict[str, str] = field(default_factory=dict)
    plazos: tuple[Plazo, ...] = ()
    requisitos: tuple[Requisito, ...] = ()
    calculos: tuple[Calculo, ...] = ()
    antecedentes: tuple[Antecedente, ...] = ()
    otorga_beneficios: bool = False
    canal_directo_fuente: bool = False
    descripcion: str = ""

    def estado_destino(self, tipo_destino: str | None) -> str:
        return self.hacia_por_tipo_destino.get(tipo_destino or "", self.hacia)

    def documentos_exigidos(self) -> tuple[str, ...]:
        return ((self.documento,) if self.documento else ()) + self.documentos


@dataclass(frozen=True)
class Procedimiento:
    """A versioned procedure definition. A file keeps the (codigo, version) it was opened with."""

    codigo: str
    version: int
    vigente_desde: date
    nombre: str
    fundamento: tuple[dict[str, str], ...]
    entradas: tuple[Entrada, ...]
    acciones: tuple[Accion, ...]
    terminales: tuple[str, ...]
    notas: tuple[str, ...] = ()

    def accion(self, nombre: str) -> Accion | None:
        return next((a for a in self.acciones if a.nombre == nombre), None)

    def acciones_en(self, estado: str) -> list[Accion]:
        return [a for a in self.acciones if estado in a.desde]

    def entrada(self, tipo_oficina: str) -> Entrada | None:
        return next((e for e in self.entradas if e.tipo_oficina == tipo_oficina), None)

    def estados(self) -> set[str]:
        estados = {e.estado for e in self.entradas} | set(self.terminales)
        for a in self.acciones:
            estados |= set(a.desde) | {a.hacia} | set(a.hacia_por_tipo_destino.values())
        for p in self.plazos():
            if p.estado_al_vencer:
                estados.add(p.estado_al_vencer)
        return estados

    def plazos(self) -> list[Plazo]:
        todos = [p for e in self.entradas for p in e.plazos] + [p for a in self.acciones for p in a.plazos]
        return todos

    def nombres_evento(self) -> set[str]:
        nombres = {e.evento for e in self.entradas} | {a.evento for a in self.acciones}
        return nombres | {p.evento_al_vencer for p in self.plazos()}


def fund(norma: str, articulo: str) -> dict[str, str]:
    """A citation as stored in events: ``{"norma", "articulo"}``."""
    return {"norma": norma, "articulo": articulo}
