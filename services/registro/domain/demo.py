"""A realistic, deterministic demo set of the registries, as commands the application replays (no I/O, seeded).

Scale, from the thesis (cooperation-management-thesis §4): APCI counted 2,996 registered ONGD in 2011, 1,874, 1,582
and 1,456 in 2014; the number of ENIEX is also falling; private cooperation executed through them was USD 153.2 M in
2011 and USD 144.7 M in 2015 (40% of all non-reimbursable cooperation), mostly from the United States, Spain and
Germany. A demo keeps the proportions at a tenth or less: by default 240 ONGD, 45 ENIEX and 25 IPREDA, spread over
the departments with Lima weighing most, in every state of the registration procedure, with their annual
obligations and some foreign experts and volunteers.

``generar(semilla, hoy)`` returns a list of command dicts::

    {"agregado": "Inscripcion", "id": "<uuid>", "accion": "presentar", "actor": {...}, "args": {...},
     "origen": "usuario" | "planificador" | "politica"}

``origen == "politica"`` marks the reactions a process manager performs by itself (suspension on a lapsed
obligation, restitution on its repair); an application that wires ``politicas`` should skip them. ``reproducir``
applies the commands to the aggregates in memory (used by the tests; handy to seed an in-memory application).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date
from typing import Any

from shared.eventos import Actor

from services.registro.domain.demo_escenarios import ESCENARIOS, PESOS, Generador
from services.registro.domain.experto import ExpertoVoluntario
from services.registro.domain.inscripcion import Inscripcion
from services.registro.domain.obligacion_anual import ObligacionAnual
from services.registro.domain.reglas import Registro
from services.registro.domain.validacion import DEPARTAMENTOS, ruc_con_digito

CANTIDADES = {Registro.ONGD: 240, Registro.ENIEX: 45, Registro.IPREDA: 25}

_PESOS_DEPARTAMENTO = {"15": 30, "04": 6, "08": 6, "13": 5, "20": 5, "21": 5, "06": 4, "12": 4, "05": 4, "07": 3}

_NOMBRES = {
    Registro.ONGD: (("Asociacion", "Centro", "Instituto", "Red", "Asociacion Civil"),
                    ("para el Desarrollo Rural", "de Estudios Andinos", "de Promocion de la Mujer", "Amazonica",
                     "por la Infancia", "de Salud Comunitaria", "de Agua y Saneamiento", "de Educacion Popular",
                     "de Derechos Humanos", "para la Gestion de Riesgos")),
    Registro.ENIEX: (("Fundacion", "Stiftung", "Foundation", "Fondation", "Ayuda"),
                     ("Solidaridad (Espana)", "Entwicklung (Alemania)", "for Development (Estados Unidos)",
                      "Cooperation Suisse (Suiza)", "Internacional (Italia)", "Canada-Peru (Canada)")),
    Registro.IPREDA: (("Hogar", "Comedor", "Colegio", "Albergue", "Asociacion Benefica"),
                      ("San Martin de Porres", "Santa Rosa", "Virgen de la Candelaria", "Senor de los Milagros",
                       "Nuestra Senora de Guadalupe")),
}


def _entidades(rng: random.Random) -> list[dict[str, Any]]:
    entidades, rucs = [], set()
    deps = list(DEPARTAMENTOS)
    pesos = [_PESOS_DEPARTAMENTO.get(d, 2) for d in deps]
    for registro, cantidad in CANTIDADES.items():
        prefijos, temas = _NOMBRES[registro]
        for n in range(cantidad):
            ruc = ruc_con_digito(f"20{rng.randrange(10**8):08d}")
            while ruc in rucs:
                ruc = ruc_con_digito(f"20{rng.randrange(10**8):08d}")
            rucs.add(ruc)
            dep = rng.choices(deps, pesos)[0]
            provincia = rng.randint(1, DEPARTAMENTOS[dep][1])
            nombre = f"{rng.choice(prefijos)} {rng.choice(temas)} {DEPARTAMENTOS[dep][0]} {n + 1}"
            entidades.append({"registro": registro, "ruc": ruc, "razon_social": nombre,
                              "ubigeo": f"{dep}{provincia:02d}01", "indice": n})
    return entidades


def generar(semilla: int = 719, hoy: date = date(2026, 11, 20)) -> list[dict[str, Any]]:
    """Deterministic: the same seed and date give the same commands."""
    rng = random.Random(semilla)
    generador = Generador(rng=rng, hoy=hoy)
    nombres = list(ESCENARIOS)
    pesos = [PESOS.get(n, 1) for n in nombres]
    for n, entidad in enumerate(_entidades(rng)):
        # every scenario at least once per registry, then by weight
        escenario = nombres[entidad["indice"]] if entidad["indice"] < len(nombres) else rng.choices(nombres, pesos)[0]
        ESCENARIOS[escenario](generador, entidad)
    return generador.ordenados()


_FABRICAS: dict[tuple[str, str], Callable[..., Any]] = {
    ("Inscripcion", "presentar"): Inscripcion.presentar,
    ("ObligacionAnual", "abrir"): ObligacionAnual.abrir,
    ("ExpertoVoluntario", "registrar_ingreso"): ExpertoVoluntario.registrar_ingreso,
}


def reproducir(comandos: list[dict[str, Any]]) -> dict[str, Any]:
    """Apply the commands to fresh aggregates in memory; returns them by id (str)."""
    agregados: dict[str, Any] = {}
    for c in comandos:
        actor = Actor(c["actor"]["persona"], c["actor"]["oficina"], tuple(c["actor"]["roles"]))
        fabrica = _FABRICAS.get((c["agregado"], c["accion"]))
        if fabrica is not None:
            agregados[c["id"]] = fabrica(actor=actor, **c["args"])
        elif c["accion"] == "vencer_plazos":
            agregados[c["id"]].vencer_plazos(**c["args"])
        else:
            getattr(agregados[c["id"]], c["accion"])(actor=actor, **c["args"])
    return agregados

