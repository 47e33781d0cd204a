"""The kinds of objects duplicate detection compares, each registered by the domain that owns it.

A kind says how to read its objects' text and file hashes, which of them a person acting for a firm
may see (the domain's own visibility rule, so a flag never names what the submitter may not see), how
to title and link them, and, for objects that are submitted, what they are compared with, who may
review its flags and what "new version" and "cite" do. The domain calls
``platform_.duplicates.services.duplicates_detect`` when one of its objects is submitted. This module knows no domain.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet


@dataclass(frozen=True)
class Fingerprint:
    text: str
    file_hashes: frozenset[str] = frozenset()


# (subject_id, match_id, by, firm) -> None; raises the domain's errors
ActionHandler = Callable[..., None]


@dataclass(frozen=True)
class DuplicateKind:
    name: str
    # ids -> their fingerprints (one or two queries, whatever the number of ids)
    fingerprints: Callable[[list[int]], dict[int, Fingerprint]]
    # (user, firm) -> a queryset of the objects that person may see (the domain's visibility rule)
    visible: Callable[[Any, Any], QuerySet[Any]]
    # ids -> {id: (title, url)}
    describe: Callable[[list[int]], dict[int, tuple[str, str]]]
    # As something submitted: the kinds it is compared with
    compare_with: tuple[str, ...] = ()
    # (user, firm, id) -> "submitter", "moderator" or None (may not see the flags)
    reviewer_role: Callable[[Any, Any, int], str | None] | None = None
    # (match kind, action) -> what the action does beyond recording the decision
    actions: dict[tuple[str, str], ActionHandler] = field(default_factory=dict)
    # the API resource whose scopes an API key needs to read the flags (read) or decide (write)
    api_resource: str = ""


_kinds: dict[str, DuplicateKind] = {}


def kind_register(kind: DuplicateKind) -> None:
    """Register (or replace) a kind; called from the owning domain's AppConfig.ready()."""
    _kinds[kind.name] = kind


def kind_get(name: str) -> DuplicateKind | None:
    return _kinds.get(name)


def kinds() -> Iterable[DuplicateKind]:
    return _kinds.values()
