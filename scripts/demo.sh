#!/usr/bin/env bash
# The main job: install dependencies, build, ingest the example articles into
# an embedded store (./example.quiver), question it, and draw it
# (./example.svg, and ./example.html with each edge's evidence on hover).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
# Only the quiver program: no tests, benchmarks, fuzz targets or libquiver
# (the demo preset; scripts/test.sh builds everything).
cmake --preset demo >/dev/null
cmake --build --preset demo
quiver=build/demo/cli/quiver
store=${1:-example.quiver}
rm -rf "$store"

echo "== ingest: articles -> sentences -> link-grammar parses -> triples -> entities"
"$quiver" ingest "$store" examples/articles --jobs 2
echo
"$quiver" stats "$store"

echo
echo "== Who did what, according to the articles? (denials and plans are marked)"
"$quiver" query "$store" '
  MATCH (p:Person)-[r]->(x)
  RETURN p.name AS who, type(r) AS did, x.name AS what,
         r.negated AS denied, r.modality AS modality
  ORDER BY who, did, what'

echo
echo "== Everything around Erik Dahl, found by a short form of his name"
"$quiver" query "$store" '
  MATCH (n {name: "Dahl"})-[r]-(m)
  RETURN n.name AS node, type(r) AS relation, m.name AS other, r.count AS statements
  ORDER BY relation, other'

echo
echo "== Why those mentions are one node: every merge keeps its reason"
"$quiver" query "$store" '
  CALL kg.mentions("Erik Dahl") YIELD mention, reason, store
  RETURN DISTINCT mention, reason, store'

echo
echo "== A passive sentence, read the right way round"
"$quiver" query "$store" '
  MATCH (a {name: "Nordic Council"})-[r:prepare]->(b)
  RETURN a.name AS subject, type(r) AS relation, b.name AS object, r.text AS as_written'

echo
echo "== The most central nodes (PageRank)"
"$quiver" query "$store" '
  CALL algo.pagerank() YIELD node, score
  RETURN node.name AS name, round(score * 1000) / 1000 AS score
  ORDER BY score DESC LIMIT 5'

# A diagram of the extracted graph: SVG, and HTML with each edge's evidence
# on hover.
diagram_query='MATCH (a)-[r]->(b) WHERE (a:Person OR a:Country OR a:Organization) RETURN a, r, b'
"$quiver" diagram "$store" "$diagram_query" --title "Example articles" -o "${store%.quiver}.svg"
"$quiver" diagram "$store" "$diagram_query" --title "Example articles" -o "${store%.quiver}.html"
echo
echo "diagrams: ${store%.quiver}.svg, ${store%.quiver}.html"
