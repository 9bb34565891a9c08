// CSV for `neo4j-admin database import`: nodes.csv and relationships.csv
// with its header convention (id:ID, :LABEL, :START_ID, :END_ID, :TYPE,
// typed columns name:long ...). Every string is quoted ("" for a quote), so
// an empty string stays distinct from a missing value (an empty field).
// Multi-line values need the importer's --multiline-fields=true.

#include <map>

#include "absl/strings/str_join.h"
#include "render/internal/exporters.h"
#include "render/store_scan.h"
#include "render/value_json.h"
#include "util/status_macros.h"

namespace quiver::render::internal {

namespace {

std::string Quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

const char* Suffix(ColumnType t) {
  switch (t) {
    case ColumnType::kLong: return ":long";
    case ColumnType::kDouble: return ":double";
    case ColumnType::kBoolean: return ":boolean";
    case ColumnType::kString: return "";
    case ColumnType::kDate: return ":date";
    case ColumnType::kLocalTime: return ":localtime";
    case ColumnType::kTime: return ":time";
    case ColumnType::kLocalDateTime: return ":localdatetime";
    case ColumnType::kDateTime: return ":datetime";
    case ColumnType::kDuration: return ":duration";
  }
  return "";
}

std::string Field(const Value& v, ColumnType column) {
  if (v.is_null()) return "";
  if (column == ColumnType::kString) return Quote(PlainText(v));
  if (v.is_bool()) return v.AsBool() ? "true" : "false";
  if (v.is_int()) return std::to_string(v.AsInt());
  if (v.is_temporal()) return Quote(PlainText(v));  // ISO 8601 text
  return PlainText(v);  // A double: JSON's shortest round-trip form.
}

using Columns = std::map<std::string, ColumnType>;

void See(Columns* columns, const ValueMap& props, const char* skip) {
  for (const auto& [k, v] : props) {
    if (v.is_null() || k == skip) continue;
    auto [it, first] = columns->emplace(k, ColumnType::kString);
    Widen(&it->second, v, first);
  }
}

std::string Header(const Columns& columns) {
  std::string out;
  for (const auto& [k, t] : columns) {
    // Quoted only when the name needs it: a plain header reads better.
    std::string cell = k + Suffix(t);
    out += ',';
    out += cell.find_first_of(",\"\n\r") == std::string::npos ? cell : Quote(cell);
  }
  return out;
}

std::string Row(const Columns& columns, const ValueMap& props) {
  std::string out;
  for (const auto& [k, t] : columns) {
    out += ',';
    auto it = props.find(k);
    if (it != props.end()) out += Field(it->second, t);
  }
  return out;
}

}  // namespace

absl::Status WriteCsv(const graph::Reader& reader, std::ostream& nodes,
                      std::ostream& relationships, ExportSummary* summary) {
  Columns node_columns, edge_columns;
  QUIVER_RETURN_IF_ERROR(ForEachNode(reader, [&](const Node& n) {
    See(&node_columns, n.properties, "name");
    return absl::OkStatus();
  }));
  QUIVER_RETURN_IF_ERROR(ForEachEdge(reader, [&](const Edge& e) {
    See(&edge_columns, e.properties, "");
    return absl::OkStatus();
  }));
  nodes << "id:ID,name,:LABEL,aliases:string[],mentions:long" << Header(node_columns) << '\n';
  QUIVER_RETURN_IF_ERROR(ForEachNode(reader, [&](const Node& n) {
    nodes << n.id << ',' << Quote(n.name) << ',' << Quote(absl::StrJoin(n.labels, ";")) << ','
          << Quote(absl::StrJoin(n.aliases, ";")) << ',' << n.mentions
          << Row(node_columns, n.properties) << '\n';
    ++summary->nodes;
    return absl::OkStatus();
  }));
  relationships << ":START_ID,:END_ID,:TYPE,id:long" << Header(edge_columns) << '\n';
  QUIVER_RETURN_IF_ERROR(ForEachEdge(reader, [&](const Edge& e) {
    relationships << e.src << ',' << e.dst << ',' << Quote(e.type) << ',' << e.id
                  << Row(edge_columns, e.properties) << '\n';
    ++summary->edges;
    return absl::OkStatus();
  }));
  return absl::OkStatus();
}

}  // namespace quiver::render::internal
