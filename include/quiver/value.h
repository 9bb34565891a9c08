// quiver::Value: the typed values that properties hold and queries return.
//
// A Value is null, a bool, a 64-bit integer, a double, a UTF-8 string, a list,
// a map, a temporal value (date, time, date-time or duration), or a graph
// element (node, relationship, path). Values are immutable
// once built; copies share composite payloads, so copying is cheap.
// Thread-safety: a Value may be read from any number of threads at once.

#ifndef QUIVER_VALUE_H_
#define QUIVER_VALUE_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "absl/status/statusor.h"

namespace quiver {

class Value;
using ValueList = std::vector<Value>;
// Ordered by key, so printing and encoding are deterministic.
using ValueMap = std::map<std::string, Value, std::less<>>;

struct NodeValue;
struct RelationshipValue;
struct PathValue;

// An openCypher temporal value. Instants use the proleptic Gregorian
// calendar with years -999,999,999 to 999,999,999 and nanosecond precision;
// only the fields of the value's kind are meaningful, the others are zero.
// ParseTemporal (below) builds one from ISO 8601 text and Value::ToString
// prints its canonical text; the query language computes with them
// (docs/query-language.md, "Temporal values").
struct TemporalValue {
  // DO NOT CHANGE the numbers: they are stored with the value.
  enum class Kind : uint8_t {
    kDate = 0,           // 2015-07-21
    kLocalTime = 1,      // 21:40:32.142
    kTime = 2,           // 21:40:32.142+01:00
    kLocalDateTime = 3,  // 2015-07-21T21:40:32.142
    kDateTime = 4,       // 2015-07-21T21:40:32.142+02:00[Europe/Stockholm]
    kDuration = 5,       // P1Y2M3DT4H5M6.7S
  };
  Kind kind = Kind::kDate;
  // Date, LocalDateTime, DateTime: the local date, as days since 1970-01-01.
  int64_t epoch_day = 0;
  // LocalTime, Time, LocalDateTime, DateTime: the local wall-clock time, as
  // nanoseconds since midnight (0 to 86,399,999,999,999).
  int64_t nano_of_day = 0;
  // Time, DateTime: the offset from UTC in seconds (local = UTC + offset).
  int32_t offset_seconds = 0;
  // DateTime: an IANA time zone name ("Europe/Stockholm"), or empty when the
  // value has a fixed offset only.
  std::string zone;
  // Duration: months, days and seconds are independent (a month is not a
  // fixed number of days, nor a day of seconds); nanos is 0 to 999,999,999
  // and adds to seconds.
  int64_t months = 0;
  int64_t days = 0;
  int64_t seconds = 0;
  int32_t nanos = 0;
};

class Value {
 public:
  // DO NOT CHANGE the numbers: they are the on-disk type tags of properties.
  enum class Type : uint8_t {
    kNull = 0,
    kBool = 1,
    kInt = 2,
    kDouble = 3,
    kString = 4,
    kList = 5,
    kMap = 6,
    kNode = 7,
    kRelationship = 8,
    kPath = 9,
    kTemporal = 10,  // Which temporal type: TemporalValue::kind.
  };

  Value() = default;  // null
  Value(bool b) : rep_(b) {}
  Value(int v) : rep_(int64_t{v}) {}
  Value(int64_t v) : rep_(v) {}
  Value(double v) : rep_(v) {}
  Value(std::string s) : rep_(std::move(s)) {}
  Value(std::string_view s) : rep_(std::string(s)) {}
  Value(const char* s) : rep_(std::string(s)) {}
  Value(ValueList list);
  Value(ValueMap map);
  Value(NodeValue node);
  Value(RelationshipValue rel);
  Value(PathValue path);
  Value(TemporalValue temporal);

  static Value Null() { return Value(); }

  Type type() const { return static_cast<Type>(rep_.index()); }
  bool is_null() const { return type() == Type::kNull; }
  bool is_bool() const { return type() == Type::kBool; }
  bool is_int() const { return type() == Type::kInt; }
  bool is_double() const { return type() == Type::kDouble; }
  bool is_number() const { return is_int() || is_double(); }
  bool is_string() const { return type() == Type::kString; }
  bool is_list() const { return type() == Type::kList; }
  bool is_map() const { return type() == Type::kMap; }
  bool is_node() const { return type() == Type::kNode; }
  bool is_relationship() const { return type() == Type::kRelationship; }
  bool is_path() const { return type() == Type::kPath; }
  bool is_temporal() const { return type() == Type::kTemporal; }

  // REQUIRES: the value has the named type (checked with assert in debug).
  bool AsBool() const { return std::get<bool>(rep_); }
  int64_t AsInt() const { return std::get<int64_t>(rep_); }
  double AsDouble() const { return std::get<double>(rep_); }
  // An int or a double as double. REQUIRES: is_number().
  double AsNumber() const { return is_int() ? double(AsInt()) : AsDouble(); }
  const std::string& AsString() const { return std::get<std::string>(rep_); }
  const ValueList& AsList() const;
  const ValueMap& AsMap() const;
  const NodeValue& AsNode() const;
  const RelationshipValue& AsRelationship() const;
  const PathValue& AsPath() const;
  const TemporalValue& AsTemporal() const;

  // Cypher-like literal text: null, true, 42, 1.5, 'text', [1, 2], {k: 'v'},
  // (:Label {name: 'x'}), [:TYPE {count: 2}], <(a)-[:T]->(b)>; a temporal
  // value as its canonical ISO 8601 text, unquoted: 2015-07-21, P1DT2H.
  std::string ToString() const;

  // Structural equality: same type and same content (1 and 1.0 differ;
  // graph elements compare by id). Cypher's '=' lives in the query engine.
  friend bool operator==(const Value& a, const Value& b);
  friend bool operator!=(const Value& a, const Value& b) { return !(a == b); }

  static const char* TypeName(Type type);

 private:
  using Rep = std::variant<std::monostate, bool, int64_t, double, std::string,
                           std::shared_ptr<const ValueList>,
                           std::shared_ptr<const ValueMap>,
                           std::shared_ptr<const NodeValue>,
                           std::shared_ptr<const RelationshipValue>,
                           std::shared_ptr<const PathValue>,
                           std::shared_ptr<const TemporalValue>>;
  Rep rep_;
};

// The temporal value of `kind` that ISO 8601 `text` spells, as the query
// language's date(), time(), ..., duration() read it ("2015-07-21",
// "21:40+01:00", "2015-07-21T21:40[Europe/Stockholm]", "P1DT2H");
// kInvalidArgument saying what is wrong otherwise.
absl::StatusOr<Value> ParseTemporal(TemporalValue::Kind kind, std::string_view text);

// A node as a query returns it: its id in the store, labels and properties
// (a named node has the string property "name").
struct NodeValue {
  uint64_t id = 0;
  std::vector<std::string> labels;
  ValueMap properties;
};

// A relationship as a query returns it, directed from `src` to `dst`.
struct RelationshipValue {
  uint64_t id = 0;
  uint64_t src = 0;
  uint64_t dst = 0;
  std::string type;
  ValueMap properties;
};

// A path: nodes[0], relationships[0], nodes[1], ... nodes.size() ==
// relationships.size() + 1. A relationship may point either way along it.
struct PathValue {
  std::vector<NodeValue> nodes;
  std::vector<RelationshipValue> relationships;
};

}  // namespace quiver

#endif  // QUIVER_VALUE_H_
