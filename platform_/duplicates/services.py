"""Writes of duplicate detection: finding the near-duplicates of a submission, and deciding on them.

Detection compares a submitted object with what its submitter may see, and only that: the
candidates are the registered kind's own visibility rule applied to the submitter and their firm.
The same file (SHA-256) is a duplicate outright; similar text is one when the MinHash estimate of
the Jaccard similarity reaches ``DUPLICATES_TEXT_THRESHOLD``.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from platform_.audit.services import audit_record
from platform_.duplicates import text
from platform_.duplicates.models import DuplicateFlag, FlagStatus, Method, Signature
from platform_.duplicates.registry import DuplicateKind, Fingerprint, kind_get
from platform_.errors import Conflict, DomainError, NotAllowed, NotFound
from platform_.notifications.messages import Message
from platform_.notifications.services import notify

TEXT_THRESHOLD = 0.5
MAX_CANDIDATES = 5000

ACTIONS = {
    "new_version": FlagStatus.NEW_VERSION,
    "cite": FlagStatus.CITED,
    "not_duplicate": FlagStatus.NOT_DUPLICATE,
}


def text_threshold() -> float:
    return float(getattr(settings, "DUPLICATES_TEXT_THRESHOLD", TEXT_THRESHOLD))


def _signatures(kind: str, prints: dict[int, Fingerprint]) -> dict[int, Any]:
    """The MinHash of each object, from the cache when its text has not changed since."""
    digests = {pk: text.digest(fp.text) for pk, fp in prints.items()}
    stored = {
        row.object_id: row
        for row in Signature.objects.filter(kind=kind, object_id__in=list(prints)).only(
            "object_id", "digest", "minhash"
        )
    }
    result: dict[int, Any] = {}
    fresh: list[Signature] = []
    for pk, fp in prints.items():
        row = stored.get(pk)
        if row is not None and row.digest == digests[pk]:
            if row.minhash is not None:
                result[pk] = text.from_bytes(bytes(row.minhash))
            continue
        minhash = text.signature(fp.text)
        fresh.append(
            Signature(kind=kind, object_id=pk, digest=digests[pk], minhash=text.to_bytes(minhash) if minhash else None)
        )
        if minhash is not None:
            result[pk] = minhash
    if fresh:
        Signature.objects.bulk_create(
            fresh,
            update_conflicts=True,
            unique_fields=["kind", "object_id"],
            update_fields=["digest", "minhash"],
        )
    return result


def _matches(source: DuplicateKind, subject_id: int, user: Any, firm: Any) -> list[tuple[str, int, str, float]]:
    subject = source.fingerprints([subject_id]).get(subject_id)
    if subject is None:
        return []
    subject_sig = _signatures(source.name, {subject_id: subject}).get(subject_id)
    limit = int(getattr(settings, "DUPLICATES_MAX_CANDIDATES", MAX_CANDIDATES))
    found: list[tuple[str, int, str, float]] = []
    for match_kind in source.compare_with:
        target = kind_get(match_kind)
        if target is None:
            continue
        ids = [
            pk
            for pk in target.visible(user, firm).order_by("-pk").values_list("pk", flat=True)[:limit]
            if not (match_kind == source.name and pk == subject_id)
        ]
        prints = target.fingerprints(ids)
        same_file = {pk for pk, fp in prints.items() if subject.file_hashes & fp.file_hashes}
        found += [(match_kind, pk, Method.FILE, 1.0) for pk in sorted(same_file)]
        if subject_sig is None:
            continue
        sigs = _signatures(match_kind, {pk: fp for pk, fp in prints.items() if pk not in same_file})
        for pk, score in sorted(text.near(subject_sig, sigs, threshold=text_threshold()).items()):
            found.append((match_kind, pk, Method.TEXT, score))
    return found


def duplicates_detect(*, kind: str, subject_id: int, by: Any, firm: Any) -> list[DuplicateFlag]:
    """Flag what the object ``by`` (acting for ``firm``) submitted resembles among what they may see;
    safe to run twice (a flag already there, decided or not, stays as it is). They are told once."""
    source = kind_get(kind)
    if source is None or by is None:
        return []
    user = by
    found = _matches(source, subject_id, user, firm)
    if not found:
        return []
    with transaction.atomic():
        existing = set(
            DuplicateFlag.objects.filter(kind=kind, subject_id=subject_id).values_list("match_kind", "match_id")
        )
        new = [
            DuplicateFlag(
                kind=kind,
                subject_id=subject_id,
                match_kind=match_kind,
                match_id=match_id,
                method=method,
                similarity=score,
                submitted_by=user,
            )
            for match_kind, match_id, method, score in found
            if (match_kind, match_id) not in existing
        ]
        if not new:
            return []
        flags = DuplicateFlag.objects.bulk_create(new)
        audit_record(
            actor=None,
            action="duplicates.flag",
            target=flags[0],
            firm=firm,
            data={"kind": kind, "subject_id": subject_id, "flags": [f.pk for f in flags]},
        )
        url = source.describe([subject_id]).get(subject_id, ("", ""))[1]
        notify(
            recipients=[user],
            kind="duplicates.flagged",
            title=Message(gettext_noop("Your submission resembles %(count)d item(s) you can see"), count=len(flags)),
            url=url,
            data={"duplicate_kind": kind, "subject_id": subject_id},
        )
    return flags


def reviewer_role(*, user: Any, firm: Any, kind: str, subject_id: int) -> str | None:
    source = kind_get(kind)
    if source is None or source.reviewer_role is None or not getattr(user, "is_authenticated", False):
        return None
    return source.reviewer_role(user, firm, subject_id)


def match_visible(*, user: Any, firm: Any, match_kind: str, match_id: int) -> bool:
    target = kind_get(match_kind)
    return target is not None and target.visible(user, firm).filter(pk=match_id).exists()


@transaction.atomic
def flag_decide(*, flag_id: int, by: Any, firm: Any, action: str) -> DuplicateFlag:
    """The submitter's side links the submission as a new version of the match, cites it, or says
    it is not a duplicate; a moderator may only say it is not one. A flag the person may not review,
    or whose match they may not see, does not exist for them."""
    flag = DuplicateFlag.objects.select_for_update().filter(pk=flag_id).first()
    missing = NotFound(_("No such flag."))
    if flag is None:
        raise missing
    role = reviewer_role(user=by, firm=firm, kind=flag.kind, subject_id=flag.subject_id)
    if role is None or not match_visible(user=by, firm=firm, match_kind=flag.match_kind, match_id=flag.match_id):
        raise missing
    if action not in ACTIONS:
        raise DomainError(_("Unknown action."), field="action")
    if role != "submitter" and action != "not_duplicate":
        raise NotAllowed(_("Only the submitter's firm may link or cite; a moderator may say it is not a duplicate."))
    if flag.status != FlagStatus.OPEN:
        raise Conflict(_("This flag has already been decided."))
    source = kind_get(flag.kind)
    assert source is not None  # reviewer_role found it
    if action != "not_duplicate":
        handler = source.actions.get((flag.match_kind, action))
        if handler is None:
            raise DomainError(_("This action does not apply to this match."), field="action")
        handler(subject_id=flag.subject_id, match_id=flag.match_id, by=by, firm=firm)
    flag.status = ACTIONS[action]
    flag.decided_by = by
    flag.decided_at = timezone.now()
    flag.save(update_fields=["status", "decided_by", "decided_at"])
    audit_record(
        actor=by,
        action=f"duplicates.{action}",
        target=flag,
        firm=firm,
        data={
            "kind": flag.kind,
            "subject_id": flag.subject_id,
            "match_kind": flag.match_kind,
            "match_id": flag.match_id,
        },
    )
    return flag
