"""The sanction for one infraction, computed step by step from the rulebook version (a pure function).

Inputs: the facts (``Hechos``), the dates that drive the amounts (``Computo``), the entity's earlier sanctions and
the version. Output: ``ResultadoSancion`` with each step naming its rule and legal basis: classification, exemptions
(force majeure, renounced benefits, public-sector offender), repetition, mitigation, UIT of the year the sanction is
applied (RIS 1.m), daily amounts, the class cap and the overall cap (Ley 27692 art. 22.b). Money is Decimal soles.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from shared.calendario import CALENDARIO_NACIONAL, CalendarioPeruano
from shared.errores import DatosInvalidos, ReglaIncumplida
from services.fiscalizacion.domain.citas import ENTIDAD_PUBLICA, RENUNCIANTE_NO_SANCIONABLE, ris
from services.fiscalizacion.domain.escalas import aplicar_escala
from services.fiscalizacion.domain.reglamento import MULTA, SUSPENSION, VersionReglamento
from services.fiscalizacion.domain.reiteracion import evaluar_reiteracion
from services.fiscalizacion.domain.uit import FUNDAMENTO_UIT_APLICABLE, soles, uit_vigente



@dataclass(frozen=True)
class Hechos:
    codigo: str
    fecha_hechos: date
    fuerza_mayor: bool = False
    renuncio_beneficios: bool = False
    entidad_publica: bool = False
    medidas_correctivas: bool = False


@dataclass(frozen=True)
class Computo:
    """``inicio``: notification that starts the accrual (None at resolution time); ``corte``: cure or liquidation."""

    fecha_aplicacion: date
    inicio: date | None = None
    corte: date | None = None
    excluidos: tuple[tuple[date, date], ...] = ()
    multa_elegida_uit: Decimal | None = None
    motivacion: str | None = None


@dataclass
class ResultadoSancion:
    version: dict[str, Any]
    codigo: str
    clase_tipificada: str
    clase_aplicada: str
    sancionable: bool = True
    comunicar_entidad_publica: bool = False
    sanciones: list[str] = field(default_factory=list)
    uit: dict[str, Any] = field(default_factory=dict)
    multa_diaria_soles: Decimal | None = None
    tope_soles: Decimal | None = None
    plazo_subsanacion_vence: date | None = None
    dias_devengados: int = 0
    multa_soles: Decimal = Decimal("0.00")
    tope_alcanzado: bool = False
    suspension_beneficios: bool = False
    escala_aplicada: str | None = None
    pasos: list[dict[str, Any]] = field(default_factory=list)

    def paso(self, nombre: str, detalle: str, fundamento_legal: Any) -> None:
        self.pasos.append({"paso": nombre, "detalle": detalle, "fundamento_legal": fundamento_legal})

    def a_dict(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items()}


def calcular_sancion(
    hechos: Hechos, computo: Computo, antecedentes, version: VersionReglamento,
    cal: CalendarioPeruano = CALENDARIO_NACIONAL,
) -> ResultadoSancion:
    if not version.texto_cargado:
        raise ReglaIncumplida(
            f"El texto de {version.norma} no esta cargado ({'; '.join(version.partes_desconocidas)}): no puede "
            "calcularse una sancion con el.", fundamento_legal={"norma": version.norma, "articulo": "-"})
    tipo = version.infracciones.get(hechos.codigo)
    if tipo is None:
        raise DatosInvalidos(f"La infraccion '{hechos.codigo}' no esta tipificada en {version.norma}.",
                             errores=[{"campo": "codigo", "mensaje": "infraccion no tipificada"}])
    r = ResultadoSancion(version.resumen(), tipo.codigo, tipo.clase, tipo.clase)
    r.paso("tipificacion", f"{tipo.codigo}: {tipo.descripcion} -> clase {tipo.clase}", list(tipo.fundamento_legal))
    if _exento(hechos, tipo, r):
        return r
    if tipo.sin_sancion:
        raise ReglaIncumplida(tipo.sin_sancion["motivo"], fundamento_legal=tipo.sin_sancion["fundamento_legal"][0],
                              fundamentos=tipo.sin_sancion["fundamento_legal"])
    valor_uit, decreto = uit_vigente(computo.fecha_aplicacion)
    r.uit = {"anio": computo.fecha_aplicacion.year, "valor": valor_uit, "fundamento_legal": decreto}
    r.paso("uit", f"UIT {computo.fecha_aplicacion.year} = S/ {valor_uit} (vigente al aplicarse la sancion)",
           [FUNDAMENTO_UIT_APLICABLE, decreto])
    agravante = evaluar_reiteracion(tipo.codigo, tipo.clase, antecedentes, version, hechos.fecha_hechos)
    if agravante:
        r.clase_aplicada = agravante.clase_resultante
        r.paso("reiteracion", f"{agravante.tipo}: {len(agravante.antecedentes)} sancion(es) previa(s); clase "
               f"{tipo.clase} -> {r.clase_aplicada}", ris("13"))
    if agravante and agravante.banda:
        _banda(r, agravante.banda, computo, valor_uit, version)
    else:
        clase = _mitigar(hechos, tipo, r, version)
        aplicar_escala(r, version.escalas[clase], computo, valor_uit, version, cal)
    _tope_global(r, valor_uit, version)
    return r


def _exento(hechos: Hechos, tipo, r: ResultadoSancion) -> bool:
    motivo = None
    if hechos.fuerza_mayor:
        motivo = ("fuerza_mayor", "Caso fortuito o fuerza mayor debidamente acreditado: no hay infraccion.", ris("5"))
    elif hechos.renuncio_beneficios and tipo.exenta_si_renuncio:
        motivo = ("renuncia_beneficios", "La entidad renuncio a los beneficios del regimen: no puede sancionarse "
                  "por no inscribirse o no renovar.", RENUNCIANTE_NO_SANCIONABLE)
    elif hechos.entidad_publica:
        motivo = ("entidad_publica", "Unidad del sector publico: la APCI no sanciona; comunica a la entidad de la "
                  "que depende para que cese la conducta y procese a los funcionarios.", ENTIDAD_PUBLICA)
        r.comunicar_entidad_publica = True
    if motivo:
        r.sancionable = False
        r.paso(*motivo)
    return motivo is not None


def _mitigar(hechos: Hechos, tipo, r: ResultadoSancion, version: VersionReglamento) -> str:
    if not (hechos.medidas_correctivas and r.clase_aplicada == "grave"):
        return r.clase_aplicada
    if tipo.instantanea:
        r.paso("atenuante_denegado", "Infraccion de comision instantanea: no procede reducir la sancion.", ris("10"))
        return r.clase_aplicada
    anterior = version.parametro("grado_inmediato_anterior")
    r.paso("atenuante", f"Medidas correctivas adoptadas: se aplica la sancion del grado inmediato anterior "
           f"({anterior}).", version.parametros["grado_inmediato_anterior"].fundamento_legal)
    return anterior


def _banda(r: ResultadoSancion, banda, computo: Computo, valor_uit: Decimal, version) -> None:
    elegida = computo.multa_elegida_uit
    if elegida is None:
        elegida, motivo = banda.minimo_uit, "minimo de la banda (sin motivacion de otro monto)"
    elif not banda.minimo_uit <= elegida <= banda.maximo_uit:
        raise DatosInvalidos(f"La multa agravada debe estar entre {banda.minimo_uit} y {banda.maximo_uit} UIT.",
                             errores=[{"campo": "multa_elegida_uit", "mensaje": "fuera de la banda del art. 13"}])
    else:
        motivo = computo.motivacion or "monto motivado por la CIS"
    r.sanciones = [MULTA] + ([SUSPENSION] if r.clase_aplicada == "muy_grave" else [])
    r.suspension_beneficios = SUSPENSION in r.sanciones
    r.multa_soles = soles(elegida * valor_uit)
    r.paso("multa_agravada", f"Banda {banda.minimo_uit}-{banda.maximo_uit} UIT (multa previa hasta "
           f"{banda.multa_previa_hasta_uit} UIT): {elegida} UIT x S/ {valor_uit} = S/ {r.multa_soles}; {motivo}",
           ris("13"))


def _tope_global(r: ResultadoSancion, valor_uit: Decimal, version: VersionReglamento) -> None:
    if version.tope_global_uit is None or MULTA not in r.sanciones:
        return
    tope = soles(version.tope_global_uit * valor_uit)
    if r.multa_soles > tope:
        r.paso("tope_global", f"S/ {r.multa_soles} excede el tope de {version.tope_global_uit} UIT: se reduce a "
               f"S/ {tope}", version.fundamento_tope_global)
        r.multa_soles, r.tope_alcanzado = tope, True
    else:
        r.paso("tope_global", f"Dentro del tope de {version.tope_global_uit} UIT (S/ {tope})",
               version.fundamento_tope_global)
