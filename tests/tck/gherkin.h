// A Gherkin reader for the openCypher TCK's feature files.
//
// It understands what the TCK uses: Feature, Background, Scenario, Scenario
// Outline with Examples, tags, steps with a doc string ("""...""") or a data
// table (|...|), and comments. ExpandFeature turns every Scenario Outline into
// one Scenario per Examples row, with <placeholders> substituted.

#ifndef QUIVER_TESTS_TCK_GHERKIN_H_
#define QUIVER_TESTS_TCK_GHERKIN_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace quiver::tck {

using Table = std::vector<std::vector<std::string>>;

struct Step {
  std::string keyword;  // "Given", "When", "Then", "And", "But" or "*".
  std::string text;     // After the keyword, trimmed.
  int line = 0;
  std::optional<std::string> doc_string;
  std::optional<Table> table;  // Cells unescaped (\| \\ \n) and trimmed.
};

struct Examples {
  int line = 0;
  std::vector<std::string> tags;
  Table table;                 // Row 0 is the header.
  std::vector<int> row_lines;  // Source line of each table row.
};

struct ScenarioDef {
  std::string name;
  int line = 0;
  bool outline = false;
  std::vector<std::string> tags;
  std::vector<Step> steps;
  std::vector<Examples> examples;
};

struct Feature {
  std::string path;
  std::string name;
  std::vector<std::string> tags;
  std::vector<Step> background;
  std::vector<ScenarioDef> scenarios;
};

// Errors: kInvalidArgument naming "path:line" for text that is not Gherkin
// (a step outside a scenario, an unterminated doc string, a ragged table).
absl::StatusOr<Feature> ParseFeature(std::string_view text, std::string path);

// One runnable scenario: background steps first, placeholders substituted.
struct Scenario {
  std::string path;
  std::string name;       // Placeholders substituted.
  int line = 0;           // The Scenario line, or the Examples row line.
  std::vector<std::string> tags;  // Feature, scenario and examples tags.
  std::vector<Step> steps;
};

// Errors: kInvalidArgument when an Examples table lacks a header or a row
// has the wrong number of cells.
absl::StatusOr<std::vector<Scenario>> ExpandFeature(const Feature& feature);

// Substitutes every <name> whose name is a key of `header` by the cell.
std::string SubstitutePlaceholders(std::string_view text,
                                   const std::vector<std::string>& header,
                                   const std::vector<std::string>& row);

// The cells of one "| a | b |" line, unescaped and trimmed.
std::vector<std::string> SplitTableRow(std::string_view line);

}  // namespace quiver::tck

#endif  // QUIVER_TESTS_TCK_GHERKIN_H_
