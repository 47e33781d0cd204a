"""The export holds every record of the firm (checked against the database) and nothing of another firm;
its manifest verifies; it expires after seven days; only owners and administrators may have it."""

from __future__ import annotations

import hashlib
import json
import threading
import zipfile
from datetime import timedelta
from typing import Any

import pytest
from django.db import connection
from django.utils import timezone

from clusters.models import ClusterMembership, MembershipEvent
from knowledge.models import AccessRequest, AssetOwnership, AssetVersion, LicenceRequest, UseEvent
from platform_.audit.models import AuditEntry
from platform_.errors import Conflict, NotAllowed
from platform_.identity.models import FirmMember
from platform_.locks import advisory_lock_try
from platform_.notifications.models import Notification
from portability import selectors, services
from portability.models import DataExport, ExportStatus
from projects.models import (
    ConflictDeclaration,
    Entry,
    EntryFile,
    Judge,
    Project,
    Question,
    Score,
    TermsAcceptance,
)
from tests.portability.world import World, build_world

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media_root")]


def built(world: World) -> tuple[DataExport, zipfile.ZipFile]:
    export = services.export_request(firm=world.firm, by=world.owner)
    export = services.export_build(export_id=export.pk)
    return export, zipfile.ZipFile(export.file.open("rb"))


def rows(archive: zipfile.ZipFile, name: str) -> Any:
    return json.loads(archive.read(name).decode("utf-8"))


def ids(items: list[dict[str, Any]]) -> set[int]:
    return {item["id"] for item in items}


def test_the_zip_holds_every_record_of_the_firm():
    world = build_world()
    firm = world.firm
    export, archive = built(world)

    assert rows(archive, "firm.json")[0]["credit_code"] == firm.credit_code
    people = rows(archive, "people.json")
    assert ids(people) == set(FirmMember.objects.filter(firm=firm).values_list("pk", flat=True))
    assert {p["email"] for p in people} == {world.owner.email, world.admin.email, world.member.email}

    memberships = rows(archive, "cluster_memberships.json")
    assert ids(memberships) == set(ClusterMembership.objects.filter(firm=firm).values_list("pk", flat=True))
    history = {e["id"] for m in memberships for e in m["history"]}
    assert history == set(MembershipEvent.objects.filter(membership__firm=firm).values_list("pk", flat=True))
    assert len(history) >= 4

    assets = rows(archive, "assets.json")
    assert ids(assets) == set(AssetOwnership.objects.filter(firm=firm).values_list("asset_id", flat=True))
    versions = AssetVersion.objects.filter(asset__ownerships__firm=firm)
    exported_versions = [v for a in assets for v in a["versions"]]
    assert {v["sha256"] for v in exported_versions} == set(versions.values_list("sha256", flat=True))
    assert len(exported_versions) == versions.count() == 3
    for version in exported_versions:  # the stored files themselves, byte for byte
        assert hashlib.sha256(archive.read(version["file"])).hexdigest() == version["sha256"]

    assert ids(rows(archive, "use_events_by_firm.json")) == set(
        UseEvent.objects.filter(firm=firm).values_list("pk", flat=True)
    )
    uses_of_ours = rows(archive, "use_events_of_assets.json")
    assert ids(uses_of_ours) == set(
        UseEvent.objects.filter(asset__ownerships__firm=firm).exclude(firm=firm).values_list("pk", flat=True)
    )
    assert uses_of_ours
    assert {u["firm"]["id"] for u in uses_of_ours} == {world.rival.pk}

    for name, model, made in (
        ("access_requests_made.json", AccessRequest, True),
        ("licence_requests_made.json", LicenceRequest, True),
        ("access_requests_received.json", AccessRequest, False),
        ("licence_requests_received.json", LicenceRequest, False),
    ):
        expected = model.objects.filter(firm=firm) if made else model.objects.filter(asset__ownerships__firm=firm)
        assert ids(rows(archive, name)) == set(expected.values_list("pk", flat=True)), name
    assert rows(archive, "licence_requests_received.json")
    assert rows(archive, "access_requests_made.json")

    assert ids(rows(archive, "projects.json")) == set(Project.objects.filter(sponsor=firm).values_list("pk", flat=True))

    assert ids(rows(archive, "terms_accepted.json")) == set(
        TermsAcceptance.objects.filter(firm=firm).values_list("pk", flat=True)
    )
    asked = rows(archive, "questions_asked.json")
    assert ids(asked) == set(Question.objects.filter(firm=firm).values_list("pk", flat=True))
    assert len(asked) == 1

    entries = rows(archive, "entries.json")
    ours = Entry.objects.filter(team__members__firm=firm)
    assert ids(entries) == set(ours.values_list("pk", flat=True))
    assert len(entries) == 1
    assert [v["number"] for v in entries[0]["versions"]] == [1, 2]
    entry_files = [f for v in entries[0]["versions"] for f in v["files"]]
    assert {f["sha256"] for f in entry_files} == set(
        EntryFile.objects.filter(version__entry__in=ours).values_list("sha256", flat=True)
    )
    for f in entry_files:
        assert hashlib.sha256(archive.read(f["file"])).hexdigest() == f["sha256"]

    judging = rows(archive, "judging.json")
    assert ids(judging) == set(Judge.objects.filter(user=world.admin).values_list("pk", flat=True))
    assert len([s for j in judging for s in j["scores"]]) == Score.objects.filter(judge__user=world.admin).count() > 0
    assert (
        len([d for j in judging for d in j["conflict_declarations"]])
        == (ConflictDeclaration.objects.filter(judge__user=world.admin).count())
        == 1
    )

    notifications = rows(archive, "notifications.json")
    # The licence request the rival made reaches our people; the judge appointment reaches our admin.
    about_ours = Notification.objects.filter(
        recipient__firm_memberships__firm=firm, data__asset_id=world.extra["public"].pk
    )
    assert about_ours.exists()
    assert set(about_ours.values_list("pk", flat=True)) <= ids(notifications)
    judge_added = Notification.objects.filter(recipient=world.admin, data__project=world.extra["judged"].pk)
    assert judge_added.exists()
    assert set(judge_added.values_list("pk", flat=True)) <= ids(notifications)
    # Our member hears, as a person of a third firm, of a request for that firm's asset: not ours.
    elsewhere = Notification.objects.filter(recipient=world.member, data__asset_id=world.extra["third_asset"].pk)
    assert elsewhere.exists()
    assert not set(elsewhere.values_list("pk", flat=True)) & ids(notifications)
    assert {n["recipient"] for n in notifications} <= {world.owner.email, world.admin.email, world.member.email}

    audit = rows(archive, "audit_entries.json")
    expected_audit = set(
        AuditEntry.objects.filter(firm_id=firm.pk, at__lte=export.created_at).values_list("pk", flat=True)
    )
    assert expected_audit
    assert expected_audit <= ids(audit)
    assert ids(audit) <= set(AuditEntry.objects.filter(firm_id=firm.pk).values_list("pk", flat=True))


def test_the_zip_holds_nothing_of_another_firm():
    world = build_world()
    _export, archive = built(world)
    text = "\n".join(archive.read(name).decode("utf-8") for name in archive.namelist() if name.endswith(".json"))

    assert world.rival_private.title_en not in text
    assert all(f"files/assets/{world.rival_private.pk}/" not in name for name in archive.namelist())
    assert world.rival_sealed.title not in text  # a competitor's sealed entry
    sealed_files = EntryFile.objects.filter(version__entry=world.rival_sealed)
    assert not any(archive.read(n) == b"rival design" for n in archive.namelist() if n.startswith("files/"))
    assert all(f["sha256"] not in text for f in sealed_files.values("sha256"))
    assert world.rival_owner.email not in text  # another firm's people, never
    assert "Rival question" not in text
    ours = FirmMember.objects.filter(firm=world.firm).values("user_id")
    others = FirmMember.objects.exclude(user_id__in=ours).select_related("user")
    assert others.count() >= 3
    assert all(m.user.email not in text for m in others)
    # The rival's use of its own asset is not ours to see.
    own_use = UseEvent.objects.get(firm=world.rival, asset__ownerships__firm=world.rival)
    assert own_use.pk not in ids(rows(archive, "use_events_of_assets.json"))


def test_the_manifest_lists_every_file_with_a_hash_that_verifies():
    world = build_world()
    export, archive = built(world)
    manifest = rows(archive, "manifest.json")
    listed = {item["path"]: item for item in manifest["files"]}
    assert set(listed) == set(archive.namelist()) - {"manifest.json"}
    for path, item in listed.items():
        data = archive.read(path)
        assert len(data) == item["size"]
        assert hashlib.sha256(data).hexdigest() == item["sha256"]
    with export.file.open("rb") as stored:
        assert hashlib.sha256(stored.read()).hexdigest() == export.sha256


def test_the_export_expires_after_seven_days_and_the_clean_up_deletes_the_file():
    world = build_world()
    export, _archive = built(world)
    assert export.expires_at is not None
    assert export.finished_at is not None
    assert export.expires_at - export.finished_at == timedelta(days=7)
    storage, name = export.file.storage, str(export.file.name)
    assert storage.exists(name)
    assert services.exports_expire() == 0  # not yet

    DataExport.objects.filter(pk=export.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    export.refresh_from_db()
    with pytest.raises(services.ExportExpired):
        services.export_download(export=export, by=world.owner)

    assert services.exports_expire() == 1
    export.refresh_from_db()
    assert export.status == ExportStatus.EXPIRED
    assert not export.file
    assert not storage.exists(name)
    assert services.exports_expire() == 0  # safe to run twice
    assert AuditEntry.objects.filter(action="portability.export_expired", target_id=str(export.pk)).exists()


def test_a_member_who_is_not_owner_or_admin_cannot_request_or_see_exports():
    world = build_world()
    with pytest.raises(NotAllowed):
        services.export_request(firm=world.firm, by=world.member)
    with pytest.raises(NotAllowed):
        services.export_request(firm=world.firm, by=world.rival_owner)
    export = services.export_request(firm=world.firm, by=world.admin)
    assert not selectors.exports_of(user=world.member, firm=world.firm).exists()
    assert selectors.export_get(user=world.admin, export_id=export.pk) == export
    assert AuditEntry.objects.filter(action="portability.export_requested", actor=world.admin).exists()


def test_a_second_request_while_one_is_built_is_refused():
    world = build_world()
    services.export_request(firm=world.firm, by=world.owner)
    with pytest.raises(Conflict):
        services.export_request(firm=world.firm, by=world.admin)


def test_a_second_build_of_the_same_export_is_refused_while_one_holds_its_lock():
    world = build_world()
    export = services.export_request(firm=world.firm, by=world.owner)
    # The lock is per session: a second connection, in a thread, stands for the other worker.
    held, release, done = threading.Event(), threading.Event(), threading.Event()

    def other_worker() -> None:
        try:
            with advisory_lock_try(f"portability-export:{export.pk}"):
                held.set()
                release.wait(10)
        finally:
            connection.close()
            done.set()

    thread = threading.Thread(target=other_worker)
    thread.start()
    try:
        assert held.wait(10)
        with pytest.raises(Conflict):
            services.export_build(export_id=export.pk)
    finally:
        release.set()
        thread.join(10)
    assert services.export_build(export_id=export.pk).status == ExportStatus.COMPLETE


def test_the_zip_holds_the_firms_appeals_ideas_proposals_and_contracts_and_none_of_anothers():
    from datetime import date
    from decimal import Decimal

    from django.core.files.base import ContentFile

    from projects.models import (
        Appeal,
        Contract,
        ContractMilestone,
        Idea,
        IdeaComment,
        IdeaCredit,
        MilestoneEvent,
        Proposal,
        ProposalMilestone,
        Team,
        TeamFirm,
    )
    from tests.projects.factories import ProjectFactory

    world = build_world()
    firm, owner, rival, rival_owner = world.firm, world.owner, world.rival, world.rival_owner
    # An appeal of our entry in the contest, with an attachment; the rival's appeal is not ours.
    ours_entry = Entry.objects.get(project=world.extra["contest"], team__members__firm=firm)
    appeal = Appeal(project=ours_entry.project, entry=ours_entry, filed_by=owner, reason="Criterion 2 misread")
    appeal.attachment.save("evidence.txt", ContentFile(b"our evidence"), save=False)
    appeal.attachment_sha256 = hashlib.sha256(b"our evidence").hexdigest()
    appeal.save()
    Appeal.objects.create(project=world.rival_sealed.project, entry=world.rival_sealed, reason="Rival appeal text")

    # Ideation: our idea merged into the rival's (we keep a credit), our comment on a third idea of the rival.
    ideation = ProjectFactory.create(kind="ideation", title="Ideas for looms")
    our_idea = Idea.objects.create(project=ideation, firm=firm, author=owner, title="Our idea", text="Our idea text")
    theirs = Idea.objects.create(
        project=ideation, firm=rival, author=rival_owner, title="Their idea", text="Rival idea text"
    )
    Idea.objects.filter(pk=our_idea.pk).update(merged_into=theirs, merged_at=timezone.now())
    IdeaCredit.objects.create(idea=theirs, firm=firm, user=owner, via=our_idea)
    other = Idea.objects.create(project=ideation, firm=rival, author=rival_owner, title="Other", text="Other text")
    IdeaComment.objects.create(idea=other, firm=firm, author=world.member, text="Our comment")
    IdeaComment.objects.create(idea=other, firm=rival, author=rival_owner, text="Rival comment")

    # An RFP: our proposal is selected and becomes a contract; the rival's proposal stays sealed.
    rfp = ProjectFactory.create(kind="rfp", title="Frames RFP")
    teams = {}
    for each, by in ((firm, owner), (rival, rival_owner)):
        team = Team.objects.create(project=rfp, name=f"Team {each.pk}", lead=each, created_by=by)
        TeamFirm.objects.create(project=rfp, team=team, firm=each, share=Decimal(1))
        teams[each.pk] = team
    ours_proposal = Proposal.objects.create(
        project=rfp, team=teams[firm.pk], summary="Our approach", price=Decimal("90000"), delivery_days=30,
        submitted_by=owner, selected_at=timezone.now(),
    )  # fmt: skip
    ProposalMilestone.objects.create(
        proposal=ours_proposal, position=1, title="Prototype", amount=Decimal("30000"), due_days=10
    )
    Proposal.objects.create(
        project=rfp, team=teams[rival.pk], summary="Rival approach", price=Decimal("80000"), delivery_days=20
    )
    contract = Contract.objects.create(
        project=rfp, proposal=ours_proposal, supplier=teams[firm.pk], price=Decimal("90000"), delivery_days=30
    )
    milestone = ContractMilestone.objects.create(
        contract=contract, position=1, title="Prototype", amount=Decimal("30000"), due_date=date(2027, 1, 15)
    )
    MilestoneEvent.objects.create(milestone=milestone, action="submit", note="Delivered", actor=owner)

    _export, archive = built(world)
    appeals = rows(archive, "appeals.json")
    assert ids(appeals) == {appeal.pk}
    assert appeals[0]["filed_by"] == owner.email
    assert archive.read(appeals[0]["attachment"]) == b"our evidence"
    ideas = {row["id"]: row for row in rows(archive, "ideas.json")}
    assert set(ideas) == {our_idea.pk, theirs.pk, other.pk}
    assert ideas[our_idea.pk]["text"] == "Our idea text"
    assert ideas[our_idea.pk]["merged_into"] == theirs.pk
    assert ideas[theirs.pk]["title"] == "Their idea"
    assert ideas[theirs.pk]["text"] == ""  # credited on it, but its text is the rival's
    assert [c["text"] for c in ideas[other.pk]["our_comments"]] == ["Our comment"]
    proposals = rows(archive, "proposals.json")
    assert ids(proposals) == {ours_proposal.pk}
    assert proposals[0]["milestones"][0]["title"] == "Prototype"
    contracts = rows(archive, "contracts.json")
    assert ids(contracts) == {contract.pk}
    assert contracts[0]["role"] == "supplier"
    assert contracts[0]["milestones"][0]["events"][0]["note"] == "Delivered"
    text = "\n".join(archive.read(name).decode("utf-8") for name in archive.namelist() if name.endswith(".json"))
    for secret in ("Rival appeal text", "Rival idea text", "Other text", "Rival comment", "Rival approach"):
        assert secret not in text
    assert rival_owner.email not in text
