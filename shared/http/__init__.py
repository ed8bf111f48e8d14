"""HTTP conventions shared by the four services: problem+json, ids, idempotency, health, metrics, logs."""
