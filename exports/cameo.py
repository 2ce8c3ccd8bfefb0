"""CAMEO codes' quad class and Goldstein value for the network exports (GraphML, GEXF),
read from the extractor's ``event_classes.tsv`` through :mod:`newsgraph.extract.lexicon`."""

from __future__ import annotations

import math
import os
from collections.abc import Iterable, Mapping
from functools import lru_cache
from importlib.resources.abc import Traversable
from pathlib import Path

from newsgraph.extract import lexicon

Value = str | int | float | bool  # an attribute value of the network files (GraphML, GEXF)


def _root(code: str) -> str:
    code = code.strip()
    return code[:2] if len(code) >= 2 else code.zfill(2)


class CameoTable:
    """``quad_class`` and ``goldstein`` of CAMEO codes, from ``event_classes.tsv`` rows.

    A code is matched exactly, else by the first row (file order) of its root (the
    code's first two digits); fields missing on the exact row come from the root row.
    """

    def __init__(self, rows: Iterable[Mapping[str, object]] = ()) -> None:
        self._exact: dict[str, dict[str, Value]] = {}
        self._by_root: dict[str, dict[str, Value]] = {}
        for row in rows:
            code = str(row.get("cameo") or "").strip()
            root = str(row.get("cameo_root") or "").strip() or (_root(code) if code else "")
            info = _cameo_info(row)
            if code:
                self._exact.setdefault(code, info)
            if root:
                self._by_root.setdefault(root.zfill(2) if root.isdigit() else root, info)

    @classmethod
    def from_tsv(cls, path: str | os.PathLike | Traversable) -> CameoTable:
        """Read a table in the format of ``event_classes.tsv`` (:mod:`newsgraph.extract.lexicon`)."""
        if isinstance(path, (str, os.PathLike)):
            path = Path(path)
        return cls(lexicon.parse(path.read_text(encoding="utf-8"), path.name).rows())

    def lookup(self, code: str | None) -> dict[str, Value]:
        """``{"quad_class": ..., "goldstein": ...}`` with the known fields only."""
        if not code:
            return {}
        code = code.strip()
        info = dict(self._by_root.get(_root(code), {}))
        info.update(self._exact.get(code, {}))
        return info


def _cameo_info(row: Mapping[str, object]) -> dict[str, Value]:
    info: dict[str, Value] = {}
    quad = str(row.get("quad_class") or "").strip()
    if quad:
        info["quad_class"] = quad
    try:
        goldstein = float(str(row.get("goldstein") or "").strip())
    except ValueError:
        goldstein = math.nan
    if math.isfinite(goldstein):
        info["goldstein"] = goldstein
    return info


@lru_cache(maxsize=1)
def default_cameo_table() -> CameoTable:
    """The extractor's event classes (:func:`newsgraph.extract.lexicon.event_class_rows`);
    empty if absent or unreadable (the export then omits ``quad_class`` and ``goldstein``)."""
    try:
        return CameoTable(lexicon.event_class_rows())
    except (OSError, ValueError):  # (UnicodeDecodeError is a ValueError)
        return CameoTable()
