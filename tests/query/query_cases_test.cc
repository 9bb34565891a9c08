// Runs the end-to-end cases in tests/queries/*.test (Kùzu's style of small
// text files). Format, one file = one fresh in-memory store:
//
//   -DATASET examples | empty        examples: examples/triples.tsv loaded
//   -STATEMENT <statement>           may continue on following lines
//   ---- ok                          ran without error (rows not checked)
//   ---- N                           then N rows, in order: Value::ToString
//                                    of each cell, joined by " | "
//   ---- error                       then the exact error text (caret
//                                    excerpt included) up to a blank line
// Lines starting with '#' outside a statement are comments.

#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "absl/strings/match.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "tests/query/example_graph.h"

namespace quiver {
namespace {

std::vector<std::string> CaseFiles() {
  std::vector<std::string> files;
  std::string dir = std::string(QUIVER_SOURCE_DIR) + "/tests/queries";
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().extension() == ".test") files.push_back(e.path().filename().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<std::string> ReadLines(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  return lines;
}

class QueryCases : public ::testing::TestWithParam<std::string> {};

TEST_P(QueryCases, Run) {
  std::string path = std::string(QUIVER_SOURCE_DIR) + "/tests/queries/" + GetParam();
  std::vector<std::string> lines = ReadLines(path);
  ASSERT_FALSE(lines.empty()) << path;
  std::unique_ptr<Database> db;
  size_t i = 0;
  int cases = 0;
  while (i < lines.size()) {
    const std::string& line = lines[i];
    if (line.empty() || line[0] == '#') {
      ++i;
      continue;
    }
    if (absl::StartsWith(line, "-DATASET ")) {
      db = testing::OpenQueryTestDb(line.substr(9) == "examples");
      ASSERT_TRUE(db);
      ++i;
      continue;
    }
    ASSERT_TRUE(absl::StartsWith(line, "-STATEMENT ")) << path << ":" << i + 1 << ": " << line;
    if (!db) db = testing::OpenQueryTestDb(false);
    int at = int(i) + 1;
    std::string statement = line.substr(11);
    ++i;
    while (i < lines.size() && !absl::StartsWith(lines[i], "----")) statement += "\n" + lines[i++];
    ASSERT_LT(i, lines.size()) << path << ":" << at << ": no ---- line";
    std::string expect = lines[i++].substr(4);
    while (!expect.empty() && expect[0] == ' ') expect.erase(0, 1);
    auto result = db->Query(statement);
    ++cases;
    std::string where = path + ":" + std::to_string(at);
    if (expect == "error") {
      std::vector<std::string> want;
      while (i < lines.size() && !lines[i].empty()) want.push_back(lines[i++]);
      ASSERT_FALSE(result.ok()) << where << ": expected an error";
      EXPECT_EQ(std::string(result.status().message()), absl::StrJoin(want, "\n")) << where;
      continue;
    }
    ASSERT_TRUE(result.ok()) << where << ": " << result.status();
    if (expect == "ok") continue;
    size_t n = std::stoul(expect);
    std::vector<std::string> want(lines.begin() + long(i), lines.begin() + long(std::min(i + n, lines.size())));
    i += n;
    std::vector<std::string> got;
    for (const auto& row : *result) {
      std::vector<std::string> cells;
      for (const auto& v : row) cells.push_back(v.ToString());
      got.push_back(absl::StrJoin(cells, " | "));
    }
    EXPECT_EQ(absl::StrJoin(got, "\n"), absl::StrJoin(want, "\n")) << where << "\n" << statement;
  }
  EXPECT_GT(cases, 0) << path;
}

INSTANTIATE_TEST_SUITE_P(Files, QueryCases, ::testing::ValuesIn(CaseFiles()),
                         [](const auto& info) {
                           std::string name = info.param.substr(0, info.param.size() - 5);
                           for (auto& c : name) if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           return name;
                         });

}  // namespace
}  // namespace quiver
