"""Disclosure control: no published figure, nor any difference of published figures, describes fewer than k firms."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from observatory.disclosure import Cell, Line, protect

K = 3


def _table(assignment: list[tuple[str, str]]) -> tuple[dict, list[Line]]:
    """Firms (by index) placed in (row, column) cells, with row, column and grand totals, as compute builds them."""
    cells: dict = {}
    for firm, (row, col) in enumerate(assignment):
        for key in (("c", row, col), ("r", row), ("k", col), ("all",)):
            cells.setdefault(key, Cell.empty()).add(1, firm)
    rows = sorted({row for row, _col in assignment})
    cols = sorted({col for _row, col in assignment})
    lines = [Line(tuple(("c", r, c) for c in cols), ("r", r)) for r in rows]
    lines += [Line(tuple(("c", r, c) for r in rows), ("k", c)) for c in cols]
    lines += [Line(tuple(("r", r) for r in rows), ("all",)), Line(tuple(("k", c) for c in cols), ("all",))]
    return cells, lines


def _attack(cells: dict, lines: list[Line], hidden: set) -> list[str]:
    """What a reader recovers by subtracting published figures, line by line: the failures found."""
    failures = []
    for key, cell in cells.items():
        if key not in hidden and 0 < len(cell.groups[0]) < K:
            failures.append(f"published {key} describes {len(cell.groups[0])} firms")
    for line in lines:
        if line.total in hidden:
            continue
        secret = [m for m in line.members if m in hidden and m in cells]
        firms: set[int] = set()
        for m in secret:
            firms |= cells[m].groups[0]
        if len(secret) == 1 or (secret and len(firms) < K):
            failures.append(f"{line.total} minus its published members recovers {secret} ({len(firms)} firms)")
    return failures


def test_a_cell_of_two_firms_is_hidden() -> None:
    cells, lines = _table([("33", "C")] * 5 + [("33", "I")] * 2 + [("44", "C")] * 4)
    hidden = protect(cells, lines, K)
    assert ("c", "33", "I") in hidden
    assert ("c", "33", "C") not in hidden or ("r", "33") in hidden


def test_a_lone_hidden_cell_gets_a_companion_so_the_row_total_cannot_reveal_it() -> None:
    # Zhejiang: 6 textile firms, 1 software firm, 5 finance firms; the row total would give the software firm away.
    cells, lines = _table([("33", "C")] * 6 + [("33", "I")] + [("33", "J")] * 5 + [("44", "C")] * 4 + [("44", "J")] * 3)
    hidden = protect(cells, lines, K)
    assert ("c", "33", "I") in hidden
    assert len([key for key in hidden if key[:2] == ("c", "33")]) >= 2 or ("r", "33") in hidden
    assert _attack(cells, lines, hidden) == []


def test_two_small_hidden_cells_whose_sum_is_still_small_are_not_enough() -> None:
    # Two single-firm cells: their sum (2 firms) could still be recovered, so a third cell is hidden.
    cells, lines = _table([("33", "A")] + [("33", "B")] + [("33", "C")] * 7 + [("44", "C")] * 9)
    hidden = protect(cells, lines, K)
    assert _attack(cells, lines, hidden) == []


def test_a_flow_needs_k_firms_on_both_sides() -> None:
    cell = Cell.empty(2)
    for absorber in range(5):
        cell.add(3, absorber, 100)  # five absorbers, one source firm
    assert protect({("flow", "33", "44"): cell}, [], K) == {("flow", "33", "44")}


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(["11", "31", "33", "44", "54"]), st.sampled_from(["A", "C", "I", "J"])),
        min_size=1,
        max_size=60,
    )
)
def test_no_table_lets_a_reader_recover_fewer_than_k_firms(assignment: list[tuple[str, str]]) -> None:
    cells, lines = _table(assignment)
    hidden = protect(cells, lines, K)
    assert _attack(cells, lines, hidden) == []
