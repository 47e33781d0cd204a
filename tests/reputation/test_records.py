"""Track records of firms and people: challenges entered and won, judging, assets shared, and where
they are shown (a firm's page, a person's page, partner suggestions) with their reasons."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from knowledge.models import AccessLevel, UseKind
from knowledge.services import use_record
from projects import services as projects
from reputation.selectors import firm_track_record, person_track_record
from tests.factories import CapabilityFactory, FirmFactory, firm_with_owner, person_in
from tests.knowledge.factories import make_asset
from tests.projects.factories import judging, open_project, solver, upload

pytestmark = pytest.mark.django_db


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_sealed_entries_do_not_count_until_the_project_closes() -> None:
    project, _sponsor = open_project()
    firm, owner = solver(project)
    projects.entry_submit(project=project, by=owner, firm=firm, files=[upload(b"%PDF-1.4 x")], title="X")
    assert firm_track_record(firm=firm).entries == 0
    assert person_track_record(user=owner).entries == 0


def test_entries_wins_and_judging_count_once_the_results_are_out() -> None:
    data = judging(count=2)
    project, sponsor, judge = data["project"], data["sponsor"], data["judge"]
    (winner_firm, winner_owner), (other_firm, _other_owner) = data["solvers"]
    entries = list(project.entries.order_by("pk"))
    values = {criterion.pk: criterion.scale_max for criterion in project.criteria.all()}
    for entry in entries:
        projects.score_submit(project=project, by=judge, entry=entry, values=values)
    assert person_track_record(user=judge).judged == 0  # the panel has not closed
    projects.panel_close(project=project, by=sponsor)
    winner_entry = next(e for e in entries if e.team.lead_id == winner_firm.pk)
    projects.project_award(project=project, by=sponsor, winners=[winner_entry])

    won = firm_track_record(firm=winner_firm)
    assert (won.entries, won.wins) == (1, 1)
    lost = firm_track_record(firm=other_firm)
    assert (lost.entries, lost.wins) == (1, 0)
    assert won.score > lost.score
    assert person_track_record(user=winner_owner).wins == 1
    assert person_track_record(user=judge).judged == 1


def test_private_assets_are_not_counted_as_shared() -> None:
    firm, owner = firm_with_owner()
    make_asset(firm=firm, by=owner)
    make_asset(firm=firm, by=owner, access_level=AccessLevel.PRIVATE)
    make_asset(firm=firm, by=owner, publish=False)
    assert firm_track_record(firm=firm).assets_shared == 1
    assert person_track_record(user=owner).assets_shared == 1


def test_the_person_who_wrote_an_asset_gets_its_reuse() -> None:
    firm, owner = firm_with_owner()
    author = person_in(firm)
    asset = make_asset(firm=firm, by=author)
    other, other_owner = firm_with_owner()
    use_record(firm=other, user=other_owner, asset=asset, kind=UseKind.DERIVATION)
    use_record(firm=firm, user=owner, asset=asset, kind=UseKind.LICENCE, at=timezone.now() - timedelta(days=1))
    record = person_track_record(user=author)
    assert (record.reusing_firms, record.derivations, record.licences, record.own_uses_ignored) == (1, 1, 0, 1)
    assert record.reuse_credit > 0
    assert person_track_record(user=owner).reuse_credit == 0


def test_the_firm_page_shows_the_record_and_explains_it() -> None:
    firm, owner = firm_with_owner()
    asset = make_asset(firm=firm, by=owner)
    other, other_owner = firm_with_owner()
    use_record(firm=other, user=other_owner, asset=asset, kind=UseKind.CITATION)
    use_record(firm=firm, user=owner, asset=asset, kind=UseKind.CITATION)
    page = _client(other_owner).get(firm.get_absolute_url()).content.decode()
    assert 'data-testid="firm-track-record"' in page
    assert "Reused by 1 other firm" in page or "被 1 家其他企业复用" in page
    assert "1 uses by the owners themselves count nothing" in page or "所有方自己的 1 次使用不计分" in page


def test_a_person_s_record_is_for_themselves_and_their_colleagues_only() -> None:
    firm, owner = firm_with_owner()
    colleague = person_in(firm)
    _elsewhere, stranger = firm_with_owner()
    url = reverse("reputation:person", args=[owner.pk])
    assert _client(owner).get(url).status_code == 200
    assert _client(colleague).get(url).status_code == 200
    assert _client(stranger).get(url).status_code == 404
    assert Client().get(url).status_code == 302  # to the sign-in page


def test_how_the_score_is_made_is_public() -> None:
    response = Client().get(reverse("reputation:how"))
    assert response.status_code == 200


def test_partner_suggestions_rank_a_proven_record_higher_and_say_why() -> None:
    need = CapabilityFactory.create(code="test.need")
    seeker, seeker_owner = firm_with_owner(needs=[need])
    plain = FirmFactory.create(name_en="Plain", capabilities=[need])
    proven = FirmFactory.create(name_en="Proven", capabilities=[need])
    proven_owner = person_in(proven)
    asset = make_asset(firm=proven, by=proven_owner)
    for _ in range(3):
        user_firm, user_owner = firm_with_owner()
        use_record(firm=user_firm, user=user_owner, asset=asset, kind=UseKind.LICENCE)
    from clusters.matching import partners_suggest

    suggestions = partners_suggest(firm=seeker)
    assert [s.firm for s in suggestions][:2] == [proven, plain]
    assert suggestions[0].reasons
    assert suggestions[1].reasons == []
    page = _client(seeker_owner).get(reverse("clusters:partners")).content.decode()
    assert 'data-testid="suggestion-reasons"' in page


def test_the_firm_page_s_queries_do_not_grow_with_reuse(django_assert_max_num_queries: Any) -> None:
    firm, owner = firm_with_owner()
    asset = make_asset(firm=firm, by=owner)
    viewer_firm, viewer = firm_with_owner()
    use_record(firm=viewer_firm, user=viewer, asset=asset, kind=UseKind.CITATION)
    client = _client(viewer)
    client.get(firm.get_absolute_url())  # warm the per-process caches

    def count() -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        client.get(firm.get_absolute_url())  # the ledger is built again once after new reuse, then shared
        with CaptureQueriesContext(connection) as queries:
            assert client.get(firm.get_absolute_url()).status_code == 200
        return len(queries)

    few = count()
    for _ in range(6):
        user_firm, user_owner = firm_with_owner()
        use_record(firm=user_firm, user=user_owner, asset=asset, kind=UseKind.LICENCE)
        make_asset(firm=firm, by=owner)
    assert count() == few
    with django_assert_max_num_queries(few):
        client.get(firm.get_absolute_url())


def test_the_ledger_is_built_again_when_a_counted_use_arrives_and_not_for_a_view() -> None:
    from reputation.ledger import ledger_current

    firm, owner = firm_with_owner()
    asset = make_asset(firm=firm, by=owner)
    user_firm, user_owner = firm_with_owner()
    before = ledger_current()
    use_record(firm=user_firm, user=user_owner, asset=asset, kind=UseKind.VIEW)
    assert ledger_current() is before  # views earn nothing: the same ledger serves
    use_record(firm=user_firm, user=user_owner, asset=asset, kind=UseKind.CITATION)
    after = ledger_current()
    assert after is not before
    assert after.firm_credit[firm.pk] > 0
