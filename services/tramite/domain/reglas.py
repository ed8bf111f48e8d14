"""Permission and legal-precondition checks the engine runs before recording an act.

Kept apart from the aggregate so each rule reads on its own and cites its basis.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from shared.errores import ConflictoVersion, DatosInvalidos, ReglaIncumplida, SinDerecho
from shared.eventos import Actor

from services.tramite.domain.definicion import REGIMENES_CON_REGISTRO, Accion, Antecedente

VerificadorInscripcion = Callable[[str], bool]
"""``inscrito_vigente(promotor) -> bool``: registered in the APCI registry and benefits not suspended. The
application feeds it from the registro service's events."""

ConsultaExpediente = Callable[[str], Mapping[str, Any] | None]
"""``consultar(numero) -> resumen | None``: another file as loaded from the event log (``Expediente.resumen``:
numero, procedimiento, estado, promotor, tramos), or None when no file has that number."""

FUND_BENEFICIOS = {"norma": "D.S. 015-92-PCM; Ley 27692", "articulo": "4, 75, 78; 21, 22.c"}
"""Benefits of a programme need a current registration (RGL 4, 75) and stop while they are suspended (RGL 78,
Ley 27692 art. 22.c as left by STC 0009-2007-PI/TC)."""


def exigir_version(actual: int, esperada: int | None) -> None:
    if esperada is not None and esperada != actual:
        raise ConflictoVersion(version_actual=actual, version_enviada=esperada)


def exigir_no_auditor(actor: Actor) -> None:
    """Auditors read everything and change nothing (architecture principle 8)."""
    if "auditor" in actor.roles:
        raise SinDerecho("Un auditor no puede actuar sobre un expediente.", derecho_requerido="rol de tramite")


def exigir_tipo_oficina(tipo_actor: str, permitidos: Sequence[str], accion: str) -> None:
    if tipo_actor not in permitidos:
        raise SinDerecho(
            f"Una oficina de tipo {tipo_actor} no puede realizar '{accion}'; corresponde a: {', '.join(permitidos)}.",
            derecho_requerido=f"oficina de tipo {' o '.join(permitidos)}",
        )


def exigir_rol(actor: Actor, roles: Sequence[str], accion: str) -> None:
    if roles and not set(actor.roles) & set(roles):
        raise SinDerecho(
            f"'{accion}' requiere el rol {' o '.join(roles)}.", derecho_requerido=f"rol {' o '.join(roles)}"
        )


def exigir_requisitos(accion: Accion, tramos: Sequence[dict[str, Any]]) -> None:
    """Acts the law makes conditional on an earlier act of the file (e.g. extension after a favourable evaluation)."""
    for req in accion.requisitos:
        cumple = any(
            t["accion"] == req.accion_previa and all(t["datos"].get(k) == v for k, v in req.datos.items())
            for t in tramos
        )
        if not cumple:
            raise ReglaIncumplida(req.mensaje, fundamento_legal=req.fundamento[0])


def exigir_beneficios(
    accion: Accion, promotor: str, regimen: str | None, inscrito_vigente: VerificadorInscripcion | None
) -> None:
    """An act that grants benefits to an ONGD/ENIEX/IPREDA needs its current, unsuspended registration."""
    if not accion.otorga_beneficios or regimen not in REGIMENES_CON_REGISTRO:
        return
    if inscrito_vigente is None:
        raise ReglaIncumplida(
            f"'{accion.nombre}' otorga beneficios: debe verificarse la inscripcion vigente de {promotor}.",
            fundamento_legal=FUND_BENEFICIOS,
        )
    if not inscrito_vigente(promotor):
        raise ReglaIncumplida(
            f"{promotor} ({regimen.upper()}) no tiene inscripcion vigente en APCI o tiene sus beneficios suspendidos;"
            f" no procede '{accion.nombre}'.",
            fundamento_legal=FUND_BENEFICIOS,
        )


def exigir_antecedentes(
    antecedentes: Sequence[Antecedente], datos: Mapping[str, Any], promotor: str,
    consultar: ConsultaExpediente | None,
) -> None:
    """Acts the law makes conditional on an act of ANOTHER file (e.g. a project extension after an evaluation acta
    that recommends it). An unknown number is bad input naming the field; an existing file that does not meet the
    rule is a legal refusal citing it, and also names the field."""
    for ant in antecedentes:
        numero = datos.get(ant.campo)
        if numero in (None, ""):
            raise DatosInvalidos(f"Falta {ant.campo}: {ant.mensaje}.",
                                 errores=[{"campo": ant.campo, "mensaje": "numero del expediente antecedente"}])
        if consultar is None:
            raise ReglaIncumplida(f"Debe verificarse el expediente {numero} ({ant.campo}): {ant.mensaje}.",
                                  fundamento_legal=ant.fundamento[0])
        otro = consultar(str(numero))
        if otro is None:
            raise DatosInvalidos(f"No existe el expediente {numero} indicado en {ant.campo}.",
                                 errores=[{"campo": ant.campo, "mensaje": f"no existe el expediente {numero}"}])
        falta = _falta_antecedente(ant, otro, datos, promotor)
        if falta:
            cita = f"{ant.fundamento[0]['norma']}, {ant.fundamento[0]['articulo']}"
            raise ReglaIncumplida(
                f"{ant.mensaje} ({cita}): {falta}.", fundamento_legal=ant.fundamento[0],
                fundamentos=[dict(f) for f in ant.fundamento], expediente_antecedente=str(numero),
                errores=[{"campo": ant.campo, "mensaje": falta}],
            )


def _falta_antecedente(ant: Antecedente, otro: Mapping[str, Any], datos: Mapping[str, Any], promotor: str) -> str:
    """What the other file lacks, in words, or "" when it meets the rule."""
    numero = otro["numero"]
    if otro["procedimiento"] not in ant.procedimientos:
        return f"el expediente {numero} es {otro['procedimiento']}, no {' o '.join(ant.procedimientos)}"
    if otro["estado"] not in ant.estados:
        return f"el expediente {numero} esta en '{otro['estado']}', no en {' o '.join(ant.estados)}"
    if ant.mismo_promotor and otro["promotor"] != promotor:
        return f"el expediente {numero} corresponde a {otro['promotor']}, no a {promotor}"
    previos = [t for t in otro["tramos"] if t and t["accion"] == ant.accion_previa]
    if not previos:
        return f"el expediente {numero} no registra '{ant.accion_previa}'"
    registrado = previos[-1]["datos"]
    esperado = {**ant.datos, **{suyo: datos.get(mio) for suyo, mio in ant.iguales.items()}}
    distintos = {k: v for k, v in esperado.items() if registrado.get(k) != v}
    if distintos:
        return f"'{ant.accion_previa}' del expediente {numero} registra " + ", ".join(
            f"{k}={registrado.get(k)!r} (se requiere {v!r})" for k, v in distintos.items())
    return ""
