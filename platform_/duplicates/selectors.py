"""Reads of duplicate flags: only for who may review the submission, and only matches they may see."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from platform_.duplicates.models import DuplicateFlag
from platform_.duplicates.registry import kind_get
from platform_.duplicates.services import reviewer_role


@dataclass
class ShownFlag:
    flag: DuplicateFlag
    title: str
    url: str
    actions: list[str]


def flags_for(*, user: Any, firm: Any, kind: str, subject_id: int) -> tuple[str | None, list[ShownFlag]]:
    """The reviewer's role and the flags of one submission they may see, each match re-checked
    against what the viewer may see now (a match hidden since is not shown, nor counted)."""
    role = reviewer_role(user=user, firm=firm, kind=kind, subject_id=subject_id)
    if role is None:
        return None, []
    flags = list(DuplicateFlag.objects.filter(kind=kind, subject_id=subject_id))
    shown: list[ShownFlag] = []
    source = kind_get(kind)
    by_kind: dict[str, list[DuplicateFlag]] = {}
    for flag in flags:
        by_kind.setdefault(flag.match_kind, []).append(flag)
    for match_kind, group in by_kind.items():
        target = kind_get(match_kind)
        if target is None or source is None:
            continue
        ids = [flag.match_id for flag in group]
        visible = set(target.visible(user, firm).filter(pk__in=ids).values_list("pk", flat=True))
        described = target.describe(sorted(visible))
        for flag in group:
            if flag.match_id not in visible:
                continue
            title, url = described.get(flag.match_id, ("", ""))
            actions = ["not_duplicate"]
            if role == "submitter":
                actions = [a for a in ("new_version", "cite") if (match_kind, a) in source.actions] + actions
            shown.append(ShownFlag(flag=flag, title=title, url=url, actions=actions if flag.status == "open" else []))
    shown.sort(key=lambda item: (-item.flag.similarity, item.flag.pk))
    return role, shown
