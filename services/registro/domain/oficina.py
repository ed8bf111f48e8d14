"""Master data of offices: every ministry's cooperation office, APCI's organs and the Foreign Ministry's directorate.

Offices change names and are closed and re-created with each administration (the thesis, section 1.4: MINSA's office
was downgraded twice, MINJUS's absorbed by planning), while the roles they play do not. So an office is an
aggregate with validity dates, and its events keep the decree that created or changed it.
"""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import event

from shared.errores import DatosInvalidos, TransicionIlegal
from shared.eventos import Agregado

TIPOS = ("sector", "region", "gobierno_local", "universidad", "organismo_publico", "direccion_ejecutiva",
         "consejo_directivo", "organo_linea_apci", "comision_apci", "cancilleria", "fuente", "promotor", "aduana")
"""``aduana``: SUNAT customs, which clears donated goods and receives the approving resolution (Ley 28905 art. 2;
D.S. 021-2008-EF arts. 6-8) and, on the 1984 route, issues the liberating resolution (R.S. 450-84-RE Cap. IV Anexo 3,
3)."""


class Oficina(Agregado):
    @staticmethod
    def create_id(codigo: str) -> UUID:
        return uuid5(NAMESPACE_URL, f"/oficinas/{codigo}")

    @event("OficinaCreada")
    def __init__(self, codigo: str, nombre: str, tipo: str, entidad: str, vigente_desde: date,
                 fundamento_legal: dict) -> None:
        self.codigo = codigo
        self.nombre = nombre
        self.tipo = tipo
        self.entidad = entidad
        self.vigente_desde = vigente_desde
        self.vigente_hasta: date | None = None
        self.fundamento_legal = fundamento_legal
        self.estado = "activa"

    @classmethod
    def crear(cls, *, codigo: str, nombre: str, tipo: str, entidad: str, vigente_desde: date,
              fundamento_legal: dict) -> Oficina:
        if tipo not in TIPOS:
            raise DatosInvalidos("Tipo de oficina desconocido.",
                                 [{"campo": "tipo", "mensaje": f"use uno de: {', '.join(TIPOS)}"}])
        return cls(codigo=codigo, nombre=nombre, tipo=tipo, entidad=entidad, vigente_desde=vigente_desde,
                   fundamento_legal=fundamento_legal)

    @property
    def correlacion(self) -> str:
        return f"OFICINA-{self.codigo}"

    @classmethod
    def correlacion_inicial(cls, datos: dict[str, Any]) -> str:
        return f"OFICINA-{datos['codigo']}"

    def acciones_disponibles(self) -> list[dict[str, Any]]:
        if self.estado != "activa":
            return []
        return [
            {"accion": "renombrar", "campos": ["nombre", "fecha", "fundamento_legal"]},
            {"accion": "cerrar", "campos": ["fecha", "fundamento_legal"]},
        ]

    def _exigir_activa(self, accion: str) -> None:
        if self.estado != "activa":
            raise TransicionIlegal(accion, self.estado, [a["accion"] for a in self.acciones_disponibles()])

    def renombrar(self, *, nombre: str, fecha: date, fundamento_legal: dict) -> None:
        self._exigir_activa("renombrar")
        if fecha < self.vigente_desde:
            raise DatosInvalidos("La fecha es anterior a la creacion de la oficina.",
                                 [{"campo": "fecha", "mensaje": f"debe ser >= {self.vigente_desde.isoformat()}"}])
        self._renombrar(nombre=nombre, fecha=fecha, fundamento_legal=fundamento_legal)

    @event("OficinaRenombrada")
    def _renombrar(self, nombre: str, fecha: date, fundamento_legal: dict) -> None:
        self.nombre = nombre

    def cerrar(self, *, fecha: date, fundamento_legal: dict) -> None:
        self._exigir_activa("cerrar")
        if fecha < self.vigente_desde:
            raise DatosInvalidos("La fecha de cierre es anterior a la creacion de la oficina.",
                                 [{"campo": "fecha", "mensaje": f"debe ser >= {self.vigente_desde.isoformat()}"}])
        self._cerrar(fecha=fecha, fundamento_legal=fundamento_legal)

    @event("OficinaCerrada")
    def _cerrar(self, fecha: date, fundamento_legal: dict) -> None:
        self.vigente_hasta = fecha
        self.estado = "cerrada"

    def a_dict(self) -> dict[str, Any]:
        return {
            "codigo": self.codigo, "nombre": self.nombre, "tipo": self.tipo, "entidad": self.entidad,
            "estado": self.estado, "vigente_desde": self.vigente_desde.isoformat(),
            "vigente_hasta": self.vigente_hasta.isoformat() if self.vigente_hasta else None,
            "fundamento_legal": self.fundamento_legal, "version": self.version,
        }
