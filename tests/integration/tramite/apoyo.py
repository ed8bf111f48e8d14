"""Test support for tramite through HTTP: both services up, offices seeded in registro and learned by tramite over
NATS, tokens per office, one-line acts with the documents each act requires, registrations recorded in registro."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import func, select

from services.registro.domain.inscripcion import Inscripcion
from services.registro.main import crear_app as crear_registro
from services.tramite.consumidores import ORIGEN, inscripciones_promotores, oficinas_conocidas
from services.tramite.domain.procedimientos import CATALOGO
from services.tramite.main import crear_app as crear_tramite
from shared.configuracion import Configuracion
from shared.eventos import Actor, acto
from shared.lecturas.proyeccion import ultima_aplicada
from tests.integration.apoyo import esperar
from tests.unit.registro.ayudas import documentos as documentos_registro

P1 = "P1-SOLICITUD-CTI"
MINSA, APCI, RREE, JICA = "MINSA-CTI", "APCI-DGNI", "RREE-DCI", "FUENTE-JICA"
RUC, RUC_SUSPENDIDA = "20131312955", "20512333797"
ONGD, ONGD_SUSPENDIDA = f"ENTIDAD-{RUC}", f"ENTIDAD-{RUC_SUSPENDIDA}"
OFICINAS = json.loads((Path(__file__).resolve().parents[3] / "services/registro/datos/oficinas.json").read_text())
REGISTRADOR = Actor("rosa.registros", "APCI-DOC", ("registrador",))


def doc(tipo: str, fecha: date) -> dict[str, Any]:
    return {"tipo": tipo, "numero": f"{tipo.upper()}-001-{fecha.year}", "fecha": fecha.isoformat(),
            "dms_id": f"dms-{tipo}", "version": "1", "sha256": "ab" * 32}


class Suite:
    def __init__(self, url_registro: str, url_tramite: str, nats_url: str, clave_publica: Path, emisor) -> None:
        self.emisor = emisor
        comun = {"nats_url": nats_url, "clave_publica": clave_publica}
        self.registro = TestClient(crear_registro(Configuracion(servicio="registro", database_url=url_registro,
                                                                **comun)))
        self.tramite = TestClient(crear_tramite(Configuracion(servicio="tramite", database_url=url_tramite,
                                                              **comun)))

    def __enter__(self) -> Suite:
        self.registro.__enter__()
        admin = self.cab("APCI-DE", "administrador")
        for o in OFICINAS["oficinas"]:
            assert self.registro.post("/api/v1/oficinas", json=o, headers=admin).status_code == 201
        self.tramite.__enter__()
        esperar(lambda: self.contar(oficinas_conocidas) == len(OFICINAS["oficinas"]), 20, "tramite aprende oficinas")
        return self

    def __exit__(self, *exc: Any) -> None:
        self.tramite.__exit__(*exc)
        self.registro.__exit__(*exc)

    # ----- identities and reads of tramite's own tables ----------------------------------------------------

    def cab(self, oficina: str, *roles: str) -> dict[str, str]:
        token = self.emisor.emitir(f"usuario.{oficina.lower()}", oficina, list(roles or ("tramitador",)))
        return {"Authorization": f"Bearer {token}"}

    @property
    def motor(self):
        return self.tramite.app.state.componentes.motor

    def contar(self, tabla) -> int:
        with self.motor.connect() as c:
            return int(c.execute(select(func.count()).select_from(tabla)).scalar())

    def filas(self, tabla) -> list[dict[str, Any]]:
        with self.motor.connect() as c:
            return sorted((dict(f._mapping) for f in c.execute(select(tabla))), key=lambda f: json.dumps(f, default=str))

    # ----- HTTP -----------------------------------------------------------------------------------------------

    def abrir(self, fecha: date, *, promotor: str = ONGD, oficina: str = MINSA, regimen: str | None = "ongd",
              titulo: str = "Salud materna en Cusco", esperado: int = 201):
        cuerpo = {"procedimiento": P1, "promotor": promotor, "oficina_apertura": oficina,
                  "presentado_el": fecha.isoformat(), "regimen_promotor": regimen,
                  "datos": {"titulo": titulo, "unidad_ejecutora": promotor}, "documentos": [doc("solicitud", fecha)]}
        r = self.tramite.post("/api/v1/expedientes", json=cuerpo, headers=self.cab(promotor))
        assert r.status_code == esperado, r.text
        return r.json()

    def actuar(self, numero: str, accion: str, oficina: str, fecha: date, *, roles: tuple[str, ...] = (),
               datos: dict | None = None, docs: tuple[str, ...] | None = None, version: int | None = None,
               esperado: int = 200, **extra: Any):
        if docs is None:
            definicion = CATALOGO.obtener(P1, 1).accion(accion)
            docs = definicion.documentos_exigidos() if definicion else ()
        cuerpo = {"fecha": fecha.isoformat(), "datos": datos or {}, "documentos": [doc(t, fecha) for t in docs],
                  **extra}
        cab = self.cab(oficina, *roles)
        if version is not None:
            cab["If-Match"] = f'"{version}"'
        r = self.tramite.post(f"/api/v1/expedientes/{numero}/acciones/{accion}", json=cuerpo, headers=cab)
        assert r.status_code == esperado, r.text
        return r.json()

    def leer(self, numero: str, oficina: str = "APCI-DE", *roles: str, **params: Any):
        return self.tramite.get(f"/api/v1/expedientes/{numero}", params=params,
                                headers=self.cab(oficina, *(roles or ("administrador",))))

    def tramos(self, numero: str) -> list[dict[str, Any]]:
        r = self.tramite.get(f"/api/v1/expedientes/{numero}/tramos", headers=self.cab("APCI-DE", "auditor"))
        assert r.status_code == 200, r.text
        return r.json()["items"]

    # ----- registro's side: registrations recorded in its store, published by its relay -------------------

    def inscribir_ongd(self, ruc: str, aprobada_el: date = date(2026, 3, 20)) -> Inscripcion:
        entidad = Actor("representante", f"ENTIDAD-{ruc}", ("representante_legal",))
        with acto(actor=entidad, correlacion=f"APCI-DOC-{ruc}"):
            ins = Inscripcion.presentar(
                actor=entidad, registro="ONGD", ruc=ruc, razon_social=f"ONGD {ruc}", expediente=f"APCI-DOC-{ruc}",
                presentada_el=aprobada_el.replace(day=2), documentos=documentos_registro(), ubigeo="080101",
                hoy=aprobada_el.replace(day=2), fecha_copia_literal=aprobada_el.replace(day=1))
        with acto(actor=REGISTRADOR):
            ins.aprobar(actor=REGISTRADOR, resolucion={"numero": "R.D. 045-2026-APCI/DOC", "fecha": aprobada_el},
                        hoy=aprobada_el)
        return self._guardar_en_registro(ins)

    def suspender(self, ins: Inscripcion, causa_id: str, hoy: date) -> Inscripcion:
        with acto(actor=REGISTRADOR):
            ins.suspender_beneficios(actor=REGISTRADOR, causa="sancion", causa_id=causa_id, hoy=hoy)
        return self._guardar_en_registro(ins)

    def restituir(self, ins: Inscripcion, causa_id: str, hoy: date) -> Inscripcion:
        with acto(actor=REGISTRADOR):
            ins.restituir_beneficios(actor=REGISTRADOR, causa_id=causa_id, hoy=hoy)
        return self._guardar_en_registro(ins)

    def _guardar_en_registro(self, ins: Inscripcion) -> Inscripcion:
        app = self.registro.app.state.componentes.aplicacion
        app.save(ins)
        ultima = app.ultima_notificacion()
        esperar(lambda: self._aplicado_en_tramite(ultima), 20, "tramite recibe el evento de registro")
        return app.repository.get(ins.id)

    def _aplicado_en_tramite(self, notificacion: int) -> bool:
        return ultima_aplicada(self.motor, ORIGEN) >= notificacion

    def inscripciones(self) -> list[dict[str, Any]]:
        return self.filas(inscripciones_promotores)
