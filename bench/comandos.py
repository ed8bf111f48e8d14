"""The command B1 and B2 send through the gateway, chosen at run time from the gateway's OpenAPI.

If ``/api/v1/expedientes/{numero}/acciones/{accion}`` is routed (tramite wired), a command moves one expediente one
hop: it alternates ``devolver_al_nivel`` (APCI-DGNI -> MINSA-CTI) and ``reelevar`` (MINSA-CTI -> APCI-DGNI), each
with its oficio, from a pool of files opened beforehand. Otherwise it renames a registro office
(``/api/v1/oficinas/{codigo}/acciones/renombrar``). Each target is used by one request at a time, so no command
waits on another's optimistic-concurrency conflict; each client has its own token (own rate-limit bucket).
"""

from __future__ import annotations

import itertools
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from uuid import UUID

import httpx

from bench.carga import Envio
from services.registro.domain.oficina import Oficina
from shared.programador import hoy_en_lima

RUTA_TRAMITE = "/api/v1/expedientes/{numero}/acciones/{accion}"
OFICINAS = json.loads((Path(__file__).resolve().parents[1] / "services/registro/datos/oficinas.json").read_text())
MINSA, APCI, PROMOTOR = "MINSA-CTI", "APCI-DGNI", "ENTIDAD-20131312955"
FUNDAMENTO = {"norma": "D.S. 028-2007-RE", "articulo": "5"}


def _doc(tipo: str, fecha: str) -> dict[str, Any]:
    return {"tipo": tipo, "numero": f"{tipo.upper()}-B-{fecha[:4]}", "fecha": fecha, "dms_id": "dms-bench",
            "version": "1", "sha256": "ab" * 32}


def tramite_disponible(gateway: str) -> bool:
    try:
        doc = httpx.get(f"{gateway}/openapi.json", timeout=10, trust_env=False).json()
    except (httpx.HTTPError, ValueError):
        return False
    return RUTA_TRAMITE in doc.get("paths", {})


class Objetivo:
    """One target (an office or a file): its id, its next action, whether a request on it is in flight."""

    def __init__(self, clave: str, agregado_id: UUID, siguiente: str = "") -> None:
        self.clave, self.agregado_id, self.siguiente, self.ocupado = clave, agregado_id, siguiente, False


class Comando:
    """Base: a pool of targets and the request that acts on one of them."""

    nombre = ""
    descripcion = ""

    def __init__(self, gateway: str, token: Callable[..., str]) -> None:
        self.gateway, self.token = gateway, token
        self.objetivos: list[Objetivo] = []
        self._turno = itertools.count()

    def preparar(self, cantidad: int) -> None:
        raise NotImplementedError

    def _peticion(self, o: Objetivo, cliente_n: int) -> tuple[str, dict[str, Any], dict[str, str]]:
        raise NotImplementedError

    def _avanzar(self, o: Objetivo) -> None:
        """After a 2xx: the next action this target needs."""

    def envio(self, o: Objetivo, cliente_n: int) -> Envio:
        async def enviar(http: httpx.AsyncClient) -> tuple[int, Any]:
            o.ocupado = True
            try:
                ruta, cuerpo, cab = self._peticion(o, cliente_n)
                r = await http.post(f"{self.gateway}{ruta}", json=cuerpo, headers=cab)
                datos = r.json() if r.headers.get("content-type", "").endswith("json") else r.text
                if r.status_code < 300:
                    self._avanzar(o)
                return r.status_code, datos
            finally:
                o.ocupado = False
        return enviar

    def cliente_cerrado(self, n: int, por_cliente: int) -> Envio:
        """Closed-loop client n cycles over its own targets."""
        mios = self.objetivos[n * por_cliente:(n + 1) * por_cliente]
        ciclo = itertools.cycle(mios)

        async def enviar(http: httpx.AsyncClient) -> tuple[int, Any]:
            return await self.envio(next(ciclo), n)(http)
        return enviar

    def siguiente_libre(self) -> Envio | None:
        """Open loop: the next free target, round robin."""
        for _ in range(len(self.objetivos)):
            i = next(self._turno)
            o = self.objetivos[i % len(self.objetivos)]
            if not o.ocupado:
                o.ocupado = True
                return self.envio(o, i % 32)
        return None

    @staticmethod
    def agregado_de(cuerpo: Any) -> tuple[str, int] | None:
        raise NotImplementedError


class RenombrarOficina(Comando):
    nombre = "registro: renombrar oficina"
    descripcion = "POST /api/v1/oficinas/{codigo}/acciones/renombrar por el gateway (registro guarda 1 evento)"

    def preparar(self, cantidad: int) -> None:
        admin = {"Authorization": f"Bearer {self.token('bench-admin', 'APCI-DE', 'administrador')}"}
        with httpx.Client(timeout=30, trust_env=False) as http:
            for i in range(len(self.objetivos), cantidad):
                codigo = f"BENCH-OF-{i:04d}"
                cuerpo = {"codigo": codigo, "nombre": f"Oficina de prueba {i}", "tipo": "sector",
                          "entidad": "Ministerio de Prueba", "vigente_desde": "2020-01-01", "fundamento_legal": FUNDAMENTO}
                r = http.post(f"{self.gateway}/api/v1/oficinas", json=cuerpo, headers=admin)
                if r.status_code not in (201, 409):
                    raise RuntimeError(f"no se pudo crear {codigo}: {r.status_code} {r.text[:300]}")
                self.objetivos.append(Objetivo(codigo, Oficina.create_id(codigo)))

    def _peticion(self, o: Objetivo, cliente_n: int) -> tuple[str, dict[str, Any], dict[str, str]]:
        cab = {"Authorization": f"Bearer {self.token(f'bench-{cliente_n}', 'APCI-DE', 'administrador')}"}
        cuerpo = {"nombre": f"Oficina {o.clave} {time.perf_counter_ns()}", "fecha": "2026-01-02",
                  "fundamento_legal": FUNDAMENTO}
        return f"/api/v1/oficinas/{o.clave}/acciones/renombrar", cuerpo, cab

    @staticmethod
    def agregado_de(cuerpo: Any) -> tuple[str, int] | None:
        return str(Oficina.create_id(cuerpo["codigo"])), int(cuerpo["version"])


class SaltoExpediente(Comando):
    nombre = "tramite: un salto de expediente"
    descripcion = ("POST /api/v1/expedientes/{numero}/acciones/{devolver_al_nivel|reelevar} por el gateway "
                   "(tramite carga el expediente, valida custodia y ruta, guarda 1 evento)")

    def __init__(self, gateway: str, token: Callable[..., str]) -> None:
        super().__init__(gateway, token)
        self.hoy = hoy_en_lima().isoformat()

    def _cab(self, persona: str, oficina: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token(persona, oficina, 'tramitador')}"}

    def preparar(self, cantidad: int) -> None:
        with httpx.Client(timeout=30, trust_env=False) as http:
            for _ in range(len(self.objetivos), cantidad):
                cuerpo = {"procedimiento": "P1-SOLICITUD-CTI", "promotor": PROMOTOR, "oficina_apertura": MINSA,
                          "presentado_el": self.hoy, "regimen_promotor": "ongd",
                          "datos": {"titulo": "Proyecto de prueba de carga", "unidad_ejecutora": PROMOTOR},
                          "documentos": [_doc("solicitud", self.hoy)]}
                r = http.post(f"{self.gateway}/api/v1/expedientes", json=cuerpo, headers=self._cab("bench", PROMOTOR))
                if r.status_code != 201:
                    raise RuntimeError(f"no se pudo abrir un expediente: {r.status_code} {r.text[:400]}")
                exp = r.json()
                r = http.post(f"{self.gateway}/api/v1/expedientes/{exp['numero']}/acciones/derivar_a_rectora",
                              headers=self._cab("bench", MINSA),
                              json={"fecha": self.hoy, "destinatario": APCI, "datos": {"prioridad_sectorial": 1},
                                    "documentos": [_doc("oficio", self.hoy)]})
                if r.status_code != 200:
                    raise RuntimeError(f"no se pudo derivar {exp['numero']}: {r.status_code} {r.text[:400]}")
                self.objetivos.append(Objetivo(exp["numero"], UUID(exp["id"]), "devolver_al_nivel"))

    def _peticion(self, o: Objetivo, cliente_n: int) -> tuple[str, dict[str, Any], dict[str, str]]:
        cuerpo: dict[str, Any] = {"fecha": self.hoy, "documentos": [_doc("oficio", self.hoy)]}
        if o.siguiente == "devolver_al_nivel":
            cuerpo["observaciones"] = "Precisar la contrapartida"
            oficina = APCI
        else:
            oficina = MINSA
        return (RUTA_TRAMITE.format(numero=o.clave, accion=o.siguiente), cuerpo,
                self._cab(f"bench-{cliente_n}", oficina))

    def _avanzar(self, o: Objetivo) -> None:
        o.siguiente = "reelevar" if o.siguiente == "devolver_al_nivel" else "devolver_al_nivel"

    @staticmethod
    def agregado_de(cuerpo: Any) -> tuple[str, int] | None:
        return str(cuerpo["id"]), int(cuerpo["version"])


def sembrar_oficinas(gateway: str, token: Callable[..., str]) -> int:
    """The real master data (registro's offices), so tramite learns office kinds over NATS."""
    admin = {"Authorization": f"Bearer {token('bench-admin', 'APCI-DE', 'administrador')}"}
    creadas = 0
    with httpx.Client(timeout=30, trust_env=False) as http:
        for o in OFICINAS["oficinas"]:
            r = http.post(f"{gateway}/api/v1/oficinas", json=o, headers=admin)
            if r.status_code == 201:
                creadas += 1
            elif r.status_code != 409:
                raise RuntimeError(f"no se pudo crear {o['codigo']}: {r.status_code} {r.text[:300]}")
    return creadas


def elegir(gateway: str, token: Callable[..., str], forzar: str | None = None) -> Comando:
    if forzar == "registro" or (forzar is None and not tramite_disponible(gateway)):
        return RenombrarOficina(gateway, token)
    return SaltoExpediente(gateway, token)


