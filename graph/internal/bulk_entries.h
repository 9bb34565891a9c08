// The fixed-width entries the bulk loader sorts (graph/bulk_loader.*): ids of
// at most 32 bits packed four to a 128-bit integer in key order, so that
// sorting and merging compare integers, not structs field by field.

#ifndef QUIVER_GRAPH_INTERNAL_BULK_ENTRIES_H_
#define QUIVER_GRAPH_INTERNAL_BULK_ENTRIES_H_

#include <cstdint>
#include <string>

#include "graph/bulk_loader.h"
#include "graph/radix_sort.h"
#include "graph/sorted_runs.h"

namespace quiver::graph {

inline Packed Pack(uint32_t a, uint32_t b, uint32_t c, uint32_t d) {
  return (Packed((uint64_t(a) << 32) | b) << 64) | Packed((uint64_t(c) << 32) | d);
}
// Field i (0 = most significant) of a packed entry.
inline uint32_t Field(Packed v, int i) { return uint32_t(v >> (96 - 32 * i)); }

// A packed key with up to four 32-bit values riding along.
struct Wide {
  Packed key;
  uint32_t a, b, c, d;
};
inline Packed RadixKey(const Wide& w) { return w.key; }

struct BulkLoader::Entries {
  Entries(const std::string& dir, size_t budget)
      // Alone while statements are added: half for them, half to sort them.
      : statements(dir, budget / 2), out(dir, budget), in(dir, budget), by_type(dir, budget),
        edges(dir, budget), evidence(dir, budget) {
    // Each run is sorted only by the fields the order added in does not
    // give already (a radix sort pass per byte saved): statement entries are
    // added in index order; GroupEdges adds the others fact by fact, in
    // (subject, type, object) order, so `out` comes sorted, `in` needs
    // (object, type) and `by_type` the type alone (the rest follows), an
    // edge's entry is the only one of its id, and its evidence lines are
    // added together and in order, so they need the edge alone (with the
    // line too, as before, evidence took 6 passes at 1M edges, not 3). 11
    // passes instead of 24 for the four at 1M edges.
    statements.set_ignored_bits(32);
    out.set_ignored_bits(32);
    in.set_ignored_bits(64);
    by_type.set_ignored_bits(96);
    edges.set_ignored_bits(96);
    evidence.set_ignored_bits(96);
  }
  // (subject, type, object, statement index); a: line, b: text, c: evidence.
  SortedRuns<Wide> statements;
  // Made by GroupEdges, where "edge" is the index of the edge's first
  // statement (BulkLoader::EdgeId gives its id):
  // (subject, type, object, edge), (object, type, subject, edge) and
  // (type, subject, object, edge).
  SortedRuns<Packed> out, in, by_type;
  // (edge, count, 0, 0); a: subject, b: object, c: type, d: text.
  SortedRuns<Wide> edges;
  // (edge, line, 0, 0), the first statement of the line; a: text,
  // b: evidence.
  SortedRuns<Wide> evidence;
};

}  // namespace quiver::graph

#endif  // QUIVER_GRAPH_INTERNAL_BULK_ENTRIES_H_
