#include "tests/query/example_graph.h"

#include <atomic>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "absl/strings/str_join.h"
#include "cli/triple_file.h"

namespace quiver::testing {

std::unique_ptr<Database> OpenQueryTestDb(bool load_examples) {
  static std::atomic<int> counter{0};
  Options options;
  options.in_memory = true;
  auto db = Database::Open("/query-test-" + std::to_string(counter++), options);
  EXPECT_TRUE(db.ok()) << db.status();
  if (!db.ok()) return nullptr;
  if (load_examples) {
    std::string path = std::string(QUIVER_SOURCE_DIR) + "/examples/triples.tsv";
    std::ifstream in(path);
    std::stringstream content;
    content << in.rdbuf();
    auto parsed = cli::ParseTriples(path, content.str(), cli::TripleFormat::kTsv);
    EXPECT_TRUE(parsed.ok()) << parsed.status();
    if (!parsed.ok()) return nullptr;
    DocumentInput doc;
    doc.source = "triples.tsv";
    doc.content = content.str();
    doc.triples = parsed->triples;
    auto added = (*db)->AddDocument(doc);
    EXPECT_TRUE(added.ok()) << added.status();
  }
  return std::move(*db);
}

std::string FormatResult(const Result& result) {
  std::string out = absl::StrJoin(result.columns(), " | ");
  for (const auto& row : result) {
    std::vector<std::string> cells;
    for (const auto& v : row) cells.push_back(v.ToString());
    out += "\n" + absl::StrJoin(cells, " | ");
  }
  return out;
}

}  // namespace quiver::testing
