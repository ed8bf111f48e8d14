"""Deadlines of the registries as data: length, unit, what starts them, what happens when they expire, and why.

Aggregates compute a due date from a ``Plazo`` when the act that opens it is recorded and store both the date and the
rule (``Plazo.a_dict()``) in the event, so replaying a file replays its deadlines even if this table changes later
(architecture principle 6; laws note §8.1: "store the rule in the event"). Expiry is a scheduler command on each
aggregate (``vencer_plazos(hoy)``) that records an event once.

Units: the registration norms (RGL 76) count calendar days; the annual-declaration directives count business days
(Directivas 001/002/003-2009-APCI/DOC); appeal terms follow the LPAG (business days). A term in calendar days that ends
on a non-working day moves to the next business day (Ley 27444), which ``shared.calendario`` already applies.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from shared.calendario import CALENDARIO_NACIONAL, CalendarioPeruano

from services.registro.domain.reglas import LPAG, RGL, fl

ANIOS = "anios"
MESES = "meses"


def sumar_meses(desde: date, meses: int) -> date:
    """Same day ``meses`` months later; the last day of the month when that day does not exist (31 -> 30/28)."""
    total = desde.month - 1 + meses
    anio, mes = desde.year + total // 12, total % 12 + 1
    return date(anio, mes, min(desde.day, calendar.monthrange(anio, mes)[1]))


def sumar_anios(desde: date, anios: int) -> date:
    return sumar_meses(desde, 12 * anios)


@dataclass(frozen=True)
class Plazo:
    codigo: str
    duracion: int
    unidad: str  # "habiles" | "calendario" | "meses" | "anios"
    inicia_con: str
    efecto_al_vencer: str
    fundamento_legal: tuple[dict[str, str], ...]
    nota: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def vence(self, desde: date, cal: CalendarioPeruano = CALENDARIO_NACIONAL) -> date:
        """The last day of the term opened on ``desde``; the act is late from the following day."""
        if self.unidad == ANIOS:
            return sumar_anios(desde, self.duracion) - timedelta(days=1)
        if self.unidad == MESES:
            return sumar_meses(desde, self.duracion) - timedelta(days=1)
        return cal.sumar(desde, self.duracion, self.unidad)

    def a_dict(self) -> dict[str, Any]:
        return {
            "codigo": self.codigo,
            "duracion": self.duracion,
            "unidad": self.unidad,
            "inicia_con": self.inicia_con,
            "efecto_al_vencer": self.efecto_al_vencer,
            "fundamento_legal": [dict(f) for f in self.fundamento_legal],
        }


_DIR_DA = "Directivas 001/002/003-2009-APCI/DOC"

PLAZOS: dict[str, Plazo] = {
    p.codigo: p
    for p in (
        Plazo("silencio_positivo_inscripcion", 30, "calendario", "cargo de recepcion de la solicitud o de la "
              "subsanacion", "silencio_positivo: se tiene por inscrita", (fl(RGL, "76"),)),
        Plazo("subsanacion_inscripcion", 15, "calendario", "recepcion de la notificacion de omisiones",
              "denegacion de la inscripcion", (fl(RGL, "76"),)),
        Plazo("silencio_positivo_renovacion", 30, "calendario", "cargo de recepcion de la solicitud de renovacion",
              "silencio_positivo: se tiene por renovada", (fl(RGL, "75"), fl(RGL, "76 (analogia)")),
              nota="RGL 76 aplicado por analogia a la renovacion (nota de leyes §8.9); configurable."),
        Plazo("vigencia_inscripcion", 2, ANIOS, "inscripcion o inicio del nuevo periodo",
              "vencimiento: caducan los beneficios y la entidad sale del regimen de control",
              (fl(RGL, "75"), fl("STC 0009-2007-PI/TC", "108"))),
        Plazo("recurso_impugnativo", 15, "habiles", "notificacion de la resolucion", "la resolucion queda firme",
              (fl(LPAG, "218.2"),),
              nota="Se cuenta desde la notificacion (LPAG), no desde la expedicion (brecha G10)."),
        Plazo("declaracion_anual", 31, "calendario", "1 de enero del anio de la obligacion",
              "obligacion omitida: suspension de beneficios y fiscalizacion",
              (fl(RGL, "78"), fl(RGL, "79(b)"), fl(RGL, "80(d)"), fl(_DIR_DA, "II.2")),
              nota="Vence el 31 de enero; si es inhabil, el siguiente dia habil."),
        Plazo("subsanacion_declaracion", 5, "habiles", "notificacion de las inconsistencias",
              "declaracion no conforme, derivada a la DFS", (fl(_DIR_DA, "Titulo III"),)),
        Plazo("presentacion_oficial_experto", 7, "calendario", "ingreso del experto o voluntario al pais",
              "alerta de presentacion oficial extemporanea", (fl(RGL, "17"), fl(RGL, "30")),
              nota="RGL 17 dice 'siete dias' sin unidad; se eligen dias calendario (unidad del resto del RGL)."),
        Plazo("estadia_maxima_experto", 3, ANIOS, "inicio del servicio",
              "no se admite prorroga que exceda 3 anios de trabajo efectivo",
              (fl(RGL, "15"), fl("R.S. 450-84-RE", "2.6.3"))),
    )
}


def plazo(codigo: str) -> Plazo:
    return PLAZOS[codigo]


def vencimiento_declaracion_anual(anio: int, cal: CalendarioPeruano = CALENDARIO_NACIONAL) -> date:
    """31 January of ``anio``, moved to the next business day when it is not one (Ley 27444)."""
    return cal.siguiente_habil(date(anio, 1, 31))


def anios_exigibles(desde: date, hasta: date, cal: CalendarioPeruano = CALENDARIO_NACIONAL) -> list[int]:
    """Years whose annual declaration was due while registered: the January period opened after ``desde`` and its
    deadline passed before ``hasta``. A registration obtained in January does not owe that January's report, which
    covers a year in which the entity was not registered (design decision; RGL 79(b), 80(d) are silent)."""
    return [a for a in range(desde.year + 1, hasta.year + 1) if vencimiento_declaracion_anual(a, cal) < hasta]
