"""A static ReDoS check: regular expressions whose backtracking can take super-linear time.

Python's :mod:`re` backtracks, and on a failing input it tries every way the pattern can
match a prefix. That costs exponential time when one state of the pattern's automaton has
two different paths back to itself on the same word (``(a|a)*$``, ``(a+)+$``), and
polynomial time when two states each loop on a word that also leads from the first to the
second (``\\s*\\s*$``; with the loop over start positions that ``re.search`` runs,
``\\s*x``). These are the EDA and IDA conditions of Weideman, van der Merwe, Berglund and
Watson, "Analyzing matching time behavior of backtracking regular expression matchers by
using ambiguity of NFA" (CIAA 2016).

The checker reads a pattern with the standard library's own parser, builds a Thompson
automaton with the matcher's mode (``fullmatch``, ``match`` or a search, which also covers
``sub``, ``split``, ``findall`` and ``finditer``), removes its empty moves and looks for the
two shapes. A shape only counts when the matcher can be made to fail after it: the checker
builds ``prefix + pump * n + suffix`` and runs it on the automaton, so ``[ \\t]+`` under
``re.sub``, which succeeds as soon as it starts, is not flagged, and a finding comes with
an input that shows it.

Approximations on the side of flagging: word boundaries always pass, lookarounds pass but
no match is taken to succeed through one, a lookahead's reading is a branch of its own (its
body is also checked on its own), a back reference matches what its group can, a bounded repeat
above `REPEAT_LIMIT` counts as unbounded, and case folding joins every character
`str.lower`, `str.upper` or `str.casefold` relate. On the side of missing: only the shortest
pump word of each pair of states is tried, with one character picked from each set, and a
pump that lets a new search attempt succeed does not count. Atomic groups and possessive
repeats (Python 3.11+) are reported as unsupported: the package runs on 3.10 too.
"""

from __future__ import annotations

import ast
import bisect
import dataclasses
import functools
import importlib
import inspect
import pkgutil
import re
import sys
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any, Literal

if sys.version_info >= (3, 11):
    from re import _constants as sre_constants
    from re import _parser as sre_parse
else:  # pragma: no cover - Python 3.10
    import sre_constants
    import sre_parse

__all__ = [
    "MODES",
    "REPEAT_LIMIT",
    "Finding",
    "Mode",
    "Use",
    "UseMode",
    "analyse",
    "package_uses",
]

Mode = Literal["fullmatch", "match", "search"]
UseMode = Literal["fullmatch", "match", "search", "unknown"]  # "unknown": built at run time
MODES: tuple[Mode, ...] = ("fullmatch", "match", "search")
REPEAT_LIMIT = 256
"""Bounded repeats up to this many copies are unrolled; longer ones count as unbounded."""
_STATE_LIMIT = 20_000  # automata larger than this are reported, not analysed

# Which matcher mode each method of a compiled pattern (and function of `re`) runs.
_METHOD_MODES: dict[str, Mode] = {
    "fullmatch": "fullmatch",
    "match": "match",
    "search": "search",
    "sub": "search",
    "subn": "search",
    "split": "search",
    "findall": "search",
    "finditer": "search",
}
# The position of the ``flags`` argument of each `re` function.
_FLAGS_ARGUMENT: dict[str, int] = {
    "compile": 1,
    "fullmatch": 2,
    "match": 2,
    "search": 2,
    "sub": 4,
    "subn": 4,
    "split": 3,
    "findall": 2,
    "finditer": 2,
}

_C = sre_constants
_ATOMIC = {getattr(_C, name) for name in ("ATOMIC_GROUP", "POSSESSIVE_REPEAT") if hasattr(_C, name)}

# --- character sets: sorted, disjoint, non-adjacent inclusive (low, high) code point ranges --

CharSet = tuple[tuple[int, int], ...]


def _normalise(ranges: Iterable[tuple[int, int]]) -> CharSet:
    merged: list[tuple[int, int]] = []
    for low, high in sorted(ranges):
        if merged and low <= merged[-1][1] + 1:
            if high > merged[-1][1]:
                merged[-1] = (merged[-1][0], high)
        else:
            merged.append((low, high))
    return tuple(merged)


@functools.lru_cache(maxsize=1 << 16)
def _intersect(left: CharSet, right: CharSet) -> CharSet:
    result: list[tuple[int, int]] = []
    i = j = 0
    while i < len(left) and j < len(right):
        low = max(left[i][0], right[j][0])
        high = min(left[i][1], right[j][1])
        if low <= high:
            result.append((low, high))
        if left[i][1] < right[j][1]:
            i += 1
        else:
            j += 1
    return tuple(result)


def _complement(ranges: CharSet, top: int) -> CharSet:
    result: list[tuple[int, int]] = []
    start = 0
    for low, high in ranges:
        if low > start:
            result.append((start, low - 1))
        start = high + 1
    if start <= top:
        result.append((start, top))
    return tuple(result)


def _contains(ranges: CharSet, code: int) -> bool:
    index = bisect.bisect_right(ranges, (code, 0x7FFFFFFF)) - 1
    return index >= 0 and ranges[index][0] <= code <= ranges[index][1]


def _sample(ranges: CharSet) -> int:
    """A member of a non-empty set; a printable ASCII letter or digit where there is one."""
    for preferred in ((0x61, 0x7A), (0x30, 0x39), (0x41, 0x5A), (0x21, 0x7E), (0x20, 0x20)):
        inside = _intersect(ranges, (preferred,))
        if inside:
            return inside[0][0]
    return ranges[0][0]


@functools.cache
def _category(code: Any, text: bool, ascii_only: bool) -> CharSet:
    """The code points of ``\\d``, ``\\s``, ``\\w`` or their negations, as `re` reads them."""
    escapes = {
        _C.CATEGORY_DIGIT: r"\d",
        _C.CATEGORY_NOT_DIGIT: r"\D",
        _C.CATEGORY_SPACE: r"\s",
        _C.CATEGORY_NOT_SPACE: r"\S",
        _C.CATEGORY_WORD: r"\w",
        _C.CATEGORY_NOT_WORD: r"\W",
    }
    if code not in escapes:
        raise _UnsupportedError(f"character category {code}")
    runs: Iterator[re.Match[Any]]
    if text:
        universe = _text_universe()
        flags = re.ASCII if ascii_only else 0
        runs = re.finditer(f"(?:{escapes[code]})+", universe, flags)
    else:
        runs = re.finditer(f"(?:{escapes[code]})+".encode(), bytes(range(256)))
    return tuple((run.start(), run.end() - 1) for run in runs)


@functools.cache
def _text_universe() -> str:
    return "".join(map(chr, range(sys.maxunicode + 1)))


@functools.cache
def _case_classes() -> dict[int, tuple[int, ...]]:
    """Code points `re.IGNORECASE` may treat as equal, each mapped to its whole class."""
    parent: dict[int, int] = {}

    def root(code: int) -> int:
        while parent.get(code, code) != code:
            code = parent[code]
        return code

    def join(one: int, other: int) -> None:
        parent.setdefault(one, one)
        parent.setdefault(other, other)
        parent[root(one)] = root(other)

    universe = _text_universe()
    for block in range(0, len(universe), 256):  # most blocks of 256 have no case: skip them
        chars = universe[block : block + 256]
        if chars.lower() == chars.upper() == chars.casefold() == chars:
            continue
        for code, char in enumerate(chars, block):
            for other in (char.lower(), char.upper(), char.casefold()):
                if len(other) == 1 and other != char:
                    join(code, ord(other))
    classes: dict[int, list[int]] = {}
    for code in parent:
        classes.setdefault(root(code), []).append(code)
    return {code: tuple(members) for members in classes.values() for code in members}


def _fold_case(ranges: CharSet, text: bool, ascii_only: bool) -> CharSet:
    added: list[tuple[int, int]] = list(ranges)
    if not text or ascii_only:
        for low, high in _intersect(ranges, ((0x41, 0x5A), (0x61, 0x7A))):
            shift = 0x20 if low <= 0x5A else -0x20
            added.append((low + shift, high + shift))
        return _normalise(added)
    for code, members in _case_classes().items():
        if _contains(ranges, code):
            added.extend((member, member) for member in members)
    return _normalise(added)


# --- the automaton --------------------------------------------------------------------------

# "begin": only at the start; "end", "dollar": `\Z`, `$`; "guarded": a lookaround, which may
# fail, so no match is known to succeed through it; "pass": always.
Condition = Literal["begin", "end", "dollar", "guarded", "pass"]


class _UnsupportedError(Exception):
    """A construct the checker cannot model; the pattern needs a reviewer instead."""


@dataclass
class _Automaton:
    """A Thompson automaton: empty moves (with anchor conditions) and character moves."""

    text: bool
    top: int
    empty_moves: list[list[tuple[int, Condition]]] = field(default_factory=list)
    char_moves: list[list[tuple[CharSet, int]]] = field(default_factory=list)
    lookaheads: list[tuple[list[Any], int]] = field(default_factory=list)

    def state(self) -> int:
        self.empty_moves.append([])
        self.char_moves.append([])
        if len(self.empty_moves) > _STATE_LIMIT:
            raise _UnsupportedError(f"more than {_STATE_LIMIT} states")
        return len(self.empty_moves) - 1

    def empty(self, source: int, target: int, condition: Condition = "pass") -> None:
        self.empty_moves[source].append((target, condition))


class _Builder:
    """Builds the automaton of a parsed pattern, one fragment (start, end) per node."""

    def __init__(self, automaton: _Automaton, groups: dict[int, list[Any]]) -> None:
        self.automaton = automaton
        self.groups = groups

    def sequence(self, items: Sequence[tuple[Any, Any]], flags: int) -> tuple[int, int]:
        start = end = self.automaton.state()
        for op, av in items:
            first, last = self.node(op, av, flags)
            self.automaton.empty(end, first)
            end = last
        return start, end

    def characters(self, ranges: CharSet, flags: int, *, folded: bool = False) -> tuple[int, int]:
        automaton = self.automaton
        if flags & re.IGNORECASE and not folded:
            ranges = _fold_case(ranges, automaton.text, bool(flags & re.ASCII))
        start, end = automaton.state(), automaton.state()
        automaton.char_moves[start].append((ranges, end))
        return start, end

    def node(self, op: Any, av: Any, flags: int) -> tuple[int, int]:
        automaton = self.automaton
        if op is _C.LITERAL:
            return self.characters(((av, av),), flags)
        if op is _C.NOT_LITERAL:
            return self.characters(_complement(((av, av),), automaton.top), flags)
        if op is _C.ANY:
            everything: CharSet = ((0, automaton.top),)
            if not flags & re.DOTALL:
                everything = _complement(((10, 10),), automaton.top)
            return self.characters(everything, flags)
        if op is _C.IN:
            return self.characters(self.character_class(av, flags), flags, folded=True)
        if op is _C.BRANCH:
            start, end = automaton.state(), automaton.state()
            for branch in av[1]:
                first, last = self.sequence(branch, flags)
                automaton.empty(start, first)
                automaton.empty(last, end)
            return start, end
        if op is _C.SUBPATTERN:
            _group, add_flags, del_flags, items = av
            return self.sequence(items, (flags | add_flags) & ~del_flags)
        if op in (_C.MAX_REPEAT, _C.MIN_REPEAT):
            return self.repeat(av[0], av[1], av[2], flags)
        if op is _C.AT:
            return self.anchor(av, flags)
        if op in (_C.ASSERT, _C.ASSERT_NOT):
            direction, items = av
            start, end = automaton.state(), automaton.state()
            automaton.empty(start, end, "guarded")
            if direction == 1:
                # A lookahead reads ahead each time the matcher reaches it: its reading is a
                # branch that ends nowhere, and its own backtracking is checked on its own.
                probe, _probe_end = self.sequence(items, flags)
                automaton.empty(start, probe)
                automaton.lookaheads.append((items, flags))
            return start, end
        if op is _C.GROUPREF:
            if av not in self.groups:
                raise _UnsupportedError(f"reference to group {av} before it is defined")
            return self.sequence(self.groups[av], flags)
        if op is _C.GROUPREF_EXISTS:
            _group, yes, no = av
            start, end = automaton.state(), automaton.state()
            for branch in (yes, no or []):
                first, last = self.sequence(branch, flags)
                automaton.empty(start, first)
                automaton.empty(last, end)
            return start, end
        if op in _ATOMIC:
            raise _UnsupportedError("atomic group or possessive repeat (Python 3.11+)")
        raise _UnsupportedError(f"operator {op}")

    def character_class(self, items: Sequence[tuple[Any, Any]], flags: int) -> CharSet:
        ranges: list[tuple[int, int]] = []
        negate = False
        ascii_only = bool(flags & re.ASCII) or not self.automaton.text
        for op, av in items:
            if op is _C.NEGATE:
                negate = True
            elif op is _C.LITERAL:
                ranges.append((av, av))
            elif op is _C.RANGE:
                ranges.append(av)
            elif op is _C.CATEGORY:
                ranges.extend(_category(av, self.automaton.text, ascii_only))
            else:
                raise _UnsupportedError(f"class item {op}")
        result = _normalise(ranges)
        if flags & re.IGNORECASE:
            result = _fold_case(result, self.automaton.text, bool(flags & re.ASCII))
        return _complement(result, self.automaton.top) if negate else result

    def repeat(self, low: int, high: Any, items: list[Any], flags: int) -> tuple[int, int]:
        automaton = self.automaton
        start = end = automaton.state()

        def append(fragment: tuple[int, int]) -> None:
            nonlocal end
            automaton.empty(end, fragment[0])
            end = fragment[1]

        for _ in range(min(low, REPEAT_LIMIT)):
            append(self.sequence(items, flags))
        unbounded = high is sre_constants.MAXREPEAT or high > REPEAT_LIMIT
        if unbounded:
            loop = automaton.state()
            body_start, body_end = self.sequence(items, flags)
            automaton.empty(loop, body_start)
            automaton.empty(body_end, loop)
            append((loop, loop))
        elif high > low:
            # x{0,3} as (x(x(x)?)?)?: nested, so that each count has one path, as in `re`
            exits: list[int] = []
            for _ in range(high - low):
                first, last = self.sequence(items, flags)
                exits.append(end)
                append((first, last))
            final = automaton.state()
            for state in [*exits, end]:
                automaton.empty(state, final)
            end = final
        return start, end

    def anchor(self, code: Any, flags: int) -> tuple[int, int]:
        automaton = self.automaton
        start, end = automaton.state(), automaton.state()
        condition: Condition = "pass"  # word boundaries: over-approximated as always true
        if code in (_C.AT_BEGINNING, _C.AT_BEGINNING_STRING):
            condition = "pass" if flags & re.MULTILINE and code is _C.AT_BEGINNING else "begin"
        elif code is _C.AT_END:  # `$`: at the end, or before a newline that ends the input
            condition = "pass" if flags & re.MULTILINE else "dollar"
        elif code is _C.AT_END_STRING:
            condition = "end"
        automaton.empty(start, end, condition)
        return start, end


# --- the automaton without empty moves ------------------------------------------------------


@dataclass(eq=False)
class _Machine:
    """The automaton without empty moves: each state's character moves and how it accepts.

    ``anywhere`` states accept as soon as they are reached (under ``match`` and searches);
    ``at_end`` states accept only at the end of the input, ``before_newline`` ones (after a
    ``$``) also before a newline that ends it.
    """

    moves: list[list[tuple[CharSet, int]]]
    copies: list[list[int]]  # 2 where empty moves give two ways to the same character move
    anywhere: list[bool]
    at_end: list[bool]
    before_newline: list[bool]
    text: bool
    top: int
    restart: int = -1  # under a search: the state that starts a new attempt at each position


def _machine(automaton: _Automaton, start: int, accept: int, mode: Mode) -> _Machine:
    """Remove the empty moves; state 0 is the start, the others follow character moves."""
    targets = sorted(
        {target for moves in automaton.char_moves for _ranges, target in moves} - {start}
    )
    index = {start: 0} | {target: i + 1 for i, target in enumerate(targets)}
    machine = _Machine([], [], [], [], [], automaton.text, automaton.top)
    for state in [start, *targets]:
        reached: dict[tuple[CharSet, int], int] = {}
        accepts: set[str] = set()  # "": at once, "end": at the end, "dollar": after a `$`
        # Every simple path of empty moves is one way the matcher can go: `re` tries each
        # alternative, even two empty ones, but never an empty loop body twice. Two ways
        # to a character move are enough to know it is ambiguous, so each state is
        # expanded at most twice.
        expansions: dict[tuple[int, str], int] = {}
        on_path: set[int] = set()
        stack: list[tuple[bool, int, str, bool]] = [(True, state, "", False)]
        while stack:
            entering, current, ended, guarded = stack.pop()
            if not entering:
                on_path.discard(current)
                continue
            if current == accept and not guarded:
                accepts.add(ended)
            if not ended:
                for ranges, target in automaton.char_moves[current]:
                    key = (ranges, index[target])
                    reached[key] = min(2, reached.get(key, 0) + 1)
            expansions[current, ended] = expansions.get((current, ended), 0) + 1
            if expansions[current, ended] > 2:
                continue
            on_path.add(current)
            stack.append((False, current, ended, guarded))
            for target, condition in reversed(automaton.empty_moves[current]):
                if target in on_path or (condition == "begin" and state != start):
                    continue
                now_ended = ended
                if condition in ("end", "dollar"):
                    now_ended = "end" if "end" in (ended, condition) else condition
                stack.append((True, target, now_ended, guarded or condition == "guarded"))
        machine.moves.append([(ranges, target) for ranges, target in reached])
        machine.copies.append(list(reached.values()))
        if mode == "fullmatch":
            machine.anywhere.append(False)
            machine.at_end.append(bool(accepts))
            machine.before_newline.append(False)
        else:
            machine.anywhere.append("" in accepts)
            machine.at_end.append(bool(accepts - {""}))
            machine.before_newline.append("dollar" in accepts)
    return machine


def _components(machine: _Machine) -> list[list[int]]:
    """Strongly connected components with a cycle (Tarjan, without recursion)."""
    index: dict[int, int] = {}
    low: dict[int, int] = {}
    on_stack: set[int] = set()
    stack: list[int] = []
    result: list[list[int]] = []
    counter = 0
    for root in range(len(machine.moves)):
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            node, position = work.pop()
            if position == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            successors = [target for _ranges, target in machine.moves[node]]
            if position < len(successors):
                work.append((node, position + 1))
                child = successors[position]
                if child not in index:
                    work.append((child, 0))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1 or node in successors:
                    result.append(component)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return result


def _product_path(
    machine: _Machine,
    starts: tuple[int, ...],
    goals: set[tuple[int, ...]],
    allowed: Sequence[set[int]],
) -> list[CharSet] | None:
    """The labels of a shortest non-empty path of the product automaton to a goal, or None."""
    parents: dict[tuple[int, ...], tuple[tuple[int, ...], CharSet]] = {}
    queue = deque([starts])
    seen = {starts}
    while queue:
        node = queue.popleft()
        for step in _product_moves(machine, node, allowed):
            ranges, target = step
            if target in goals:
                labels = [ranges]
                while node != starts:
                    node, label = parents[node]
                    labels.append(label)
                return labels[::-1]
            if target not in seen:
                seen.add(target)
                parents[target] = (node, ranges)
                queue.append(target)
    return None


def _product_moves(
    machine: _Machine, node: tuple[int, ...], allowed: Sequence[set[int]]
) -> Iterator[tuple[CharSet, tuple[int, ...]]]:
    def extend(
        depth: int, ranges: CharSet | None, targets: tuple[int, ...]
    ) -> Iterator[tuple[CharSet, tuple[int, ...]]]:
        if depth == len(node):
            assert ranges is not None
            yield ranges, targets
            return
        for move_ranges, target in machine.moves[node[depth]]:
            if target not in allowed[depth]:
                continue
            both = move_ranges if ranges is None else _intersect(ranges, move_ranges)
            if both:
                yield from extend(depth + 1, both, (*targets, target))

    yield from extend(0, None, ())


def _reachable(machine: _Machine, sources: Iterable[int]) -> set[int]:
    seen = set(sources)
    queue = deque(seen)
    while queue:
        node = queue.popleft()
        for _ranges, target in machine.moves[node]:
            if target not in seen:
                seen.add(target)
                queue.append(target)
    return seen


# --- attack strings -------------------------------------------------------------------------


def _word(machine: _Machine, labels: Iterable[CharSet]) -> list[int]:
    return [_sample(ranges) for ranges in labels]


def _shortest_word(machine: _Machine, target: int) -> list[int] | None:
    parents: dict[int, tuple[int, int]] = {}
    queue = deque([0])
    seen = {0}
    while queue:
        node = queue.popleft()
        if node == target:
            word: list[int] = []
            while node != 0:
                node, code = parents[node]
                word.append(code)
            return word[::-1]
        for ranges, successor in machine.moves[node]:
            if successor not in seen:
                seen.add(successor)
                parents[successor] = (node, _sample(ranges))
                queue.append(successor)
    return None


def _step(machine: _Machine, states: frozenset[int], code: int) -> frozenset[int]:
    return frozenset(
        target
        for state in states
        for ranges, target in machine.moves[state]
        if _contains(ranges, code)
    )


def _fails(machine: _Machine, prefix: list[int], pump: list[int]) -> list[int] | None:
    """A suffix after which ``prefix + pump * n + suffix`` matches for no n, or None.

    Reading the pump must never reach a state that accepts at once (the matcher would stop
    there), and the suffix must leave no state that accepts at the end.
    """
    states = frozenset({0})
    if any(machine.anywhere[state] for state in states):
        return None
    for code in prefix:
        states = _step(machine, states, code)
        if any(machine.anywhere[state] for state in states):
            return None
    seen: set[frozenset[int]] = set()
    while states not in seen:  # the subsets after each pump repeat: check one period
        seen.add(states)
        for code in pump:
            states = _step(machine, states, code)
            if any(machine.anywhere[state] for state in states):
                return None
    # Under a search, attempts that start after the pumped part come too late to save the
    # ones before it: `re` has run each of those to its end already.
    return _failing_suffix(machine, states - {machine.restart})


# The states of the automaton, and whether a `$` matched before a newline that may end the input.
_Subset = tuple[frozenset[int], bool]
# Two states of the automaton, and whether the two paths that led there have parted.
_Pair = tuple[int, int, bool]


def _failing_suffix(machine: _Machine, states: frozenset[int]) -> list[int] | None:
    """The shortest input that takes *states* to no accepting state (breadth first)."""
    start: _Subset = (states, False)
    parents: dict[_Subset, tuple[_Subset, int]] = {}
    queue = deque([start])
    seen = {start}
    while queue:
        node = queue.popleft()
        current, newline_accepts = node
        if not newline_accepts and not any(machine.at_end[state] for state in current):
            suffix: list[int] = []
            while node != start:
                node, code = parents[node]
                suffix.append(code)
            return suffix[::-1]
        for code in _alphabet(machine):
            after = _step(machine, current, code)
            if any(machine.anywhere[state] for state in after):
                continue
            target = (after, code == 10 and any(machine.before_newline[s] for s in current))
            if target not in seen:
                seen.add(target)
                parents[target] = (node, code)
                queue.append(target)
    return None


@functools.lru_cache(maxsize=64)
def _alphabet(machine: _Machine) -> list[int]:
    """One code point from each class of code points the automaton cannot tell apart."""
    bounds = {0}
    for moves in machine.moves:
        for ranges, _target in moves:
            for low, high in ranges:
                bounds.update((low, high + 1))
    codes = sorted(code for code in bounds if code <= machine.top)
    return sorted(codes, key=lambda code: (not 0x21 <= code <= 0x7E, code))


# --- the analysis ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    """A pattern the checker flags, with the mode it runs in and an input that shows it."""

    pattern: str | bytes
    flags: int
    mode: Mode
    kind: Literal["exponential", "polynomial", "unsupported"]
    detail: str
    prefix: str | bytes = ""
    pump: str | bytes = ""
    suffix: str | bytes = ""

    def attack(self, repeat: int) -> str | bytes:
        """The input ``prefix + pump * repeat + suffix``."""
        return self.prefix + self.pump * repeat + self.suffix  # type: ignore[operator]

    def __str__(self) -> str:
        shown = f"{self.prefix!r} + {self.pump!r} * n + {self.suffix!r}"
        example = f" on {shown}" if self.pump else ""
        return f"{self.kind} ({self.detail}) under {self.mode}: {self.pattern!r}{example}"


def analyse(pattern: str | bytes | re.Pattern[Any], mode: Mode, flags: int = 0) -> list[Finding]:
    """The ways *pattern*, run in *mode*, backtracks super-linearly (empty: it does not)."""
    compiled = pattern if isinstance(pattern, re.Pattern) else re.compile(pattern, flags)
    source, flags = compiled.pattern, compiled.flags
    text = isinstance(source, str)
    try:
        parsed = sre_parse.parse(source, flags)  # type: ignore[arg-type]  # bytes too
        groups: dict[int, list[Any]] = {}
        _collect_groups(parsed.data, groups)
        return _analyse_items(source, flags, text, list(parsed.data), groups, mode)
    except _UnsupportedError as reason:
        return [Finding(source, flags, mode, "unsupported", str(reason))]


def _collect_groups(items: Iterable[tuple[Any, Any]], groups: dict[int, list[Any]]) -> None:
    for op, av in items:
        if op is _C.SUBPATTERN:
            if av[0] is not None:
                groups[av[0]] = av[3]
            _collect_groups(av[3], groups)
        elif op is _C.BRANCH:
            for branch in av[1]:
                _collect_groups(branch, groups)
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT) or op in _ATOMIC:
            _collect_groups(av[-1], groups)
        elif op in (_C.ASSERT, _C.ASSERT_NOT):
            _collect_groups(av[1], groups)
        elif op is _C.GROUPREF_EXISTS:
            _collect_groups(av[1], groups)
            _collect_groups(av[2] or [], groups)


def _analyse_items(
    source: str | bytes,
    flags: int,
    text: bool,
    items: list[Any],
    groups: dict[int, list[Any]],
    mode: Mode,
) -> list[Finding]:
    top = sys.maxunicode if text else 0xFF
    automaton = _Automaton(text=text, top=top)
    builder = _Builder(automaton, groups)
    body_start, body_end = builder.sequence(items, flags)
    accept = automaton.state()
    automaton.empty(body_end, accept)
    start = body_start
    if mode == "search":  # the matcher tries each start position in turn: a loop before it
        start = automaton.state()
        later = automaton.state()
        everything: CharSet = ((0, top),)
        automaton.empty(start, body_start)
        automaton.char_moves[start].append((everything, later))
        automaton.empty(later, body_start, "pass")
        automaton.char_moves[later].append((everything, later))
    machine = _machine(automaton, start, accept, mode)
    if mode == "search":
        machine.restart = 1 + sorted(
            {target for moves in automaton.char_moves for _ranges, target in moves} - {start}
        ).index(later)
    findings = _ambiguities(source, flags, mode, machine)
    for lookahead, lookahead_flags in automaton.lookaheads:
        for finding in _analyse_items(source, lookahead_flags, text, lookahead, groups, "match"):
            detail = f"in a lookahead: {finding.detail}"
            findings.append(dataclasses.replace(finding, flags=flags, mode=mode, detail=detail))
    return findings


def _ambiguities(source: str | bytes, flags: int, mode: Mode, machine: _Machine) -> list[Finding]:
    components = _components(machine)

    def finding(kind: Literal["exponential", "polynomial"], detail: str, prefix: list[int],
                pump: list[int]) -> Finding | None:  # fmt: skip
        suffix = _fails(machine, prefix, pump)
        if suffix is None:
            return None
        convert = _to_text if machine.text else bytes
        return Finding(
            source, flags, mode, kind, detail, convert(prefix), convert(pump), convert(suffix)
        )

    for members in components:  # exponential: two paths from q back to q on one word
        inside = set(members)
        for state in members:
            prefix = _shortest_word(machine, state)
            loop = _two_paths(machine, state, inside)
            if prefix is None or loop is None:
                continue
            result = finding(
                "exponential",
                "two paths from one state back to it on the same input",
                prefix,
                _word(machine, loop),
            )
            if result:
                return [result]
    for first_members in components:  # polynomial: p loops, q loops, p reaches q on one word
        after_first = _reachable(machine, first_members)
        for second_members in components:
            if second_members is first_members or not set(second_members) & after_first:
                continue
            between = _between(machine, first_members, second_members)
            allowed = [set(first_members), between, set(second_members)]
            for p in first_members:
                prefix = _shortest_word(machine, p)
                if prefix is None:
                    continue
                for q in second_members:
                    path = _product_path(machine, (p, p, q), {(p, q, q)}, allowed)
                    if path is None:
                        continue
                    result = finding(
                        "polynomial",
                        "two loops in a row that read the same input",
                        prefix,
                        _word(machine, path),
                    )
                    if result:
                        return [result]
    return []


def _two_paths(machine: _Machine, state: int, inside: set[int]) -> list[CharSet] | None:
    """The labels of two different paths from *state* back to it on one word, or None.

    A search of the product of the automaton with itself, with a flag that says whether the
    two paths have parted yet: they part when they take different moves, or the two ways
    of empty moves to the same character move.
    """
    start: _Pair = (state, state, False)
    parents: dict[_Pair, tuple[_Pair, CharSet]] = {}
    queue = deque([start])
    seen = {start}
    while queue:
        node = queue.popleft()
        first, second, parted = node
        for i, (first_ranges, first_target) in enumerate(machine.moves[first]):
            if first_target not in inside:
                continue
            for j, (second_ranges, second_target) in enumerate(machine.moves[second]):
                if second_target not in inside:
                    continue
                both = _intersect(first_ranges, second_ranges)
                if not both:
                    continue
                outcomes = {parted or i != j or first != second}
                if first == second and i == j and machine.copies[first][i] > 1:
                    outcomes.add(True)
                for now_parted in outcomes:
                    target: _Pair = (first_target, second_target, now_parted)
                    if target in seen:
                        continue
                    seen.add(target)
                    parents[target] = (node, both)
                    if target == (state, state, True):
                        labels = []
                        while target != start:
                            target, label = parents[target]
                            labels.append(label)
                        return labels[::-1]
                    queue.append(target)
    return None


def _between(machine: _Machine, first: list[int], second: list[int]) -> set[int]:
    """States on some path from the first component to the second."""
    forward = _reachable(machine, first)
    reverse: dict[int, list[int]] = {}
    for source, moves in enumerate(machine.moves):
        for _ranges, target in moves:
            reverse.setdefault(target, []).append(source)
    backward = set(second)
    queue = deque(backward)
    while queue:
        node = queue.popleft()
        for source in reverse.get(node, []):
            if source not in backward:
                backward.add(source)
                queue.append(source)
    return forward & backward


def _to_text(codes: list[int]) -> str:
    return "".join(map(chr, codes))


# --- the patterns of a package --------------------------------------------------------------


@dataclass(frozen=True)
class Use:
    """A pattern of the package and the mode one of its uses runs it in."""

    pattern: str | bytes
    flags: int
    mode: UseMode
    where: str


def package_uses(package: ModuleType) -> list[Use]:
    """Every regular expression the package compiles or passes to `re`, with its modes.

    Module-level compiled patterns are found by walking the modules (also inside module-level
    tuples, lists and dicts); their modes come from the calls on them in the source, and a
    pattern that is passed around, or never called, is analysed in every mode. String
    literals given to `re` functions are found in the source; a pattern built at run time
    (an f-string, a variable) cannot be checked and is reported with mode ``"unknown"``.
    """
    modules = [package] + [
        importlib.import_module(info.name)
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + ".")
        if not info.name.endswith(".__main__")
    ]
    owners: dict[int, tuple[re.Pattern[Any], str]] = {}
    for module in modules:
        for name, value in vars(module).items():
            for pattern in _patterns_in(value):
                owners.setdefault(id(pattern), (pattern, f"{module.__name__}.{name}"))
    modes: dict[int, set[Mode]] = {key: set() for key in owners}
    uses: list[Use] = []
    for module in modules:
        source = inspect.getsource(module)
        tree = ast.parse(source)
        _module_uses(module, tree, owners, modes, uses)
    for key, (pattern, where) in owners.items():
        for mode in sorted(modes[key] or set(MODES)):
            uses.append(Use(pattern.pattern, pattern.flags, mode, where))
    return uses


def _patterns_in(value: object) -> Iterator[re.Pattern[Any]]:
    if isinstance(value, re.Pattern):
        yield value
    elif isinstance(value, (tuple, list, frozenset, set)):
        for item in value:
            if isinstance(item, re.Pattern):
                yield item
    elif isinstance(value, dict):
        for item in value.values():
            if isinstance(item, re.Pattern):
                yield item


def _module_uses(
    module: ModuleType,
    tree: ast.Module,
    owners: dict[int, tuple[re.Pattern[Any], str]],
    modes: dict[int, set[Mode]],
    uses: list[Use],
) -> None:
    namespace = vars(module)
    called: set[int] = set()  # the Name nodes that are the object of a pattern method call

    def resolve(node: ast.expr) -> object:
        if isinstance(node, ast.Name):
            return namespace.get(node.id)
        if isinstance(node, ast.Attribute):
            owner = resolve(node.value)
            return getattr(owner, node.attr, None) if isinstance(owner, ModuleType) else None
        return None

    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        method = node.func.attr
        target = resolve(node.func.value)
        if target is re and method in _FLAGS_ARGUMENT:
            _literal_use(module, node, method, uses, owners)
        elif isinstance(target, re.Pattern) and method in _METHOD_MODES:
            modes.setdefault(id(target), set()).add(_METHOD_MODES[method])
            called.add(id(node.func.value))
    for node in ast.walk(tree):  # a pattern named anywhere else may be run in any mode
        if (
            isinstance(node, (ast.Name, ast.Attribute))
            and isinstance(node.ctx, ast.Load)
            and id(node) not in called
            and isinstance(resolve(node), re.Pattern)
        ):
            modes.setdefault(id(resolve(node)), set()).update(MODES)


def _literal_use(
    module: ModuleType,
    call: ast.Call,
    function: str,
    uses: list[Use],
    owners: dict[int, tuple[re.Pattern[Any], str]],
) -> None:
    where = f"{module.__name__}, line {call.lineno}"
    argument = call.args[0] if call.args else None
    if not (isinstance(argument, ast.Constant) and isinstance(argument.value, (str, bytes))):
        if isinstance(argument, ast.Name) and isinstance(
            vars(module).get(argument.id), (str, bytes, re.Pattern)
        ):
            value = vars(module)[argument.id]
            pattern = value.pattern if isinstance(value, re.Pattern) else value
            flags = value.flags if isinstance(value, re.Pattern) else 0
            uses.extend(Use(pattern, flags, mode, where) for mode in _call_modes(function))
            return
        uses.append(Use(ast.unparse(call), 0, "unknown", where))
        return
    flags_node = next((k.value for k in call.keywords if k.arg == "flags"), None)
    position = _FLAGS_ARGUMENT[function]
    if flags_node is None and len(call.args) > position:
        flags_node = call.args[position]
    flags = 0
    if flags_node is not None:
        flags = int(eval(compile(ast.Expression(flags_node), where, "eval"), {"re": re}))
    compiled = re.compile(argument.value, flags)
    if function == "compile" and any(
        known.pattern == compiled.pattern and known.flags == compiled.flags
        for known, _where in owners.values()
    ):
        return  # a module-level pattern: analysed in the modes its uses run it in
    uses.extend(Use(argument.value, flags, mode, where) for mode in _call_modes(function))


def _call_modes(function: str) -> tuple[Mode, ...]:
    # re.compile(...) outside a module-level name: the compiled pattern may be run any way.
    return MODES if function == "compile" else (_METHOD_MODES[function],)
