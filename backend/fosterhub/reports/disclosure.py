"""What a region's figures may show: small counts hidden, and the figures that would give them away.

A regional report is built as a tree of `Count`s (and the rates, averages and differences made
from them) while the sums that hold between its figures are declared: each council's figure and
the region's (`adds_up_trees`), and a breakdown and its total within a row (`adds_up`).
`Disclosure.resolve` then decides what every figure reads and returns the tree with plain values.

Primary suppression: a count from 1 to 4 reads "fewer than 5" (0 stays 0).

Secondary suppression: a hidden count must not be worked out from the figures shown beside it.
Every sum (a total and its parts) must hold no hidden figure or at least two, and no hidden
figure may be pinned to one value by that sum, knowing that "fewer than 5" is 1 to 4 and that
"withheld" is 5 or more. Where a sum breaks this, one more of its figures is withheld: its total
when the hidden figure is a part (a withheld total tells nothing about a part: it could be any
number from 5 up), else its smallest shown part other than 0. Hiding a figure can break another
sum, so the rule runs until nothing changes; then the whole report is checked at once, and
anything still pinned opens the nearest shown figure. A hidden figure passes that check only when
another set of values fits every figure shown and every sum and gives it a different value (found
by moving it by one and putting the sums right again one figure at a time). Bounds narrowed sum
by sum are not enough: a grid of sums can pin a figure that no sum pins on its own (a region's
total is both its councils' totals and its groups' totals added up, which ties together figures
that share no sum). The search is exhaustive but has a budget per report (`_WITNESS_STEPS`),
ample for a region of a few councils; a larger report, once it is spent, has the rest of its
hidden figures judged by the bounds alone, which can miss such a pin (an exact check at any size
needs integer programming). A council's own reports use `PLAIN`, which shows every figure as it
is.
"""

import math
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Protocol

from fosterhub.reports.schemas import FEWER_THAN_5, WITHHELD

ROUND_RATE = 4

# Keys that name an item of a list in a report (a stage, a code, a reason...): figures at the
# same place in two councils' rows are the same figure.
IDENTITY_KEYS = ("stage", "next_stage", "outcome", "code", "reason", "channel", "key")

_SHOWN, _SMALL, _HIDDEN = "shown", "small", "withheld"
_INF = math.inf
# Bounds propagation converges quickly on the reports' few sums; the cap only stops a
# pathological slow approach (the bounds found by then are still true, only less tight).
_SWEEPS = 60
# The search for other values that fit (`_Sums.other_values`): a figure with none found within
# this many moves counts as pinned (more is withheld, never less). The steps are for a whole
# report: a region of two or three councils needs a few hundred (up to some ten thousand where
# a pin has to be proved), and they are spent in about three seconds. A report too large for
# them (many councils, split finely) has the rest of its hidden figures judged by the bounds.
_WITNESS_MOVES = 24
_WITNESS_STEPS = 40_000


class Count:
    """One count of a report: its true value, and what it will read."""

    __slots__ = ("shown", "state", "value")

    def __init__(self, value: int, *, shown: bool = True) -> None:
        self.value = int(value)
        self.shown = shown  # False: never printed, only a divisor of a rate
        self.state = _SMALL if 0 < self.value < 5 else _SHOWN

    @property
    def hidden(self) -> bool:
        return self.state != _SHOWN

    def bounds(self) -> tuple[float, float]:
        """What a reader knows of the count from what it reads."""
        if self.state == _SHOWN:
            return self.value, self.value
        if self.state == _SMALL:
            return 1, 4
        # "withheld": 5 or more (a count of 1 to 4 would read "fewer than 5"), except the one
        # total of 1 to 4 withheld so that its four hidden parts are not each known to be 1.
        return (5 if self.value >= 5 else 1), _INF

    def __repr__(self) -> str:  # for test failures
        return f"Count({self.value}, {self.state})"


class Rate:
    __slots__ = ("guards", "part", "whole")

    def __init__(self, part: Count, whole: Count, guards: tuple[Count, ...]) -> None:
        self.part, self.whole, self.guards = part, whole, guards


class Average:
    __slots__ = ("digits", "n", "value")

    def __init__(self, value: float | None, n: Count, digits: int) -> None:
        self.value, self.n, self.digits = value, n, digits


class Difference:
    __slots__ = ("a", "b")

    def __init__(self, a: Count, b: Count) -> None:
        self.a, self.b = a, b


Relation = tuple[Count, tuple[Count, ...]]


class Figures(Protocol):
    """How a report's builders make their figures: `PLAIN` or a `Disclosure`."""

    suppress: bool

    def count(self, n: int, *, shown: bool = True) -> Any: ...

    def rate(self, part: Any, whole: Any, *, guards: Sequence[Any] = ()) -> Any: ...

    def over(self, value: float | None, n: Any, digits: int = 2) -> Any: ...

    def difference(self, a: Any, b: Any) -> Any: ...

    def adds_up(self, total: Any, parts: Iterable[Any]) -> None: ...

    def adds_up_trees(self, total: Any, parts: Sequence[Any]) -> None: ...


class Plain:
    """A council's own figures: every count as it is."""

    suppress = False

    def count(self, n: int, *, shown: bool = True) -> int:
        return int(n)

    def rate(self, part: int, whole: int, *, guards: Sequence[int] = ()) -> float | None:
        return None if whole == 0 else round(part / whole, ROUND_RATE)

    def over(self, value: float | None, n: int, digits: int = 2) -> float | None:
        """A median, percentile or average over `n` things."""
        return None if value is None or n == 0 else round(float(value), digits)

    def difference(self, a: int, b: int) -> int:
        return a - b

    def value(self, count: int) -> int:
        return count

    def adds_up(self, total: int, parts: Iterable[int]) -> None:
        return None

    def adds_up_trees(self, total: Any, parts: Sequence[Any]) -> None:
        return None


PLAIN = Plain()


class Disclosure:
    """One regional report's figures, suppressed together (make one per report)."""

    suppress = True

    def __init__(self) -> None:
        self.counts: list[Count] = []
        self.relations: list[Relation] = []
        self._seen: set[tuple[int, ...]] = set()
        self._decided = False
        # Hidden counts known to have another possible value (hiding more never undoes that).
        self._varying: set[int] = set()
        self._steps = [_WITNESS_STEPS]
        self._index: _Index  # made by `_decide`
        self._sums: _Sums

    # Building

    def count(self, n: int, *, shown: bool = True) -> Count:
        cell = Count(n, shown=shown)
        self.counts.append(cell)
        return cell

    def rate(self, part: Count, whole: Count, *, guards: Sequence[Count] = ()) -> Rate:
        """part / whole, withheld when either is hidden (with the whole shown, a rate gives its
        part away, and the other way round), or any of `guards` is."""
        return Rate(part, whole, tuple(guards))

    def over(self, value: float | None, n: Count, digits: int = 2) -> Average:
        """A median, percentile or average over `n` things: withheld when there are 1 to 4."""
        return Average(value, n, digits)

    def difference(self, a: Count, b: Count) -> Difference:
        return Difference(a, b)

    def value(self, count: Count) -> int:
        return count.value

    def adds_up(self, total: Count, parts: Iterable[Count]) -> None:
        """Declares total = sum of parts (skipped if the true figures do not add up, so no
        false sum is ever reasoned with)."""
        kept = tuple(p for p in parts if p is not total)
        if not total.shown or not all(p.shown for p in kept):
            return
        if total.value != sum(p.value for p in kept):
            return
        key = (id(total), *sorted(id(p) for p in kept))
        if key in self._seen:
            return
        self._seen.add(key)
        self.relations.append((total, kept))

    def adds_up_trees(self, total: Any, parts: Sequence[Any]) -> None:
        """Each count of `total` is the sum of the counts at the same place in `parts` (a
        place missing from a part is a zero there)."""
        at: dict[tuple[Any, ...], list[Count]] = {}
        for tree in parts:
            for path, cell in _cells(tree):
                at.setdefault(path, []).append(cell)
        for path, cell in _cells(total):
            self.adds_up(cell, at.get(path, []))

    # Deciding

    def resolve(self, tree: Any) -> Any:
        if not self._decided:
            self._decide()
            self._decided = True
        return _resolved(tree)

    def _decide(self) -> None:
        # The sums do not change while deciding, only what each figure reads: index them once.
        self._index = _Index(self.counts, self.relations)
        self._sums = _Sums(self.relations)
        for _ in range(2 * len(self.counts) + 2):
            while self._sum_by_sum():
                pass
            if not self._open_near(self._pinned()):
                return

    def _hide(self, cell: Count | None) -> bool:
        """Withholds `cell`; its sums are then looked at again by `_sum_by_sum`."""
        if not _withhold(cell):
            return False
        assert cell is not None
        for r in self._index.touching[self._index.number[id(cell)]]:
            self._index.dirty[r] = True
        return True

    def _sum_by_sum(self) -> bool:
        """One pass over the sums: True when a figure was withheld. A sum none of whose figures
        changed since it was last looked at (and then withheld nothing) is skipped: it would
        withhold nothing again."""
        changed = False
        dirty = self._index.dirty
        for r, (total, parts) in enumerate(self.relations):
            if not dirty[r]:
                continue
            dirty[r] = False
            hidden = [c for c in (total, *parts) if c.hidden]
            if not hidden:
                continue
            if len(hidden) == 1:
                if hidden[0] is total:
                    changed |= self._hide(_smallest_shown(parts))
                else:
                    changed |= self._hide(total)
                continue
            pinned = _pinned_by(total, parts)
            if not pinned:
                continue
            if total.state == _SHOWN:
                changed |= self._hide(total)
            elif total.state == _SMALL:
                # A total of 1 to 4 over four hidden parts: each part can only be 1.
                changed |= self._hide(total)
            else:
                changed |= self._hide(_smallest_shown(parts))
        return changed

    def _pinned(self) -> Iterator[Count]:
        """Hidden counts that the sums taken together pin to one value: those the bounds pin,
        then those for which no other values that fit everything shown can be found (looked
        for as they are asked for: one is opened at a time, and opening it may free others)."""
        bounded = self._pinned_by_bounds()
        yield from bounded
        known = {id(c) for c in bounded}
        sums = self._sums
        for cell in self.counts:
            if not cell.hidden or id(cell) in known or id(cell) in self._varying:
                continue
            moved = sums.other_values(cell, self._steps)
            if moved is not None:
                self._varying.update(moved)
            elif self._steps[0] <= 0:
                return  # out of steps: the bounds alone judge the rest
            else:
                yield cell

    def _pinned_by_bounds(self) -> list[Count]:
        """Hidden counts pinned by bounds propagation: each sum narrows what its figures can
        be, and a sum is looked at again whenever one of its figures narrowed, until nothing
        narrows (the same bounds whatever the order: narrowing only ever takes away values)."""
        index = self._index
        lo: list[float] = []
        hi: list[float] = []
        for cell in self.counts:
            low, high = cell.bounds()
            lo.append(low)
            hi.append(high)
        sums, touching = index.sums, index.touching
        queue = deque(range(len(sums)))
        queued = [True] * len(sums)
        budget = _SWEEPS * len(sums)
        while queue and budget:
            budget -= 1
            r = queue.popleft()
            queued[r] = False
            t, parts = sums[r]
            narrowed: list[int] = []
            sum_lo = 0.0
            finite_hi = 0.0
            infinite = 0
            for p in parts:
                sum_lo += lo[p]
                if hi[p] == _INF:
                    infinite += 1
                else:
                    finite_hi += hi[p]
            if sum_lo > lo[t]:
                lo[t] = sum_lo
                narrowed.append(t)
            if not infinite and finite_hi < hi[t]:
                hi[t] = finite_hi
                narrowed.append(t)
            t_lo, t_hi = lo[t], hi[t]
            # Each part is at least the total less the most the others can be, and at most the
            # total less the least they can be (from the bounds as they were on entry).
            for p, p_lo, p_hi in [(p, lo[p], hi[p]) for p in parts]:
                if p_hi == _INF:
                    others_hi = _INF if infinite > 1 else finite_hi
                else:
                    others_hi = _INF if infinite else finite_hi - p_hi
                new_lo = t_lo - others_hi
                new_hi = t_hi - (sum_lo - p_lo)
                if new_lo > lo[p]:
                    lo[p] = new_lo
                    narrowed.append(p)
                if new_hi < hi[p]:
                    hi[p] = new_hi
                    narrowed.append(p)
            for number in narrowed:
                for other in touching[number]:
                    if not queued[other]:
                        queued[other] = True
                        queue.append(other)
        return [c for i, c in enumerate(self.counts) if c.hidden and lo[i] >= hi[i]]

    def _open_near(self, pinned: Iterable[Count]) -> bool:
        """Withholds the shown figure nearest a pinned one (through the sums): the smallest
        first among equally near. False when there is none left to withhold."""
        index = self._index
        for start in pinned:
            seen = {id(start)}
            frontier: deque[Count] = deque([start])
            while frontier:
                ring: list[Count] = []
                for _ in range(len(frontier)):
                    cell = frontier.popleft()
                    for r in index.touching[index.number[id(cell)]]:
                        total, parts = self.relations[r]
                        for other in (total, *parts):
                            if id(other) not in seen:
                                seen.add(id(other))
                                ring.append(other)
                candidates = [c for c in ring if c.state == _SHOWN and c.value > 0]
                if candidates:
                    return self._hide(min(candidates, key=lambda c: c.value))
                smalls = [c for c in ring if c.state == _SMALL]
                if smalls:
                    return self._hide(smalls[0])
                frontier.extend(ring)
        return False


class _Index:
    """A report's sums over its counts by number, for the searches of `Disclosure._decide`."""

    def __init__(self, counts: Sequence[Count], relations: Sequence[Relation]) -> None:
        self.number = number = {id(cell): i for i, cell in enumerate(counts)}
        self.sums = [(number[id(t)], tuple(number[id(p)] for p in parts)) for t, parts in relations]
        # Per count (by number): the sums (by number) it is in.
        self.touching: list[list[int]] = [[] for _ in counts]
        for r, (total, parts) in enumerate(relations):
            for cell in dict.fromkeys((total, *parts)):
                self.touching[number[id(cell)]].append(r)
        # The sums `Disclosure._sum_by_sum` has to look at (again): a figure of theirs changed.
        self.dirty = [True] * len(relations)


class _Sums:
    """The declared sums as equations, for finding other values of the hidden counts."""

    def __init__(self, relations: Sequence[Relation]) -> None:
        # Per sum: each count's coefficient (the total +1, each part -1); per count: its sums.
        self.up: dict[int, float] = {}
        self.down: dict[int, float] = {}
        self.terms: list[dict[int, int]] = []
        self.of: dict[int, list[int]] = {}
        self.cells: dict[int, Count] = {}
        for total, parts in relations:
            terms: dict[int, int] = {}
            for cell, sign in ((total, 1), *((p, -1) for p in parts)):
                terms[id(cell)] = terms.get(id(cell), 0) + sign
                self.cells[id(cell)] = cell
            index = len(self.terms)
            self.terms.append(terms)
            for key in terms:
                self.of.setdefault(key, []).append(index)

    def other_values(self, cell: Count, steps: list[int]) -> set[int] | None:
        """The hidden counts (ids) that change in another set of values fitting every sum and
        every figure shown, `cell`'s among them; None when none is found within
        `_WITNESS_MOVES` moves or the `steps` left (shared by the report's searches).

        `cell` moves by one; then a sum that no longer holds is put right by moving one of its
        hidden figures by one, and so on until every sum holds. Each figure only ever moves one
        way, which loses nothing: any other fitting set of values can be reached like that, each
        step between the true values and those, so inside what every figure reads.
        """
        # How far each figure can move up and down inside what it reads (0 for a shown one):
        # fixed for the search, so its steps only compare.
        self.up, self.down = {}, {}
        for key, each in self.cells.items():
            if each.hidden:
                lo, hi = each.bounds()
                self.up[key], self.down[key] = max(0, hi - each.value), max(0, each.value - lo)
            else:
                self.up[key] = self.down[key] = 0
        for step in (1, -1):
            if self._fits(cell, {}, step):
                delta = {id(cell): step}
                off: dict[int, int] = {}
                self._shift(id(cell), step, off)
                if self._balance(delta, off, _WITNESS_MOVES - 1, steps, {}):
                    return {key for key, d in delta.items() if d}
        return None

    def _fits(self, cell: Count, delta: dict[int, int], step: int) -> bool:
        if not cell.hidden:
            return False
        moved = delta.get(id(cell), 0)
        if moved * step < 0:  # back the way it came
            return False
        lo, hi = cell.bounds()
        return lo <= cell.value + moved + step <= hi

    def _shift(self, key: int, step: int, off: dict[int, int]) -> None:
        for index in self.of.get(key, ()):
            left = off.get(index, 0) + self.terms[index][key] * step
            if left:
                off[index] = left
            else:
                off.pop(index, None)

    def _balance(
        self,
        delta: dict[int, int],
        off: dict[int, int],
        moves: int,
        steps: list[int],
        seen: dict[frozenset[tuple[int, int]], int],
    ) -> bool:
        if not off:
            return True
        if moves == 0 or steps[0] <= 0:
            return False
        steps[0] -= 1
        # Every sum that does not hold must be put right: the one with the fewest ways first.
        # A figure fits a move when it has room that way and has not moved the other way
        # (as `_fits`, from the room worked out once).
        choices: list[tuple[int, int]] | None = None
        up, down = self.up, self.down
        for index, left in off.items():
            ways = []
            for key, coefficient in self.terms[index].items():
                moved = delta.get(key, 0)
                if left * coefficient > 0:
                    if moved <= 0 and -moved < down[key]:
                        ways.append((key, -1))
                elif moved >= 0 and moved < up[key]:
                    ways.append((key, 1))
            if choices is None or len(ways) < len(choices):
                choices = ways
            if not ways:
                return False
        for key, step in choices or []:
            delta[key] = delta.get(key, 0) + step
            self._shift(key, step, off)
            state = frozenset(delta.items())
            if seen.get(state, -1) < moves - 1:
                seen[state] = moves - 1
                if self._balance(delta, off, moves - 1, steps, seen):
                    return True
            self._shift(key, -step, off)
            delta[key] -= step
            if not delta[key]:
                del delta[key]
        return False


def _withhold(cell: Count | None) -> bool:
    if cell is None or cell.state == _HIDDEN:
        return False
    cell.state = _HIDDEN
    return True


def _smallest_shown(parts: Iterable[Count]) -> Count | None:
    shown = [p for p in parts if p.state == _SHOWN and p.value > 0]
    return min(shown, key=lambda p: p.value) if shown else None


def _pinned_by(total: Count, parts: tuple[Count, ...]) -> bool:
    """Whether this one sum pins a hidden figure of it to one value."""
    t_lo, t_hi = total.bounds()
    bounds = [p.bounds() for p in parts]
    sum_lo = sum(lo for lo, _ in bounds)
    infinite = sum(1 for _, hi in bounds if hi == _INF)
    finite_hi = sum(hi for _, hi in bounds if hi != _INF)
    if total.hidden and max(t_lo, sum_lo) >= min(t_hi, _INF if infinite else finite_hi):
        return True
    for p, (p_lo, p_hi) in zip(parts, bounds, strict=True):
        if not p.hidden:
            continue
        others_lo = sum_lo - p_lo
        if infinite - (1 if p_hi == _INF else 0):
            others_hi = _INF
        else:
            others_hi = finite_hi - (0 if p_hi == _INF else p_hi)
        if max(p_lo, t_lo - others_hi) >= min(p_hi, t_hi - others_lo):
            return True
    return False


def _identity(item: Any) -> Any:
    if isinstance(item, dict):
        return tuple((k, item[k]) for k in IDENTITY_KEYS if k in item)
    return None


def _cells(tree: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Count]]:
    if isinstance(tree, Count):
        if tree.shown:
            yield path, tree
    elif isinstance(tree, dict):
        for key, value in tree.items():
            yield from _cells(value, (*path, key))
    elif isinstance(tree, list | tuple):
        for item in tree:
            yield from _cells(item, (*path, _identity(item)))


def _resolved(tree: Any) -> Any:
    if isinstance(tree, Count):
        if tree.state == _SHOWN:
            return tree.value
        return FEWER_THAN_5 if tree.state == _SMALL else WITHHELD
    if isinstance(tree, Rate):
        counts = (tree.part, tree.whole, *tree.guards)
        if tree.whole.value == 0 or any(c.hidden for c in counts):
            return None
        return round(tree.part.value / tree.whole.value, ROUND_RATE)
    if isinstance(tree, Average):
        n = tree.n.value
        if tree.value is None or n == 0 or 0 < n < 5:
            return None
        return round(float(tree.value), tree.digits)
    if isinstance(tree, Difference):
        if tree.a.hidden or tree.b.hidden:
            return None
        return tree.a.value - tree.b.value
    if isinstance(tree, dict):
        return {key: _resolved(value) for key, value in tree.items()}
    if isinstance(tree, list):
        return [_resolved(item) for item in tree]
    return tree
