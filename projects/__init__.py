"""Crowdsourced design projects: brief, terms, sealed entries, Q&A, judging and award."""
