"""Registro's event-sourced application: commands on offices (and, with the registries, entities)."""

from __future__ import annotations

from datetime import date
from typing import Any

from shared.almacen.aplicacion import AplicacionCTI
from shared.errores import Duplicado
from services.registro.domain.oficina import Oficina


class AplicacionRegistro(AplicacionCTI):
    name = "registro"

    def crear_oficina(self, *, codigo: str, nombre: str, tipo: str, entidad: str, vigente_desde: date,
                      fundamento_legal: dict) -> dict[str, Any]:
        if self.existe(Oficina.create_id(codigo)):
            raise Duplicado(f"Ya existe la oficina {codigo}.")
        oficina = Oficina.crear(codigo=codigo, nombre=nombre, tipo=tipo, entidad=entidad,
                                vigente_desde=vigente_desde, fundamento_legal=fundamento_legal)
        self.guardar(oficina)
        return oficina.a_dict()

    def oficina(self, codigo: str, version: int | None = None) -> Oficina:
        return self.obtener(Oficina.create_id(codigo), f"la oficina {codigo}", version)

    def renombrar_oficina(self, codigo: str, version_esperada: int | None, **datos: Any) -> dict[str, Any]:
        oficina = self.oficina(codigo)
        self.exigir_version(oficina, version_esperada)
        oficina.renombrar(**datos)
        self.guardar(oficina)
        return oficina.a_dict()

    def cerrar_oficina(self, codigo: str, version_esperada: int | None, **datos: Any) -> dict[str, Any]:
        oficina = self.oficina(codigo)
        self.exigir_version(oficina, version_esperada)
        oficina.cerrar(**datos)
        self.guardar(oficina)
        return oficina.a_dict()
