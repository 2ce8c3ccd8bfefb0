#!/usr/bin/env bash
# Build every article set of the repository and score it, so that a refactoring can be shown
# to leave the output byte-identical: run it before and after the change into two folders and
# compare them (`cmp` every file, as --compare does).
#   bash scripts/check_identical.sh /tmp/base            # build and score everything into /tmp/base
#   bash scripts/check_identical.sh /tmp/after /tmp/base # ... and compare with an earlier run
# SOURCE_DATE_EPOCH=0 makes build.json's timestamp stable; every set is one build of its folder.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: check_identical.sh OUT_DIR [BASELINE_DIR]}
base=${2:-}
ng=.venv/bin/newsgraph
export SOURCE_DATE_EPOCH=0

# name -> input folder; the gold of each set is beside its articles (seeds: eval/dev/seed).
declare -A inputs=(
  [seeds]=seeds [gum_news]=eval/dev/gum_news [wikinews]=eval/dev/wikinews
  [wikievents_voa]=eval/dev/wikievents_voa [heldout]=eval/heldout [heldout2]=eval/heldout2
  [heldout3]=eval/heldout3 [heldout4]=eval/heldout4)
declare -A gold=(
  [seeds]="eval/dev/seed/st-petersburg-bombing.gold.json" [gum_news]=eval/dev/gum_news
  [wikinews]=eval/dev/wikinews [wikievents_voa]=eval/dev/wikievents_voa [heldout]=eval/heldout
  [heldout2]=eval/heldout2 [heldout3]=eval/heldout3 [heldout4]=eval/heldout4)
names=(seeds gum_news wikinews wikievents_voa heldout heldout2 heldout3 heldout4)

rm -rf "$out"
mkdir -p "$out"
for name in "${names[@]}"; do
  "$ng" build "${inputs[$name]}" -o "$out/$name" -q
  # shellcheck disable=SC2086  # the gold list may name several files
  "$ng" eval ${gold[$name]} --pred "$out/$name" --json >"$out/$name.eval.json"
done
"$ng" build seeds -o "$out/seeds-nodes" --events-as nodes -q
# The store is a scratch folder inside the results, made fresh each run (a warm store skips work).
"$ng" build seeds -o "$out/seeds-store" --store "$out/store" -q
"$ng" eval ${gold[seeds]} --pred "$out/seeds-store" --json >"$out/seeds-store.eval.json"

echo "built into $out"
for name in "${names[@]}"; do
  (cd "$out/$name" && sha256sum graph.nq graph.graphml graph.gexf | sed "s|  |  $name/|")
done

if [ -n "$base" ]; then
  status=0
  # Every output file of both runs (the store's own files are its internals, not output).
  while IFS= read -r rel; do
    if ! cmp -s "$base/$rel" "$out/$rel"; then
      echo "DIFFERS: $rel"; status=1
    fi
  done < <( (cd "$base" && find . -type f -not -path './store/*'; \
             cd "$out" && find . -type f -not -path './store/*') | sort -u)
  n=$(cd "$base" && find . -type f -not -path './store/*' | wc -l)
  if [ $status -eq 0 ]; then echo "identical: all $n files"; else echo "NOT identical"; fi
  exit $status
fi
