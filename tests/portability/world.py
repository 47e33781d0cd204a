"""A firm with records of every kind the export holds, and competitors with records it must not see."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from clusters import services as cluster_services
from knowledge import owner_requests
from knowledge import services as knowledge_services
from knowledge.models import AccessLevel, Asset
from platform_.identity.models import Firm, FirmMember, FirmRole, User
from projects import services as project_services
from projects.models import Entry
from tests.factories import ClusterFactory, FirmFactory, UserFactory, firm_with_owner, person_in
from tests.knowledge.factories import make_asset, text_file
from tests.projects.factories import CriterionFactory, ProjectFactory, open_project, pass_deadline, solver, upload


@dataclass
class World:
    firm: Firm
    owner: User
    admin: User
    member: User
    rival: Firm
    rival_owner: User
    rival_private: Asset
    rival_sealed: Entry
    extra: dict[str, Any]


def build_world() -> World:
    firm, owner = firm_with_owner(name_en="Our Looms")
    admin = person_in(firm, FirmRole.ADMIN)
    member = person_in(firm, FirmRole.MEMBER)
    rival, rival_owner = firm_with_owner(name_en="Rival Looms")
    moderator = UserFactory.create()

    # Cluster memberships with their history: one applied and approved, one applied and withdrawn.
    cluster = ClusterFactory.create(moderators=[moderator])
    applied = cluster_services.membership_apply(cluster=cluster, firm=firm, by=owner, message="Let us in")
    cluster_services.membership_transition(membership=applied, action="approve", by=moderator)
    other_cluster = ClusterFactory.create(moderators=[moderator])
    withdrawn = cluster_services.membership_apply(cluster=other_cluster, firm=firm, by=owner)
    cluster_services.membership_transition(membership=withdrawn, action="withdraw", by=owner)
    cluster_services.membership_apply(cluster=cluster, firm=rival, by=rival_owner)

    # Assets: a public one with two file versions, a private one with a file.
    public = make_asset(firm=firm, by=owner, title_en="Loom frame notes")
    knowledge_services.version_add(asset=public, by=owner, uploaded_file=text_file("frame.txt", b"frame v1"))
    knowledge_services.version_add(asset=public, by=owner, uploaded_file=text_file("frame.txt", b"frame v2"))
    private = make_asset(firm=firm, by=owner, title_en="Our secret", access_level=AccessLevel.PRIVATE)
    knowledge_services.version_add(asset=private, by=owner, uploaded_file=text_file("secret.txt", b"ours"))

    # The rival's assets: one private (never in the export), one public that we use, one restricted we ask for.
    rival_private = make_asset(firm=rival, by=rival_owner, title_en="Rival secret", access_level=AccessLevel.PRIVATE)
    knowledge_services.version_add(asset=rival_private, by=rival_owner, uploaded_file=text_file("r.txt", b"rival"))
    rival_public = make_asset(firm=rival, by=rival_owner, title_en="Rival public")
    rival_restricted = make_asset(
        firm=rival,
        by=rival_owner,
        title_en="Rival restricted",
        access_level=AccessLevel.FIRMS,
        access_firms=[FirmFactory.create()],
    )

    # Use events: ours of the rival's asset, the rival's of ours, and the rival using its own asset.
    now = timezone.now()
    knowledge_services.use_record(firm=firm, user=member, asset=rival_public, kind="view", at=now)
    knowledge_services.use_record(firm=rival, user=rival_owner, asset=public, kind="download", at=now)
    knowledge_services.use_record(firm=rival, user=rival_owner, asset=rival_public, kind="view", at=now)

    # Requests made and received.
    owner_requests.access_request_create(asset=rival_restricted, by=owner, firm=firm, message="May we?")
    owner_requests.licence_request_create(asset=rival_public, by=admin, firm=firm, message="Licence please")
    owner_requests.licence_request_create(asset=public, by=rival_owner, firm=rival, message="Yours please")

    # A project we sponsor.
    sponsored = ProjectFactory.create(sponsor=firm, created_by=owner, title="Our challenge")
    CriterionFactory.create(project=sponsored, name="Weight")
    project_services.project_transition(project=sponsored, action="publish", by=owner)

    # Our entry in someone else's open project, and the rival's sealed entry there.
    contest, _contest_sponsor = open_project()
    project_services.terms_accept(project=contest, by=owner, firm=firm)
    project_services.question_ask(project=contest, by=member, firm=firm, text="May the frame be steel?")
    project_services.entry_submit(
        project=contest, by=owner, firm=firm, files=[upload(b"our design v1", "ours.txt")], title="Our design"
    )
    project_services.entry_submit(
        project=contest, by=owner, firm=firm, files=[upload(b"our design v2", "ours.txt")], title="Our design"
    )
    project_services.terms_accept(project=contest, by=rival_owner, firm=rival)
    project_services.question_ask(project=contest, by=rival_owner, firm=rival, text="Rival question")
    rival_version = project_services.entry_submit(
        project=contest, by=rival_owner, firm=rival, files=[upload(b"rival design", "rival.txt")], title="Rival design"
    )

    # Our admin judges a third project: scores one entry, declares a conflict with another team.
    judged, judged_sponsor = open_project()
    solver_a, solver_a_owner = solver(judged)
    solver_b, solver_b_owner = solver(judged)
    for solver_firm, solver_owner in ((solver_a, solver_a_owner), (solver_b, solver_b_owner)):
        project_services.entry_submit(
            project=judged, by=solver_owner, firm=solver_firm, files=[upload(b"x", "x.txt")], title="Entry"
        )
    project_services.judge_add(project=judged, by=judged_sponsor, user=admin)
    pass_deadline(judged)
    project_services.projects_close_due()
    judged.refresh_from_db()
    project_services.project_transition(project=judged, action="start_judging", by=judged_sponsor)
    entries = list(Entry.objects.filter(project=judged).order_by("id"))
    criteria = list(judged.criteria.all())
    project_services.score_submit(
        project=judged, by=admin, entry=entries[0], values={c.pk: 3 for c in criteria}, comment="Solid"
    )
    project_services.conflict_declare(project=judged, by=admin, team=entries[1].team, reason="Former employer")

    # Our member is also a person of a third firm: what that firm hears of is not ours.
    third, third_owner = firm_with_owner(name_en="Third Looms")
    FirmMember.objects.create(firm=third, user=member, role=FirmRole.ADMIN)
    third_asset = make_asset(firm=third, by=third_owner, title_en="Third asset")
    owner_requests.licence_request_create(asset=third_asset, by=rival_owner, firm=rival, message="Third please")
    return World(
        firm=firm,
        owner=owner,
        admin=admin,
        member=member,
        rival=rival,
        rival_owner=rival_owner,
        rival_private=rival_private,
        rival_sealed=rival_version.entry,
        extra={
            "third_asset": third_asset,
            "public": public,
            "private": private,
            "contest": contest,
            "judged": judged,
            "sponsored": sponsored,
        },
    )
