#!/usr/bin/env bash
# The main job: install dependencies, build, load the example graph into an
# embedded store (./example.quiver), show what it holds and draw it
# (./example.svg, ./example.html).
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
# A diagram of the whole example graph: SVG, and HTML with each edge's
# evidence on hover.
"$quiver" diagram "$store" 'MATCH (a)-[r]->(b) RETURN a, r, b' --title "Example graph" -o "${store%.quiver}.svg"
"$quiver" diagram "$store" 'MATCH (a)-[r]->(b) RETURN a, r, b' --title "Example graph" -o "${store%.quiver}.html"
