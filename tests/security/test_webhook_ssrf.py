"""Webhook targets never reach internal networks: every resolved address must be global, checked once, pinned.

Addresses are given as literals or answered by a scripted resolver (the ``WEBHOOK_RESOLVER`` hook),
so a name can answer one address when it is checked and another if it were asked again (DNS
rebinding). Deliveries go to real local HTTP receivers.
"""

from __future__ import annotations

import http.server
import shutil
import ssl
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from ipaddress import IPv4Address, IPv6Address, ip_address
from typing import Any

import pytest
from django.test import override_settings
from django.utils import translation

from platform_ import events
from platform_.api import webhooks
from platform_.api.models import DeliveryStatus, WebhookDelivery, WebhookEndpoint
from platform_.errors import DomainError
from tests.api.factories import bearer, issue_key
from tests.factories import firm_with_owner

pytestmark = pytest.mark.django_db

NOT_GLOBAL = [
    # IPv4
    "0.0.0.0",  # noqa: S104 - an address to refuse, not one to bind
    "0.1.2.3",
    "10.0.0.1",
    "100.64.0.1",
    "100.100.100.200",  # Alibaba Cloud's instance metadata service
    "100.127.255.254",
    "127.0.0.1",
    "127.1.2.3",
    "169.254.169.254",  # AWS, GCP and Azure metadata
    "172.16.0.1",
    "172.31.255.255",
    "192.0.0.1",
    "192.0.0.170",
    "192.0.2.1",
    "192.88.99.1",
    "192.168.1.1",
    "198.18.0.1",
    "198.19.255.255",
    "198.51.100.1",
    "203.0.113.1",
    "224.0.0.1",
    "239.255.255.250",
    "240.0.0.1",
    "255.255.255.255",
    # IPv6
    "::",
    "::1",
    "::127.0.0.1",  # IPv4-compatible (deprecated)
    "100::1",  # discard
    "2001::1",  # Teredo
    "2001:0:4136:e378:8000:63bf:3fff:fdd2",  # Teredo
    "2001:2::1",  # benchmarking
    "2001:db8::1",  # documentation
    "3fff::1",  # documentation
    "5f00::1",  # SRv6 SIDs
    "fc00::1",  # unique-local
    "fd12:3456:789a::1",  # unique-local
    "fe80::1",  # link-local
    "fec0::1",  # site-local (deprecated)
    "ff02::1",  # multicast
    "ff0e::1",  # multicast
    # IPv4 addresses wrapped in IPv6
    "::ffff:127.0.0.1",
    "::ffff:10.0.0.1",
    "::ffff:100.100.100.200",
    "::ffff:169.254.169.254",
    "64:ff9b::10.0.0.1",  # NAT64 to a private address
    "64:ff9b::100.100.100.200",
    "64:ff9b::127.0.0.1",
    "64:ff9b::169.254.169.254",
    "64:ff9b:1::808:808",  # local-use NAT64 translates into the operator's own network
    "2002:6464:64c8::1",  # 6to4 of 100.100.100.200
    "2002:a9fe:a9fe::1",  # 6to4 of 169.254.169.254
    "2002:7f00:1::1",  # 6to4 of 127.0.0.1
    "2002:a00:1::1",  # 6to4 of 10.0.0.1
]
GLOBAL = [
    "8.8.8.8",
    "1.1.1.1",
    "93.184.216.34",
    "100.128.0.1",  # just past the carrier-grade NAT range
    "2606:4700:4700::1111",
    "2a00:1450:4001:80b::200e",
    "::ffff:8.8.8.8",
    "64:ff9b::808:808",  # NAT64 to 8.8.8.8
    "2002:808:808::1",  # 6to4 of 8.8.8.8
]


def url_for(address: str, port: int | None = None, path: str = "/hook") -> str:
    host = f"[{address}]" if ":" in address else address
    return f"http://{host}{f':{port}' if port else ''}{path}"


# --- a scripted resolver (the WEBHOOK_RESOLVER hook) ---------------------------------------------

ANSWERS: dict[str, list[list[str]]] = {}  # host -> the answer to each successive question
ASKED: list[str] = []


def scripted_resolver(host: str, port: int) -> list[IPv4Address | IPv6Address]:
    """Answers the next scripted answer for the name (the last one again once the script runs out)."""
    ASKED.append(host)
    script = ANSWERS.get(host)
    if not script:
        raise OSError(f"no answer for {host}")
    answer = script.pop(0) if len(script) > 1 else script[0]
    return [ip_address(address) for address in answer]


@pytest.fixture
def resolver() -> Iterator[dict[str, list[list[str]]]]:
    ANSWERS.clear()
    ASKED.clear()
    with override_settings(WEBHOOK_RESOLVER="tests.security.test_webhook_ssrf.scripted_resolver"):
        yield ANSWERS
    ANSWERS.clear()
    ASKED.clear()


# --- real local receivers -------------------------------------------------------------------------


@dataclass
class Receiver:
    port: int = 0
    status: int = 200
    location: str = ""
    requests: list[dict[str, Any]] = field(default_factory=list)


@pytest.fixture
def receivers() -> Iterator[Any]:
    """Start receivers on 127.0.0.1 on demand; each records what reached it."""
    servers: list[http.server.ThreadingHTTPServer] = []

    def start(*, status: int = 200, location: str = "") -> Receiver:
        state = Receiver(status=status, location=location)

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                state.requests.append({"headers": dict(self.headers), "body": body, "path": self.path})
                self.send_response(state.status)
                if state.location:
                    self.send_header("Location", state.location)
                self.end_headers()
                self.wfile.write(b"moved" if state.location else b"ok")

            def log_message(self, *args: Any) -> None:
                pass

        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        state.port = server.server_address[1]
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return state

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def queued_delivery(*, url: str, check: bool = True) -> WebhookDelivery:
    """A firm's endpoint (created through the service unless ``check`` is off) with one queued delivery."""
    firm, owner = firm_with_owner()
    if check:
        webhooks.webhook_endpoint_create(firm=firm, by=owner, url=url, events=["asset.published"])
    else:
        WebhookEndpoint.objects.create(firm=firm, url=url, secret="whsec_test", events=["asset.published"])
    events.dispatch("asset.published", {"asset_id": 1, "audience_firm_ids": [firm.pk]})
    return WebhookDelivery.objects.get(endpoint__firm=firm)


# --- the address policy ---------------------------------------------------------------------------


@pytest.mark.parametrize("address", NOT_GLOBAL)
def test_a_non_global_address_is_not_global(address):
    assert not webhooks.address_is_global(ip_address(address))


@pytest.mark.parametrize("address", GLOBAL)
def test_a_global_address_is_global(address):
    assert webhooks.address_is_global(ip_address(address))


@override_settings(WEBHOOK_ALLOW_LOOPBACK=False)
@pytest.mark.parametrize("address", NOT_GLOBAL)
def test_an_endpoint_may_not_be_created_for_a_non_global_literal_address(address):
    firm, owner = firm_with_owner()
    with translation.override("en"), pytest.raises(DomainError, match="private or internal") as refused:
        webhooks.webhook_endpoint_create(firm=firm, by=owner, url=url_for(address), events=["asset.published"])
    assert refused.value.field == "url"
    assert not WebhookEndpoint.objects.exists()


@override_settings(WEBHOOK_ALLOW_LOOPBACK=False)
@pytest.mark.parametrize("address", GLOBAL)
def test_an_endpoint_may_be_created_for_a_global_literal_address(address):
    firm, owner = firm_with_owner()
    endpoint = webhooks.webhook_endpoint_create(firm=firm, by=owner, url=url_for(address), events=["*"])
    assert endpoint.url == url_for(address)


@override_settings(WEBHOOK_ALLOW_LOOPBACK=True)
@pytest.mark.parametrize(
    "address", ["10.0.0.1", "100.100.100.200", "169.254.169.254", "192.168.1.1", "fd00::1", "fe80::1"]
)
def test_allowing_loopback_allows_nothing_else(address):
    firm, owner = firm_with_owner()
    with pytest.raises(DomainError):
        webhooks.webhook_endpoint_create(firm=firm, by=owner, url=url_for(address), events=["*"])


@override_settings(WEBHOOK_ALLOW_LOOPBACK=True)
@pytest.mark.parametrize("address", ["127.0.0.1", "127.0.0.53", "::1", "::ffff:127.0.0.1"])
def test_allowing_loopback_allows_loopback(address):
    firm, owner = firm_with_owner()
    assert webhooks.webhook_endpoint_create(firm=firm, by=owner, url=url_for(address, 8000), events=["*"])


def test_a_name_is_refused_when_any_of_its_addresses_is_internal(resolver):
    resolver["mixed.example.test"] = [["93.184.216.34", "100.100.100.200"]]
    firm, owner = firm_with_owner()
    with pytest.raises(DomainError):
        webhooks.webhook_endpoint_create(
            firm=firm, by=owner, url="https://mixed.example.test/hook", events=["asset.published"]
        )


def test_a_name_resolving_only_to_global_addresses_is_accepted(resolver):
    resolver["partner.example.test"] = [["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"]]
    firm, owner = firm_with_owner()
    endpoint = webhooks.webhook_endpoint_create(
        firm=firm, by=owner, url="https://partner.example.test/hook", events=["asset.published"]
    )
    assert endpoint.url == "https://partner.example.test/hook"


def test_the_api_answers_400_for_an_internal_target(client):
    issued = issue_key(scopes=["webhooks:write"])
    response = client.post(
        "/api/v1/webhooks/endpoints/",
        {"url": "http://100.100.100.200/latest/meta-data/", "events": ["asset.published"]},
        content_type="application/json",
        **bearer(issued.token),
    )
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert not WebhookEndpoint.objects.exists()


def test_the_page_shows_a_form_error_for_an_internal_target(client):
    _firm, owner = firm_with_owner()
    client.force_login(owner)
    with translation.override("en"):
        response = client.post(
            "/firms/webhooks/",
            {"url": "http://[64:ff9b::6464:64c8]/latest/meta-data/", "events": ["asset.published"]},
            HTTP_ACCEPT_LANGUAGE="en",
        )
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not WebhookEndpoint.objects.exists()


@override_settings(WEBHOOK_ALLOW_LOOPBACK=False)
def test_an_endpoint_may_not_be_changed_to_an_internal_target():
    firm, owner = firm_with_owner()
    endpoint = webhooks.webhook_endpoint_create(firm=firm, by=owner, url="http://93.184.216.34/hook", events=["*"])
    with pytest.raises(DomainError):
        webhooks.webhook_endpoint_update(endpoint=endpoint, by=owner, url="http://[::ffff:a9fe:a9fe]/latest")
    endpoint.refresh_from_db()
    assert endpoint.url == "http://93.184.216.34/hook"


# --- delivery: resolve once, check, connect to what was checked -----------------------------------


def test_a_name_rebound_to_an_internal_address_after_the_check_is_refused_at_send_time(resolver, receivers):
    receiver = receivers()
    # Global when the endpoint is saved, the metadata service when the delivery goes out.
    resolver["rebind.example.test"] = [["93.184.216.34"], ["100.100.100.200"]]
    delivery = queued_delivery(url=f"http://rebind.example.test:{receiver.port}/hook")
    with translation.override("en"):
        webhooks.delivery_attempt(delivery)
    delivery.refresh_from_db()
    assert (delivery.status, delivery.last_status_code) == (DeliveryStatus.RETRYING, None)
    assert "private or internal" in delivery.last_error
    assert ASKED == ["rebind.example.test", "rebind.example.test"]  # once when saved, once when sent
    assert receiver.requests == []


def test_a_delivery_resolves_once_and_connects_to_the_address_it_checked(resolver, receivers):
    receiver = receivers()
    # The first answer (the receiver on loopback, allowed in tests) is the one checked; had the
    # name been asked again before connecting, it would have answered the metadata service.
    resolver["partner.example.test"] = [["127.0.0.1"], ["100.100.100.200"]]
    delivery = queued_delivery(url=f"http://partner.example.test:{receiver.port}/hook", check=False)
    webhooks.delivery_attempt(delivery)
    delivery.refresh_from_db()
    assert (delivery.status, delivery.last_status_code, delivery.last_error) == (DeliveryStatus.DELIVERED, 200, "")
    assert ASKED == ["partner.example.test"]
    [request] = receiver.requests
    assert request["headers"]["Host"] == f"partner.example.test:{receiver.port}"
    assert request["path"] == "/hook"
    assert webhooks.verify(
        secret=delivery.endpoint.secret, body=request["body"], header=request["headers"]["Webhook-Signature"]
    )


def test_an_https_target_keeps_the_host_name_for_tls_and_the_host_header(resolver):
    resolver["secure.example.test"] = [["93.184.216.34"]]
    target = webhooks.webhook_target_resolve("https://secure.example.test/in?x=1")
    assert (target.url, target.host_header, target.server_name) == (
        "https://93.184.216.34/in?x=1",
        "secure.example.test",
        "secure.example.test",
    )
    resolver["v6.example.test"] = [["2606:4700:4700::1111"]]
    target = webhooks.webhook_target_resolve("https://v6.example.test:8443/in")
    assert (target.url, target.host_header) == ("https://[2606:4700:4700::1111]:8443/in", "v6.example.test:8443")


@pytest.mark.skipif(shutil.which("openssl") is None, reason="needs the openssl command to make a certificate")
def test_tls_goes_to_the_checked_address_with_the_partner_name_and_verifies_the_certificate(resolver, tmp_path):
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    name = "partner.example.test"
    request = ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", f"/CN={name}"]
    extensions = ["-addext", f"subjectAltName=DNS:{name}", "-keyout", str(key), "-out", str(cert)]
    subprocess.run([*request, *extensions], check=True, capture_output=True)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server_names: list[str | None] = []
    context.sni_callback = lambda _socket, asked, _context: server_names.append(asked)
    server = http.server.HTTPServer(("127.0.0.1", 0), http.server.BaseHTTPRequestHandler)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        resolver["partner.example.test"] = [["127.0.0.1"]]
        delivery = queued_delivery(url=f"https://partner.example.test:{server.server_address[1]}/hook", check=False)
        webhooks.delivery_attempt(delivery)
    finally:
        server.shutdown()
        server.server_close()
    delivery.refresh_from_db()
    # The connection reached the checked address and named the partner's host; the self-signed
    # certificate is refused, so verification is on.
    assert server_names == ["partner.example.test"]
    assert "CERTIFICATE_VERIFY_FAILED" in delivery.last_error
    assert delivery.last_status_code is None


def test_a_name_that_does_not_resolve_at_send_time_is_retried_without_a_connection(resolver):
    delivery = queued_delivery(url="http://gone.example.test/hook", check=False)
    with translation.override("en"):
        webhooks.delivery_attempt(delivery)
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.RETRYING
    assert "could not be resolved" in delivery.last_error


@override_settings(WEBHOOK_ALLOW_LOOPBACK=False)
def test_a_stored_internal_target_is_refused_at_send_time(receivers):
    receiver = receivers()
    delivery = queued_delivery(url=f"http://127.0.0.1:{receiver.port}/hook", check=False)
    webhooks.delivery_attempt(delivery)
    delivery.refresh_from_db()
    assert delivery.last_status_code is None
    assert receiver.requests == []


def test_a_redirect_is_never_followed(receivers):
    inside = receivers()
    redirecting = receivers(status=302, location=f"http://127.0.0.1:{inside.port}/latest/meta-data/")
    delivery = queued_delivery(url=f"http://127.0.0.1:{redirecting.port}/hook")
    webhooks.delivery_attempt(delivery)
    delivery.refresh_from_db()
    assert (delivery.status, delivery.last_status_code) == (DeliveryStatus.RETRYING, 302)
    assert delivery.last_error.startswith("HTTP 302")
    assert len(redirecting.requests) == 1
    assert inside.requests == []
