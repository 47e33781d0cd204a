"""Reads for knowledge assets: who may see what, search, moderation queues and owners' statistics.

One rule decides visibility everywhere (pages, API, search, downloads, exports): ``visibility_q``.
Taken-down assets are visible to nobody on any surface but their owners' page of the asset (with the
reason, see ``knowledge.moderation``); private ones only to their owners. The contributors tier
(``knowledge.tiers``) and ended grants (``knowledge.embargo``) are clauses of the same rule.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any, cast

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    Count,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    When,
)

from clusters.models import Cluster, ClusterMembership, MembershipStatus
from clusters.selectors import moderated_cluster_ids
from knowledge.crosslingual import crosslingual_relaxed_query, crosslingual_search_query, expanded_tsquery
from knowledge.embargo import content_withheld, grants_ended
from knowledge.models import (
    AccessLevel,
    AccessRequest,
    Asset,
    AssetOwnership,
    AssetStatus,
    AssetVersion,
    CoOwnershipRequest,
    CoOwnershipStatus,
    KnowledgeCategory,
    LicenceRequest,
    Report,
    RequestStatus,
    UseEvent,
    UseKind,
)
from knowledge.search import CONFIG, headlines, segment
from knowledge.tiers import contributor_of
from platform_.db_router import read_connection, replica_reads
from platform_.errors import NotAllowed, NotFound
from platform_.identity.middleware import firm_id_of
from platform_.identity.models import FirmMember, localized
from platform_.request_memo import remember, remembered

REVIEWABLE = (AssetStatus.PENDING, AssetStatus.PUBLISHED)


def _user(user: Any) -> Any:
    return user if user is not None and getattr(user, "is_authenticated", False) else None


def visibility_q(*, user: Any, firm: Any, as_published: bool = False) -> Q:
    """The assets a person acting for a firm may see (and therefore use).

    ``as_published`` asks the same rule as if each asset were published: who could see an asset
    before it was taken down (the audience of its take-down).
    """
    user = _user(user)
    firm_id = firm_id_of(firm)
    published = Q() if as_published else Q(status=AssetStatus.PUBLISHED)
    visible = published & Q(access_level=AccessLevel.PUBLIC)
    if firm_id is not None:
        owned = Exists(AssetOwnership.objects.filter(asset=OuterRef("pk"), firm_id=firm_id))
        named = Exists(Asset.access_firms.through.objects.filter(asset_id=OuterRef("pk"), firm_id=firm_id)) & ~Exists(
            grants_ended(firm_id=firm_id)
        )
        visible |= cast(
            Q,
            (owned if as_published else owned & ~Q(status=AssetStatus.TAKEN_DOWN))
            | (published & Q(access_level__in=[AccessLevel.CLUSTERS, AccessLevel.FIRMS]) & named),
        )
        # Subqueries rather than id lists fetched first: one round trip per search, not three.
        clusters = ClusterMembership.objects.filter(firm_id=firm_id, status=MembershipStatus.ACTIVE).values(
            "cluster_id"
        )
        in_cluster = Exists(
            Asset.access_clusters.through.objects.filter(asset_id=OuterRef("pk"), cluster_id__in=clusters)
        )
        visible |= cast(Q, published & Q(access_level=AccessLevel.CLUSTERS) & in_cluster)
        visible |= cast(Q, published & Q(access_level=AccessLevel.CONTRIBUTORS) & contributor_of(firm_id=firm_id))
    if user is not None:
        reviewable = Q(status__in=REVIEWABLE) & ~Q(access_level=AccessLevel.PRIVATE)
        if user.is_platform_admin:
            visible |= reviewable
        else:
            moderated = Cluster.moderators.through.objects.filter(user_id=user.pk).values("cluster_id")
            reviewed_here = Exists(
                Asset.review_clusters.through.objects.filter(asset_id=OuterRef("pk"), cluster_id__in=moderated)
            )
            visible |= cast(Q, reviewable & reviewed_here)
    return visible


def assets_visible_to(*, user: Any, firm: Any, as_published: bool = False) -> QuerySet[Asset]:
    return Asset.objects.filter(visibility_q(user=user, firm=firm, as_published=as_published))


def owner_firm_ids(*, asset: Asset) -> set[int]:
    """The firms that own the asset (once per reading request: every permission check of a page asks)."""
    return set(
        remembered(
            ("knowledge.owner_firm_ids", asset.pk),
            lambda: frozenset(AssetOwnership.objects.filter(asset=asset).values_list("firm_id", flat=True)),
        )
    )


def is_owner(*, firm: Any, asset: Asset) -> bool:
    firm_id = firm_id_of(firm)
    return firm_id is not None and firm_id in owner_firm_ids(asset=asset)


def asset_visible(*, user: Any, firm: Any, asset: Asset) -> bool:
    """Whether the visibility rule lets the reader see the asset (once per reading request)."""
    return remembered(
        _visible_key(user=user, firm=firm, asset_id=asset.pk),
        lambda: assets_visible_to(user=user, firm=firm).filter(pk=asset.pk).exists(),
    )


def _visible_key(*, user: Any, firm: Any, asset_id: int) -> tuple[Any, ...]:
    person = _user(user)
    return ("knowledge.visible", person.pk if person is not None else None, firm_id_of(firm), asset_id)


def manages_owner(*, user: Any, asset: Asset) -> bool:
    """Whether the person manages (owner or admin role) a firm that owns the asset."""
    user = _user(user)
    if user is None:
        return False
    return FirmMember.objects.filter(
        user=user, role__in=["owner", "admin"], firm__asset_ownerships__asset=asset
    ).exists()


def asset_get(*, user: Any, firm: Any, pk: int) -> Asset:
    """The asset if visible; NotAllowed for a restricted asset the firm may request access to,
    NotFound for everything else (private, draft, taken down, missing)."""
    asset = assets_visible_to(user=user, firm=firm).filter(pk=pk).first()
    if asset is not None:
        remember(_visible_key(user=user, firm=firm, asset_id=asset.pk), True)
        return asset
    taken_down = assets_owned_by(firm=firm).filter(pk=pk, status=AssetStatus.TAKEN_DOWN).first()
    if taken_down is not None and _user(user) is not None:  # its owners still see it, with the reason
        return taken_down
    if (
        _user(user) is not None
        and firm_id_of(firm) is not None
        and Asset.objects.filter(
            pk=pk, status=AssetStatus.PUBLISHED, access_level__in=[AccessLevel.CLUSTERS, AccessLevel.FIRMS]
        ).exists()
    ):
        raise NotAllowed(_restricted_message(), code="restricted")
    raise NotFound(_not_found_message())


def _restricted_message() -> str:
    from django.utils.translation import gettext

    return gettext("This asset is restricted. Your firm may ask its owners for access.")


def _not_found_message() -> str:
    from django.utils.translation import gettext

    return gettext("No such asset.")


def asset_may_download(*, user: Any, firm: Any, asset: Asset) -> bool:
    """Files of published assets to those who see them; owners also reach their drafts' files."""
    if asset.status == AssetStatus.TAKEN_DOWN or content_withheld(asset=asset, user=user, firm=firm):
        return False
    if asset.status == AssetStatus.PUBLISHED or is_owner(firm=firm, asset=asset):
        return asset_visible(user=user, firm=firm, asset=asset)
    return bool(_user(user) and asset_visible(user=user, firm=firm, asset=asset))


def assets_owned_by(*, firm: Any) -> QuerySet[Asset]:
    """Every asset the firm (co-)owns, whatever its status: the firm's own shelf."""
    firm_id = firm_id_of(firm)
    if firm_id is None:
        return Asset.objects.none()
    return Asset.objects.filter(ownerships__firm_id=firm_id).order_by("-created_at")


# Search ---------------------------------------------------------------------------------------


@dataclass
class SearchResults:
    results: list[Asset]
    total: int
    facets: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    capped: bool = False  # more matches than settings.ASSET_SEARCH_CANDIDATES: total is a lower bound


def _apply_filters(
    queryset: QuerySet[Asset],
    *,
    kind: str = "",
    category: str = "",
    cluster: str | int = "",
    licence: str = "",
    date_from: date | None = None,
    date_to: date | None = None,
) -> QuerySet[Asset]:
    if kind:
        queryset = queryset.filter(kind=kind)
    if licence:
        queryset = queryset.filter(licence=licence)
    if category:
        queryset = queryset.filter(
            Exists(
                Asset.categories.through.objects.filter(asset_id=OuterRef("pk")).filter(
                    Q(knowledgecategory__code=category) | Q(knowledgecategory__parent__code=category)
                )
            )
        )
    if cluster:
        queryset = queryset.filter(
            Exists(Asset.access_clusters.through.objects.filter(asset_id=OuterRef("pk"), cluster_id=cluster))
            | Exists(Asset.review_clusters.through.objects.filter(asset_id=OuterRef("pk"), cluster_id=cluster))
        )
    if date_from:
        queryset = queryset.filter(published_at__date__gte=date_from)
    if date_to:
        queryset = queryset.filter(published_at__date__lte=date_to)
    return queryset


def search_query(query: str) -> SearchQuery:
    return SearchQuery(segment(query), config=CONFIG, search_type="plain")


def _more_ids(candidates: QuerySet[Asset], ids: list[int], count: int) -> list[int]:
    """Up to ``count`` more candidate ids, not already in ``ids``."""
    if ids:
        candidates = candidates.extra(where=["NOT (knowledge_asset.id = ANY(%s))"], params=[ids])
    return list(candidates.values_list("pk", flat=True)[:count])


@replica_reads  # the heaviest read of the platform; a result a second behind the primary is fine
def asset_search(
    *,
    user: Any,
    firm: Any,
    query: str = "",
    kind: str = "",
    category: str = "",
    cluster: str | int = "",
    licence: str = "",
    date_from: date | None = None,
    date_to: date | None = None,
    limit: int = 20,
    offset: int = 0,
    facets: bool = True,
) -> SearchResults:
    """Visible assets matching the query, best first, with snippets and facet counts.

    Counts and facets are computed over the same visible, filtered set as the results, so a
    search can never reveal that an invisible asset exists.
    """
    queryset = _apply_filters(
        assets_visible_to(user=user, firm=firm),
        kind=kind,
        category=category,
        cluster=cluster,
        licence=licence,
        date_from=date_from,
        date_to=date_to,
    ).order_by()
    query = (query or "").strip()[:200]
    cap = getattr(settings, "ASSET_SEARCH_CANDIDATES", 500)
    # Candidates first: the visible matches, at most ``cap`` of them (the newest when browsing), so the
    # cost of ranking, counting and faceting is bounded however common the word is.
    crosslingual = bool(query) and getattr(settings, "SEARCH_CROSSLINGUAL", True)
    if query:
        own_language = search_query(query)
        # Cross-lingual: each word or its translation (knowledge/crosslingual.py); the plain query stays inside.
        across = crosslingual_search_query(query) if crosslingual else None
        tsquery = own_language | across if across is not None else own_language
        # Candidates in tiers, each only while the ones before leave room under the cap. First the plain
        # query's matches: exactly the candidates of a search without translation, so a common word's
        # own-language results are never crowded out. Then whole matches through a translation: the
        # bilingual vector holds the asset's words and their translations (the asset's side), which the
        # query or its translation (the query's side) may meet.
        tiers = [queryset.filter(search_vector=own_language)]
        if crosslingual:
            tiers.append(queryset.filter(search_vector_bilingual=tsquery))
    else:
        tsquery = None
        tiers = [queryset.order_by("-published_at", "-id")]
    ids: list[int] = []
    for tier in tiers:
        if len(ids) <= cap:
            ids += _more_ids(tier, ids, cap + 1 - len(ids))
    # A threshold of its own rather than this page's end, so that every page of a search counts the same.
    few = min(getattr(settings, "SEARCH_RELAXED_BELOW", 20), cap + 1)
    relax = crosslingual and getattr(settings, "SEARCH_RELAXED", True) and len(ids) < few
    relaxed = crosslingual_relaxed_query(query) if relax else None
    if relaxed is not None:
        # Less than a page matched the whole query: the results go on with assets that match all of its
        # words but one, in either language, after every whole match.
        ids += _more_ids(queryset.filter(search_vector_bilingual=relaxed), ids, cap + 1 - len(ids))
    capped = len(ids) > cap
    ids = ids[:cap]
    # One array parameter rather than a thousand placeholders.
    scoped = Asset.objects.extra(where=["knowledge_asset.id = ANY(%s)"], params=[ids])
    if tsquery is not None:
        ranked_by = tsquery | relaxed if relaxed is not None else tsquery
        scoped = scoped.annotate(
            own_language=ExpressionWrapper(Q(search_vector=own_language), output_field=BooleanField()),
            whole=ExpressionWrapper(
                Q(search_vector=own_language) | Q(search_vector_bilingual=tsquery)
                if crosslingual
                else Q(search_vector=tsquery),
                output_field=BooleanField(),
            ),
            # Own-language matches rank exactly as a search without translation ranks them: by the plain query.
            rank=Case(
                When(
                    Q(search_vector=own_language), then=SearchRank(F("search_vector"), own_language, normalization=32)
                ),
                default=SearchRank(F("search_vector_bilingual"), ranked_by, normalization=32),
            ),
        )
        # Matches in the query's language first, then whole matches through a translation, then the rest.
        ordering = ["-own_language", "-whole", "-rank", "-published_at", "-id"]
    else:
        ordering = ["-published_at", "-created_at", "-id"]
    page = list(scoped.order_by(*ordering)[offset : offset + limit]) if ids else []
    facet_rows = _facets(ids) if facets and ids else {"kind": [], "licence": [], "category": []}
    snippets = headlines([a.pk for a in page], query, also=expanded_tsquery(query)) if query and page else {}
    for asset in page:
        asset.snippet = snippets.get(asset.pk, "")
        asset.matched_across = not getattr(asset, "own_language", True)  # found only through a translation
        asset.matched_partly = not getattr(asset, "whole", True)  # one of the query's words is missing
    return SearchResults(results=page, total=len(ids), facets=facet_rows if facets else {}, capped=capped)


@lru_cache(maxsize=1)
def _category_names() -> dict[str, tuple[str, str]]:
    """The taxonomy is shipped data that changes only with a deploy: read it once per process."""
    return {code: (zh, en) for code, zh, en in KnowledgeCategory.objects.values_list("code", "name_zh", "name_en")}


def _facets(ids: list[int]) -> dict[str, list[dict[str, Any]]]:
    """The kind, licence and category facets of the candidate set, in one statement."""
    with read_connection().cursor() as cursor:
        cursor.execute(
            """
            WITH m AS MATERIALIZED (SELECT id, kind, licence FROM knowledge_asset WHERE id = ANY(%s))
            SELECT 'kind', kind, COUNT(*) FROM m GROUP BY kind
            UNION ALL SELECT 'licence', licence, COUNT(*) FROM m GROUP BY licence
            UNION ALL SELECT 'category', c.code, COUNT(*) FROM knowledge_asset_categories ac
              JOIN knowledge_knowledgecategory c ON c.id = ac.knowledgecategory_id
              WHERE ac.asset_id = ANY(%s)
              GROUP BY c.code
            """,
            [ids, ids],
        )
        rows = cursor.fetchall()
    facets: dict[str, list[dict[str, Any]]] = {"kind": [], "licence": [], "category": []}
    for facet, value, count in rows:
        facets[facet].append({"code" if facet == "category" else facet: value, "count": count})
    for rows_ in facets.values():
        rows_.sort(key=lambda row: (-row["count"], str(next(iter(row.values())))))
    facets["category"] = facets["category"][:30]
    names = _category_names()
    for row in facets["category"]:
        zh, en = names.get(row["code"], (row["code"], row["code"]))
        row["name"] = localized(zh, en)
    return facets


def asset_search_icontains(*, user: Any, firm: Any, query: str, limit: int = 20) -> list[Asset]:
    """The naive search the benchmark compares against (never used by a page)."""
    queryset = assets_visible_to(user=user, firm=firm).filter(
        Q(title_zh__icontains=query)
        | Q(title_en__icontains=query)
        | Q(summary_zh__icontains=query)
        | Q(summary_en__icontains=query)
        | Q(body__icontains=query)
    )
    page = list(queryset.order_by("-published_at", "-id")[:limit])
    queryset.count()
    return page


# Moderation -----------------------------------------------------------------------------------


def moderation_queue(*, user: Any) -> QuerySet[Asset]:
    """Pending assets, published ones not yet reviewed (review-after clusters) and reported ones,
    for the clusters the person moderates (every one for administrators)."""
    user = _user(user)
    if user is None:
        return Asset.objects.none()
    open_reports = Exists(Report.objects.filter(asset=OuterRef("pk"), resolved_at__isnull=True))
    waiting_version = Exists(AssetVersion.objects.filter(asset=OuterRef("pk"), review_pending=True))
    queue = Q(status=AssetStatus.PENDING) | (
        Q(status=AssetStatus.PUBLISHED) & (Q(reviewed_at__isnull=True) | open_reports | waiting_version)
    )
    queryset = Asset.objects.filter(queue).exclude(access_level=AccessLevel.PRIVATE)
    if not user.is_platform_admin:
        moderated = moderated_cluster_ids(user=user)
        if not moderated:
            return Asset.objects.none()
        queryset = queryset.filter(
            Exists(Asset.review_clusters.through.objects.filter(asset_id=OuterRef("pk"), cluster_id__in=moderated))
        )
    own_firm = Exists(AssetOwnership.objects.filter(asset=OuterRef("pk"), firm__members__user=user))
    reports = Prefetch(
        "reports",
        queryset=Report.objects.filter(resolved_at__isnull=True).order_by("created_at"),
        to_attr="open_report_rows",
    )
    return (
        queryset.annotate(open_reports=Count("reports", filter=Q(reports__resolved_at__isnull=True)), own_firm=own_firm)
        .prefetch_related(reports)
        .order_by("created_at", "id")
    )


def may_moderate(*, user: Any, asset: Asset) -> bool:
    """Whether the person moderates the asset (a cluster reviewing it, or the platform). Deciding also
    needs ``moderates_own_firm`` to be false: nobody decides on their own firm's asset."""
    user = _user(user)
    if user is None:
        return False
    if user.is_platform_admin:
        return True
    return remembered(
        ("knowledge.may_moderate", user.pk, asset.pk),
        lambda: Cluster.objects.filter(reviewed_assets=asset, moderators=user).exists(),
    )


def moderates_own_firm(*, user: Any, asset: Asset) -> bool:
    """Whether the person belongs to a firm that owns the asset: then another moderator decides."""
    user = _user(user)
    return user is not None and remembered(
        ("knowledge.moderates_own_firm", user.pk, asset.pk),
        lambda: AssetOwnership.objects.filter(asset=asset, firm__members__user=user).exists(),
    )


# Owners: statistics and requests ----------------------------------------------------------------


def asset_use_statistics(*, asset: Asset) -> dict[str, Any]:
    """Uses by firms other than the owners: totals per kind, distinct firms, and a daily series."""
    owners = owner_firm_ids(asset=asset)
    uses = UseEvent.objects.filter(asset=asset).exclude(firm_id__in=owners)
    counts = uses.aggregate(
        firms=Count("firm_id", distinct=True), **{kind: Count("id", filter=Q(kind=kind)) for kind in UseKind.values}
    )
    firms = counts.pop("firms")
    by_kind = {kind: count for kind, count in counts.items() if count}
    daily = list(uses.values("day").annotate(count=Count("id")).order_by("-day")[:60])
    recent = list(uses.select_related("firm").order_by("-occurred_at")[:20])
    return {
        "by_kind": by_kind,
        "total": sum(by_kind.values()),
        "firms": firms,
        "daily": daily,
        "recent": recent,
    }


def requests_for_owner(*, firm: Any) -> dict[str, QuerySet[Any]]:
    """Pending access and licence requests on the firm's assets; none without an acting firm."""
    firm_id = firm_id_of(firm)
    if firm_id is None:  # a NULL filter across the join would match assets without owners
        return {"access": AccessRequest.objects.none(), "licence": LicenceRequest.objects.none()}
    access = AccessRequest.objects.filter(asset__ownerships__firm_id=firm_id, status=RequestStatus.PENDING)
    licences = LicenceRequest.objects.filter(asset__ownerships__firm_id=firm_id, status=RequestStatus.PENDING)
    return {
        "access": access.select_related("asset", "firm"),
        "licence": licences.select_related("asset", "firm"),
    }


def coownership_pending_for_owners(*, asset: Asset, firm: Any) -> list[CoOwnershipRequest]:
    """The firms asked to co-own the asset and not yet decided, for its owners' eyes only."""
    if not is_owner(firm=firm, asset=asset):
        return []
    return list(asset.coownership_requests.filter(status=CoOwnershipStatus.PENDING).select_related("firm"))


def coownership_requests_for(*, firm: Any) -> dict[str, QuerySet[CoOwnershipRequest]]:
    """Pending co-ownership requests naming the firm (``incoming``) and those it sent (``outgoing``)."""
    firm_id = firm_id_of(firm)
    if firm_id is None:
        return {"incoming": CoOwnershipRequest.objects.none(), "outgoing": CoOwnershipRequest.objects.none()}
    pending = CoOwnershipRequest.objects.filter(status=CoOwnershipStatus.PENDING).select_related(
        "asset", "firm", "from_firm"
    )
    return {"incoming": pending.filter(firm_id=firm_id), "outgoing": pending.filter(from_firm_id=firm_id)}


def coownership_request_get(*, firm: Any, pk: int) -> CoOwnershipRequest | None:
    """A co-ownership request the acting firm is named in or sent; None for everyone else."""
    firm_id = firm_id_of(firm)
    if firm_id is None:
        return None
    return (
        CoOwnershipRequest.objects.filter(Q(firm_id=firm_id) | Q(from_firm_id=firm_id), pk=pk)
        .select_related("asset", "firm", "from_firm")
        .first()
    )


def asset_category_weights(*, asset_ids: list[int] | None = None) -> list[tuple[int, str, float]]:
    """(asset id, category code, weight) rows: equal shares over each asset's categories (rows sum to 1),
    the ``A`` matrix of the spillover model. Pass ``asset_ids`` to limit it; stream large sets in chunks."""
    where = "WHERE ac.asset_id = ANY(%s)" if asset_ids is not None else ""
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            SELECT ac.asset_id, c.code, 1.0 / COUNT(*) OVER (PARTITION BY ac.asset_id)
            FROM knowledge_asset_categories ac JOIN knowledge_knowledgecategory c ON c.id = ac.knowledgecategory_id
            {where} ORDER BY ac.asset_id, c.code
            """,  # noqa: S608 - a fixed clause
            [asset_ids] if asset_ids is not None else [],
        )
        return [(row[0], row[1], float(row[2])) for row in cursor.fetchall()]
