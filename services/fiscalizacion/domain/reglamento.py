"""The shape of a rulebook version (reglamento de infracciones y sanciones) as data.

Architecture principle 5: the infraction catalogue, the sanctions each class allows, the UIT scales, aggravation,
mitigation, prescription and deadlines are versioned data with effective dates and citations; code only interprets
them. A regime whose text is not loaded (2019, 2025) is still a version: it says what is known and lists what is
missing in ``partes_desconocidas``, and the calculation refuses to apply it (``texto_cargado=False``); its parameter
``supletoriedad_texto_no_cargado`` decides whether the latest loaded version governs those parts instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from shared.calendario import Unidad

AMONESTACION = "amonestacion"
MULTA = "multa"
SUSPENSION = "suspension_beneficios"
CANCELACION = "cancelacion_inscripcion"
INHABILITACION = "inhabilitacion_directivos"

SUPLETORIEDAD = "supletoriedad_texto_no_cargado"
"""Parameter of a partial version: apply the latest loaded version to its parts not loaded (see ``versiones``)."""


@dataclass(frozen=True)
class TipoInfraccion:
    codigo: str
    descripcion: str
    clase: str  # leve | grave | muy_grave | excepcional
    fundamento_legal: tuple[dict[str, str], ...]
    organo_instructor: str  # DOC | DFS (gap G9: inferred split)
    instantanea: bool = False  # RIS 10: no reduction for instantaneous infractions
    exenta_si_renuncio: bool = False  # TC 107-109: renouncing entities are not charged
    sin_sancion: dict[str, Any] | None = None  # {"motivo", "fundamento_legal"} when no usable sanction (G1)


@dataclass(frozen=True)
class EscalaSancion:
    """What a class allows and how its fine accrues."""

    clase: str
    sanciones: tuple[str, ...]
    fundamento_legal: dict[str, str]
    multa_diaria_uit: Decimal | None = None
    tope_uit: Decimal | None = None
    dias_subsanacion: int | None = None  # warning with a cure period before the daily fine (leve)
    unidad_subsanacion: Unidad = Unidad.CALENDARIO
    suspension_al_tope: bool = False  # grave: suspension when the cap is reached without cure


@dataclass(frozen=True)
class BandaReiteracion:
    """RIS 13: aggravated fine band chosen by the size of the earlier fine."""

    multa_previa_hasta_uit: Decimal
    minimo_uit: Decimal
    maximo_uit: Decimal


@dataclass(frozen=True)
class Plazo:
    """A deadline as data: length, unit, what starts it, what its expiry does, and its citation."""

    nombre: str
    dias: int
    unidad: Unidad
    inicia_con: str
    al_vencer: str
    fundamento_legal: dict[str, str]
    prorroga_dias: int = 0

    def a_dict(self) -> dict[str, Any]:
        return {
            "nombre": self.nombre, "dias": self.dias, "unidad": self.unidad.value, "inicia_con": self.inicia_con,
            "al_vencer": self.al_vencer, "prorroga_dias": self.prorroga_dias, "fundamento_legal": self.fundamento_legal,
        }


@dataclass(frozen=True)
class Parametro:
    """A reading chosen where the text is ambiguous (section 8 of the domain note), with its citation."""

    valor: Any
    opciones: tuple[Any, ...]
    motivo: str
    fundamento_legal: dict[str, str]


@dataclass(frozen=True)
class VersionReglamento:
    id: str
    norma: str
    vigente_desde: date
    vigente_hasta: date | None
    texto_cargado: bool
    infracciones: dict[str, TipoInfraccion] = field(default_factory=dict)
    escalas: dict[str, EscalaSancion] = field(default_factory=dict)
    sanciones_anuladas: dict[str, dict[str, Any]] = field(default_factory=dict)
    tope_global_uit: Decimal | None = None
    fundamento_tope_global: dict[str, str] | None = None
    bandas_reiteracion: tuple[BandaReiteracion, ...] = ()
    escalera_clases: tuple[str, ...] = ("leve", "grave", "muy_grave")
    prescripcion_anios: int | None = None
    plazos: dict[str, Plazo] = field(default_factory=dict)
    parametros: dict[str, Parametro] = field(default_factory=dict)
    partes_desconocidas: tuple[str, ...] = ()
    notas: tuple[str, ...] = ()

    def vigente_en(self, dia: date) -> bool:
        return self.vigente_desde <= dia and (self.vigente_hasta is None or dia < self.vigente_hasta)

    def parametro(self, nombre: str) -> Any:
        return self.parametros[nombre].valor

    def resumen(self) -> dict[str, Any]:
        return {"id": self.id, "norma": self.norma, "vigente_desde": self.vigente_desde.isoformat()}
