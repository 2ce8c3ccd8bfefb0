"""When and how a build ran: its start time and the ``build.json`` record.

The graph files must be byte-identical for the same input and options, so the wall
clock never goes into them.  The start time of a build is written

* always to ``DIR/build.json`` (tool and model versions, start time, inputs, options,
  counts, seconds): a log of the run, which differs from run to run;
* into the RDF as ``prov:startedAtTime`` of the ``prov:Activity`` only when the
  ``SOURCE_DATE_EPOCH`` environment variable is set (the reproducible-builds
  convention, https://reproducible-builds.org/specs/source-date-epoch/): the time is
  then that value, not the clock, so the output stays reproducible.  ``build.json``
  then leaves out the measured seconds and is byte-identical too.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from datetime import datetime, timezone

from .errors import NewsgraphError

ENV = "SOURCE_DATE_EPOCH"


def start_time(environ: Mapping[str, str] | None = None) -> tuple[str, bool]:
    """``(xsd:dateTime in UTC, reproducible)``: ``SOURCE_DATE_EPOCH`` when it is set
    (``reproducible`` True), else the clock, to the second."""
    env = os.environ if environ is None else environ
    raw = env.get(ENV, "").strip()
    if raw:
        if not raw.isdigit():
            raise NewsgraphError(f"{ENV}={raw!r}: not a number of seconds since 1970-01-01 UTC")
        try:
            when = datetime.fromtimestamp(int(raw), tz=timezone.utc)
        except (OverflowError, OSError, ValueError) as exc:
            raise NewsgraphError(f"{ENV}={raw!r}: out of range ({exc})") from exc
        return _iso(when), True
    return _iso(datetime.now(timezone.utc)), False


def _iso(when: datetime) -> str:
    return when.replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def build_record(*, build_info: Mapping[str, object], started: str, reproducible: bool,
                 inputs: Sequence[str], options: Mapping[str, object],
                 counts: Mapping[str, int], files: Sequence[str], seconds: float) -> bytes:
    """The bytes of ``build.json`` (sorted keys, UTF-8, one trailing newline)."""
    record: dict[str, object] = {
        "tool": "newsgraph",
        **{k: v for k, v in build_info.items() if k != "startedAtTime"},
        "startedAtTime": started,
        "startedAtTimeSource": ENV if reproducible else "clock",
        # The record of the run: where the inputs were, absolute (the graph files themselves
        # name documents relative to the folder given). A path that is not UTF-8 arrives with
        # lone surrogates, which JSON in UTF-8 cannot hold.
        "inputs": [(i if i == "-" else os.path.abspath(i)).encode("utf-8", "surrogateescape").decode("utf-8", "replace")
                   for i in inputs],
        "options": dict(options),
        **counts,
        "files": list(files),
    }
    if not reproducible:
        record["seconds"] = round(seconds, 2)
    return (json.dumps(record, indent=1, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")
