"""What a reader of the templates and the style sheets can check without a browser: every table header cell
states its scope, and no rule takes the focus ring away from something the keyboard reaches."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SKIP = {".venv", "node_modules", ".local", "staticfiles", "tests", "examples", "bench"}


def _templates() -> list[Path]:
    return [path for path in ROOT.rglob("*.html") if not SKIP & set(path.relative_to(ROOT).parts)]


def test_every_table_header_cell_states_its_scope() -> None:
    unscoped = [
        f"{path.relative_to(ROOT)}: {cell}"
        for path in _templates()
        for cell in re.findall(r"<th(?:\s[^>]*)?>", path.read_text(encoding="utf-8"))
        if "scope=" not in cell
    ]
    assert not unscoped, unscoped


def test_no_style_removes_the_focus_ring_from_a_control() -> None:
    removed = []
    for sheet in (ROOT / "static" / "css").glob("*.css"):
        for selector, body in re.findall(r"([^{}]+)\{([^}]*)\}", sheet.read_text(encoding="utf-8")):
            if re.search(r"outline:\s*(none|0)\b", body) and selector.strip() != "main:focus":
                removed.append(f"{sheet.name}: {selector.strip()}")
    assert not removed, removed
    assert ":focus-visible" in (ROOT / "static" / "css" / "app.css").read_text(encoding="utf-8")
