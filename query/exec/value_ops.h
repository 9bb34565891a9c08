// openCypher value semantics over quiver::Value: three-valued equality and
// comparison, the global sort order of ORDER BY, and grouping equivalence.
// Kept in the query engine: Value itself only knows structural equality.

#ifndef QUIVER_QUERY_EXEC_VALUE_OPS_H_
#define QUIVER_QUERY_EXEC_VALUE_OPS_H_

#include <cstddef>

#include "quiver/value.h"

namespace quiver::query {

// Cypher '=': true, false, or null (unknown) when a null is involved
// anywhere it matters. 1 = 1.0 is true.
Value CypherEquals(const Value& a, const Value& b);

// Cypher '<' family: -1, 0, 1 when a and b are comparable (numbers, strings,
// booleans, lists of those), else null. `*comparable` says which.
int CypherCompare(const Value& a, const Value& b, bool* comparable);

// The total order ORDER BY uses: maps, nodes, relationships, lists, paths,
// strings, booleans, numbers (NaN last), then null.
int OrderCompare(const Value& a, const Value& b);

// Equivalence for DISTINCT and grouping: null equals null, 1 equals 1.0.
bool Equivalent(const Value& a, const Value& b);
size_t EquivalenceHash(const Value& v);

// Three-valued truth: a bool or null; anything else is not a boolean.
inline bool IsTrue(const Value& v) { return v.is_bool() && v.AsBool(); }

}  // namespace quiver::query

#endif  // QUIVER_QUERY_EXEC_VALUE_OPS_H_
