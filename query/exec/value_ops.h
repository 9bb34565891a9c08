// openCypher value semantics over quiver::Value: three-valued equality and
// comparison, the global sort order of ORDER BY, and grouping equivalence.
// Kept in the query engine: Value itself only knows structural equality.

#ifndef QUIVER_QUERY_EXEC_VALUE_OPS_H_
#define QUIVER_QUERY_EXEC_VALUE_OPS_H_

#include <cstddef>
#include <vector>

#include "quiver/value.h"

namespace quiver::query {

// Cypher '=': true, false, or null (unknown) when a null is involved
// anywhere it matters. 1 = 1.0 is true.
Value CypherEquals(const Value& a, const Value& b);

// Cypher '<' family: -1, 0, 1 when a and b are comparable (numbers, strings,
// booleans, temporal instants of one kind, lists of those), else null. `*comparable` says which.
int CypherCompare(const Value& a, const Value& b, bool* comparable);

// The total order ORDER BY uses: maps, nodes, relationships, lists, paths,
// temporal values (date-times, local date-times, dates, times, local times,
// durations), strings, booleans, numbers (NaN last), then null.
int OrderCompare(const Value& a, const Value& b);

// Equivalence for DISTINCT and grouping: null equals null, 1 equals 1.0.
bool Equivalent(const Value& a, const Value& b);
size_t EquivalenceHash(const Value& v);

// Hash and equality of whole rows under Equivalent, for DISTINCT, UNION
// and grouping keys in hash maps.
struct RowHash {
  size_t operator()(const std::vector<Value>& row) const {
    size_t h = 0;
    for (const auto& v : row) h = h * 31 + EquivalenceHash(v);
    return h;
  }
};
struct RowEq {
  bool operator()(const std::vector<Value>& a, const std::vector<Value>& b) const {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
      if (!Equivalent(a[i], b[i])) return false;
    return true;
  }
};

// Three-valued truth: a bool or null; anything else is not a boolean.
inline bool IsTrue(const Value& v) { return v.is_bool() && v.AsBool(); }

}  // namespace quiver::query

#endif  // QUIVER_QUERY_EXEC_VALUE_OPS_H_
