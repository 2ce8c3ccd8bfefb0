"""Where an exporter writes: a path or a binary file object, the one helper for both.

Every ``write_*`` function of the exporters takes either, as networkx's ``write_*``
functions and rdflib's serializers do.  A path is opened (and closed) here, only when the
exporter starts writing, so an exporter that fails before that leaves no file; a file
object is the caller's and stays open.  Atomic replacement is the caller's business
(:func:`newsgraph.exports.write_all`).
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import BinaryIO

Destination = str | bytes | os.PathLike | BinaryIO


def is_path(dest: Destination) -> bool:
    """True when ``dest`` names a file rather than being an open one."""
    return isinstance(dest, (str, bytes, os.PathLike))


@contextmanager
def open_binary(dest: Destination) -> Iterator[BinaryIO]:
    """A binary file to write into: the path opened for writing, or ``dest`` itself."""
    if is_path(dest):
        with open(dest, "wb") as fh:
            yield fh
    else:
        yield dest  # type: ignore[misc]


@contextmanager
def open_text(dest: Destination) -> Iterator[Callable[[str], int]]:
    """``write(str)`` into ``dest``: UTF-8, ``\\n`` line ends, buffered."""
    with open_binary(dest) as fh:
        text = io.TextIOWrapper(fh, encoding="utf-8", newline="\n", write_through=False)
        try:
            yield text.write
            text.flush()
        finally:
            text.detach()  # the binary file is open_binary's to close (or the caller's)


def write_bytes(data: bytes, dest: Destination) -> None:
    """Write ``data`` to a path or a binary file."""
    with open_binary(dest) as fh:
        fh.write(data)
