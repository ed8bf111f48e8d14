"""Deadlines as data and the pure arithmetic the engine applies to them.

Every deadline names its length, its unit (business or calendar days on the Peruvian calendar), what starts the
clock, what happens when it expires and its citation. The computed due date is stored in the event that opens the
clock (architecture principle 6), so replaying a file replays its deadlines exactly even if the calendar
configuration changes later.

Counting follows Ley 27444 as implemented by ``shared.calendario``: the term starts the day *after* the act or the
cargo de recepcion; a calendar-day term ending on a non-working day moves to the next business day; a term expires
at the close of its last day, so it is overdue only from the following day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from shared.calendario import CALENDARIO_NACIONAL, CalendarioPeruano, Unidad


class Efecto(StrEnum):
    """What the law attaches to the expiry of a deadline."""

    ALERTA = "alerta"  # nothing changes; the expiry is recorded (PlazoVencido) and shown in the bandeja
    SILENCIO_POSITIVO = "silencio_positivo"  # the request is deemed granted (e.g. RGL 55, Ley 28905 art. 2)
    DENEGATORIA = "denegatoria"  # the request is deemed denied / not presented (e.g. RGL 55 cure period)


class Inicio(StrEnum):
    """What starts the clock."""

    CARGO = "cargo"  # the date the recipient received the document (cargo de recepcion)
    ACTO = "acto"  # the date of the act itself
    CAMPO = "campo"  # a date given in the act's data (e.g. the date customs released the goods)


_EVENTO_POR_EFECTO = {
    Efecto.ALERTA: "PlazoVencido",
    Efecto.SILENCIO_POSITIVO: "SilencioPositivoOperado",
    Efecto.DENEGATORIA: "SolicitudDenegadaPorVencimiento",
}


@dataclass(frozen=True)
class Plazo:
    """A deadline. A silence or denial clock is ``ligado_al_estado`` by default: it lapses when the file leaves the
    state it was opened in (its effect only makes sense while the request awaits that answer); set it to False for
    clocks the law ties to another event (e.g. customs receiving the resolution, Ley 28905 art. 2)."""

    codigo: str
    descripcion: str
    duracion: int
    unidad: Unidad
    fundamento: tuple[dict[str, str], ...]
    inicio: Inicio = Inicio.CARGO
    campo_inicio: str | None = None
    efecto: Efecto = Efecto.ALERTA
    estado_al_vencer: str | None = None
    evento: str | None = None
    se_cumple_con: tuple[str, ...] = ()
    ligado_al_estado: bool = True
    nota: str = ""

    def __post_init__(self) -> None:
        if self.efecto is not Efecto.ALERTA and not self.estado_al_vencer:
            raise ValueError(f"el plazo {self.codigo} tiene efecto {self.efecto} pero no estado_al_vencer")
        if self.inicio is Inicio.CAMPO and not self.campo_inicio:
            raise ValueError(f"el plazo {self.codigo} empieza en un campo pero no dice cual")

    @property
    def evento_al_vencer(self) -> str:
        return self.evento or _EVENTO_POR_EFECTO[self.efecto]

    def fecha_inicio(self, *, hoy: date, fecha_cargo: date, datos: dict[str, Any]) -> date:
        if self.inicio is Inicio.ACTO:
            return hoy
        if self.inicio is Inicio.CARGO:
            return fecha_cargo
        valor = datos[self.campo_inicio or ""]
        return valor if isinstance(valor, date) else date.fromisoformat(str(valor))

    def abrir(
        self, desde: date, calendario: CalendarioPeruano = CALENDARIO_NACIONAL
    ) -> dict[str, Any]:
        """The payload stored in the event that starts this clock (JSON types and dates only)."""
        return {
            "codigo": self.codigo,
            "descripcion": self.descripcion,
            "duracion": self.duracion,
            "unidad": self.unidad.value,
            "inicio": desde,
            "vence_el": calendario.sumar(desde, self.duracion, self.unidad),
            "efecto": self.efecto.value,
            "estado_al_vencer": self.estado_al_vencer,
            "evento_al_vencer": self.evento_al_vencer,
            "se_cumple_con": list(self.se_cumple_con),
            "ligado_al_estado": self.ligado_al_estado,
            "fundamento_legal": list(self.fundamento),
        }


def vencido(plazo: dict[str, Any], hoy: date) -> bool:
    """A term expires at the close of its last day: overdue from the next day on."""
    return hoy > plazo["vence_el"]


def habiles(n: int) -> tuple[int, Unidad]:
    return n, Unidad.HABILES


def calendario(n: int) -> tuple[int, Unidad]:
    return n, Unidad.CALENDARIO
