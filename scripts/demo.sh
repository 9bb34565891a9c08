#!/usr/bin/env bash
# The main job: install dependencies, build, load the example graph into an
# embedded store (./example.quiver) and show what it holds.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release
quiver=build/release/cli/quiver
store=${1:-example.quiver}
rm -rf "$store"
"$quiver" load "$store" examples/triples.tsv examples/entities.jsonl
"$quiver" stats "$store"
