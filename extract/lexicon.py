"""The project's word lists and tables (``extract/data/*.tsv``): one reader for all of them.

The format, the same for every table:

* UTF-8 text; blank lines and lines starting with ``#`` (comments) are skipped;
* the first other line is the header, naming the columns;
* every other line is one row: one cell per column, separated by tabs.  Cells are taken as
  written (no quoting: ``"`` is an ordinary character) without white space at either end.

A row with more or fewer cells than the header is an error naming the file's line, rather
than a value silently moved to another column.  Tables are read once (cached) from the
``newsgraph.extract`` package through :mod:`importlib.resources`, so they are found in an
installed wheel as in a checkout.  Callers get fresh dicts: changing one changes no one
else's table.

Tables a user writes (``--aliases``: CSV or TSV) go through :func:`parse` with the columns
they must have: their header row is optional and their rows may leave out trailing cells.
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources

PACKAGE = "newsgraph.extract"
FOLDER = "data"

# The tables of the package, by what they hold.
ACTORS = "actors.tsv"  # surface, label, type, iri: the shipped alias table
EVENT_CLASSES = "event_classes.tsv"  # class, label, cameo, cameo_root, quad_class, goldstein, ...
TRIGGERS = "triggers.tsv"  # lemma, pos, class, cameo, requires, confidence, note
PLACES_EXTRA = "places_extra.tsv"  # name, kind, country_code, lat, lng, geonames_id, ...
TITLES = "titles.tsv"  # word, lists: title words of the entity and the relation rules
RELATION_PRECISION = "relation_precision.tsv"  # predicate, correct, scored, precision (measured)


@dataclass(frozen=True, slots=True)
class Table:
    """One table: its column names and its rows, in file order."""

    name: str  # the file name, for messages
    columns: tuple[str, ...]
    cells: tuple[tuple[str, ...], ...]  # one tuple per row, in column order
    lines: tuple[int, ...]  # the file line (1-based) of each row, for messages

    def __len__(self) -> int:
        return len(self.cells)

    def rows(self) -> list[dict[str, str]]:
        """Every row as a new dict, column -> cell."""
        return [dict(zip(self.columns, row)) for row in self.cells]

    def numbered(self) -> Iterator[tuple[int, dict[str, str]]]:
        """``(line in the file, row)`` per row: messages can point at the line to fix."""
        return zip(self.lines, self.rows())


def parse(text: str, name: str, *, delimiter: str = "\t",
          columns: tuple[str, ...] | None = None) -> Table:
    """The table in ``text`` (the format above); ``name`` is used in error messages.

    ``delimiter``: a tab, or for a CSV file a comma (CSV cells may then be quoted: ``"Paris,
    Texas"``).  ``columns``: the columns a user's table must have; the header row is then
    optional (a first row starting with ``columns[0]``, in any case, is one), missing trailing
    cells are empty and cells past the last column are ignored.  Raises ``ValueError`` when
    there is no header or a row's cell count is not the header's."""
    header: tuple[str, ...] | None = tuple(columns) if columns else None
    cells: list[tuple[str, ...]] = []
    lines: list[int] = []
    first = True
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        row = _cells(line, delimiter)
        if header is None:  # a project table: its first row names the columns
            header = row
            continue
        if first and columns and row[0].lower() == columns[0].lower():
            first = False  # a user table's (optional) header row
            continue
        first = False
        if columns:
            row = (row + ("",) * len(header))[:len(header)]
        elif len(row) != len(header):
            raise ValueError(f"{name}: line {number}: expected {len(header)} tab-separated cells "
                             f"({', '.join(header)}), got {len(row)}")
        cells.append(row)
        lines.append(number)
    if header is None:
        raise ValueError(f"{name}: no header row")
    return Table(name, header, tuple(cells), tuple(lines))


def _cells(line: str, delimiter: str) -> tuple[str, ...]:
    if delimiter == "\t":  # no quoting in TSV: a '"' is an ordinary character
        cells = line.split("\t")
    else:
        cells = next(csv.reader([line], delimiter=delimiter))
    return tuple(cell.strip() for cell in cells)


@functools.cache
def read_table(name: str) -> Table:
    """The table ``name`` (e.g. ``"triggers.tsv"``) of the package's data folder."""
    path = resources.files(PACKAGE).joinpath(f"{FOLDER}/{name}")
    # utf-8-sig: an editor's byte-order mark must not become part of the first column's name.
    return parse(path.read_text(encoding="utf-8-sig"), name)


@functools.cache
def section_rows(name: str, heading: str) -> tuple[dict[str, str], ...]:
    """The rows of the package's table ``name`` under its ``# --- <heading>`` line (a group of
    rows, up to the next ``# ---`` line): "News agencies and broadcasters" of actors.tsv."""
    table = read_table(name)
    text = resources.files(PACKAGE).joinpath(f"{FOLDER}/{name}").read_text(encoding="utf-8-sig").splitlines()
    starts = [i + 1 for i, line in enumerate(text) if line.startswith(f"# --- {heading}")]
    if not starts:
        raise ValueError(f"{name}: no '# --- {heading}' section")
    ends = [i + 1 for i, line in enumerate(text) if line.startswith("# ---") and i + 1 > starts[0]]
    end = ends[0] if ends else len(text) + 1
    return tuple(row for line, row in table.numbered() if starts[0] < line < end)


def rows(name: str) -> list[dict[str, str]]:
    """The rows of the package's table ``name``, as new dicts column -> cell."""
    return read_table(name).rows()


def event_class_rows() -> list[dict[str, str]]:
    """The event classes: ``class``, ``label``, ``cameo``, ``cameo_root``, ``quad_class``,
    ``goldstein``, ``kairos``, ``predicate``, ``symmetric``, ``definition`` (empty when unknown)."""
    return rows(EVENT_CLASSES)


def word_lists(name: str, known: Iterable[str] | None = None) -> dict[str, tuple[str, ...]]:
    """List name -> its words in file order, from the package's ``word<TAB>lists`` table
    ``name`` (the lists a word is in separated by spaces; the file's header says what each list
    is for).  A row in no list, a word on two rows or (with ``known``) a list not in ``known`` is
    an error naming its line.  A new dict each call (the table itself is read once)."""
    table = read_table(name)
    if table.columns != ("word", "lists"):
        raise ValueError(f"{name}: expected the columns word, lists; got {', '.join(table.columns)}")
    out: dict[str, list[str]] = {}
    seen: dict[str, int] = {}
    for line, (word, lists) in zip(table.lines, table.cells):
        if word in seen:
            raise ValueError(f"{name}: line {line}: {word!r} is already on line {seen[word]}")
        seen[word] = line
        if not lists.split():
            raise ValueError(f"{name}: line {line}: {word!r} is in no list")
        for lst in lists.split():
            if known is not None and lst not in known:
                raise ValueError(f"{name}: line {line}: unknown list {lst!r} (one of {', '.join(known)})")
            out.setdefault(lst, []).append(word)
    return {lst: tuple(words) for lst, words in out.items()}
