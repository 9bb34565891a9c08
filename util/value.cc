#include "quiver/value.h"

#include <cmath>
#include <cstdio>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "util/temporal_format.h"
#include "util/temporal_parse.h"

namespace quiver {

Value::Value(ValueList list)
    : rep_(std::make_shared<const ValueList>(std::move(list))) {}
Value::Value(ValueMap map)
    : rep_(std::make_shared<const ValueMap>(std::move(map))) {}
Value::Value(NodeValue node)
    : rep_(std::make_shared<const NodeValue>(std::move(node))) {}
Value::Value(RelationshipValue rel)
    : rep_(std::make_shared<const RelationshipValue>(std::move(rel))) {}
Value::Value(PathValue path)
    : rep_(std::make_shared<const PathValue>(std::move(path))) {}
Value::Value(TemporalValue temporal)
    : rep_(std::make_shared<const TemporalValue>(std::move(temporal))) {}

absl::StatusOr<Value> ParseTemporal(TemporalValue::Kind kind, std::string_view text) {
  auto t = temporal::Parse(kind, text);
  if (!t.ok()) return t.status();
  return Value(*std::move(t));
}

const ValueList& Value::AsList() const {
  return *std::get<std::shared_ptr<const ValueList>>(rep_);
}
const ValueMap& Value::AsMap() const {
  return *std::get<std::shared_ptr<const ValueMap>>(rep_);
}
const NodeValue& Value::AsNode() const {
  return *std::get<std::shared_ptr<const NodeValue>>(rep_);
}
const RelationshipValue& Value::AsRelationship() const {
  return *std::get<std::shared_ptr<const RelationshipValue>>(rep_);
}
const PathValue& Value::AsPath() const {
  return *std::get<std::shared_ptr<const PathValue>>(rep_);
}
const TemporalValue& Value::AsTemporal() const {
  return *std::get<std::shared_ptr<const TemporalValue>>(rep_);
}

const char* Value::TypeName(Type type) {
  switch (type) {
    case Type::kNull: return "NULL";
    case Type::kBool: return "BOOLEAN";
    case Type::kInt: return "INTEGER";
    case Type::kDouble: return "FLOAT";
    case Type::kString: return "STRING";
    case Type::kList: return "LIST";
    case Type::kMap: return "MAP";
    case Type::kNode: return "NODE";
    case Type::kRelationship: return "RELATIONSHIP";
    case Type::kPath: return "PATH";
    case Type::kTemporal: return "TEMPORAL";
  }
  return "UNKNOWN";
}

namespace {

std::string QuoteString(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    switch (c) {
      case '\'': out += "\\'"; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default: out += c;
    }
  }
  out += "'";
  return out;
}

std::string DoubleToString(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
  // Shortest text that reads back as the same double, always with a '.' or
  // exponent so a float never prints like an integer.
  char buf[32];
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof(buf), "%.*g", precision, d);
    if (std::strtod(buf, nullptr) == d) break;
  }
  std::string s = buf;
  if (s.find_first_of(".eEn") == std::string::npos) s += ".0";
  return s;
}

std::string MapToString(const ValueMap& map) {
  std::vector<std::string> parts;
  for (const auto& [k, v] : map) parts.push_back(absl::StrCat(k, ": ", v.ToString()));
  return absl::StrCat("{", absl::StrJoin(parts, ", "), "}");
}

std::string NodeToString(const NodeValue& n) {
  std::string out = "(";
  for (const auto& l : n.labels) absl::StrAppend(&out, ":", l);
  if (!n.properties.empty()) {
    if (!n.labels.empty()) out += " ";
    out += MapToString(n.properties);
  }
  return out + ")";
}

std::string RelToString(const RelationshipValue& r) {
  std::string out = absl::StrCat("[:", r.type);
  if (!r.properties.empty()) absl::StrAppend(&out, " ", MapToString(r.properties));
  return out + "]";
}

}  // namespace

std::string Value::ToString() const {
  switch (type()) {
    case Type::kNull: return "null";
    case Type::kBool: return AsBool() ? "true" : "false";
    case Type::kInt: return std::to_string(AsInt());
    case Type::kDouble: return DoubleToString(AsDouble());
    case Type::kString: return QuoteString(AsString());
    case Type::kList: {
      std::vector<std::string> parts;
      for (const auto& v : AsList()) parts.push_back(v.ToString());
      return absl::StrCat("[", absl::StrJoin(parts, ", "), "]");
    }
    case Type::kMap: return MapToString(AsMap());
    case Type::kNode: return NodeToString(AsNode());
    case Type::kRelationship: return RelToString(AsRelationship());
    case Type::kPath: {
      const PathValue& p = AsPath();
      std::string out = "<";
      for (size_t i = 0; i < p.nodes.size(); ++i) {
        out += NodeToString(p.nodes[i]);
        if (i < p.relationships.size()) {
          const auto& r = p.relationships[i];
          bool forward = r.src == p.nodes[i].id;
          absl::StrAppend(&out, forward ? "-" : "<-", RelToString(r),
                          forward ? "->" : "-");
        }
      }
      return out + ">";
    }
    case Type::kTemporal: return temporal::Format(AsTemporal());
  }
  return "?";
}

bool operator==(const Value& a, const Value& b) {
  if (a.type() != b.type()) return false;
  switch (a.type()) {
    case Value::Type::kNull: return true;
    case Value::Type::kBool: return a.AsBool() == b.AsBool();
    case Value::Type::kInt: return a.AsInt() == b.AsInt();
    case Value::Type::kDouble: return a.AsDouble() == b.AsDouble();
    case Value::Type::kString: return a.AsString() == b.AsString();
    case Value::Type::kList: return a.AsList() == b.AsList();
    case Value::Type::kMap: return a.AsMap() == b.AsMap();
    case Value::Type::kNode: return a.AsNode().id == b.AsNode().id;
    case Value::Type::kRelationship:
      return a.AsRelationship().id == b.AsRelationship().id;
    case Value::Type::kPath: {
      const auto& pa = a.AsPath();
      const auto& pb = b.AsPath();
      if (pa.nodes.size() != pb.nodes.size()) return false;
      for (size_t i = 0; i < pa.nodes.size(); ++i)
        if (pa.nodes[i].id != pb.nodes[i].id) return false;
      for (size_t i = 0; i < pa.relationships.size(); ++i)
        if (pa.relationships[i].id != pb.relationships[i].id) return false;
      return true;
    }
    case Value::Type::kTemporal: {
      const TemporalValue& x = a.AsTemporal();
      const TemporalValue& y = b.AsTemporal();
      return x.kind == y.kind && x.epoch_day == y.epoch_day &&
             x.nano_of_day == y.nano_of_day && x.offset_seconds == y.offset_seconds &&
             x.zone == y.zone && x.months == y.months && x.days == y.days &&
             x.seconds == y.seconds && x.nanos == y.nanos;
    }
  }
  return false;
}

}  // namespace quiver
