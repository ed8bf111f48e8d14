"""Helpers of registro's HTTP tests: tokens per role, valid RUCs, complete filings, waiting for the read models."""

from __future__ import annotations

import time
from typing import Any

from services.registro.domain.requisitos import codigos_inscripcion
from services.registro.domain.reglas import Registro
from services.registro.domain.validacion import ruc_con_digito

ONGD = list(codigos_inscripcion(Registro.ONGD))


def ruc(n: int) -> str:
    return ruc_con_digito(f"20{n:08d}")


def solicitud(ruc_: str, expediente: str, presentada_el: str, *, faltan: tuple[str, ...] = (), **extra: Any) -> dict:
    return {"registro": "ONGD", "ruc": ruc_, "razon_social": f"Asociación Andina Ñuñoa {ruc_[-4:]}",
            "expediente": expediente, "presentada_el": presentada_el, "ubigeo": "080101",
            "fecha_copia_literal": presentada_el, "documentos": [d for d in ONGD if d not in faltan],
            "datos": {"representante_legal": "Rosa Quispe"}, **extra}


class Cliente:
    """The test client plus a bearer token per role; ``como(rol)`` gives the headers."""

    def __init__(self, http, emisor, token_admin: str) -> None:
        self.http, self.emisor = http, emisor
        self.tokens = {"admin": token_admin,
                       "registrador": emisor.emitir("rita", "APCI-DOC", ["registrador"]),
                       "director": emisor.emitir("dario", "APCI-DE", ["director_ejecutivo"]),
                       "auditor": emisor.emitir("aurora", "APCI-OCI", ["auditor"]),
                       "otro": emisor.emitir("mario", "MINSA-CTI", ["tramitador"])}

    def como(self, quien: str) -> dict[str, str]:
        if quien.startswith("20"):
            self.tokens.setdefault(quien, self.emisor.emitir(f"rep.{quien}", f"ENTIDAD-{quien}",
                                                             ["representante_legal"]))
        return {"Authorization": f"Bearer {self.tokens[quien]}"}

    def post(self, ruta: str, quien: str, cuerpo: dict | None = None, **kw: Any):
        return self.http.post(ruta, json=cuerpo or {}, headers={**self.como(quien), **kw.pop("headers", {})}, **kw)

    def get(self, ruta: str, quien: str | None = None, **kw: Any):
        return self.http.get(ruta, headers=self.como(quien) if quien else {}, **kw)

    def accion(self, recurso: str, id_: str, accion: str, quien: str, cuerpo: dict | None = None, **kw: Any):
        return self.post(f"/api/v1/{recurso}/{id_}/acciones/{accion}", quien, cuerpo, **kw)

    def vencer(self, hoy: str) -> int:
        r = self.post("/operaciones/plazos/vencer", "admin", params={"hoy": hoy})
        assert r.status_code == 200, r.text
        return r.json()["vencidos"]

    def presentar(self, cuerpo: dict) -> dict:
        r = self.post("/api/v1/inscripciones", cuerpo["ruc"], cuerpo)
        assert r.status_code == 201, r.text
        return r.json()

    def inscrita(self, ruc_: str, expediente: str, presentada_el: str, aprobada_el: str) -> dict:
        ins = self.presentar(solicitud(ruc_, expediente, presentada_el))
        r = self.accion("inscripciones", ins["id"], "aprobar", "registrador",
                        {"resolucion": {"numero": f"R.D. {expediente}", "fecha": aprobada_el}})
        assert r.status_code == 200, r.text
        return r.json()

    def eventos(self, correlacion: str) -> list[dict]:
        r = self.get("/api/v1/auditoria/registro/eventos", "admin", params={"correlacion": correlacion})
        assert r.status_code == 200, r.text
        return r.json()["items"]

    def publico(self, quien: str | None = None, **params: Any) -> list[dict]:
        r = self.get("/api/v1/registros/publico", quien, params=params)
        assert r.status_code == 200, r.text
        return r.json()["items"]

    def esperar(self, condicion, segundos: float = 20, mensaje: str = "") -> Any:
        limite = time.monotonic() + segundos
        while time.monotonic() < limite:
            valor = condicion()
            if valor:
                return valor
            time.sleep(0.05)
        raise AssertionError(f"no se cumplio en {segundos}s: {mensaje}")
