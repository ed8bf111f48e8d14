"""Integration tests of the test infrastructure itself (tests/infra): a real nats-server with JetStream and
a real PostgreSQL, both started by the tests on free ports (never the machine's 4222/5432)."""

from __future__ import annotations

import os
import socket
import sys
from pathlib import Path

import nats
import psycopg
import pytest

# tests/integration has no __init__.py, so pytest (rootdir-relative "prepend" import) does not put the repo
# root on sys.path when this file is run alone; `tests.infra` needs it.
_RAIZ = str(Path(__file__).resolve().parents[2])
if _RAIZ not in sys.path:
    sys.path.insert(0, _RAIZ)

from tests.infra import pg_binarios  # noqa: E402
from tests.infra import nats as infra_nats  # noqa: E402
from tests.infra.nats import ServidorNats  # noqa: E402
from tests.infra.postgres import (  # noqa: E402
    VARIABLE,
    PostgresExterno,
    ServidorPostgres,
    alcanzable,
    obtener_postgres,
)
from tests.infra._comun import acepta_tcp, puerto_libre  # noqa: E402


@pytest.fixture
def servidor_nats():
    with ServidorNats() as servidor:
        yield servidor


@pytest.fixture(scope="module")
def pg():
    """Throwaway cluster: CTI_TEST_DATABASE_URL is removed so the external path cannot be taken."""
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv(VARIABLE, raising=False)
        servidor = obtener_postgres()
    try:
        yield servidor
    finally:
        servidor.destruir()


# --- NATS ---------------------------------------------------------------------------------------------------

async def test_nats_jetstream_publica_y_sobrevive_restart(servidor_nats: ServidorNats) -> None:
    assert servidor_nats.url.startswith("nats://127.0.0.1:")
    assert servidor_nats.puerto != 4222
    url = servidor_nats.url

    nc = await nats.connect(url)
    js = nc.jetstream()
    await js.add_stream(name="PRUEBA", subjects=["prueba.>"])
    ack = await js.publish("prueba.uno", b"hola", headers={"Nats-Msg-Id": "m-1"})
    assert (ack.stream, ack.seq) == ("PRUEBA", 1) and not ack.duplicate
    await nc.close()

    servidor_nats.restart()
    assert servidor_nats.url == url  # same port, same store dir

    nc = await nats.connect(url)
    js = nc.jetstream()
    info = await js.stream_info("PRUEBA")
    assert info.state.messages == 1
    assert (await js.get_msg("PRUEBA", 1)).data == b"hola"
    assert (await js.publish("prueba.dos", b"otra")).seq == 2
    await nc.close()
    assert (servidor_nats.store_dir / "jetstream").is_dir()
    assert (servidor_nats.store_dir / "nats-server.log").stat().st_size > 0


async def test_nats_kill_y_start_en_el_mismo_puerto(servidor_nats: ServidorNats) -> None:
    url = servidor_nats.url
    servidor_nats.kill()
    assert not servidor_nats.corriendo
    assert not acepta_tcp("127.0.0.1", servidor_nats.puerto)
    servidor_nats.start()
    assert servidor_nats.url == url
    nc = await nats.connect(url)
    assert nc.is_connected
    await nc.close()


def test_nats_dos_servidores_usan_puertos_distintos() -> None:
    with ServidorNats() as a, ServidorNats() as b:
        assert a.puerto != b.puerto and a.store_dir != b.store_dir
    assert not a.store_dir.exists()  # temp store dirs are removed on exit


def test_nats_reintenta_si_el_puerto_elegido_ya_esta_ocupado(monkeypatch) -> None:
    with socket.socket() as ocupado:
        ocupado.bind(("127.0.0.1", 0))
        ocupado.listen()
        puertos = iter([ocupado.getsockname()[1], puerto_libre(), puerto_libre(), puerto_libre()])
        monkeypatch.setattr(infra_nats, "puerto_libre", lambda: next(puertos))
        with ServidorNats() as servidor:
            assert servidor.puerto != ocupado.getsockname()[1]
            assert acepta_tcp("127.0.0.1", servidor.puerto)


# --- PostgreSQL ---------------------------------------------------------------------------------------------

def test_postgres_desechable_crea_base_consulta_y_sobrevive_stop_start(pg) -> None:
    assert isinstance(pg, ServidorPostgres)
    assert pg.url.startswith("postgresql://postgres@127.0.0.1:") and pg.puerto != 5432
    if os.geteuid() == 0:  # PostgreSQL refuses root: the cluster belongs to the postgres user
        assert pg.data_dir.stat().st_uid != 0

    url = pg.crear_base("infra")
    assert url.startswith(pg.url.rsplit("/", 1)[0] + "/infra_")
    with psycopg.connect(url) as con:
        con.execute("CREATE TABLE t (id int PRIMARY KEY, v text)")
        con.execute("INSERT INTO t VALUES (1, 'uno')")
        assert con.execute("SELECT current_setting('fsync'), current_setting('max_connections')").fetchone() \
            == ("off", "300")

    pg.stop()
    assert alcanzable(url, timeout=1) is not None
    pg.start()
    with psycopg.connect(url) as con:
        assert con.execute("SELECT v FROM t WHERE id = 1").fetchone() == ("uno",)

    pg.restart()
    pg.borrar_base(url)
    with psycopg.connect(pg.url) as con:
        nombre = url.rsplit("/", 1)[1]
        assert con.execute("SELECT count(*) FROM pg_database WHERE datname = %s", (nombre,)).fetchone() == (0,)


def test_postgres_borrar_base_con_sesiones_abiertas(pg) -> None:
    url = pg.crear_base("abierta")
    con = psycopg.connect(url)
    try:
        pg.borrar_base(url)  # WITH (FORCE) terminates the open session
        assert alcanzable(url, timeout=1) is not None
    finally:
        con.close()
    with pytest.raises(ValueError):
        pg.borrar_base(pg.url)  # never the maintenance database


def test_postgres_externo_alcanzable_se_usa_sin_arrancar_nada(pg, monkeypatch) -> None:
    monkeypatch.setenv(VARIABLE, pg.url)
    externo = obtener_postgres()
    assert isinstance(externo, PostgresExterno) and externo.url == pg.url
    url = externo.crear_base("externa")
    with psycopg.connect(url) as con:
        assert con.execute("SELECT 1").fetchone() == (1,)
    externo.borrar_base(url)
    for metodo in (externo.start, externo.stop, externo.restart):
        with pytest.raises(RuntimeError, match="external"):
            metodo()
    externo.destruir()  # no-op: the server is not ours
    assert alcanzable(pg.url) is None


def test_postgres_externo_inalcanzable_arranca_uno_desechable(monkeypatch) -> None:
    monkeypatch.setenv(VARIABLE, f"postgresql://postgres@127.0.0.1:{puerto_libre()}/postgres")
    with pytest.warns(UserWarning, match="not reachable"):
        servidor = obtener_postgres()
    try:
        assert isinstance(servidor, ServidorPostgres)
        with psycopg.connect(servidor.url) as con:
            assert con.execute("SELECT 1").fetchone() == (1,)
    finally:
        base = servidor.base_dir
        servidor.destruir()
    assert base is not None and not base.exists()


# --- PostgreSQL binaries missing: the error must say why (never a skip). apt-get is faked here. -------------

@pytest.fixture
def sin_binarios(monkeypatch, tmp_path):
    monkeypatch.setattr(pg_binarios, "buscar_binarios", lambda: None)
    monkeypatch.setenv("PATH", str(tmp_path))  # only what the test puts there
    return tmp_path


def test_sin_binarios_ni_apt_get_falla_explicando(sin_binarios) -> None:
    with pytest.raises(RuntimeError, match="apt-get is not available"):
        ServidorPostgres()


def test_sin_binarios_y_sin_root_falla_explicando(sin_binarios, monkeypatch) -> None:
    (sin_binarios / "apt-get").write_text("#!/bin/sh\nexit 0\n")
    (sin_binarios / "apt-get").chmod(0o755)
    monkeypatch.setattr(pg_binarios.os, "geteuid", lambda: 1000)
    with pytest.raises(RuntimeError, match="needs root"):
        ServidorPostgres()


def test_apt_get_que_falla_da_su_salida(sin_binarios, monkeypatch) -> None:
    registro = sin_binarios / "llamadas"
    (sin_binarios / "apt-get").write_text(
        f'#!/bin/sh\necho "$DEBIAN_FRONTEND $*" >> {registro}\n'
        'case "$*" in *install*) echo "E: Unable to locate package postgresql" >&2; exit 100;; esac\n')
    (sin_binarios / "apt-get").chmod(0o755)
    monkeypatch.setattr(pg_binarios.os, "geteuid", lambda: 0)
    with pytest.raises(RuntimeError, match="(?s)cannot install PostgreSQL.*exited with 100.*Unable to locate"):
        ServidorPostgres()
    llamadas = registro.read_text().splitlines()
    assert [linea.split()[0] for linea in llamadas] == ["noninteractive", "noninteractive"]
    assert llamadas[0].endswith(" update") and llamadas[1].endswith(" install -y postgresql")
