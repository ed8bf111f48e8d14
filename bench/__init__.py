"""``make bench``: the performance suite (issue "Performance"), separate from the tests.

Runs the four services as processes on PostgreSQL (``CTI_TEST_DATABASE_URL`` if reachable, else a throwaway cluster
from ``tests.infra``) with a real NATS, and measures B1..B6 next to baselines taken in the same run, writing
``bench/report.json`` and ``bench/RESUMEN.md``. Nothing here asserts a time: targets are reported, never enforced.
"""
