// The TCK's notation for expected values and parameters, read into
// quiver::Value: null, true, false, integers (decimal, 0x hex, 0o octal),
// floats (1.5, -0.0, 1e10, .5, NaN, Infinity), 'strings' with backslash
// escapes, [lists], {maps}, nodes (:A:B {k: v}), relationships [:T {k: v}]
// and paths <(a)-[:T]->(b)<-[:U]-(c)>.
//
// Ids mean nothing in the notation. Inside a parsed path, each node's id is
// its position and each relationship's src/dst are the positions of its ends,
// so "forward" reads the same way as in a query's path: r.src == nodes[i].id.

#ifndef QUIVER_TESTS_TCK_VALUE_NOTATION_H_
#define QUIVER_TESTS_TCK_VALUE_NOTATION_H_

#include <string_view>

#include "absl/status/statusor.h"
#include "quiver/value.h"

namespace quiver::tck {

// Errors: kInvalidArgument with the column of the first character that does
// not fit, for text that is not one complete value.
absl::StatusOr<Value> ParseTckValue(std::string_view text);

}  // namespace quiver::tck

#endif  // QUIVER_TESTS_TCK_VALUE_NOTATION_H_
