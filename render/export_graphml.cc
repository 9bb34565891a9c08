// GraphML: a <key> for every property any node or edge has, typed by the
// values seen, so Gephi and yEd show them as columns.

#include <map>

#include "absl/strings/str_cat.h"
#include "render/internal/exporters.h"
#include "render/store_scan.h"
#include "render/value_json.h"
#include "render/xml_escape.h"
#include "util/status_macros.h"

namespace quiver::render::internal {

namespace {

const char* TypeName(ColumnType t) {
  switch (t) {
    case ColumnType::kLong: return "long";
    case ColumnType::kDouble: return "double";
    case ColumnType::kBoolean: return "boolean";
    default: return "string";  // GraphML has no temporal types: ISO 8601 text.
  }
  return "string";
}

std::string Text(const Value& v) {
  if (v.is_bool()) return v.AsBool() ? "true" : "false";
  if (v.is_int()) return std::to_string(v.AsInt());
  if (v.is_double()) return PlainText(v);
  return PlainText(v);
}

std::string JsonList(const std::vector<std::string>& items) {
  return nlohmann::json(items).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

struct Keys {
  std::map<std::string, ColumnType> types;  // By property name, sorted.
  std::map<std::string, std::string> ids;
  void See(const ValueMap& props) {
    for (const auto& [k, v] : props) {
      if (v.is_null()) continue;
      auto [it, first] = types.emplace(k, ColumnType::kString);
      Widen(&it->second, v, first);
    }
  }
};

void WriteData(std::ostream& out, const std::string& key, const std::string& text) {
  out << "      <data key=\"" << key << "\">" << XmlEscape(text) << "</data>\n";
}

}  // namespace

absl::Status WriteGraphml(const graph::Reader& reader, std::ostream& out, ExportSummary* summary) {
  // First pass: the keys. Fixed ones first, then every property seen.
  Keys node_keys, edge_keys;
  QUIVER_RETURN_IF_ERROR(ForEachNode(reader, [&](const Node& n) {
    node_keys.See(n.properties);
    return absl::OkStatus();
  }));
  QUIVER_RETURN_IF_ERROR(ForEachEdge(reader, [&](const Edge& e) {
    edge_keys.See(e.properties);
    return absl::OkStatus();
  }));
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
         "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
         "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  auto key = [&](const char* prefix, const char* for_what, int i, const std::string& name,
                 const char* type) {
    std::string id = absl::StrCat(prefix, i);
    out << "  <key id=\"" << id << "\" for=\"" << for_what << "\" attr.name=\""
        << XmlEscape(name) << "\" attr.type=\"" << type << "\"/>\n";
    return id;
  };
  // Fixed keys: labels and aliases as JSON arrays (lossless, one column).
  const std::string k_name = key("n", "node", 0, "name", "string");
  const std::string k_labels = key("n", "node", 1, "labels", "string");
  const std::string k_aliases = key("n", "node", 2, "aliases", "string");
  const std::string k_mentions = key("n", "node", 3, "mentions", "long");
  int i = 4;
  for (const auto& [name, type] : node_keys.types) {
    if (name == "name") continue;  // Already the fixed key.
    node_keys.ids[name] = key("n", "node", i++, name, TypeName(type));
  }
  const std::string k_type = key("e", "edge", 0, "type", "string");
  i = 1;
  for (const auto& [name, type] : edge_keys.types) {
    if (name == "type") continue;
    edge_keys.ids[name] = key("e", "edge", i++, name, TypeName(type));
  }
  out << "  <graph id=\"G\" edgedefault=\"directed\">\n";
  QUIVER_RETURN_IF_ERROR(ForEachNode(reader, [&](const Node& n) {
    out << "    <node id=\"n" << n.id << "\">\n";
    WriteData(out, k_name, n.name);
    WriteData(out, k_labels, JsonList(n.labels));
    WriteData(out, k_aliases, JsonList(n.aliases));
    WriteData(out, k_mentions, std::to_string(n.mentions));
    for (const auto& [k, v] : n.properties) {
      auto it = node_keys.ids.find(k);
      if (it != node_keys.ids.end() && !v.is_null()) WriteData(out, it->second, Text(v));
    }
    out << "    </node>\n";
    ++summary->nodes;
    return absl::OkStatus();
  }));
  QUIVER_RETURN_IF_ERROR(ForEachEdge(reader, [&](const Edge& e) {
    out << "    <edge id=\"e" << e.id << "\" source=\"n" << e.src << "\" target=\"n" << e.dst
        << "\">\n";
    WriteData(out, k_type, e.type);
    for (const auto& [k, v] : e.properties) {
      auto it = edge_keys.ids.find(k);
      if (it != edge_keys.ids.end() && !v.is_null()) WriteData(out, it->second, Text(v));
    }
    out << "    </edge>\n";
    ++summary->edges;
    return absl::OkStatus();
  }));
  out << "  </graph>\n</graphml>\n";
  return absl::OkStatus();
}

}  // namespace quiver::render::internal
