"""Custody and routing rules: who holds the file, where an act may send it, and the channel to the source.

Rules enforced here (each raised as the suite's domain errors):

* one office holds the file at any moment and only that office may act (architecture principle 8);
* returns go one step down the chain and re-submissions one step up (R.S. 450-84-RE §1.5.2.b, §1.5.3.b, manual
  note §4.2.1): a fixed destination cannot be overridden with another office;
* only the Foreign Ministry deals with the foreign source, in both directions (D.Leg. 719 art. 4.a; R.S. 450-84-RE
  §1.5.4, §1.5.5, §2.6.8; D.S. 015-92-PCM art. 15), except where the procedure data flags a legal carve-out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from shared.errores import DatosInvalidos, SinDerecho

from services.tramite.domain.definicion import TipoOficina

Resolver = Callable[[str], str | None]

CANAL_FUENTE = "canal oficial con la fuente cooperante (solo Cancilleria)"


@dataclass(frozen=True)
class Ruta:
    """What the engine knows about the file's route so far."""

    custodia: str
    promotor: str
    historial: Sequence[dict[str, Any]]
    tipos: dict[str, str]

    def cadena(self) -> list[str]:
        """Offices in the order they first received the file, without foreign sources (never a return target)."""
        orden: list[str] = []
        for tramo in self.historial:
            for codigo in (tramo["remitente"], tramo["destinatario"]):
                if codigo not in orden and self.tipos.get(codigo) != TipoOficina.FUENTE:
                    orden.append(codigo)
        return orden

    def ultimo_de_tipo(self, tipo: str) -> str | None:
        for tramo in reversed(self.historial):
            for codigo in (tramo["destinatario"], tramo["remitente"]):
                if self.tipos.get(codigo) == tipo:
                    return codigo
        return None

    def vecino(self, paso: int) -> str | None:
        cadena = self.cadena()
        if self.custodia not in cadena:
            return None
        i = cadena.index(self.custodia) + paso
        return cadena[i] if 0 <= i < len(cadena) else None


def _tipo(codigo: str, ruta: Ruta, resolver: Resolver | None) -> str | None:
    return (resolver(codigo) if resolver else None) or ruta.tipos.get(codigo)


def resolver_destino(
    spec: str, ruta: Ruta, datos: dict[str, Any], resolver: Resolver | None
) -> tuple[str, str | None]:
    """The recipient (code, kind) of an act, from the procedure's symbolic destination."""
    pedido = datos.get("destinatario")
    if spec.startswith("tipo:"):
        codigo = pedido or ruta.ultimo_de_tipo(spec[5:])
        if not codigo:
            raise DatosInvalidos(
                "Falta la oficina destinataria", errores=[{"campo": "destinatario", "mensaje": f"oficina {spec[5:]}"}]
            )
        return codigo, _tipo(codigo, ruta, resolver)
    fijo = {
        "custodia": ruta.custodia,
        "promotor": ruta.promotor,
        "anterior": ruta.vecino(-1),
        "siguiente": ruta.vecino(+1),
    }.get(spec)
    if fijo is None:
        raise DatosInvalidos(f"El expediente no tiene oficina '{spec}' en su ruta", errores=[])
    if pedido and pedido != fijo:
        raise DatosInvalidos(
            f"La ruta es jerarquica: este acto va a {fijo}, no a {pedido}",
            errores=[{"campo": "destinatario", "mensaje": f"debe ser {fijo} o omitirse"}],
        )
    return fijo, _tipo(fijo, ruta, resolver)


def resolver_copias(specs: Iterable[str], ruta: Ruta, pedidas: Iterable[str], excluir: set[str]) -> list[str]:
    """Copies named by the procedure (symbolic) plus those the sender adds, without duplicates."""
    copias: list[str] = []
    for spec in specs:
        if spec == "cadena":
            cadena = ruta.cadena()
            hasta = cadena.index(ruta.custodia) if ruta.custodia in cadena else len(cadena)
            copias.extend(cadena[:hasta])
        elif spec.startswith("tipo:"):
            copias.extend(filter(None, [ruta.ultimo_de_tipo(spec[5:])]))
        elif spec.startswith("oficina:"):
            copias.append(spec[8:])
        else:
            fijo = {"promotor": ruta.promotor, "anterior": ruta.vecino(-1), "siguiente": ruta.vecino(+1)}.get(spec)
            copias.extend(filter(None, [fijo]))
    copias.extend(pedidas)
    return [c for i, c in enumerate(copias) if c not in excluir and c not in copias[:i]]


def verificar_canal_fuente(
    tipo_actor: str, destinos: dict[str, str | None], canal_directo: bool, accion: str
) -> None:
    """Only the Foreign Ministry writes to a foreign source, and a source only writes to the Foreign Ministry."""
    if canal_directo:
        return
    hacia_fuente = [c for c, t in destinos.items() if t == TipoOficina.FUENTE]
    if hacia_fuente and tipo_actor != TipoOficina.CANCILLERIA:
        raise SinDerecho(
            f"Solo el Ministerio de Relaciones Exteriores se dirige a la fuente cooperante ({', '.join(hacia_fuente)})"
            f"; la accion '{accion}' no puede enviarse ni copiarse a ella desde una oficina de tipo {tipo_actor}.",
            derecho_requerido=CANAL_FUENTE,
        )
    if tipo_actor == TipoOficina.FUENTE:
        otros = [c for c, t in destinos.items() if t != TipoOficina.CANCILLERIA]
        if otros:
            raise SinDerecho(
                f"La fuente cooperante se comunica solo con el Ministerio de Relaciones Exteriores, no con "
                f"{', '.join(otros)}.",
                derecho_requerido=CANAL_FUENTE,
            )


def exigir_custodia(oficina_actor: str, custodia: str, numero: str) -> None:
    if oficina_actor != custodia:
        raise SinDerecho(
            f"La oficina {oficina_actor} no tiene el expediente {numero}; lo custodia {custodia}.",
            derecho_requerido="custodia del expediente",
        )
