"""Office kinds are cached for the engine's lookups, and an office event clears the cache at once.

Every act asks for two to four office kinds; they are remembered for ``VIGENCIA_CACHE_OFICINAS`` seconds. An office
that registro closes must stop acting as soon as tramite learns it, not seconds later.
"""

from __future__ import annotations

from sqlalchemy import update

from services.tramite import consultas
from services.tramite.consumidores import aplicar, oficinas_conocidas
from services.tramite.main import MIGRACIONES
from shared.lecturas.migraciones import migrar
from shared.lecturas.motor import crear_motor


def _evento(tipo: str, version: int, datos: dict) -> dict:
    return {"servicio": "registro", "agregado": "oficina", "agregado_id": "00000000-0000-0000-0000-00000000000a",
            "version": version, "tipo": tipo, "datos": datos, "sobre": {}, "notificacion_id": version}


def test_el_cache_responde_sin_base_y_un_evento_de_oficina_lo_borra(tmp_path):
    url = f"sqlite:///{tmp_path}/tramite.db"
    migrar(url, MIGRACIONES)
    motor = crear_motor(url)
    with motor.begin() as c:
        aplicar(c, _evento("OficinaCreada", 1, {"codigo": "MINSA-CTI", "tipo": "sector", "nombre": "OCI",
                                                "entidad": "MINSA", "vigente_desde": "2020-01-01"}))
    assert consultas.tipo_oficina(motor, "MINSA-CTI") == "sector"
    with motor.begin() as c:  # a change behind the consumer's back is not seen while cached...
        c.execute(update(oficinas_conocidas).values(tipo="rector"))
    assert consultas.tipo_oficina(motor, "MINSA-CTI") == "sector"
    with motor.begin() as c:  # ...but the consumer's own office event clears it
        aplicar(c, _evento("OficinaCerrada", 2, {"codigo": "MINSA-CTI", "fecha": "2026-11-25"}))
    assert consultas.tipo_oficina(motor, "MINSA-CTI") is None


def test_el_cache_caduca(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path}/tramite.db"
    migrar(url, MIGRACIONES)
    motor = crear_motor(url)
    with motor.begin() as c:
        aplicar(c, _evento("OficinaCreada", 1, {"codigo": "APCI-DGNI", "tipo": "organo_linea_apci", "nombre": "DGNI",
                                                "entidad": "APCI", "vigente_desde": "2020-01-01"}))
    monkeypatch.setattr(consultas, "VIGENCIA_CACHE_OFICINAS", 0.0)  # entries expire as soon as they are stored
    assert consultas.tipo_oficina(motor, "APCI-DGNI") == "rector"
    with motor.begin() as c:  # changed behind the consumer's back: no clear, only the expiry lets it through
        c.execute(update(oficinas_conocidas).values(estado="cerrada"))
    assert consultas.tipo_oficina(motor, "APCI-DGNI") is None
