"""Disclosure control for open statistics: no published figure describes fewer than k firms.

A table is a set of cells keyed by any hashable key, each with a value and the firms it describes
(one group of firms, or two for a flow: the firms on each side). Lines say which cells add up to
which published total (a province row adds up to the province total, the province totals add up
to the national total). Protection runs in two passes:

1. Primary suppression: a non-zero cell describing fewer than k firms (in any of its groups) is
   hidden.
2. Complementary suppression: in every line whose total is published, the hidden cells together
   must not be recoverable by subtraction. A lone hidden cell would be (total minus the rest), and so
   would a set of hidden cells whose firms together number fewer than k (their sum describes them).
   So while a line has such hidden cells, the smallest visible non-zero cell of the line is hidden too,
   or, when none is left, the line's total. Hiding a total makes it a hidden cell of the line it
   belongs to, so the passes repeat until nothing changes.

Every published table of the observatory is cut from one set of cells protected together, so the
same cell is hidden everywhere it appears and two tables cannot be subtracted to reveal it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

Key = tuple[str, ...]  # (table, dimension values...)


@dataclass
class Cell:
    """One figure and the firms it describes (``groups``: one set, or one per side of a flow)."""

    value: float = 0.0
    groups: tuple[set[int], ...] = field(default_factory=lambda: (set(),))

    @classmethod
    def empty(cls, width: int = 1) -> Cell:
        return cls(0.0, tuple(set() for _ in range(width)))

    def add(self, value: float, *firms: int) -> None:
        """Add ``value`` contributed by ``firms`` (one firm per group)."""
        self.value += value
        for group, firm in zip(self.groups, firms, strict=True):
            group.add(firm)


@dataclass(frozen=True)
class Line:
    """Cells that add up to a published total (``total``), so differencing can reach them."""

    members: tuple[Key, ...]
    total: Key


def sensitive(cell: Cell, k: int) -> bool:
    """A non-zero cell that describes fewer than k firms in any of its groups."""
    return cell.value != 0 and any(len(group) < k for group in cell.groups)


def _covered(cells: Mapping[Key, Cell], hidden: list[Key], k: int) -> bool:
    """Do hidden cells, recoverable only as their sum, together describe at least k firms in every group?"""
    if len(hidden) < 2:
        return False
    width = len(cells[hidden[0]].groups)
    for index in range(width):
        union: set[int] = set()
        for key in hidden:
            union |= cells[key].groups[index]
        if len(union) < k:
            return False
    return True


def protect(cells: Mapping[Key, Cell], lines: Iterable[Line], k: int) -> set[Key]:
    """The keys to hide so that no published figure, nor any difference of published figures, describes < k firms."""
    lines = list(lines)
    hidden = {key for key, cell in cells.items() if sensitive(cell, k)}
    changed = True
    while changed:
        changed = False
        for line in lines:
            if line.total in hidden:
                continue
            present = [key for key in line.members if key in cells]  # absent cells are zeros
            inside = [key for key in present if key in hidden and cells[key].value != 0]
            if not inside or _covered(cells, inside, k):
                continue
            visible = [key for key in present if key not in hidden and cells[key].value != 0]
            if visible:
                hidden.add(min(visible, key=lambda key: (cells[key].value, repr(key))))
            else:
                hidden.add(line.total)
            changed = True
    return hidden


def published(cells: Mapping[Key, Cell], hidden: set[Key]) -> dict[Key, float | None]:
    """Each cell's value, or None where it is hidden."""
    return {key: (None if key in hidden else cell.value) for key, cell in cells.items()}
