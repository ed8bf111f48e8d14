"""Legal citations used by the fiscalizacion domain, as ``{"norma", "articulo"}`` dicts.

Every event and every rule carries one of these (architecture principle 2). Article numbers follow the RIS
(D.S. 027-2007-RE) as compiled in the seed, with the amendment by D.S. 059-2009-RE to art. 4, and the Constitutional
Court ruling STC 0009-2007-PI/TC (published 13 Sep 2007) that voided cancellation and disqualification.
"""

from __future__ import annotations

RIS_2007 = "D.S. 027-2007-RE"
LEY_APCI = "Ley 27692 (modificada por Ley 28925)"
ROF_APCI = "D.S. 028-2007-RE"
TC_2007 = "STC 0009-2007-PI/TC y 0010-2007-PI/TC"
LPAG = "Ley 27444"


def cita(norma: str, articulo: str) -> dict[str, str]:
    return {"norma": norma, "articulo": articulo}


def ris(articulo: str) -> dict[str, str]:
    return cita(RIS_2007, articulo)


def ley(articulo: str) -> dict[str, str]:
    return cita(LEY_APCI, articulo)


def rof(articulo: str) -> dict[str, str]:
    return cita(ROF_APCI, articulo)


def tc(fundamento: str) -> dict[str, str]:
    return cita(TC_2007, fundamento)


IRRETROACTIVIDAD = cita(LPAG, "230.5 (TUO D.S. 004-2019-JUS, art. 248.5)")
"""Sanctioning rules in force when the conduct happened apply, unless later ones are more favourable."""

CANCELACION_ANULADA = tc("resolutivo 1; Ley 27692 art. 22.d declarado inconstitucional")
INHABILITACION_ANULADA = tc("resolutivo 1; ultimo parrafo de Ley 27692 art. 22 declarado inconstitucional")
RENUNCIANTE_NO_SANCIONABLE = tc("fundamentos 107-109")
ENTIDAD_PUBLICA = ris("Primera Disposicion Final")
REGISTRO_SANCIONES = ris("Tercera Disposicion Final")
FISCALIZACION_DE = ley("3.3 (incorporado por Ley 28386 art. 2)")
FUNCIONES_DFS = rof("48")
PLAN_ANUAL = rof("48.b")
DENUNCIAS = rof("48.g")
MEDIDAS_CORRECTIVAS = ley("4.f")
RESULTADOS_CONSEJO = ley("10.1.e (modificado por Ley 28386 art. 3); D.S. 028-2007-RE art. 13.d")
COBRANZA_COACTIVA = ley("4.t; D.S. 028-2007-RE art. 30.g")
SUSPENSION_BENEFICIOS = ley("22.c; D.S. 027-2007-RE art. 11.c")
