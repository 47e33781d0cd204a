"""Knowledge assets in duplicate detection (``platform_.duplicates``), registered from KnowledgeConfig.ready().

A submitted asset is compared with the assets its submitter's firm may see (``assets_visible_to``:
the one visibility rule), by file hash and by text (titles, summaries, body and the text of its
latest file). "Cite" and "link as a new version" are the asset's citation and derivation links.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from knowledge.models import Asset, AssetVersion
from knowledge.selectors import assets_visible_to, is_owner, may_moderate, moderates_own_firm
from platform_.duplicates.registry import DuplicateKind, Fingerprint, kind_register
from platform_.events import subscribe
from platform_.identity.selectors import member_of

KIND = "knowledge.asset"


def _fingerprints(ids: list[int]) -> dict[int, Fingerprint]:
    hashes: dict[int, set[str]] = {}
    latest_text: dict[int, str] = {}
    for asset_id, sha256, extracted in (
        AssetVersion.objects.filter(asset_id__in=ids)
        .order_by("asset_id", "number")
        .values_list("asset_id", "sha256", "extracted_text")
    ):
        hashes.setdefault(asset_id, set()).add(sha256)
        latest_text[asset_id] = extracted
    prints = {}
    for row in Asset.objects.filter(pk__in=ids).values(
        "pk", "title_zh", "title_en", "summary_zh", "summary_en", "body"
    ):
        parts = [row["title_zh"], row["title_en"], row["summary_zh"], row["summary_en"], row["body"]]
        parts.append(latest_text.get(row["pk"], ""))
        prints[row["pk"]] = Fingerprint(
            text="\n".join(p for p in parts if p), file_hashes=frozenset(hashes.get(row["pk"], ()))
        )
    return prints


def _visible(user: Any, firm: Any) -> QuerySet[Asset]:
    return assets_visible_to(user=user, firm=firm)


def _describe(ids: list[int]) -> dict[int, tuple[str, str]]:
    return {asset.pk: (asset.title, asset.get_absolute_url()) for asset in Asset.objects.filter(pk__in=ids)}


def _reviewer_role(user: Any, firm: Any, asset_id: int) -> str | None:
    asset = Asset(pk=asset_id)  # the facts below ask by id, and the page asked them already
    if firm is not None and is_owner(firm=firm, asset=asset) and member_of(user=user, firm=firm) is not None:
        return "submitter"
    if may_moderate(user=user, asset=asset) and not moderates_own_firm(user=user, asset=asset):
        return "moderator"
    return None


def _cite(*, subject_id: int, match_id: int, by: Any, firm: Any) -> None:
    from knowledge.services import asset_cite

    asset_cite(citing=Asset.objects.get(pk=subject_id), cited=Asset.objects.get(pk=match_id), by=by, firm=firm)


def _new_version(*, subject_id: int, match_id: int, by: Any, firm: Any) -> None:
    from knowledge.services import asset_derive

    asset_derive(derived=Asset.objects.get(pk=subject_id), source=Asset.objects.get(pk=match_id), by=by, firm=firm)


def on_asset_submitted(name: str, payload: dict[str, Any]) -> None:
    """After a submission commits: flag what the asset resembles among what its submitter may see."""
    from platform_.duplicates.services import duplicates_detect
    from platform_.identity.models import Firm, User

    by = User.objects.filter(pk=payload["by_id"]).first() if payload.get("by_id") else None
    firm = (
        Firm.objects.filter(asset_ownerships__asset_id=payload["asset_id"], members__user=by).order_by("pk").first()
        if by is not None
        else None
    )
    if firm is not None:
        duplicates_detect(kind=KIND, subject_id=payload["asset_id"], by=by, firm=firm)


def register() -> None:
    kind_register(
        DuplicateKind(
            name=KIND,
            fingerprints=_fingerprints,
            visible=_visible,
            describe=_describe,
            compare_with=(KIND,),
            reviewer_role=_reviewer_role,
            api_resource="assets",
            actions={(KIND, "cite"): _cite, (KIND, "new_version"): _new_version},
        )
    )
    subscribe("asset.submitted", on_asset_submitted)
