// The shared benchmark graph (../shared/bench/gen_graph.py): reading its
// files and bulk-loading it into a fresh store, as every benchmark does.

#ifndef QUIVER_BENCH_BENCH_GRAPH_H_
#define QUIVER_BENCH_BENCH_GRAPH_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "graph/store.h"
#include "quiver/graph_types.h"

namespace quiver::bench {

// The whole file, or exit(2) with a hint to generate the data.
std::string ReadFileOrExit(const std::string& path);

// One line of edges.csv, viewing into the text it was parsed from.
struct CsvEdge {
  std::string_view src, dst, label;
};
std::vector<CsvEdge> ParseEdgesCsv(std::string_view csv);

// Loads the entities (one name a line) and the edges, statement i on line
// i + 1, into `store` (REQUIRES: empty) through graph::BulkLoader; `csv` is
// the edges file's text, hashed as the document's content.
absl::StatusOr<AddResult> BulkLoadBenchmarkGraph(graph::Store* store,
                                                 std::string_view entities,
                                                 const std::string& csv,
                                                 const std::vector<CsvEdge>& edges,
                                                 const std::string& source);

}  // namespace quiver::bench

#endif  // QUIVER_BENCH_BENCH_GRAPH_H_
