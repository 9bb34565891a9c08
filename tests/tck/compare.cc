#include "tests/tck/compare.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <map>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace quiver::tck {
namespace {

// Distance in units in the last place; doubles map to a monotonic integer line.
uint64_t UlpDistance(double a, double b) {
  auto key = [](double d) {
    int64_t i;
    std::memcpy(&i, &d, sizeof d);
    return i < 0 ? std::numeric_limits<int64_t>::min() - i : i;
  };
  int64_t ka = key(a), kb = key(b);
  return ka > kb ? static_cast<uint64_t>(ka) - static_cast<uint64_t>(kb)
                 : static_cast<uint64_t>(kb) - static_cast<uint64_t>(ka);
}

bool DoubleEqual(double e, double a) {
  if (std::isnan(e) || std::isnan(a)) return std::isnan(e) && std::isnan(a);
  if (e == a) return true;  // Also 0.0 == -0.0.
  if (std::isinf(e) || std::isinf(a)) return false;
  return UlpDistance(e, a) <= 4;
}

bool MapEqual(const ValueMap& e, const ValueMap& a, const CompareOptions& o) {
  if (e.size() != a.size()) return false;
  for (auto ei = e.begin(), ai = a.begin(); ei != e.end(); ++ei, ++ai) {
    if (ei->first != ai->first || !TckEqual(ei->second, ai->second, o)) return false;
  }
  return true;
}

bool NodeEqual(const NodeValue& e, const NodeValue& a, const CompareOptions& o) {
  std::vector<std::string> el = e.labels, al = a.labels;
  std::sort(el.begin(), el.end());
  std::sort(al.begin(), al.end());
  return el == al && MapEqual(e.properties, a.properties, o);
}

bool RelEqual(const RelationshipValue& e, const RelationshipValue& a,
              const CompareOptions& o) {
  return e.type == a.type && MapEqual(e.properties, a.properties, o);
}

bool PathEqual(const PathValue& e, const PathValue& a, const CompareOptions& o) {
  if (e.nodes.size() != a.nodes.size() ||
      e.relationships.size() != a.relationships.size()) {
    return false;
  }
  for (size_t i = 0; i < e.nodes.size(); ++i) {
    if (!NodeEqual(e.nodes[i], a.nodes[i], o)) return false;
  }
  for (size_t i = 0; i < e.relationships.size(); ++i) {
    const auto& er = e.relationships[i];
    const auto& ar = a.relationships[i];
    if (i < e.nodes.size() && i < a.nodes.size()) {
      bool e_forward = er.src == e.nodes[i].id;
      bool a_forward = ar.src == a.nodes[i].id;
      // A self-loop reads the same both ways.
      bool a_loop = ar.src == ar.dst;
      if (e_forward != a_forward && !a_loop) return false;
    }
    if (!RelEqual(er, ar, o)) return false;
  }
  return true;
}

// Multiset equality: each expected element takes one equal actual element.
bool UnorderedListEqual(const ValueList& e, const ValueList& a, const CompareOptions& o) {
  if (e.size() != a.size()) return false;
  std::vector<bool> used(a.size(), false);
  for (const Value& ev : e) {
    bool found = false;
    for (size_t j = 0; j < a.size(); ++j) {
      if (!used[j] && TckEqual(ev, a[j], o)) {
        used[j] = true;
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

bool RowEqual(const std::vector<Value>& e, const std::vector<Value>& a,
              const CompareOptions& o) {
  if (e.size() != a.size()) return false;
  for (size_t i = 0; i < e.size(); ++i) {
    if (!TckEqual(e[i], a[i], o)) return false;
  }
  return true;
}

std::string Rows(const std::vector<const std::vector<Value>*>& rows, size_t limit) {
  std::vector<std::string> parts;
  for (size_t i = 0; i < rows.size() && i < limit; ++i) parts.push_back(RowToString(*rows[i]));
  if (rows.size() > limit) parts.push_back(absl::StrCat("... (", rows.size() - limit, " more)"));
  return absl::StrJoin(parts, " ");
}

}  // namespace

bool TckEqual(const Value& e, const Value& a, const CompareOptions& o) {
  // The TCK writes temporal values as their ISO 8601 text: '2015-07-21'.
  if (e.is_string() && a.is_temporal()) return e.AsString() == a.ToString();
  if (e.type() != a.type()) return false;
  switch (e.type()) {
    case Value::Type::kNull: return true;
    case Value::Type::kBool: return e.AsBool() == a.AsBool();
    case Value::Type::kInt: return e.AsInt() == a.AsInt();
    case Value::Type::kDouble: return DoubleEqual(e.AsDouble(), a.AsDouble());
    case Value::Type::kString: return e.AsString() == a.AsString();
    case Value::Type::kList: {
      const ValueList& el = e.AsList();
      const ValueList& al = a.AsList();
      if (o.ignore_list_order) return UnorderedListEqual(el, al, o);
      if (el.size() != al.size()) return false;
      for (size_t i = 0; i < el.size(); ++i) {
        if (!TckEqual(el[i], al[i], o)) return false;
      }
      return true;
    }
    case Value::Type::kMap: return MapEqual(e.AsMap(), a.AsMap(), o);
    case Value::Type::kNode: return NodeEqual(e.AsNode(), a.AsNode(), o);
    case Value::Type::kRelationship: return RelEqual(e.AsRelationship(), a.AsRelationship(), o);
    case Value::Type::kPath: return PathEqual(e.AsPath(), a.AsPath(), o);
    case Value::Type::kTemporal: return e == a;
  }
  return false;
}

std::string RowToString(const std::vector<Value>& row) {
  std::string out = "|";
  for (const Value& v : row) absl::StrAppend(&out, " ", v.ToString(), " |");
  return out;
}

std::optional<std::string> CompareResults(const ResultTable& expected,
                                          const ResultTable& actual, RowOrder order,
                                          const CompareOptions& options) {
  // Map expected columns to actual ones by name.
  std::vector<std::string> e_sorted = expected.columns, a_sorted = actual.columns;
  std::sort(e_sorted.begin(), e_sorted.end());
  std::sort(a_sorted.begin(), a_sorted.end());
  if (e_sorted != a_sorted) {
    return absl::StrCat("columns differ: expected [", absl::StrJoin(expected.columns, ", "),
                        "], got [", absl::StrJoin(actual.columns, ", "), "]");
  }
  std::vector<size_t> index;
  for (const auto& name : expected.columns) {
    std::vector<bool> taken(actual.columns.size(), false);
    for (size_t j : index) taken[j] = true;
    for (size_t j = 0; j < actual.columns.size(); ++j) {
      if (!taken[j] && actual.columns[j] == name) {
        index.push_back(j);
        break;
      }
    }
  }
  std::vector<std::vector<Value>> rows;
  rows.reserve(actual.rows.size());
  for (const auto& row : actual.rows) {
    if (row.size() != actual.columns.size()) {
      return absl::StrCat("a result row has ", row.size(), " values for ",
                          actual.columns.size(), " columns");
    }
    std::vector<Value> r;
    for (size_t j : index) r.push_back(row[j]);
    rows.push_back(std::move(r));
  }

  if (order == RowOrder::kInOrder) {
    for (size_t i = 0; i < expected.rows.size() && i < rows.size(); ++i) {
      if (!RowEqual(expected.rows[i], rows[i], options)) {
        return absl::StrCat("row ", i + 1, ": expected ", RowToString(expected.rows[i]),
                            " got ", RowToString(rows[i]),
                            rows.size() != expected.rows.size()
                                ? absl::StrCat(" (", rows.size(), " rows, expected ",
                                               expected.rows.size(), ")")
                                : "");
      }
    }
    if (rows.size() != expected.rows.size()) {
      return absl::StrCat("expected ", expected.rows.size(), " rows, got ", rows.size(),
                          rows.size() > expected.rows.size()
                              ? absl::StrCat("; first extra ",
                                             RowToString(rows[expected.rows.size()]))
                              : "");
    }
    return std::nullopt;
  }

  std::vector<bool> used(rows.size(), false);
  std::vector<const std::vector<Value>*> missing, unexpected;
  for (const auto& erow : expected.rows) {
    bool found = false;
    for (size_t j = 0; j < rows.size(); ++j) {
      if (!used[j] && RowEqual(erow, rows[j], options)) {
        used[j] = true;
        found = true;
        break;
      }
    }
    if (!found) missing.push_back(&erow);
  }
  for (size_t j = 0; j < rows.size(); ++j) {
    if (!used[j]) unexpected.push_back(&rows[j]);
  }
  if (missing.empty() && unexpected.empty()) return std::nullopt;
  std::string out = absl::StrCat("expected ", expected.rows.size(), " rows, got ",
                                 rows.size());
  if (!missing.empty()) absl::StrAppend(&out, "; missing ", Rows(missing, 3));
  if (!unexpected.empty()) absl::StrAppend(&out, "; unexpected ", Rows(unexpected, 3));
  return out;
}

}  // namespace quiver::tck
