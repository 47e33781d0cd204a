"""Signed IP transfers: the local provider's flow to completion, one side only, who may sign and see,
the API and pages, and the e签宝 v3 adapter against a local stand-in that checks its request signature."""

from __future__ import annotations

import base64
import hashlib
import hmac
import io
import json
import threading
import urllib.parse
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, cast

import pytest
from django.http import StreamingHttpResponse
from pypdf import PdfReader

from platform_.audit.models import AuditEntry
from platform_.errors import Conflict, DomainError, NotAllowed
from platform_.notifications.models import Notification
from projects import services
from projects.models import IpTerms
from projects.models_esign import IpTransfer, TransferDocument, TransferStatus
from projects.services import esign
from tests.factories import FirmMemberFactory, UserFactory
from tests.projects.factories import judging
from tests.projects.test_api import api

pytestmark = pytest.mark.django_db


def _awarded(ip_terms: str = IpTerms.ASSIGNMENT) -> dict[str, Any]:
    data = judging(2)
    project = data["project"]
    project.__class__.objects.filter(pk=project.pk).update(ip_terms=ip_terms)
    project.refresh_from_db()
    for entry in project.entries.all():
        values = {c.pk: min(8, c.scale_max) for c in project.criteria.all()}
        services.score_submit(project=project, by=data["judge"], entry=entry, values=values)
    services.panel_close(project=project, by=data["sponsor"])
    winner = project.entries.order_by("id").first()
    data["award"] = services.project_award(project=project, by=data["sponsor"], winners=[winner])[0]
    data["winner_owner"] = next(owner for firm, owner in data["solvers"] if firm == winner.team.lead)
    data["winner_firm"] = winner.team.lead
    return data


def _sha(document: TransferDocument) -> str:
    with document.file.open("rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def test_local_flow_completes_when_both_sides_signed():
    data = _awarded()
    transfer = esign.transfer_send(award=data["award"], by=data["sponsor"])
    assert transfer.provider == "local"
    assert transfer.status == TransferStatus.SENT
    sent = transfer.documents.get()
    assert sent.kind == "sent"
    assert _sha(sent) == sent.sha256
    with sent.file.open("rb") as handle:
        text = PdfReader(io.BytesIO(handle.read())).pages[0].extract_text()
    assert data["project"].title in text
    assert data["winner_firm"].name in text
    assert Notification.objects.filter(recipient=data["winner_owner"], kind="project.transfer_send").exists()
    assignee = transfer.parties.get(side="assignee")
    assignor = transfer.parties.get(side="assignor")
    esign.transfer_sign(party=assignee, by=data["sponsor"])
    transfer = esign.transfer_sign(party=assignor, by=data["winner_owner"])
    transfer.refresh_from_db()
    assert transfer.status == TransferStatus.COMPLETED
    assert transfer.completed_at is not None
    signed = transfer.documents.get(kind="signed")
    assert signed.number == 2
    assert _sha(signed) == signed.sha256
    with signed.file.open("rb") as handle:
        content = handle.read()
    signed_text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    assert sent.sha256 in signed_text
    assert data["winner_owner"].email in signed_text
    rows = AuditEntry.objects.filter(target_type="projects.iptransfer", target_id=str(transfer.pk))
    actions = set(rows.values_list("action", flat=True))
    assert actions == {"project.transfer_send", "project.transfer_sign", "project.transfer_complete"}
    done = Notification.objects.get(recipient=data["winner_owner"], kind="project.transfer_complete")
    assert signed.sha256 in done.body_in("en")
    assert signed.sha256 in done.body_in("zh-hans")
    assert "签" in done.title_in("zh-hans")
    assert "signed" in done.title_in("en")
    # The versions are immutable.
    with pytest.raises(ValueError, match="immutable"):
        signed.save()
    with pytest.raises(ValueError, match="immutable"):
        signed.delete()


def test_one_side_only_is_not_complete():
    data = _awarded()
    transfer = esign.transfer_send(award=data["award"], by=data["sponsor"])
    esign.transfer_sign(party=transfer.parties.get(side="assignor"), by=data["winner_owner"])
    transfer.refresh_from_db()
    assert transfer.status == TransferStatus.SENT
    assert not transfer.documents.filter(kind="signed").exists()
    with pytest.raises(Conflict):
        esign.transfer_sign(party=transfer.parties.get(side="assignor"), by=data["winner_owner"])


def test_only_a_manager_of_the_side_signs_and_only_the_sponsor_sends():
    data = _awarded()
    with pytest.raises(NotAllowed):
        esign.transfer_send(award=data["award"], by=data["winner_owner"])
    transfer = esign.transfer_send(award=data["award"], by=data["sponsor"])
    with pytest.raises(Conflict):
        esign.transfer_send(award=data["award"], by=data["sponsor"])
    assignee = transfer.parties.get(side="assignee")
    with pytest.raises(NotAllowed):
        esign.transfer_sign(party=assignee, by=data["winner_owner"])
    plain = UserFactory.create()
    FirmMemberFactory.create(firm=data["project"].sponsor, user=plain, role="member")
    with pytest.raises(NotAllowed):
        esign.transfer_sign(party=assignee, by=plain)


def test_a_licence_is_not_transferred_in_writing():
    data = _awarded(IpTerms.EXCLUSIVE)
    with pytest.raises(DomainError):
        esign.transfer_send(award=data["award"], by=data["sponsor"])


def test_api_sends_and_signs_with_json(django_assert_max_num_queries):
    data = _awarded()
    project, award = data["project"], data["award"]
    url = f"/api/v1/projects/{project.pk}/awards/{award.pk}/transfer/"
    assert api(data["winner_owner"]).post(url, {}, format="json").status_code == 403
    sent = api(data["sponsor"]).post(url, {}, format="json")
    assert sent.status_code == 201, sent.content
    assert sent.json()["status"] == "sent"
    assert len(sent.json()["documents"]) == 1
    # Someone of neither side does not see it.
    outsider = data["solvers"][1][1]
    assert api(outsider).get(url).status_code == 404
    bad = api(data["sponsor"]).post(url + "sign/", {"firm": "x"}, format="json")
    assert bad.status_code == 400
    one = api(data["sponsor"]).post(url + "sign/", {"firm": project.sponsor_id}, format="json")
    assert one.status_code == 200
    assert one.json()["status"] == "sent"
    with django_assert_max_num_queries(80):
        done = api(data["winner_owner"]).post(url + "sign/", {"firm": data["winner_firm"].pk}, format="json")
    assert done.status_code == 200
    assert done.json()["status"] == "completed"
    assert [d["kind"] for d in done.json()["documents"]] == ["sent", "signed"]
    seen = api(data["winner_owner"]).get(url)
    assert seen.json()["documents"][1]["sha256"] == IpTransfer.objects.get().documents.get(number=2).sha256


def test_pages_send_sign_by_link_and_download():
    data = _awarded()
    project = data["project"]
    sponsor = api(data["sponsor"])
    assert b'data-testid="award-transfer"' in sponsor.get(f"/projects/{project.pk}/").content
    page = sponsor.get(f"/projects/{project.pk}/transfer/")
    assert page.status_code == 200
    assert b'data-testid="transfer-send"' in page.content
    assert sponsor.post(f"/projects/{project.pk}/transfer/{data['award'].pk}/send/").status_code == 302
    transfer = IpTransfer.objects.get()
    assignor = transfer.parties.get(side="assignor")
    link = esign.sign_path(assignor)
    # The link alone does not let the sponsor sign for the solver, or even see its page.
    assert sponsor.get(link).status_code == 404
    assert sponsor.post(link).status_code == 404
    assignor.refresh_from_db()
    assert assignor.signed_at is None
    solver = api(data["winner_owner"])
    assert solver.get(link).status_code == 200
    assert solver.post(link).status_code == 302
    assert sponsor.post(esign.sign_path(transfer.parties.get(side="assignee"))).status_code == 302
    transfer.refresh_from_db()
    assert transfer.status == TransferStatus.COMPLETED
    pdf = solver.get(f"/projects/{project.pk}/transfer/{transfer.pk}/v2.pdf")
    assert pdf.status_code == 200
    assert isinstance(pdf, StreamingHttpResponse)
    content = b"".join(cast(Iterator[bytes], pdf.streaming_content))
    assert hashlib.sha256(content).hexdigest() == transfer.documents.get(number=2).sha256
    outsider = api(data["solvers"][1][1])
    assert outsider.get(f"/projects/{project.pk}/transfer/{transfer.pk}/v2.pdf").status_code == 404
    assert outsider.get(f"/projects/{project.pk}/transfer/sign/garbage/").status_code == 404


# --- e签宝 open API v3 against a local stand-in -------------------------------------------------------

APP_ID, SECRET = "7438000001", "stand-in-secret"
SIGNED_PDF = b"%PDF-1.4\n% signed by the stand-in\n%%EOF\n"


def _documented_signature(method: str, headers: Any, path: str, body: bytes) -> str:
    """e签宝's documented StringToSign, written independently of the adapter."""
    md5 = base64.b64encode(hashlib.md5(body).digest()).decode() if body else ""  # noqa: S324
    if md5 and headers.get("Content-MD5") != md5:
        return "content-md5 mismatch"
    split = urllib.parse.urlsplit(path)
    params = sorted(urllib.parse.parse_qsl(split.query, keep_blank_values=True))
    resource = split.path + ("?" + "&".join(f"{k}={v}" for k, v in params) if params else "")
    string_to_sign = f"{method}\n{headers.get('Accept')}\n{md5}\n{headers.get('Content-Type')}\n\n{resource}"
    return base64.b64encode(hmac.new(SECRET.encode(), string_to_sign.encode(), hashlib.sha256).digest()).decode()


class StandIn:
    def __init__(self) -> None:
        self.calls: list[tuple[str, str, dict[str, Any]]] = []
        self.uploaded = b""
        self.signed: set[str] = set()
        self.names: list[str] = []
        self.bad_signatures = 0


@pytest.fixture
def stand_in(settings) -> Iterator[StandIn]:
    state = StandIn()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def _answer(self, payload: Any, raw: bytes | None = None) -> None:
            content = raw if raw is not None else json.dumps(payload).encode()
            self.send_response(200)
            self.send_header("Content-Length", str(len(content)))
            self.end_headers()
            self.wfile.write(content)

        def _handle(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            base = f"http://127.0.0.1:{cast(tuple[str, int], self.server.server_address)[1]}"
            if self.path == "/upload/file-1":
                state.uploaded = body
                return self._answer({"errCode": 0})
            if self.path == "/download/signed.pdf":
                return self._answer(None, SIGNED_PDF)
            expected = _documented_signature(self.command, self.headers, self.path, body)
            if (
                self.headers.get("X-Tsign-Open-Ca-Signature") != expected
                or self.headers.get("X-Tsign-Open-App-Id") != APP_ID
                or self.headers.get("X-Tsign-Open-Auth-Mode") != "Signature"
                or not (self.headers.get("X-Tsign-Open-Ca-Timestamp") or "").isdigit()
            ):
                state.bad_signatures += 1
                return self._answer({"code": 401, "message": "signature mismatch"})
            payload = json.loads(body) if body else {}
            state.calls.append((self.command, self.path, payload))
            if self.path == "/v3/files/file-upload-url":
                data: dict[str, Any] = {"fileId": "file-1", "fileUploadUrl": base + "/upload/file-1"}
            elif self.path == "/v3/sign-flow/create-by-file":
                data = {"signFlowId": "flow-9"}
            elif self.path == "/v3/sign-flow/flow-9/sign-url":
                data = {"url": f"https://esign.example/sign/{payload['organization']['orgName']}"}
            elif self.path == "/v3/sign-flow/flow-9/detail":
                signers = [
                    {"orgSigner": {"orgName": name}, "signStatus": 4 if name in state.signed else 1}
                    for name in state.names
                ]
                data = {"signFlowStatus": 2 if len(state.signed) == len(state.names) else 1, "signers": signers}
            elif self.path == "/v3/sign-flow/flow-9/file-download-url":
                data = {"files": [{"fileId": "file-1", "downloadUrl": base + "/download/signed.pdf"}]}
            else:
                return self._answer({"code": 404, "message": "unknown"})
            return self._answer({"code": 0, "message": "成功", "data": data})

        do_GET = do_POST = do_PUT = _handle

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.ESIGN_PROVIDER = "esign_v3"
    settings.ESIGN_API_URL = f"http://127.0.0.1:{server.server_address[1]}"
    settings.ESIGN_APP_ID = APP_ID
    settings.ESIGN_APP_SECRET = SECRET
    state.names = []
    yield state
    server.shutdown()
    server.server_close()


def test_esign_v3_adapter_signs_its_requests_and_completes_on_both_signatures(stand_in):
    data = _awarded()
    transfer = esign.transfer_send(award=data["award"], by=data["sponsor"])
    assert stand_in.bad_signatures == 0
    assert transfer.provider == "esign_v3"
    assert transfer.flow_id == "flow-9"
    sent = transfer.documents.get()
    assert hashlib.sha256(stand_in.uploaded).hexdigest() == sent.sha256
    create = next(payload for method, path, payload in stand_in.calls if path == "/v3/sign-flow/create-by-file")
    names = [s["orgSignerInfo"]["orgName"] for s in create["signers"]]
    assert set(names) == {data["project"].sponsor.name, data["winner_firm"].name}
    assert create["signers"][0]["orgSignerInfo"]["orgInfo"]["orgIDCardType"] == "CRED_ORG_USCC"
    accounts = {s["orgSignerInfo"]["transactorInfo"]["psnAccount"] for s in create["signers"]}
    assert accounts == {data["sponsor"].email, data["winner_owner"].email}
    assignor = transfer.parties.get(side="assignor")
    assert assignor.sign_url == f"https://esign.example/sign/{data['winner_firm'].name}"
    # Signing happens on the service: the platform's own signing refuses.
    with pytest.raises(Conflict):
        esign.transfer_sign(party=assignor, by=data["winner_owner"])
    stand_in.names = names
    stand_in.signed = {data["winner_firm"].name}
    esign.transfer_refresh(transfer=transfer)
    transfer.refresh_from_db()
    assert transfer.status == TransferStatus.SENT
    assert transfer.parties.get(side="assignor").signed_at is not None
    stand_in.signed = set(names)
    esign.transfer_refresh(transfer=transfer)
    transfer.refresh_from_db()
    assert transfer.status == TransferStatus.COMPLETED
    signed = transfer.documents.get(kind="signed")
    assert signed.sha256 == hashlib.sha256(SIGNED_PDF).hexdigest() == _sha(signed)
    assert stand_in.bad_signatures == 0


def test_esign_v3_adapter_refuses_when_the_signature_is_wrong(stand_in, settings):
    data = _awarded()
    settings.ESIGN_APP_SECRET = "not-the-secret"
    with pytest.raises(Conflict):
        esign.transfer_send(award=data["award"], by=data["sponsor"])
    assert stand_in.bad_signatures == 1
    assert not IpTransfer.objects.exists()
