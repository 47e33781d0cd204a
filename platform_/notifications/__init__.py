"""Notifications: stored per person, pushed live after commit, e-mailed by preference."""
