// Comparison of query results with the TCK's expectations.
//
// Values compare as the TCK means them: nodes by labels (as a set) and
// properties, relationships by type and properties, never by id; paths
// element by element with each relationship's direction; 1 and 1.0 differ;
// NaN equals NaN; floats equal within a few units in the last place (the
// notation prints the shortest text that reads back as the double); a
// temporal value equals the string of its ISO 8601 text, as the TCK writes
// temporal values ('2015-07-21').

#ifndef QUIVER_TESTS_TCK_COMPARE_H_
#define QUIVER_TESTS_TCK_COMPARE_H_

#include <optional>
#include <string>
#include <vector>

#include "quiver/value.h"

namespace quiver::tck {

struct CompareOptions {
  // "(ignoring element order for lists)": lists compare as multisets.
  bool ignore_list_order = false;
};

bool TckEqual(const Value& expected, const Value& actual,
              const CompareOptions& options = {});

// A result as the runner sees it, fully read.
struct ResultTable {
  std::vector<std::string> columns;
  std::vector<std::vector<Value>> rows;
};

enum class RowOrder { kAnyOrder, kInOrder };

// nullopt when `actual` matches `expected`; otherwise a short explanation
// (missing and unexpected rows, or the first row that differs). Columns must
// match by name (in any order: rows are compared column by column by name).
std::optional<std::string> CompareResults(const ResultTable& expected,
                                          const ResultTable& actual, RowOrder order,
                                          const CompareOptions& options = {});

// "| a | b |" style rendering of one row, for messages.
std::string RowToString(const std::vector<Value>& row);

}  // namespace quiver::tck

#endif  // QUIVER_TESTS_TCK_COMPARE_H_
