"""Revision 0006 on a database already in use (SQLite and PostgreSQL): rows projected before it lack the new columns
and participants, so it empties tramite's own read models and forgets the projector's position over its own log
(the projector replays the log on the next start), keeps what registro's events fed, and can be undone."""

from __future__ import annotations

from datetime import date

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, inspect, text

from services.tramite.main import MIGRACIONES
from shared.configuracion import url_sqlalchemy


def _config(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRACIONES))
    cfg.set_main_option("sqlalchemy.url", url_sqlalchemy(url).replace("%", "%%"))
    return cfg


def test_0006_vacia_las_lecturas_propias_para_que_se_reproyecten_y_se_revierte(bases):
    url = bases[1]
    cfg = _config(url)
    command.upgrade(cfg, "0005")
    motor = create_engine(url_sqlalchemy(url))
    with motor.begin() as c:
        c.execute(text("INSERT INTO expedientes_bandeja (numero, agregado_id, procedimiento, version_procedimiento, "
                       "estado, terminado, custodia, promotor, oficina_apertura, presentado_el, ultimo_acto, "
                       "version) VALUES ('2026-MINSA-000001', 'a1', 'P1-SOLICITUD-CTI', 1, 'en_evaluacion_nivel', "
                       ":falso, 'MINSA-CTI', 'ENTIDAD-1', 'MINSA-CTI', :dia, :dia, 1)"),
                  {"falso": False, "dia": date(2026, 3, 2)})
        c.execute(text("INSERT INTO expedientes_plazos VALUES ('a1', 'silencio_positivo', '2026-MINSA-000001', "
                       ":dia, 'silencio_positivo', 'abierto')"), {"dia": date(2026, 4, 1)})
        c.execute(text("INSERT INTO seguimiento VALUES ('local:tramite', 1), ('nats:registro', 7)"))
        c.execute(text("INSERT INTO oficinas_conocidas VALUES ('MINSA-CTI', 'o1', 'sector', 'sector', 'activa', 1)"))

    command.upgrade(cfg, "head")
    with motor.connect() as c:
        assert c.execute(text("SELECT count(*) FROM expedientes_bandeja")).scalar() == 0
        assert c.execute(text("SELECT count(*) FROM expedientes_plazos")).scalar() == 0
        assert c.execute(text("SELECT origen FROM seguimiento")).scalars().all() == ["nats:registro"]
        assert c.execute(text("SELECT count(*) FROM oficinas_conocidas")).scalar() == 1
    columnas = {col["name"] for col in inspect(motor).get_columns("expedientes_bandeja")}
    assert {"extemporaneo", "resumen"} <= columnas
    assert {col["name"] for col in inspect(motor).get_columns("expedientes_participantes")} == {"agregado_id",
                                                                                              "oficina"}

    command.downgrade(cfg, "0005")
    assert "expedientes_participantes" not in inspect(motor).get_table_names()
    assert "extemporaneo" not in {col["name"] for col in inspect(motor).get_columns("expedientes_bandeja")}
    motor.dispose()
