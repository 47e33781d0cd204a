"""Form widgets shared by the domains' forms."""

from __future__ import annotations

from typing import Any

from django import forms


class SearchableSelectMultiple(forms.SelectMultiple):
    """A multi-select the browser turns into a searchable picker (Tom Select, static/js/searchable.js).

    Without JavaScript it stays a plain multiple select; with it, a person types part of a name or a
    code (纺织, textile, 17) instead of scanning a wall of ninety-seven checkboxes.
    """

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs={"data-searchable": "", "size": 8, **(attrs or {})})
