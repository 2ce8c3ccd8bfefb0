"""Write extract/data/name_genders.tsv, the given names whose gender is clear, from
the name data of nomquamgender (MIT, Ian Van Buskirk, https://github.com/ianvanbuskirk/nomquamgender;
THIRD_PARTY.md).

    pip download --no-deps nomquamgender==0.1.4 -d /tmp/nqg
    .venv/bin/python scripts/make_name_genders.py /tmp/nqg/nomquamgender-0.1.4-py3-none-any.whl
    .venv/bin/python scripts/make_name_genders.py WHEEL --check   # the committed file is current

nomquamgender pools 36 name-gender sources of many countries: for each lower-cased name, the
number of sources, the number of people counted and p(gf), the share of them gendered female.
A name is kept when at least MIN_COUNT people were counted and p(gf) is at most MAX_P or at least
1 - MAX_P: "angela" (0.992) is F, "vladimir" (0.0) is M; "kim" (0.665), "jean" (0.477) and family
names that open Chinese or Korean names ("xi" 0.615, "park" 0.184) are left out. The package
itself is not a dependency: importing it loads 22 MB of JSON and pandas, for a table that fits in
a few hundred kilobytes.
"""

from __future__ import annotations

import json
import re
import sys
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "extract" / "data" / "name_genders.tsv"
SOURCE = "nomquamgender 0.1.4"
MIN_COUNT = 300  # people counted over all sources: rare names are noisy
MAX_P = 0.05  # p(gf) <= MAX_P is M, >= 1 - MAX_P is F (stricter than nomquamgender's default 0.1: 'Raila', 'Lindsey' are 0.90)
# A plain given name: letters (any script's Latin letters), at most one inner hyphen or apostrophe.
NAME = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)?")


def load(path: Path) -> dict:
    if path.suffix == ".whl":
        with zipfile.ZipFile(path) as whl:
            return json.loads(whl.read("nomquamgender/name_data.json"))
    return json.loads(path.read_text("utf-8"))


def table(data: dict) -> str:
    rows = []
    for name, values in data.items():
        count, pgf = values[1], values[2]
        if count < MIN_COUNT or not NAME.fullmatch(name) or len(name) < 2:
            continue
        if pgf >= 1 - MAX_P:
            rows.append((name, "F"))
        elif pgf <= MAX_P:
            rows.append((name, "M"))
    head = (f"# Given names whose gender is clear, from {SOURCE} (MIT; THIRD_PARTY.md):\n"
            f"# at least {MIN_COUNT} people counted, p(female) <= {MAX_P} (M) or >= {1 - MAX_P:.2f} (F).\n"
            "# Written by scripts/make_name_genders.py; do not edit by hand. Read by\n"
            "# extract/entities/genders.py (which pronoun may refer to which person).\n"
            "# Columns: name (lower case), gender (F or M)\n")
    return head + "".join(f"{n}\t{g}\n" for n, g in sorted(rows))


def main(argv: list[str]) -> int:
    if not argv:
        sys.exit(__doc__)
    text = table(load(Path(argv[0])))
    if "--check" in argv[1:]:
        if OUT.read_text("utf-8") != text:
            print(f"{OUT} is not what {SOURCE} gives: run scripts/make_name_genders.py", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, "utf-8")
    print(f"{OUT}: {text.count(chr(10)) - 5} names")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
