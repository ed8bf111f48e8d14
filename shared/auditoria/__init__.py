"""Tamper evidence: verifying hash chains from the public form of events (online and offline)."""
