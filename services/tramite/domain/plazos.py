"""Deadlines as data and the pure arithmetic the engine applies to them.

Every deadline names its length, its unit (business or calendar days on the Peruvian calendar), what starts the
clock, what happens when it expires and its citation. The computed due date is stored in the event that opens the
clock (architecture principle 6), so replaying a file replays its deadlines exactly even if the calendar
configuration changes later.

Counting follows Ley 27444 as implemented by ``shared.calendario``: the term starts the day *after* the act or the
cargo de recepcion; a calendar-day term ending on a non-working day moves to the next business day; a term expires
at the close of its last day, so it is overdue only from the following day.

Some terms bind the very act that records them and are counted from a date in its data, which may lie before the
file exists ("30 dias de finalizado el semestre", R.S. 450-84-RE §5.5.1.g) or after it, backwards ("90 a 120 dias
previos a la fecha de evaluacion", §6.5.2.a). The engine cannot run a clock for them; it judges them when the act is
recorded (``cumple_el_propio_acto``): the term is stored already closed, with ``cumplimiento`` saying whether the
act came in time, late (``tardio``) or before the term opened (``anticipado``). Unless the norm says otherwise a late
act is not refused: lateness is recorded and shown (the file is ``extemporaneo``), and its consequences are for the
authority to weigh.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from shared.calendario import CALENDARIO_NACIONAL, CalendarioPeruano, Unidad


class Efecto(StrEnum):
    """What the law attaches to the expiry of a deadline."""

    ALERTA = "alerta"  # nothing changes; the expiry is recorded (PlazoVencido) and shown in the bandeja
    SILENCIO_POSITIVO = "silencio_positivo"  # the request is deemed granted (e.g. RGL 55, Ley 28905 art. 2)
    DENEGATORIA = "denegatoria"  # the request is deemed denied / not presented (e.g. RGL 55 cure period)


class Cumplimiento(StrEnum):
    """How an act met a term judged when it was recorded (``Plazo.cumple_el_propio_acto``)."""

    EN_PLAZO = "en_plazo"
    TARDIO = "tardio"  # after the last day of the term
    ANTICIPADO = "anticipado"  # before the term opened (e.g. a report on a semester not yet ended)


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
    cumple_el_propio_acto: bool = False  # the act that records it is the act it governs: judged at once
    hacia_atras: bool = False  # ends ``duracion`` units *before* its start date (a future date from the data)
    anticipacion_maxima: int | None = None  # backwards window: acting earlier than this many units is premature

    def __post_init__(self) -> None:
        if self.efecto is not Efecto.ALERTA and not self.estado_al_vencer:
            raise ValueError(f"el plazo {self.codigo} tiene efecto {self.efecto} pero no estado_al_vencer")
        if self.inicio is Inicio.CAMPO and not self.campo_inicio:
            raise ValueError(f"el plazo {self.codigo} empieza en un campo pero no dice cual")
        if (self.cumple_el_propio_acto or self.hacia_atras) and self.inicio is not Inicio.CAMPO:
            raise ValueError(f"el plazo {self.codigo} se juzga en el acto: debe contarse desde un campo")
        if self.hacia_atras and not self.cumple_el_propio_acto:
            raise ValueError(f"el plazo {self.codigo} corre hacia atras: solo puede juzgarse en el propio acto")
        if self.anticipacion_maxima is not None and (not self.hacia_atras
                                                     or self.anticipacion_maxima <= self.duracion):
            raise ValueError(f"el plazo {self.codigo}: anticipacion_maxima exige hacia_atras y ser mayor que la "
                             "duracion")

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
        """The payload stored in the event that starts this clock (JSON types and dates only).

        A term judged at its own act also stores the first day it can be met (``abre_el``): the day after its start
        for a forward term (counting starts then), the earliest day of a backwards window."""
        contar = calendario.restar if self.hacia_atras else calendario.sumar
        payload = {
            "codigo": self.codigo,
            "descripcion": self.descripcion,
            "duracion": self.duracion,
            "unidad": self.unidad.value,
            "inicio": desde,
            "vence_el": contar(desde, self.duracion, self.unidad),
            "efecto": self.efecto.value,
            "estado_al_vencer": self.estado_al_vencer,
            "evento_al_vencer": self.evento_al_vencer,
            "se_cumple_con": list(self.se_cumple_con),
            "ligado_al_estado": self.ligado_al_estado,
            "fundamento_legal": list(self.fundamento),
        }
        if self.cumple_el_propio_acto:
            payload["cumple_el_propio_acto"] = True
            payload["hacia_atras"] = self.hacia_atras
            if not self.hacia_atras:
                payload["abre_el"] = desde + timedelta(days=1)
            elif self.anticipacion_maxima is not None:
                payload["abre_el"] = calendario.restar(desde, self.anticipacion_maxima, self.unidad)
        return payload

    def abrir_en_acto(self, *, accion: str, hoy: date, fecha_cargo: date, datos: dict[str, Any], estado: str,
                      calendario: CalendarioPeruano = CALENDARIO_NACIONAL) -> dict[str, Any]:
        """The clock as the act ``accion`` of ``hoy`` starts it; a term that governs the act itself comes back
        already closed and judged (see :func:`juzgar`)."""
        plazo = {**self.abrir(self.fecha_inicio(hoy=hoy, fecha_cargo=fecha_cargo, datos=datos), calendario),
                 "estado_origen": estado}
        return juzgar(plazo, hoy, accion) if self.cumple_el_propio_acto else plazo


def errores_inicio(plazos: Iterable[Plazo], datos: dict[str, Any]) -> list[dict[str, str]]:
    """Field errors for the dates that start these clocks: each must be present and an ISO date (422, never 500)."""
    errores = []
    for p in plazos:
        if p.inicio is not Inicio.CAMPO:
            continue
        valor = datos.get(p.campo_inicio or "")
        if not valor:
            errores.append({"campo": p.campo_inicio or "", "mensaje": f"fecha que inicia el plazo {p.codigo}"})
        elif not isinstance(valor, date):
            try:
                date.fromisoformat(str(valor))
            except ValueError:
                errores.append({"campo": p.campo_inicio or "", "mensaje": f"fecha ISO (AAAA-MM-DD), plazo {p.codigo}"})
    return errores


def _dia(valor: Any) -> date:
    return valor if isinstance(valor, date) else date.fromisoformat(str(valor)[:10])


def cumplimiento(plazo: dict[str, Any], fecha: date) -> Cumplimiento:
    """In time, late or premature: an act on ``fecha`` against the window [``abre_el``, ``vence_el``]."""
    if plazo.get("abre_el") is not None and fecha < _dia(plazo["abre_el"]):
        return Cumplimiento.ANTICIPADO
    return Cumplimiento.TARDIO if fecha > _dia(plazo["vence_el"]) else Cumplimiento.EN_PLAZO


def juzgar(plazo: dict[str, Any], fecha: date, accion: str) -> dict[str, Any]:
    """The term closed by the act ``accion`` of ``fecha``, with how it was met (stored as such in the event)."""
    return {**plazo, "estado": "cumplido", "cerrado_el": fecha, "cerrado_por": accion,
            "cumplimiento": cumplimiento(plazo, fecha).value}


def extemporaneo(plazo: dict[str, Any]) -> bool:
    """Met out of its window (late or premature): the marker reports and the in-tray show."""
    return plazo.get("cumplimiento") in (Cumplimiento.TARDIO, Cumplimiento.ANTICIPADO)


def vencido(plazo: dict[str, Any], hoy: date) -> bool:
    """A term expires at the close of its last day: overdue from the next day on."""
    return hoy > plazo["vence_el"]


def habiles(n: int) -> tuple[int, Unidad]:
    return n, Unidad.HABILES


def calendario(n: int) -> tuple[int, Unidad]:
    return n, Unidad.CALENDARIO
