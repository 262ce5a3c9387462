"""What a region's figures may show: small counts hidden, and nothing that gives one away.

Each test builds a report's figures and the sums between them by hand, resolves them, and
compares every figure with what it must read. The last test checks the rule itself on a few
hundred random reports: after `resolve`, no hidden figure can be worked out from what is shown.
"""

import random
from collections.abc import Iterator
from typing import Any

from fosterhub.reports.disclosure import PLAIN, Count, Disclosure, _Index

FEWER, WITHHELD = "fewer than 5", "withheld"


# Primary suppression


def test_a_count_from_1_to_4_reads_fewer_than_5_and_0_and_5_are_shown() -> None:
    fig = Disclosure()
    counts = [fig.count(n) for n in (0, 1, 2, 3, 4, 5, 6, 120)]
    assert fig.resolve(counts) == [0, FEWER, FEWER, FEWER, FEWER, 5, 6, 120]


def test_figures_that_are_not_counts_pass_through() -> None:
    fig = Disclosure()
    tree = {"stage": "enquiry", "label": None, "n": fig.count(3), "rows": [{"m": fig.count(7)}]}
    assert fig.resolve(tree) == {"stage": "enquiry", "label": None, "n": FEWER, "rows": [{"m": 7}]}


# Secondary suppression: one sum at a time


def test_a_total_of_shown_parts_and_one_hidden_part_is_withheld() -> None:
    # 9 = 5 + "fewer than 5" would make the hidden part 4.
    fig = Disclosure()
    total, shown, small = fig.count(9), fig.count(5), fig.count(4)
    fig.adds_up(total, [shown, small])
    assert fig.resolve([total, shown, small]) == [WITHHELD, 5, FEWER]


def test_a_total_whose_parts_are_all_shown_or_zero_stays() -> None:
    fig = Disclosure()
    total, parts = fig.count(11), [fig.count(n) for n in (5, 0, 6)]
    fig.adds_up(total, parts)
    assert fig.resolve([total, parts]) == [11, [5, 0, 6]]


def test_a_hidden_total_with_all_its_parts_shown_withholds_its_smallest_part_not_a_zero() -> None:
    # A total broken down two ways (as withdrawals by code and by stage): 27 = 23 + 4 withholds
    # the 27, which 0 + 9 + 6 + 12 would give away again. The 6, smallest but for the 0, goes.
    fig = Disclosure()
    total = fig.count(27)
    by_code = [fig.count(23), fig.count(4)]
    by_stage = [fig.count(n) for n in (0, 9, 6, 12)]
    fig.adds_up(total, by_code)
    fig.adds_up(total, by_stage)
    assert fig.resolve([total, by_code, by_stage]) == [
        WITHHELD,
        [23, FEWER],
        [0, 9, WITHHELD, 12],
    ]


def test_two_hidden_parts_that_could_be_several_pairs_stay_beside_their_total() -> None:
    # 5 = "fewer than 5" + "fewer than 5": 1 + 4, 2 + 3, 3 + 2 or 4 + 1.
    fig = Disclosure()
    total, a, b = fig.count(5), fig.count(4), fig.count(1)
    fig.adds_up(total, [a, b])
    # 10 = 7 + two hidden parts: they add up to 3, so 1 + 2 or 2 + 1.
    other, c, d, e = fig.count(10), fig.count(7), fig.count(1), fig.count(2)
    fig.adds_up(other, [c, d, e])
    assert fig.resolve([total, a, b, other, c, d, e]) == [5, FEWER, FEWER, 10, 7, FEWER, FEWER]


def test_two_hidden_parts_that_can_only_be_4_and_4_withhold_their_total() -> None:
    fig = Disclosure()
    total, a, b = fig.count(8), fig.count(4), fig.count(4)
    fig.adds_up(total, [a, b])
    assert fig.resolve([total, a, b]) == [WITHHELD, FEWER, FEWER]


def test_a_small_total_over_hidden_parts_that_could_vary_stays_fewer_than_5() -> None:
    # "fewer than 5" = "fewer than 5" + "fewer than 5": 1 + 1 up to 3 + 1.
    fig = Disclosure()
    total, a, b = fig.count(2), fig.count(1), fig.count(1)
    fig.adds_up(total, [a, b])
    assert fig.resolve([total, a, b]) == [FEWER, FEWER, FEWER]


def test_four_hidden_parts_under_a_total_of_fewer_than_5_withhold_the_total() -> None:
    # Four parts of at least 1 under a total of at most 4: each would be known to be 1.
    fig = Disclosure()
    total, parts = fig.count(4), [fig.count(1) for _ in range(4)]
    fig.adds_up(total, parts)
    assert fig.resolve([total, parts]) == [WITHHELD, [FEWER] * 4]


def test_a_sum_that_does_not_hold_is_not_reasoned_with() -> None:
    # A builder's slip (parts that do not add up) must not be taken as a sum: no withholding.
    fig = Disclosure()
    total, shown, small = fig.count(9), fig.count(6), fig.count(4)
    fig.adds_up(total, [shown, small])
    assert fig.relations == []
    assert fig.resolve([total, shown, small]) == [9, 6, FEWER]


def test_a_divisor_that_is_never_printed_takes_no_part_in_sums() -> None:
    fig = Disclosure()
    total, divisor, small = fig.count(9), fig.count(5, shown=False), fig.count(4)
    fig.adds_up(total, [divisor, small])
    assert fig.relations == []
    assert fig.resolve([total, small]) == [9, FEWER]


# Secondary suppression: the sums together


def test_a_figure_pinned_by_two_sums_together_opens_a_shown_figure() -> None:
    # 7 = x + y says y is 3 or 4; "fewer than 5" = y + u says y is at most 3. Together:
    # y = 3, x = 4, and the small total 4 with u = 1. Withholding the 7 frees them all.
    fig = Disclosure()
    seven, x, y, small_total, u = (fig.count(n) for n in (7, 4, 3, 4, 1))
    fig.adds_up(seven, [x, y])
    fig.adds_up(small_total, [y, u])
    assert fig.resolve([seven, x, y, small_total, u]) == [WITHHELD, FEWER, FEWER, FEWER, FEWER]


def test_withholding_cascades_until_no_sum_gives_a_figure_away() -> None:
    # The region's 20 = Alpha's 15 + Beta's 5; Alpha's 15 = 11 + 4. The 4 withholds Alpha's 15,
    # which then, hidden alone beside Beta's 5, withholds the region's 20.
    fig = Disclosure()
    region, alpha, beta = fig.count(20), fig.count(15), fig.count(5)
    shown, small = fig.count(11), fig.count(4)
    fig.adds_up(alpha, [shown, small])
    fig.adds_up(region, [alpha, beta])
    assert fig.resolve([region, alpha, beta, shown, small]) == [WITHHELD, WITHHELD, 5, 11, FEWER]


def test_a_grid_of_sums_does_not_give_a_count_away_through_the_regions_two_totals() -> None:
    # Three councils by three groups, with every margin:
    #   Alpha  4  3  1 |  8
    #   Beta   1  4  9 | 14
    #   Gamma  5  4  5 | 14
    #         10 11 15 | 36
    # Sum by sum, the small counts withhold Gamma's 14, the third column's 15 and the 36 (and
    # Gamma's last 5). No sum then pins anything, but the 36 is both 10 + 11 + 15 and
    # 8 + 14 + 14, so the third column is Gamma's total plus 1: Alpha's 1 + 9 + Gamma's 5 =
    # 5 + Gamma's 4 + Gamma's 5 + 1, making Gamma's 4 Alpha's 1 plus 3: only 1 and 4 fit.
    # Withholding Alpha's 8 frees them.
    fig = Disclosure()
    grid = [[4, 3, 1], [1, 4, 9], [5, 4, 5]]
    cells = [[fig.count(n) for n in row] for row in grid]
    rows = [fig.count(sum(row)) for row in grid]
    columns = [fig.count(sum(column)) for column in zip(*grid, strict=True)]
    total = fig.count(36)
    for row, cell_row in zip(rows, cells, strict=True):
        fig.adds_up(row, cell_row)
    for j, column in enumerate(columns):
        fig.adds_up(column, [row[j] for row in cells])
    fig.adds_up(total, rows)
    fig.adds_up(total, columns)
    assert fig.resolve({"cells": cells, "rows": rows, "columns": columns, "total": total}) == {
        "cells": [[FEWER, FEWER, FEWER], [FEWER, FEWER, 9], [5, FEWER, WITHHELD]],
        "rows": [WITHHELD, 14, WITHHELD],
        "columns": [10, 11, WITHHELD],
        "total": WITHHELD,
    }
    assert hidden_counts_only_one_value_fits(fig) == []


def test_sums_between_trees_pair_figures_by_place_and_a_missing_place_is_zero() -> None:
    # Alpha's list is in another order and Beta has no `withdrawn`: the region's withdrawn
    # 6 = Alpha's 6 (+ Beta's 0); its enquiry 9 = Alpha's 4 + Beta's 5 gives 4 away.
    fig = Disclosure()

    def tree(enquiry: int, withdrawn: int | None) -> dict[str, Any]:
        stages = [{"stage": "enquiry", "count": fig.count(enquiry)}]
        if withdrawn is not None:
            stages.insert(0, {"stage": "withdrawn", "count": fig.count(withdrawn)})
        return {"stages": stages}

    alpha, beta, region = tree(4, 6), tree(5, None), tree(9, 6)
    region["stages"].reverse()
    fig.adds_up_trees(region, [alpha, beta])
    assert fig.resolve([alpha, beta, region]) == [
        {"stages": [{"stage": "withdrawn", "count": 6}, {"stage": "enquiry", "count": FEWER}]},
        {"stages": [{"stage": "enquiry", "count": 5}]},
        {"stages": [{"stage": "enquiry", "count": WITHHELD}, {"stage": "withdrawn", "count": 6}]},
    ]


# Figures made from counts


def test_rates_averages_and_differences_made_from_a_hidden_count_are_null() -> None:
    fig = Disclosure()
    small, five, nine, twelve, zero = (fig.count(n) for n in (3, 5, 9, 12, 0))
    withheld = fig.count(16)
    fig.adds_up(withheld, [twelve, fig.count(4)])  # 16 = 12 + 4 is withheld
    figures = {
        "small_over_shown": fig.rate(small, nine),
        "shown_over_small": fig.rate(five, small),
        "shown_over_withheld": fig.rate(nine, withheld),
        "shown_over_shown": fig.rate(five, nine),
        "over_zero": fig.rate(zero, zero),
        "guarded_by_a_hidden_count": fig.rate(five, nine, guards=[small]),
        "guarded_by_a_shown_count": fig.rate(five, nine, guards=[twelve]),
        "median_of_3": fig.over(2.0, small),
        "median_of_5": fig.over(2.345, five),
        "median_of_none": fig.over(None, zero),
        "average_in_years": fig.over(7.25, twelve, 1),
        "net_with_a_hidden_count": fig.difference(five, small),
        "net_of_shown_counts": fig.difference(five, nine),
    }
    assert fig.resolve(figures) == {
        "small_over_shown": None,
        "shown_over_small": None,
        "shown_over_withheld": None,
        "shown_over_shown": 0.5556,
        "over_zero": None,
        "guarded_by_a_hidden_count": None,
        "guarded_by_a_shown_count": 0.5556,
        "median_of_3": None,
        "median_of_5": 2.35,
        "median_of_none": None,
        "average_in_years": 7.2,
        "net_with_a_hidden_count": None,
        "net_of_shown_counts": -4,
    }


def test_plain_figures_show_every_count_as_it_is() -> None:
    assert [PLAIN.count(n) for n in (0, 1, 4, 5)] == [0, 1, 4, 5]
    assert (PLAIN.rate(1, 3), PLAIN.rate(2, 2), PLAIN.rate(0, 0)) == (0.3333, 1.0, None)
    assert (PLAIN.over(2.345, 1), PLAIN.over(7.25, 3, 1), PLAIN.over(None, 3)) == (2.35, 7.2, None)
    assert PLAIN.over(1.0, 0) is None
    assert (PLAIN.difference(1, 4), PLAIN.value(3)) == (-3, 3)
    # Sums change nothing: a council's own figures are all shown.
    assert PLAIN.adds_up(9, [5, 4]) is None
    assert PLAIN.adds_up_trees({"n": 9}, [{"n": 5}, {"n": 4}]) is None
    assert PLAIN.suppress is False and Disclosure.suppress is True


# The rule itself, on random reports


def hidden_counts_only_one_value_fits(fig: Disclosure) -> list[Count]:
    """The hidden counts that only one value fits, by exhaustive search over what a reader
    knows: each figure shown; 1 to 4 for "fewer than 5"; for "withheld", 5 or more (1 or more
    for a total of 1 to 4 withheld for its parts: the reader is even told which those are);
    and every declared sum. Independent of `Disclosure`'s own reasoning."""
    cap = 2 * max([c.value for c in fig.counts] + [0]) + 5  # ample: more only costs time
    lo: dict[int, int] = {}
    hi: dict[int, int] = {}
    for cell in fig.counts:
        read = fig.resolve(cell)
        if read == FEWER:
            lo[id(cell)], hi[id(cell)] = 1, 4
        elif read == WITHHELD:
            lo[id(cell)], hi[id(cell)] = (5 if cell.value >= 5 else 1), cap
        else:
            lo[id(cell)] = hi[id(cell)] = read
    only_one = []
    for cell in fig.counts:
        if lo[id(cell)] == hi[id(cell)]:
            continue  # shown
        # Nearest first: where another value fits, one next to the true value usually does.
        others = sorted(range(lo[id(cell)], hi[id(cell)] + 1), key=lambda v: abs(v - cell.value))
        others.remove(cell.value)
        if not any(_fits(fig, {**lo, id(cell): v}, {**hi, id(cell): v}) for v in others):
            only_one.append(cell)
    return only_one


def _fits(fig: Disclosure, lo: dict[int, int], hi: dict[int, int]) -> bool:
    """Whether whole numbers within the bounds make every sum hold (narrow, then branch)."""
    changed = True
    while changed:
        changed = False
        for total, parts in fig.relations:
            t = id(total)
            parts_lo, parts_hi = sum(lo[id(p)] for p in parts), sum(hi[id(p)] for p in parts)
            narrowed = {t: (max(lo[t], parts_lo), min(hi[t], parts_hi))}
            for p in parts:
                others_lo, others_hi = parts_lo - lo[id(p)], parts_hi - hi[id(p)]
                narrowed[id(p)] = (
                    max(lo[id(p)], lo[t] - others_hi),
                    min(hi[id(p)], hi[t] - others_lo),
                )
            for key, (low, high) in narrowed.items():
                if low > high:
                    return False
                if (low, high) != (lo[key], hi[key]):
                    lo[key], hi[key], changed = low, high, True
    open_cell = next((key for key in lo if lo[key] < hi[key]), None)
    if open_cell is None:
        return True
    return any(
        _fits(fig, {**lo, open_cell: v}, {**hi, open_cell: v})
        for v in range(lo[open_cell], hi[open_cell] + 1)
    )


def random_report(rng: random.Random) -> tuple[Disclosure, Any]:
    """Two or three councils, each a small table with every margin (as a withdrawals report's
    codes by stage), and the region's table of their sums: the shapes regional reports make."""
    fig = Disclosure()

    def table(grid: list[list[int]]) -> dict[str, Any]:
        cells = [[fig.count(n) for n in row] for row in grid]
        rows = [fig.count(sum(row)) for row in grid]
        columns = [fig.count(sum(col)) for col in zip(*grid, strict=True)]
        total = fig.count(sum(map(sum, grid)))
        for row, cell_row in zip(rows, cells, strict=True):
            fig.adds_up(row, cell_row)
        for j, column in enumerate(columns):
            fig.adds_up(column, [row[j] for row in cells])
        fig.adds_up(total, columns)
        if len(rows) > 1:
            fig.adds_up(total, rows)
        return {
            "total": total,
            "rows": [{"key": i, "count": c} for i, c in enumerate(rows)],
            "columns": [{"code": j, "count": c} for j, c in enumerate(columns)],
            "cells": [
                {"key": i, "code": j, "count": c}
                for i, row in enumerate(cells)
                for j, c in enumerate(row)
            ],
        }

    councils, height, width = rng.randint(2, 3), rng.randint(1, 2), rng.randint(2, 3)
    values = [0, 1, 2, 3, 4, 5, 6, 7, 9, 12]
    grids = [
        [[rng.choice(values) for _ in range(width)] for _ in range(height)] for _ in range(councils)
    ]
    trees = [table(grid) for grid in grids]
    summed = [[sum(g[i][j] for g in grids) for j in range(width)] for i in range(height)]
    region = table(summed)
    fig.adds_up_trees(region, trees)
    return fig, {"councils": trees, "total": region}


def test_on_random_reports_no_hidden_count_can_be_worked_out_from_what_is_shown() -> None:
    for seed in range(300):
        fig, tree = random_report(random.Random(seed))
        shown = fig.resolve(tree)
        assert hidden_counts_only_one_value_fits(fig) == [], seed
        # Every figure shown is the true one, and no count from 1 to 4 is shown.
        for cell, read in _pairs(tree, shown):
            if read == FEWER:
                assert 1 <= cell.value <= 4, seed
            elif read != WITHHELD:
                assert read == cell.value and read not in (1, 2, 3, 4), seed


def _pairs(tree: Any, shown: Any) -> Iterator[tuple[Count, Any]]:
    """Each count of a report with what it reads after `resolve`."""
    if isinstance(tree, Count):
        yield tree, shown
    elif isinstance(tree, dict):
        for key, value in tree.items():
            yield from _pairs(value, shown[key])
    elif isinstance(tree, list):
        for item, read in zip(tree, shown, strict=True):
            yield from _pairs(item, read)


def test_a_large_report_still_hides_every_small_count_and_leaves_no_sum_one_hidden_figure() -> None:
    # Six councils by five groups, each a small table with every margin, added up by council,
    # by group and in total: more than the search for other values has steps for, so the
    # bounds judge the rest. Every rule that works sum by sum still holds everywhere.
    rng = random.Random(1)
    fig = Disclosure()
    values = [0, 0, 1, 2, 3, 4, 5, 6, 8, 11]
    grids = {
        (c, g): [[rng.choice(values) for _ in range(3)] for _ in range(2)]
        for c in range(6)
        for g in range(5)
    }

    def table(grid: list[list[int]]) -> dict[str, Any]:
        cells = [[fig.count(n) for n in row] for row in grid]
        rows = [fig.count(sum(row)) for row in grid]
        total = fig.count(sum(map(sum, grid)))
        for row, cell_row in zip(rows, cells, strict=True):
            fig.adds_up(row, cell_row)
        fig.adds_up(total, rows)
        return {
            "total": total,
            "rows": [{"key": i, "count": c} for i, c in enumerate(rows)],
            "cells": [
                {"key": i, "code": j, "count": c}
                for i, row in enumerate(cells)
                for j, c in enumerate(row)
            ],
        }

    def summed(keys: list[tuple[int, int]]) -> list[list[int]]:
        return [[sum(grids[k][i][j] for k in keys) for j in range(3)] for i in range(2)]

    trees = {k: table(grid) for k, grid in grids.items()}
    by_council = [table(summed([(c, g) for g in range(5)])) for c in range(6)]
    by_group = [table(summed([(c, g) for c in range(6)])) for g in range(5)]
    total = table(summed(list(grids)))
    for c, tree in enumerate(by_council):
        fig.adds_up_trees(tree, [trees[c, g] for g in range(5)])
    for g, tree in enumerate(by_group):
        fig.adds_up_trees(tree, [trees[c, g] for c in range(6)])
    fig.adds_up_trees(total, by_council)
    fig.adds_up_trees(total, by_group)
    report = {"trees": list(trees.values()), "councils": by_council, "groups": by_group}
    shown = fig.resolve({**report, "total": total})

    for counted, read in _pairs({**report, "total": total}, shown):
        assert read in (FEWER, WITHHELD) or (read == counted.value and read not in (1, 2, 3, 4))
    for whole, parts in fig.relations:
        assert sum(c.hidden for c in (whole, *parts)) != 1


def _bounds_by_full_sweeps(fig: Disclosure) -> list[Count]:
    """Bounds propagation done the plain way: every sum in turn, again and again, until no
    bound narrows. What `Disclosure` reaches by only looking again at the sums that changed."""
    lo = {id(c): c.bounds()[0] for c in fig.counts}
    hi = {id(c): c.bounds()[1] for c in fig.counts}
    inf = float("inf")
    changed = True
    while changed:
        changed = False
        for total, parts in fig.relations:
            for cell in (total, *parts):
                others = [p for p in parts if p is not cell]
                if cell is total:
                    new_lo = sum(lo[id(p)] for p in parts)
                    new_hi = sum(hi[id(p)] for p in parts)
                else:
                    others_hi = sum(hi[id(p)] for p in others)
                    new_lo = lo[id(total)] - others_hi if others_hi != inf else -inf
                    new_hi = hi[id(total)] - sum(lo[id(p)] for p in others)
                if new_lo > lo[id(cell)]:
                    lo[id(cell)], changed = new_lo, True
                if new_hi < hi[id(cell)]:
                    hi[id(cell)], changed = new_hi, True
    return [c for c in fig.counts if c.hidden and lo[id(c)] >= hi[id(c)]]


def test_bounds_looked_at_again_only_where_they_changed_are_those_of_full_sweeps() -> None:
    for seed in range(200):
        rng = random.Random(seed)
        fig, _ = random_report(rng)
        for cell in fig.counts:  # withheld at random (never a 0), as deciding does one by one
            if cell.value and rng.random() < 0.3:
                cell.state = "withheld"
        fig._index = _Index(fig.counts, fig.relations)
        assert fig._pinned_by_bounds() == _bounds_by_full_sweeps(fig), seed
