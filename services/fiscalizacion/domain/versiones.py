"""The rulebook versions in force over time, the lookup of the one in force on a date, and the supplementary
application of the latest loaded version when the one in force has no loaded text (``version_aplicable``).

Supletoriedad: a version marked ``texto_cargado=False`` whose parameter ``supletoriedad_texto_no_cargado`` is true
is applied through the latest loaded version that entered into force before it, for every part whose text is not
loaded (its ``partes_desconocidas``); the record returned says so explicitly and every decision stores it. Known
fragments of the partial version are not mixed in (that would apply a third rule no norm contains) and are listed as
not applied. With the parameter false (strict mode) every case under that version is refused, as before.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from shared.errores import NoEncontrado, ReglaIncumplida
from services.fiscalizacion.domain.citas import IRRETROACTIVIDAD
from services.fiscalizacion.domain.regimenes_posteriores import RIS_2019, RIS_2025
from services.fiscalizacion.domain.reglamento import SUPLETORIEDAD, VersionReglamento
from services.fiscalizacion.domain.ris_2007 import RIS_2007_TC

VERSIONES: tuple[VersionReglamento, ...] = (RIS_2007_TC, RIS_2019, RIS_2025)


def version_por_id(version_id: str, versiones: tuple[VersionReglamento, ...] | None = None) -> VersionReglamento:
    for v in versiones or VERSIONES:
        if v.id == version_id:
            return v
    raise NoEncontrado(f"No existe la version de reglamento '{version_id}'.")


def version_vigente(dia: date, versiones: tuple[VersionReglamento, ...] | None = None) -> VersionReglamento:
    for v in versiones or VERSIONES:
        if v.vigente_en(dia):
            return v
    raise ReglaIncumplida(
        f"No hay reglamento de infracciones vigente el {dia.isoformat()} (el primero rige desde 19-05-2007).",
        fundamento_legal=IRRETROACTIVIDAD,
    )


def posteriores(desde: date, hasta: date, versiones: tuple[VersionReglamento, ...] | None = None):
    """Versions that entered into force after ``desde`` and up to ``hasta`` (candidates for a more favourable rule)."""
    return tuple(v for v in versiones or VERSIONES if desde < v.vigente_desde <= hasta)


def version_aplicable(dia: date, versiones: tuple[VersionReglamento, ...] | None = None
                      ) -> tuple[VersionReglamento, dict[str, Any] | None]:
    """The version whose text governs ``dia``: the one in force, or (supletoriedad) the latest loaded one before it.

    Returns the version and, when it is supplementary, the record every decision carries; raises in strict mode."""
    versiones = versiones or VERSIONES
    vigente = version_vigente(dia, versiones)
    if vigente.texto_cargado:
        return vigente, None
    param = vigente.parametros.get(SUPLETORIEDAD)
    if param is None or not param.valor:
        raise ReglaIncumplida(
            f"El texto de {vigente.norma} (vigente el {dia.isoformat()}) no esta cargado en el sistema "
            f"({'; '.join(vigente.partes_desconocidas)}) y la supletoriedad esta desactivada (modo estricto).",
            fundamento_legal={"norma": vigente.norma, "articulo": "-"}, partes_desconocidas=list(vigente.partes_desconocidas))
    cargadas = [v for v in versiones if v.texto_cargado and v.vigente_desde < vigente.vigente_desde]
    if not cargadas:
        raise ReglaIncumplida(f"No hay una version anterior cargada que aplicar supletoriamente a {vigente.norma}.",
                              fundamento_legal=param.fundamento_legal)
    aplicada = max(cargadas, key=lambda v: v.vigente_desde)
    return aplicada, {
        "regimen_vigente": vigente.resumen(), "regimen_aplicado": aplicada.resumen(),
        "partes_supletorias": [{"parte": p, "tomada_de": aplicada.id} for p in vigente.partes_desconocidas],
        "partes_conocidas_no_aplicadas": _conocidas(vigente),
        "motivo": f"texto de {vigente.norma} no cargado en el sistema; se aplica supletoriamente {aplicada.norma} "
                  f"en todas sus partes no cargadas ({param.motivo})",
        "fundamento_legal": param.fundamento_legal,
    }


def _conocidas(v: VersionReglamento) -> list[str]:
    partes = [f"infraccion {c} ({t.clase})" for c, t in v.infracciones.items()]
    if v.tope_global_uit is not None:
        partes.append(f"tope global de {v.tope_global_uit} UIT")
    return partes
