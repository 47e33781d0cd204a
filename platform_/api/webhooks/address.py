"""Webhook address policy: a partner's URL is reached only at globally routable addresses (the SSRF guard).

A target is allowed only when EVERY address its name resolves to is global: no private, loopback,
link-local, carrier-grade NAT (100.64.0.0/10, home of 100.100.100.200, a cloud metadata service),
unique-local, multicast, reserved or documentation address, and no IPv6 form that carries such an
IPv4 address inside it (IPv4-mapped, 6to4, NAT64). Each delivery resolves the name once, checks
every answer and connects to the address it checked, so a name that changes its answer between the
check and the connection (DNS rebinding) gains nothing. Loopback alone may be allowed for
development and tests (``WEBHOOK_ALLOW_LOOPBACK``); nothing else can be switched off.

The resolver is a hook (``WEBHOOK_RESOLVER``, a dotted path to ``(host, port) -> [addresses]``), so
tests can answer with addresses of their choosing.
"""

from __future__ import annotations

import socket
from collections.abc import Callable
from dataclasses import dataclass
from ipaddress import IPv4Address, IPv4Network, IPv6Address, IPv6Network, ip_address
from urllib.parse import urlsplit

import httpx
from django.conf import settings
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

from platform_.errors import DomainError

Address = IPv4Address | IPv6Address
Resolver = Callable[[str, int], list[Address]]

# IANA's special-purpose IPv4 ranges that are not globally reachable (RFC 6890 and successors).
_IPV4_NOT_GLOBAL: tuple[IPv4Network, ...] = tuple(
    IPv4Network(network)
    for network in (
        "0.0.0.0/8",  # "this network"
        "10.0.0.0/8",  # private
        "100.64.0.0/10",  # carrier-grade NAT (shared address space); cloud metadata services live here
        "127.0.0.0/8",  # loopback
        "169.254.0.0/16",  # link-local (169.254.169.254: AWS, GCP, Azure metadata)
        "172.16.0.0/12",  # private
        "192.0.0.0/24",  # IETF protocol assignments
        "192.0.2.0/24",  # documentation (TEST-NET-1)
        "192.88.99.0/24",  # 6to4 relay anycast (deprecated)
        "192.168.0.0/16",  # private
        "198.18.0.0/15",  # benchmarking
        "198.51.100.0/24",  # documentation (TEST-NET-2)
        "203.0.113.0/24",  # documentation (TEST-NET-3)
        "224.0.0.0/4",  # multicast
        "240.0.0.0/4",  # reserved, and the limited broadcast 255.255.255.255
    )
)
# Global unicast IPv6 is 2000::/3; everything outside it (::/8 with the unspecified, loopback and
# IPv4-compatible addresses, 100::/64 discard, fc00::/7 unique-local, fe80::/10 link-local,
# fec0::/10 site-local, ff00::/8 multicast, ...) is refused, as are these special ranges inside it.
_IPV6_GLOBAL_UNICAST = IPv6Network("2000::/3")
_IPV6_NOT_GLOBAL: tuple[IPv6Network, ...] = tuple(
    IPv6Network(network)
    for network in (
        "2001::/23",  # IETF protocol assignments: Teredo 2001::/32, benchmarking, ORCHID
        "2001:db8::/32",  # documentation
        "3fff::/20",  # documentation (RFC 9637)
    )
)
_IPV4_MAPPED = IPv6Network("::ffff:0:0/96")
_NAT64 = IPv6Network("64:ff9b::/96")  # the well-known NAT64 prefix: the last 32 bits are the IPv4 target
_NAT64_LOCAL = IPv6Network("64:ff9b:1::/48")  # local-use NAT64 (RFC 8215): translates into the operator's network
_SIX_TO_FOUR = IPv6Network("2002::/16")  # 6to4: bits 16-48 are the IPv4 target


def address_is_global(address: Address) -> bool:
    """Whether the address, and any IPv4 address embedded in it, is globally routable."""
    if isinstance(address, IPv4Address):
        return address.is_global and not any(address in network for network in _IPV4_NOT_GLOBAL)
    if address in _IPV4_MAPPED:
        return address_is_global(IPv4Address(int(address) & 0xFFFFFFFF))
    if address in _NAT64:
        return address_is_global(IPv4Address(int(address) & 0xFFFFFFFF))
    if address in _NAT64_LOCAL:
        return False
    if address in _SIX_TO_FOUR:
        return address_is_global(IPv4Address((int(address) >> 80) & 0xFFFFFFFF))
    if address not in _IPV6_GLOBAL_UNICAST or any(address in network for network in _IPV6_NOT_GLOBAL):
        return False
    return address.is_global


def _is_loopback(address: Address) -> bool:
    if isinstance(address, IPv6Address) and address in _IPV4_MAPPED:
        return IPv4Address(int(address) & 0xFFFFFFFF).is_loopback
    return address.is_loopback


def address_allowed(address: Address) -> bool:
    """Global addresses always; loopback only where ``WEBHOOK_ALLOW_LOOPBACK`` is set (development, tests)."""
    if address_is_global(address):
        return True
    return bool(getattr(settings, "WEBHOOK_ALLOW_LOOPBACK", False)) and _is_loopback(address)


def system_resolve(host: str, port: int) -> list[Address]:
    """Every address the system resolver gives for the name, in its order, without repeats."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    addresses = [ip_address(str(info[4][0]).split("%", 1)[0]) for info in infos]
    return list(dict.fromkeys(addresses))


def _resolver() -> Resolver:
    path = getattr(settings, "WEBHOOK_RESOLVER", "")
    return import_string(path) if path else system_resolve


@dataclass(frozen=True)
class WebhookTarget:
    """Where one delivery goes: the checked address, and the name the receiver knows itself by."""

    url: str  # the endpoint's URL with the checked address in place of the name
    host_header: str  # the original host (and port, if given), sent as Host
    server_name: str  # the original host name: TLS SNI and certificate verification
    address: Address


def _parts(url: str) -> tuple[str, str, int]:
    """The scheme, host and port of an http(s) URL; a form error for anything else."""
    try:
        parts = urlsplit(url or "")
        hostname, port = parts.hostname, parts.port
    except ValueError:  # a malformed port or IPv6 literal
        hostname, port = None, None
        parts = urlsplit("")
    if parts.scheme not in {"http", "https"} or not hostname:
        raise DomainError(_("A webhook URL must start with https:// or http:// and name a host."), field="url")
    return parts.scheme, hostname, port or (443 if parts.scheme == "https" else 80)


def _refused() -> DomainError:
    return DomainError(_("A webhook URL may not point to a private or internal address."), field="url")


def _literal(host: str) -> Address | None:
    try:
        return ip_address(host)
    except ValueError:
        return None


def _resolve(host: str, port: int) -> list[Address]:
    literal = _literal(host)
    return [literal] if literal is not None else _resolver()(host, port)


def check_url(url: str) -> str:
    """An endpoint URL must be http(s), and every address its name resolves to now must be allowed.

    A name that does not resolve yet is accepted: every delivery checks again before it connects.
    """
    _scheme, host, port = _parts(url)
    try:
        addresses = _resolve(host, port)
    except OSError:
        return url
    if not all(address_allowed(address) for address in addresses):
        raise _refused()
    return url


def webhook_target_resolve(url: str) -> WebhookTarget:
    """Resolve the endpoint's name once, check every answer, and pin the delivery to the first one."""
    _scheme, host, port = _parts(url)
    try:
        addresses = _resolve(host, port)
    except OSError as exc:
        raise DomainError(_("The webhook host %(host)s could not be resolved.") % {"host": host}, field="url") from exc
    if not addresses:
        raise DomainError(_("The webhook host %(host)s could not be resolved.") % {"host": host}, field="url")
    if not all(address_allowed(address) for address in addresses):
        raise _refused()
    address = addresses[0]
    original = httpx.URL(url)
    return WebhookTarget(
        url=str(original.copy_with(host=str(address))),
        host_header=original.netloc.decode("ascii"),
        server_name=original.raw_host.decode("ascii"),  # an international name in its ASCII form
        address=address,
    )
