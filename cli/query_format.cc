#include "cli/query_format.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <optional>

#include <nlohmann/json.hpp>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "util/status_macros.h"
#include "util/utf8.h"

namespace quiver::cli {

size_t TerminalWidth() {
  if (const char* cols = std::getenv("COLUMNS")) {
    long n = std::atol(cols);
    if (n > 0) return size_t(n);
  }
  struct winsize ws;
  if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
    return ws.ws_col;
  return 0;  // Not a terminal: do not truncate.
}

namespace {

std::string NodeText(const NodeValue& n) {
  std::string out = "(";
  auto it = n.properties.find("name");
  if (it != n.properties.end() && it->second.is_string()) out += it->second.AsString();
  else absl::StrAppend(&out, "#", n.id);
  for (const auto& l : n.labels) absl::StrAppend(&out, ":", l);
  return out + ")";
}

std::string Inner(const Value& v) {
  // Inside lists and maps strings keep their quotes, as Cypher prints them.
  if (v.is_string()) return Value(v).ToString();
  return CellText(v);
}

size_t DisplayWidth(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string Truncate(const std::string& s, size_t width) {
  if (DisplayWidth(s) <= width) return s;
  std::string out;
  size_t n = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if ((c & 0xC0) != 0x80) {
      if (n + 1 >= width) break;
      ++n;
    }
    out += s[i];
  }
  return out + "…";
}

nlohmann::json ToJson(const Value& v);

nlohmann::json PropsJson(const ValueMap& props) {
  nlohmann::json o = nlohmann::json::object();
  for (const auto& [k, x] : props) o[k] = ToJson(x);
  return o;
}

nlohmann::json NodeJson(const NodeValue& n) {
  nlohmann::json o;
  o["id"] = n.id;
  o["labels"] = n.labels;
  o["properties"] = PropsJson(n.properties);
  return o;
}

nlohmann::json RelJson(const RelationshipValue& r) {
  nlohmann::json o;
  o["id"] = r.id;
  o["type"] = r.type;
  o["start"] = r.src;
  o["end"] = r.dst;
  o["properties"] = PropsJson(r.properties);
  return o;
}

nlohmann::json ToJson(const Value& v) {
  switch (v.type()) {
    case Value::Type::kNull: return nullptr;
    case Value::Type::kBool: return v.AsBool();
    case Value::Type::kInt: return v.AsInt();
    case Value::Type::kDouble: return v.AsDouble();
    case Value::Type::kString: return v.AsString();
    case Value::Type::kList: {
      nlohmann::json a = nlohmann::json::array();
      for (const auto& x : v.AsList()) a.push_back(ToJson(x));
      return a;
    }
    case Value::Type::kMap: return PropsJson(v.AsMap());
    case Value::Type::kNode: return NodeJson(v.AsNode());
    case Value::Type::kRelationship: return RelJson(v.AsRelationship());
    case Value::Type::kTemporal: return v.ToString();  // ISO 8601 text
    case Value::Type::kPath: {
      nlohmann::json o;
      o["nodes"] = nlohmann::json::array();
      o["relationships"] = nlohmann::json::array();
      for (const auto& n : v.AsPath().nodes) o["nodes"].push_back(NodeJson(n));
      for (const auto& r : v.AsPath().relationships) o["relationships"].push_back(RelJson(r));
      return o;
    }
  }
  return nullptr;
}

nlohmann::json RowJson(const std::vector<std::string>& columns, const ValueList& row) {
  nlohmann::json o = nlohmann::json::object();
  for (size_t i = 0; i < columns.size() && i < row.size(); ++i) o[columns[i]] = ToJson(row[i]);
  return o;
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// The typed form of a temporal parameter: {"$date": "2015-07-21"}.
std::optional<TemporalValue::Kind> TypedTemporal(const nlohmann::json& j) {
  static const std::pair<const char*, TemporalValue::Kind> kTags[] = {
      {"$date", TemporalValue::Kind::kDate},
      {"$localtime", TemporalValue::Kind::kLocalTime},
      {"$time", TemporalValue::Kind::kTime},
      {"$localdatetime", TemporalValue::Kind::kLocalDateTime},
      {"$datetime", TemporalValue::Kind::kDateTime},
      {"$duration", TemporalValue::Kind::kDuration}};
  if (!j.is_object() || j.size() != 1 || !j.begin().value().is_string()) return std::nullopt;
  for (const auto& [tag, kind] : kTags)
    if (j.begin().key() == tag) return kind;
  return std::nullopt;
}

absl::StatusOr<Value> FromJson(const nlohmann::json& j) {
  if (j.is_null()) return Value();
  if (j.is_boolean()) return Value(j.get<bool>());
  if (j.is_number_integer()) return Value(j.get<int64_t>());
  if (j.is_number()) return Value(j.get<double>());
  if (j.is_string()) return Value(j.get<std::string>());
  if (j.is_array()) {
    ValueList l;
    for (const auto& e : j) {
      QUIVER_ASSIGN_OR_RETURN(Value v, FromJson(e));
      l.push_back(std::move(v));
    }
    return Value(std::move(l));
  }
  if (auto kind = TypedTemporal(j)) {
    auto t = ParseTemporal(*kind, j.begin().value().get<std::string>());
    if (!t.ok()) return absl::InvalidArgumentError(absl::StrCat(j.begin().key(), ": ", t.status().message()));
    return *t;
  }
  ValueMap m;
  for (auto it = j.begin(); it != j.end(); ++it) {
    QUIVER_ASSIGN_OR_RETURN(Value v, FromJson(it.value()));
    m[it.key()] = std::move(v);
  }
  return Value(std::move(m));
}

using NextRow = std::function<bool(ValueList*)>;

// Tables need column widths before the first line: they are measured on the
// first kTableRows rows (held), and later rows, printed as they arrive,
// are cut to those widths.
constexpr size_t kTableRows = 1000;

void PrintTable(const std::vector<std::string>& cols, const NextRow& next, size_t width,
                std::ostream& out) {
  if (cols.empty()) return;
  std::vector<size_t> widths;
  for (const auto& c : cols) widths.push_back(DisplayWidth(c));
  auto cells_of = [&](const ValueList& row) {
    std::vector<std::string> r;
    for (size_t i = 0; i < cols.size(); ++i) {
      std::string s = i < row.size() ? CellText(row[i]) : "";
      for (auto& ch : s) if (ch == '\n' || ch == '\t') ch = ' ';
      r.push_back(std::move(s));
    }
    return r;
  };
  std::vector<std::vector<std::string>> cells;
  ValueList row;
  bool more = true;
  while (cells.size() < kTableRows && (more = next(&row))) {
    cells.push_back(cells_of(row));
    for (size_t i = 0; i < cols.size(); ++i)
      widths[i] = std::max(widths[i], DisplayWidth(cells.back()[i]));
  }
  // Fit the terminal: shrink the widest columns first, never below 8.
  if (width > 0) {
    auto total = [&] {
      size_t t = 1;
      for (size_t w : widths) t += w + 3;
      return t;
    };
    while (total() > width) {
      auto widest = std::max_element(widths.begin(), widths.end());
      if (*widest <= 8) break;
      --*widest;
    }
  }
  auto line = [&](const std::vector<std::string>& r) {
    out << "|";
    for (size_t i = 0; i < r.size(); ++i) {
      std::string s = Truncate(r[i], widths[i]);
      out << " " << s << std::string(widths[i] - DisplayWidth(s), ' ') << " |";
    }
    out << "\n";
  };
  auto rule = [&] {
    out << "+";
    for (size_t w : widths) out << std::string(w + 2, '-') << "+";
    out << "\n";
  };
  rule();
  line(cols);
  rule();
  for (const auto& r : cells) line(r);
  size_t n = cells.size();
  cells.clear();
  while (more && next(&row)) {
    line(cells_of(row));
    ++n;
  }
  rule();
  out << n << (n == 1 ? " row" : " rows") << "\n";
}

void Print(const std::vector<std::string>& cols, const NextRow& next, ResultFormat format,
           size_t width, std::ostream& out) {
  ValueList row;
  switch (format) {
    case ResultFormat::kTable: PrintTable(cols, next, width, out); return;
    case ResultFormat::kCsv: {
      if (cols.empty()) return;
      std::vector<std::string> header;
      for (const auto& c : cols) header.push_back(CsvField(c));
      out << absl::StrJoin(header, ",") << "\r\n";
      while (next(&row)) {
        std::vector<std::string> fields;
        for (const auto& v : row) fields.push_back(v.is_null() ? "" : CsvField(CellText(v)));
        out << absl::StrJoin(fields, ",") << "\r\n";
      }
      return;
    }
    case ResultFormat::kJson: {
      // One array, written element by element (as dump(2) would indent it).
      bool first = true;
      out << "[";
      while (next(&row)) {
        std::string obj = RowJson(cols, row).dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
        std::string indented;
        for (char c : obj) {
          indented += c;
          if (c == '\n') indented += "  ";
        }
        out << (first ? "\n  " : ",\n  ") << indented;
        first = false;
      }
      out << (first ? "]\n" : "\n]\n");
      return;
    }
    case ResultFormat::kJsonl:
      while (next(&row)) out << RowJson(cols, row).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
      return;
  }
}

}  // namespace

absl::StatusOr<ResultFormat> ParseResultFormat(std::string_view name) {
  if (name == "table") return ResultFormat::kTable;
  if (name == "csv") return ResultFormat::kCsv;
  if (name == "json") return ResultFormat::kJson;
  if (name == "jsonl") return ResultFormat::kJsonl;
  return absl::InvalidArgumentError(absl::StrCat(
      "unknown format '", std::string(name), "' (use table, csv, json or jsonl)"));
}

std::string CellText(const Value& v) {
  switch (v.type()) {
    case Value::Type::kNull: return "null";
    case Value::Type::kString: return v.AsString();
    case Value::Type::kNode: return NodeText(v.AsNode());
    case Value::Type::kRelationship: return absl::StrCat("[:", v.AsRelationship().type, "]");
    case Value::Type::kPath: {
      const PathValue& p = v.AsPath();
      std::string out;
      for (size_t i = 0; i < p.nodes.size(); ++i) {
        out += NodeText(p.nodes[i]);
        if (i < p.relationships.size()) {
          const auto& r = p.relationships[i];
          bool forward = r.src == p.nodes[i].id;
          absl::StrAppend(&out, forward ? "-" : "<-", "[:", r.type, "]", forward ? "->" : "-");
        }
      }
      return out;
    }
    case Value::Type::kList: {
      std::vector<std::string> parts;
      for (const auto& x : v.AsList()) parts.push_back(Inner(x));
      return absl::StrCat("[", absl::StrJoin(parts, ", "), "]");
    }
    case Value::Type::kMap: {
      std::vector<std::string> parts;
      for (const auto& [k, x] : v.AsMap()) parts.push_back(absl::StrCat(k, ": ", Inner(x)));
      return absl::StrCat("{", absl::StrJoin(parts, ", "), "}");
    }
    default: return v.ToString();
  }
}

size_t PrintResult(Result& result, ResultFormat format, size_t width, std::ostream& out,
                   size_t max_rows) {
  size_t n = 0;
  Print(result.columns(), [&](ValueList* row) {
    if (max_rows > 0 && n == max_rows) return false;
    // Rows of a streaming result appear about as they are made.
    if (++n % 256 == 0) out.flush();
    return result.Next(row);
  }, format, width, out);
  size_t left_out = 0;
  ValueList row;
  if (max_rows > 0 && n == max_rows) {
    while (result.Next(&row)) ++left_out;
  }
  return left_out;
}

absl::StatusOr<Value> ParseParamValue(std::string_view text) {
  if (const size_t bad = util::FindInvalidUtf8(text); bad != std::string_view::npos) {
    return absl::InvalidArgumentError(
        absl::StrCat("invalid UTF-8 at byte ", bad, " of the value"));
  }
  // FromJson recurses once per level; the parser itself does not (it keeps
  // its own stack), so it can report the depth before anything is built.
  bool too_deep = false;
  auto limit_depth = [&](int depth, nlohmann::json::parse_event_t, nlohmann::json&) {
    if (depth > kMaxParamDepth) too_deep = true;
    return !too_deep;
  };
  try {
    nlohmann::json parsed = nlohmann::json::parse(text, limit_depth);
    if (too_deep) {
      return absl::InvalidArgumentError(
          absl::StrCat("the JSON value nests more than ", kMaxParamDepth, " levels deep"));
    }
    return FromJson(parsed);
  } catch (const nlohmann::json::exception&) {
    // 'single quoted' is a string too, as in the query language.
    if (text.size() >= 2 && text.front() == '\'' && text.back() == '\'')
      return Value(std::string(text.substr(1, text.size() - 2)));
    return Value(std::string(text));
  }
}

}  // namespace quiver::cli
