// Printing query results: aligned tables sized to the terminal, RFC 4180
// CSV, JSON (one array of objects keyed by column) and JSON Lines. Nodes,
// relationships and paths print readably: (Marta Lind:Person), [:mayor_of],
// (A)-[:t]->(B) in tables; objects with id, labels/type and properties in JSON.

#ifndef QUIVER_CLI_QUERY_FORMAT_H_
#define QUIVER_CLI_QUERY_FORMAT_H_

#include <ostream>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "quiver/result.h"
#include "quiver/value.h"

namespace quiver::cli {

enum class ResultFormat { kTable, kCsv, kJson, kJsonl };

// Errors: kInvalidArgument naming the accepted formats.
absl::StatusOr<ResultFormat> ParseResultFormat(std::string_view name);

// Columns of the terminal on stdout ($COLUMNS first), or 0 when stdout is
// not a terminal, so tables are never cut when piped.
size_t TerminalWidth();

// Prints the rows of `result` as Result::Next() delivers them, so a large
// result streams (tables size their columns on the first 1000 rows).
// `width` is the terminal width for tables (0: unlimited); long values are
// cut with an ellipsis. With `max_rows` > 0 only that many rows are printed
// and the rest are read and counted: the count is returned. Check
// result.status() afterwards: an error may end the rows.
size_t PrintResult(Result& result, ResultFormat format, size_t width, std::ostream& out,
                   size_t max_rows = 0);

// A table cell: strings unquoted, graph elements as above.
std::string CellText(const Value& v);

// --param values: JSON literals (numbers, true/false/null, "strings",
// lists, objects) become typed values; anything else is a string. A
// temporal value is an object with one tagged ISO 8601 string:
// {"$date": "2015-07-21"}, {"$localtime": "21:40"}, {"$time": "21:40+01:00"},
// {"$localdatetime": "2015-07-21T21:40"},
// {"$datetime": "2015-07-21T21:40[Europe/Stockholm]"}, {"$duration": "P1D"}.
// Errors: kInvalidArgument when such a string is not valid, for text that
// is not UTF-8, or for JSON nested more than kMaxParamDepth levels.
inline constexpr int kMaxParamDepth = 64;
absl::StatusOr<Value> ParseParamValue(std::string_view text);

}  // namespace quiver::cli

#endif  // QUIVER_CLI_QUERY_FORMAT_H_
