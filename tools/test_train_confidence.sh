#!/bin/sh
# ctest: tools/train_confidence.py is deterministic (two runs, the same model
# file) on candidates of the first 60 CaRB dev sentences. Skips (exit 77)
# where the CaRB data or the scorer's Debian packages are absent.
set -eu
quiver=$1
carb=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ ! -f "$carb/dev.txt" ] || ! /usr/bin/python3 -c 'import numpy, docopt, sklearn, nltk' 2>/dev/null; then
  echo "skipped: no CaRB data at $carb or no python3-numpy/docopt/sklearn/nltk"
  exit 77
fi
head -n 60 "$carb/dev.txt" > "$tmp/dev60.txt"
"$quiver" extract --format carb-features "$tmp/dev60.txt" > "$tmp/features.tsv"
dir=$(dirname "$0")
/usr/bin/python3 -B "$dir/train_confidence.py" --carb "$carb" --features "$tmp/features.tsv" --out "$tmp/a.txt" > /dev/null 2>&1
/usr/bin/python3 -B "$dir/train_confidence.py" --carb "$carb" --features "$tmp/features.tsv" --out "$tmp/b.txt" > /dev/null 2>&1
grep -q '^bias ' "$tmp/a.txt"
grep -q '^feature kind=svo ' "$tmp/a.txt"
cmp "$tmp/a.txt" "$tmp/b.txt"
echo "deterministic: $(grep -c '^feature' "$tmp/a.txt") weights"
