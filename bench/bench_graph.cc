#include "bench/bench_graph.h"

#include <fstream>
#include <iostream>
#include <sstream>

#include "graph/bulk_loader.h"
#include "util/status_macros.h"

namespace quiver::bench {

std::string ReadFileOrExit(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << "cannot read " << path
              << " (generate the data: python3 ../shared/bench/gen_graph.py --out DIR)\n";
    std::exit(2);
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<CsvEdge> ParseEdgesCsv(std::string_view csv) {
  std::vector<CsvEdge> edges;
  edges.reserve(1 << 20);
  size_t pos = 0;
  while (pos < csv.size()) {
    size_t eol = csv.find('\n', pos);
    if (eol == std::string_view::npos) eol = csv.size();
    std::string_view line = csv.substr(pos, eol - pos);
    size_t c1 = line.find(','), c2 = line.find(',', c1 + 1);
    if (c1 != std::string_view::npos && c2 != std::string_view::npos)
      edges.push_back({line.substr(0, c1), line.substr(c1 + 1, c2 - c1 - 1), line.substr(c2 + 1)});
    pos = eol + 1;
  }
  return edges;
}

absl::StatusOr<AddResult> BulkLoadBenchmarkGraph(graph::Store* store,
                                                 std::string_view entities,
                                                 const std::string& csv,
                                                 const std::vector<CsvEdge>& edges,
                                                 const std::string& source) {
  graph::BulkLoader loader(store);
  Document doc;
  doc.source = source;
  loader.SetDocument(doc, csv);
  size_t pos = 0;
  while (pos < entities.size()) {
    size_t eol = entities.find('\n', pos);
    if (eol == std::string_view::npos) eol = entities.size();
    if (eol > pos) QUIVER_RETURN_IF_ERROR(loader.AddNode(entities.substr(pos, eol - pos)));
    pos = eol + 1;
  }
  for (size_t i = 0; i < edges.size(); ++i) {
    QUIVER_RETURN_IF_ERROR(
        loader.AddStatement(edges[i].src, edges[i].label, edges[i].dst, uint32_t(i + 1)));
  }
  return loader.Finish();
}

}  // namespace quiver::bench
