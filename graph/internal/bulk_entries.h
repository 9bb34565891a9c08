// The fixed-width entries the bulk loader sorts (graph/bulk_loader.*): ids of
// at most 32 bits packed four to a 128-bit integer in key order, so that
// sorting and merging compare integers, not structs field by field.

#ifndef QUIVER_GRAPH_INTERNAL_BULK_ENTRIES_H_
#define QUIVER_GRAPH_INTERNAL_BULK_ENTRIES_H_

#include <cstdint>
#include <string>

#include "graph/bulk_loader.h"
#include "graph/sorted_runs.h"

namespace quiver::graph {

__extension__ using Packed = unsigned __int128;

inline Packed Pack(uint32_t a, uint32_t b, uint32_t c, uint32_t d) {
  return (Packed((uint64_t(a) << 32) | b) << 64) | Packed((uint64_t(c) << 32) | d);
}
// Field i (0 = most significant) of a packed entry.
inline uint32_t Field(Packed v, int i) { return uint32_t(v >> (96 - 32 * i)); }

// A packed key with up to four 32-bit values riding along.
struct Wide {
  Packed key;
  uint32_t a, b, c, d;
  bool operator<(const Wide& o) const { return key < o.key; }
};

struct BulkLoader::Entries {
  Entries(const std::string& dir, size_t budget)
      : statements(dir, budget), out(dir, budget), in(dir, budget), by_type(dir, budget),
        edges(dir, budget), evidence(dir, budget) {
    statements.set_parallel_sort(true);
  }
  // (subject, type, object, statement index); a: line, b: text, c: evidence.
  SortedRuns<Wide> statements;
  // (subject, type, object, edge), (object, type, subject, edge) and
  // (type, subject, object, edge).
  SortedRuns<Packed> out, in, by_type;
  // (edge, subject, object, type); a: text, b: count.
  SortedRuns<Wide> edges;
  // (edge, line, statement index, 0); a: text, b: evidence.
  SortedRuns<Wide> evidence;
};

}  // namespace quiver::graph

#endif  // QUIVER_GRAPH_INTERNAL_BULK_ENTRIES_H_
