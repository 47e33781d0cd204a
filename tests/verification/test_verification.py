"""Firms are unverified until a provider verifies them; the state shows on every surface and gates sponsoring."""

from __future__ import annotations

import http.server
import json
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from agencies import services as agencies
from agencies.models import AgencyKind
from clusters.models import ClusterStatus
from platform_.audit.models import AuditEntry
from platform_.errors import Conflict, DomainError, NotAllowed
from platform_.identity.models import Firm, FirmVerification
from projects import services as projects
from projects.models import ProjectStatus
from tests.api.factories import bearer, issue_key
from tests.factories import ClusterFactory, MembershipFactory, UserFactory, firm_with_owner
from tests.projects.factories import CriterionFactory, ProjectFactory

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
UNVERIFIED = 'data-testid="firm-unverified"'


def _unverified(**fields: Any) -> tuple[Firm, Any]:
    return firm_with_owner(verification=FirmVerification.UNVERIFIED, verified_at=None, **fields)


def _licence() -> SimpleUploadedFile:
    return SimpleUploadedFile("licence.pdf", PDF, content_type="application/pdf")


def test_a_firm_registered_through_the_service_starts_unverified(client: Any) -> None:
    owner = UserFactory.create()
    client.force_login(owner)
    from platform_.identity.services import firm_create
    from tests.factories import any_sector, make_credit_code

    firm = firm_create(by=owner, credit_code=make_credit_code(987654), province="33", city="杭州", name_zh="新企业",
                       sectors=[any_sector()])  # fmt: skip
    assert firm.verification == FirmVerification.UNVERIFIED
    assert not firm.is_verified


def test_manual_review_an_administrator_reads_the_licence_and_verifies_in_the_browser(client: Any) -> None:
    firm, owner = _unverified()
    admin = UserFactory.create(is_staff=True)
    client.force_login(owner)
    response = client.post(
        reverse("verification:firm", args=[firm.pk]), {"legal_representative": "张伟", "licence": _licence()}
    )
    assert response.status_code == 302
    firm.refresh_from_db()
    assert firm.verification == FirmVerification.PENDING
    assert admin.notifications.filter(kind="firm.verification_request").exists()

    client.force_login(admin)
    queue = client.get(reverse("verification:review")).text
    assert firm.credit_code in queue
    assert "张伟" in queue
    request_id = firm.verification_requests.get().pk
    licence = client.get(reverse("verification:licence", args=[request_id]))
    assert licence.status_code == 200
    assert licence["Content-Type"] == "application/pdf"
    assert b"".join(licence.streaming_content) == PDF
    client.post(reverse("verification:review"), {"request": request_id, "approve": "on"})
    firm.refresh_from_db()
    assert firm.verification == FirmVerification.VERIFIED
    assert firm.verified_at is not None
    assert AuditEntry.objects.filter(action="firm.verify", firm_id=firm.pk).exists()
    assert owner.notifications.filter(kind="firm.verification").exists()


def test_only_administrators_review_and_only_the_firms_managers_or_administrators_open_the_licence(
    client: Any,
) -> None:
    firm, owner = _unverified()
    client.force_login(owner)
    client.post(reverse("verification:firm", args=[firm.pk]), {"legal_representative": "张伟", "licence": _licence()})
    request_id = firm.verification_requests.get().pk
    stranger = UserFactory.create()
    client.force_login(stranger)
    assert client.get(reverse("verification:review")).status_code == 403
    assert client.get(reverse("verification:licence", args=[request_id])).status_code == 404
    assert client.get(reverse("verification:firm", args=[firm.pk])).status_code == 404
    from platform_.verification import services
    from platform_.verification.models import VerificationRequest

    with pytest.raises(NotAllowed):
        services.verification_decide(request=VerificationRequest.objects.get(), by=owner, approve=True)


def test_a_refusal_needs_a_reason_and_the_firm_may_ask_again() -> None:
    from platform_.verification import services

    firm, owner = _unverified()
    admin = UserFactory.create(is_staff=True)
    request = services.verification_submit(firm=firm, by=owner, legal_representative="张伟", licence=_licence())
    with pytest.raises(DomainError):
        services.verification_decide(request=request, by=admin, approve=False)
    services.verification_decide(request=request, by=admin, approve=False, reason="The licence is illegible.")
    firm.refresh_from_db()
    assert firm.verification == FirmVerification.REJECTED
    services.verification_submit(firm=firm, by=owner, legal_representative="张伟", licence=_licence())
    firm.refresh_from_db()
    assert firm.verification == FirmVerification.PENDING


def test_a_licence_that_is_not_a_pdf_or_photo_is_refused(client: Any) -> None:
    firm, owner = _unverified()
    client.force_login(owner)
    fake = SimpleUploadedFile("licence.pdf", b"<html><script>alert(1)</script>", content_type="application/pdf")
    response = client.post(
        reverse("verification:firm", args=[firm.pk]), {"legal_representative": "张伟", "licence": fake}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["licence"]
    firm.refresh_from_db()
    assert firm.verification == FirmVerification.UNVERIFIED


@pytest.fixture
def registry() -> Iterator[dict[str, Any]]:
    """A local stand-in of a registry service: matches when the legal representative is 张伟."""
    seen: dict[str, Any] = {"requests": []}

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            seen["requests"].append({"body": body, "authorization": self.headers["Authorization"]})
            match = body["legal_representative"] == "张伟"
            answer = {"match": match, "reason": "" if match else "Legal representative differs.", "reference": "R-1"}
            data = json.dumps(answer).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    seen["url"] = f"http://127.0.0.1:{server.server_address[1]}/verify"
    yield seen
    server.shutdown()


def test_the_registry_provider_checks_name_credit_code_and_legal_representative(registry: dict[str, Any]) -> None:
    from platform_.verification import services

    firm, owner = _unverified()
    other, other_owner = _unverified()
    with override_settings(
        FIRM_VERIFICATION_PROVIDER="registry",
        FIRM_VERIFICATION_SERVICE_URL=registry["url"],
        FIRM_VERIFICATION_SERVICE_KEY="k-123",
    ):
        services.verification_submit(firm=firm, by=owner, legal_representative="张伟")
        services.verification_submit(firm=other, by=other_owner, legal_representative="李四")
    firm.refresh_from_db()
    other.refresh_from_db()
    assert firm.verification == FirmVerification.VERIFIED
    assert other.verification == FirmVerification.REJECTED
    first = registry["requests"][0]
    assert first["body"] == {"name": firm.name_zh, "credit_code": firm.credit_code, "legal_representative": "张伟"}
    assert first["authorization"] == "Bearer k-123"
    assert other.verification_requests.get().reason == "Legal representative differs."


def test_every_surface_marks_an_unverified_firm_and_not_a_verified_one(client: Any) -> None:
    firm, owner = _unverified()
    verified, verified_owner = firm_with_owner()
    cluster = ClusterFactory.create()
    for member in (firm, verified):
        MembershipFactory.create(cluster=cluster, firm=member)
    project = ProjectFactory.create(sponsor=firm, award_amount=None, award_other="A trophy", status=ProjectStatus.OPEN)
    client.force_login(verified_owner)
    # The firm's own page.
    assert UNVERIFIED in client.get(firm.get_absolute_url()).text
    assert UNVERIFIED not in client.get(verified.get_absolute_url()).text
    # A cluster's members.
    members = client.get(cluster.get_absolute_url()).text
    assert members.count(UNVERIFIED) == 1
    # A project's sponsor, on its page and in the list.
    assert UNVERIFIED in client.get(reverse("projects:detail", args=[project.pk])).text
    assert UNVERIFIED in client.get(reverse("projects:index")).text
    # The API: firms, their briefs in other resources, and projects' sponsors.
    token = issue_key(firm=verified, by=verified_owner).token
    body = client.get(f"/api/v1/firms/{firm.pk}/", **bearer(token)).json()
    assert body["verification"] == "unverified"
    assert client.get(f"/api/v1/firms/{verified.pk}/", **bearer(token)).json()["verification"] == "verified"
    listed = client.get(f"/api/v1/projects/{project.pk}/", **bearer(token)).json()
    assert listed["sponsor"]["verification"] == "unverified"
    # The owner's home page names their own firm as unverified.
    client.force_login(owner)
    assert UNVERIFIED in client.get("/").text


def test_an_unverified_firm_cannot_open_a_challenge_with_a_money_award() -> None:
    firm, owner = _unverified()
    paid = ProjectFactory.create(sponsor=firm, created_by=owner)
    CriterionFactory.create(project=paid)
    with pytest.raises(DomainError):
        projects.project_transition(project=paid, action="publish", by=owner)
    unpaid = ProjectFactory.create(sponsor=firm, created_by=owner, award_amount=None, award_other="A trophy")
    CriterionFactory.create(project=unpaid)
    projects.project_transition(project=unpaid, action="publish", by=owner)
    Firm.objects.filter(pk=firm.pk).update(verification=FirmVerification.VERIFIED, verified_at=timezone.now())
    paid.refresh_from_db()
    projects.project_transition(project=paid, action="publish", by=owner)
    paid.refresh_from_db()
    assert paid.status == ProjectStatus.OPEN


def test_an_agency_cannot_endorse_a_cluster_organised_by_an_unverified_firm() -> None:
    firm, _owner = _unverified(province="33", city="杭州")
    cluster = ClusterFactory.create(home_province="33", proposed_by=firm, status=ClusterStatus.APPROVED)
    for _ in range(3):
        MembershipFactory.create(cluster=cluster, firm=firm_with_owner(province="33", city="杭州")[0])
    admin = UserFactory.create(is_staff=True, is_superuser=True)
    officer = UserFactory.create()
    agency = agencies.agency_register(
        by=officer, name_zh="浙江省经信厅", kind=AgencyKind.PROVINCE, regions=[("33", "")]
    )
    agency = agencies.agency_decide(agency=agency, by=admin, approve=True)
    assert agency.firm is not None
    assert agency.firm.is_verified  # the agency's own firm identity is verified with the agency
    with pytest.raises(Conflict):
        agencies.endorsement_set(agency=agency, cluster=cluster, by=officer, endorse=True)
    Firm.objects.filter(pk=firm.pk).update(verification=FirmVerification.VERIFIED)
    cluster.refresh_from_db()
    assert agencies.endorsement_set(agency=agency, cluster=cluster, by=officer, endorse=True) is not None
