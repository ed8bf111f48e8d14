"""NATS JetStream messaging: streams, the outbox relay and durable consumers with a dead-letter subject."""
