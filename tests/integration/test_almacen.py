"""The event store on SQLite and PostgreSQL: saving, optimistic concurrency and tamper evidence on stored rows."""

from __future__ import annotations

from datetime import date

import pytest

from services.registro.domain.oficina import Oficina
from shared.auditoria.almacen import verificar_almacen
from shared.errores import ConflictoVersion
from shared.eventos import CadenaRota, acto
from tests.integration.apoyo import ADMIN, FUND, SQLCrudo, app_registro, crear_oficinas


def test_guarda_y_recarga_con_la_cadena_intacta(database_url):
    app = app_registro(database_url)
    crear_oficinas(app, 3, renombres=2)
    assert app.ultima_notificacion() == 9
    assert app.oficina("OF-0002").nombre == "Oficina 2 v1"
    assert verificar_almacen(app, "registro") == []


def test_dos_actos_sobre_la_misma_version_uno_gana_el_otro_recibe_409(database_url):
    app = app_registro(database_url)
    crear_oficinas(app, 1)
    a, b = app.oficina("OF-0000"), app.oficina("OF-0000")
    with acto(actor=ADMIN):
        a.renombrar(nombre="Gana", fecha=date(2021, 1, 1), fundamento_legal=FUND)
        b.renombrar(nombre="Pierde", fecha=date(2021, 1, 1), fundamento_legal=FUND)
    app.guardar(a)
    with pytest.raises(ConflictoVersion) as info:
        app.guardar(b)
    assert info.value.extra["version_actual"] == 2
    assert app.oficina("OF-0000").nombre == "Gana"


def test_cambiar_un_byte_del_contenido_se_reporta_con_stream_y_version(database_url):
    app = app_registro(database_url)
    crear_oficinas(app, 2, renombres=2)
    sql = SQLCrudo(database_url)
    oid = Oficina.create_id("OF-0001")
    clave = oid if sql.pg else oid.hex
    (estado,) = sql.ejecutar("SELECT state FROM {t} WHERE originator_id = ? AND originator_version = 2", (clave,))[0]
    alterado = bytes(estado).replace(b"Oficina 1 v0", b"Oficina 1 v9")
    assert alterado != bytes(estado)
    sql.ejecutar("UPDATE {t} SET state = ? WHERE originator_id = ? AND originator_version = 2", (alterado, clave))
    victima = str(oid)
    fallas = verificar_almacen(app, "registro")
    assert [(f.stream, f.version) for f in fallas] == [(victima, 2)]
    with pytest.raises(CadenaRota):
        app_registro(database_url).oficina("OF-0001")


def test_borrar_un_evento_se_reporta(database_url):
    app = app_registro(database_url)
    crear_oficinas(app, 2, renombres=3)
    sql = SQLCrudo(database_url)
    victima = Oficina.create_id("OF-0000")
    sql.ejecutar("DELETE FROM {t} WHERE originator_id = ? AND originator_version = 2",
                 (victima if sql.pg else victima.hex,))
    fallas = verificar_almacen(app, "registro")
    assert any(f.stream == str(victima) and f.version == 2 and "falta" in f.motivo for f in fallas)


def test_intercambiar_dos_eventos_se_reporta(database_url):
    app = app_registro(database_url)
    crear_oficinas(app, 1, renombres=3)
    sql = SQLCrudo(database_url)
    oid = Oficina.create_id("OF-0000")
    clave = oid if sql.pg else oid.hex
    filas = dict(sql.ejecutar("SELECT originator_version, state FROM {t} WHERE originator_id = ?", (clave,)))
    sql.ejecutar("UPDATE {t} SET state = ? WHERE originator_id = ? AND originator_version = 2", (filas[3], clave))
    sql.ejecutar("UPDATE {t} SET state = ? WHERE originator_id = ? AND originator_version = 3", (filas[2], clave))
    fallas = verificar_almacen(app, "registro")
    assert {f.version for f in fallas if f.stream == str(oid)} >= {2, 3}
