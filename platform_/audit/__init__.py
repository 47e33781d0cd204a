"""Audit log: an append-only record of decisions (who, what, when, why) that nobody can edit."""
