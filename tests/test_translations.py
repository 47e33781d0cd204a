"""Every user-facing string is translatable, and the Chinese catalogues are complete and compiled."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parent.parent
# Each catalogue: (directory makemessages runs in, extra ignore patterns).
CATALOGUES = [
    (
        ROOT,
        [
            "knowledge/*",
            "projects/*",
            "spillover/*",
            "observatory/*",
            "agencies/*",
            "clusters/*",
            "platform_/realtime/*",
            "platform_/api/*",
            "platform_/duplicates/*",
            "platform_/compliance/*",
            "platform_/verification/*",
            "platform_/phone/*",
            "platform_/workplace/*",
            "portability/*",
            "belts/*",
            "reputation/*",
        ],
    ),
    (ROOT / "clusters", []),
    (ROOT / "knowledge", []),
    (ROOT / "projects", []),
    (ROOT / "spillover", []),
    (ROOT / "observatory", []),
    (ROOT / "agencies", []),
    (ROOT / "portability", []),
    (ROOT / "belts", []),
    (ROOT / "reputation", []),
    (ROOT / "platform_" / "realtime", []),
    (ROOT / "platform_" / "api", []),
    (ROOT / "platform_" / "duplicates", []),
    (ROOT / "platform_" / "compliance", []),
    (ROOT / "platform_" / "verification", []),
    (ROOT / "platform_" / "phone", []),
    (ROOT / "platform_" / "workplace", []),
]
IGNORE = [".venv/*", "node_modules/*", "tests/*", "bench/*", "static/vendor/*", ".local/*", "staticfiles/*"]


def _po(directory: Path) -> Path:
    return directory / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"


@pytest.mark.parametrize(("directory", "ignores"), CATALOGUES, ids=lambda value: str(value).replace(str(ROOT), "."))
def test_chinese_catalogue_is_complete_and_compiled(directory: Path, ignores: list[str]) -> None:
    po_path = _po(directory)
    assert po_path.exists(), f"missing {po_path.relative_to(ROOT)}"
    catalogue = polib.pofile(str(po_path))
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert not untranslated, f"untranslated in {po_path.relative_to(ROOT)}: {untranslated[:10]}"
    assert not fuzzy, f"fuzzy in {po_path.relative_to(ROOT)}: {fuzzy[:10]}"
    mo_path = po_path.with_suffix(".mo")
    assert mo_path.exists(), f"{mo_path.relative_to(ROOT)} is not compiled"
    compiled = {
        (entry.msgctxt, entry.msgid) for entry in polib.mofile(str(mo_path)) if entry.msgstr or entry.msgstr_plural
    }
    expected = {(entry.msgctxt, entry.msgid) for entry in catalogue.translated_entries()}
    assert expected <= compiled, f"{mo_path.relative_to(ROOT)} is older than its .po: run compilemessages"


@pytest.mark.parametrize(("directory", "ignores"), CATALOGUES, ids=lambda value: str(value).replace(str(ROOT), "."))
def test_catalogue_holds_every_string_of_the_source(directory: Path, ignores: list[str], tmp_path: Path) -> None:
    """makemessages on a copy of the source finds no string the committed catalogue lacks."""
    copy = tmp_path / "src"
    shutil.copytree(
        directory,
        copy,
        ignore=shutil.ignore_patterns(
            ".venv", "node_modules", ".local", "staticfiles", "__pycache__", "vendor", "tests", "bench", ".git", "*.mo"
        ),
    )
    command = [sys.executable, "-P", "-m", "django", "makemessages", "-l", "zh_Hans", "--no-location", "--no-obsolete"]
    for pattern in IGNORE + ignores:
        command += ["--ignore", pattern]
    subprocess.run(command, cwd=copy, check=True, capture_output=True)
    fresh = polib.pofile(str(_po(copy)))
    committed = polib.pofile(str(_po(directory)))
    known = {(entry.msgctxt, entry.msgid) for entry in committed}
    missing = sorted(entry.msgid for entry in fresh if (entry.msgctxt, entry.msgid) not in known)
    assert not missing, f"strings not in {_po(directory).relative_to(ROOT)}: {missing[:10]}"
