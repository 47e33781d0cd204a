"""The IP assignment as a PDF: the award's terms, both sides, and (once signed) each side's signature.

No PDF library in the project writes text, so this is a minimal PDF written by hand: one or more A4
pages of text set in STSong-Light, the standard Adobe-GB1 font every PDF reader provides (so Chinese
and Latin text both show without embedding a font), encoded as UCS-2 (``UniGB-UCS2-H``).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from projects.models import Award, IpTerms
from projects.models_esign import IpTransfer, TransferSide

LINES_PER_PAGE = 48
# Half-width units per line: Latin characters are set 500/1000 em wide, Chinese ones a full em.
LINE_UNITS = 86


def _hex(text: str) -> str:
    # UCS-2: characters outside the basic plane are replaced (the font has none of them).
    return "".join(f"{ord(ch):04X}" if ord(ch) <= 0xFFFF else "FFFD" for ch in text)


def _width(text: str) -> int:
    return sum(1 if ord(ch) < 0x7F else 2 for ch in text)


def _wrap(line: str, limit: int = LINE_UNITS) -> list[str]:
    """Lines of at most ``limit`` half-width units, broken at a space where there is one."""
    out: list[str] = []
    current = ""
    for ch in line:
        if _width(current + ch) > limit:
            cut = current.rfind(" ")
            if cut > 0 and ch != " ":
                out.append(current[:cut])
                current = current[cut + 1 :]
            else:
                out.append(current)
                current = ""
            if ch == " " and not current:
                continue
        current += ch
    out.append(current)
    return out


def minimal_pdf(lines: Iterable[str]) -> bytes:
    """A valid PDF of the lines, wrapped and paginated."""
    wrapped: list[str] = []
    for line in lines:
        wrapped.extend(_wrap(line))
    pages = [wrapped[i : i + LINES_PER_PAGE] for i in range(0, len(wrapped), LINES_PER_PAGE)] or [[]]
    objects: list[bytes] = []  # object n is objects[n - 1]
    font = (
        b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H "
        b"/DescendantFonts [<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> "
        b"/FontDescriptor << /Type /FontDescriptor /FontName /STSong-Light /Flags 6 "
        b"/FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >> "
        b"/DW 1000 /W [1 95 500] >>] >>"
    )
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(b"")  # the page tree, written once the pages are known
    objects.append(font)
    page_ids = []
    for page in pages:
        stream = ["BT /F1 11 Tf 14 TL 56 790 Td"]
        stream.extend(f"<{_hex(line)}> Tj T*" for line in page)
        stream.append("ET")
        content = "\n".join(stream).encode()
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        content_id = len(objects)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
            b"/Contents %d 0 R >>" % content_id
        )
        page_ids.append(len(objects))
    kids = b" ".join(b"%d 0 R" % n for n in page_ids)
    objects[1] = b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % len(page_ids)
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _terms_lines(award: Award) -> list[str]:
    project = award.project
    entry = award.entry
    members = list(entry.team.members.select_related("firm").order_by("id"))
    lines = [
        _("IP assignment"),
        "",
        _("Challenge: %(title)s (no. %(id)s)") % {"title": project.title, "id": project.pk},
        _("Winning entry: %(title)s (no. %(id)s)") % {"title": entry.title, "id": entry.pk},
        _("Award no. %(id)s, made %(date)s") % {"id": award.pk, "date": award.awarded_at.date().isoformat()},
        "",
        _("Assignee: %(firm)s, unified social credit code %(code)s")
        % {"firm": project.sponsor.name, "code": project.sponsor.credit_code or "–"},
    ]
    for member in members:
        lines.append(
            _("Assignor: %(firm)s, unified social credit code %(code)s")
            % {"firm": member.firm.name, "code": member.firm.credit_code or "–"}
        )
    lines += [
        "",
        _(
            "The assignors assign to the assignee all intellectual property rights in the winning entry, "
            "including the right to apply for patents on it, as the terms of the challenge provide."
        ),
    ]
    if award.amount is not None:
        lines.append(_("Award amount: CNY %(amount)s") % {"amount": award.amount})
    return lines


def assignment_pdf(transfer: IpTransfer) -> bytes:
    """The assignment as sent for signature, in Chinese and in English."""
    lines: list[str] = []
    for language in ("zh-hans", "en"):
        with override(language):
            lines += _terms_lines(transfer.award)
        lines.append("")
    return minimal_pdf(lines)


def signed_pdf(transfer: IpTransfer, *, sent_sha256: str) -> bytes:
    """The local provider's signed document: the assignment, then each side's signature record."""
    lines: list[str] = []
    for language in ("zh-hans", "en"):
        with override(language):
            lines += _terms_lines(transfer.award)
            lines += ["", _("Signatures")]
            for party in transfer.parties.select_related("firm", "signed_by").order_by("side", "id"):
                label = _("Assignee") if party.side == TransferSide.ASSIGNEE else _("Assignor")
                signed_at = timezone.localtime(party.signed_at).isoformat(timespec="seconds") if party.signed_at else ""
                lines.append(
                    _("%(side)s %(firm)s signed by %(person)s at %(time)s")
                    % {
                        "side": label,
                        "firm": party.firm.name,
                        "person": party.signed_by.email if party.signed_by else "–",
                        "time": signed_at,
                    }
                )
        lines.append("")
    lines.append(f"SHA-256 (sent): {sent_sha256}")
    return minimal_pdf(lines)


def transfer_applies(award: Award) -> bool:
    """Only an assignment transfers IP in writing; a licence leaves it with the solvers."""
    return award.ip_terms == IpTerms.ASSIGNMENT
