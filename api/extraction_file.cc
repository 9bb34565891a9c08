// Extraction files (quiver/extraction_file.h): JSON lines in, records out.
// Every parse error names the field by its path in the line, so a broken
// file produced elsewhere (another version, a hand edit) says what to fix.

#include "quiver/extraction_file.h"

#include <cerrno>
#include <cmath>
#include <cstring>
#include <fstream>
#include <limits>
#include <sstream>
#include <tuple>

#include <nlohmann/json.hpp>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "graph/content_hash.h"
#include "util/status_macros.h"

namespace quiver {

namespace {

using Json = nlohmann::ordered_json;
using Kind = TemporalValue::Kind;

constexpr std::pair<Kind, const char*> kTemporalKinds[] = {
    {Kind::kDate, "date"},
    {Kind::kLocalTime, "localtime"},
    {Kind::kTime, "time"},
    {Kind::kLocalDateTime, "localdatetime"},
    {Kind::kDateTime, "datetime"},
    {Kind::kDuration, "duration"},
};

Json ValueToJson(const Value& v) {
  switch (v.type()) {
    case Value::Type::kBool: return v.AsBool();
    case Value::Type::kInt: return v.AsInt();
    case Value::Type::kDouble:
      // JSON has no NaN or infinity; nlohmann would write null.
      if (!std::isfinite(v.AsDouble())) {
        return Json{{"double", std::isnan(v.AsDouble()) ? "nan"
                               : v.AsDouble() > 0      ? "inf"
                                                       : "-inf"}};
      }
      return v.AsDouble();
    case Value::Type::kString: return v.AsString();
    case Value::Type::kList: {
      Json out = Json::array();
      for (const Value& e : v.AsList()) out.push_back(ValueToJson(e));
      return out;
    }
    case Value::Type::kMap: {
      Json map = Json::object();
      for (const auto& [k, e] : v.AsMap()) map[k] = ValueToJson(e);
      return Json{{"map", std::move(map)}};
    }
    case Value::Type::kTemporal:
      for (const auto& [kind, name] : kTemporalKinds) {
        if (kind == v.AsTemporal().kind) return Json{{"temporal", name}, {"value", v.ToString()}};
      }
      return nullptr;
    default:
      // Nodes, relationships and paths are never property values (the
      // store refuses them), so no extraction carries one.
      return nullptr;
  }
}

absl::Status FieldError(absl::string_view field, absl::string_view reason) {
  return absl::InvalidArgumentError(absl::StrCat(field, ": ", reason));
}

absl::StatusOr<Value> ValueFromJson(const Json& j, const std::string& field) {
  if (j.is_null()) return Value();
  if (j.is_boolean()) return Value(j.get<bool>());
  if (j.is_number_integer()) {
    if (j.is_number_unsigned() &&
        j.get<uint64_t>() > uint64_t(std::numeric_limits<int64_t>::max()))
      return FieldError(field, "integer out of range");
    return Value(j.get<int64_t>());
  }
  if (j.is_number_float()) return Value(j.get<double>());
  if (j.is_string()) return Value(j.get<std::string>());
  if (j.is_array()) {
    ValueList list;
    for (size_t i = 0; i < j.size(); ++i) {
      QUIVER_ASSIGN_OR_RETURN(Value e, ValueFromJson(j[i], absl::StrCat(field, "[", i, "]")));
      list.push_back(std::move(e));
    }
    return Value(std::move(list));
  }
  if (j.size() == 1 && j.contains("map") && j["map"].is_object()) {
    ValueMap map;
    for (const auto& [k, e] : j["map"].items()) {
      QUIVER_ASSIGN_OR_RETURN(map[k], ValueFromJson(e, absl::StrCat(field, ".", k)));
    }
    return Value(std::move(map));
  }
  if (j.size() == 1 && j.contains("double") && j["double"].is_string()) {
    const std::string s = j["double"].get<std::string>();
    if (s == "nan") return Value(std::numeric_limits<double>::quiet_NaN());
    if (s == "inf") return Value(std::numeric_limits<double>::infinity());
    if (s == "-inf") return Value(-std::numeric_limits<double>::infinity());
    return FieldError(field, absl::StrCat("\"double\" must be nan, inf or -inf, not \"", s, "\""));
  }
  if (j.size() == 2 && j.contains("temporal") && j.contains("value") &&
      j["temporal"].is_string() && j["value"].is_string()) {
    const std::string kind = j["temporal"].get<std::string>();
    for (const auto& [k, name] : kTemporalKinds) {
      if (kind != name) continue;
      auto v = ParseTemporal(k, j["value"].get<std::string>());
      if (!v.ok()) return FieldError(field, v.status().message());
      return v;
    }
    return FieldError(field, absl::StrCat("unknown temporal kind \"", kind, "\""));
  }
  return FieldError(field,
                    "an object must be {\"map\": {...}}, {\"temporal\": KIND, \"value\": TEXT} "
                    "or {\"double\": \"nan\"|\"inf\"|\"-inf\"}");
}

// Field readers: absent means the default; present with another type is an
// error naming `prefix` + key.
class Fields {
 public:
  Fields(const Json& j, std::string prefix) : j_(j), prefix_(std::move(prefix)) {}

  std::string Name(absl::string_view key) const { return absl::StrCat(prefix_, key); }

  absl::Status String(const char* key, std::string* out, bool required = false) const {
    auto it = j_.find(key);
    if (it == j_.end()) return required ? FieldError(Name(key), "missing") : absl::OkStatus();
    if (!it->is_string()) return FieldError(Name(key), "must be a string");
    *out = it->get<std::string>();
    if (required && out->empty()) return FieldError(Name(key), "must not be empty");
    return absl::OkStatus();
  }

  absl::Status Strings(const char* key, std::vector<std::string>* out) const {
    auto it = j_.find(key);
    if (it == j_.end()) return absl::OkStatus();
    if (!it->is_array()) return FieldError(Name(key), "must be a list of strings");
    for (size_t i = 0; i < it->size(); ++i) {
      if (!(*it)[i].is_string())
        return FieldError(absl::StrCat(Name(key), "[", i, "]"), "must be a string");
      out->push_back((*it)[i].get<std::string>());
    }
    return absl::OkStatus();
  }

  absl::Status Bool(const char* key, bool* out) const {
    auto it = j_.find(key);
    if (it == j_.end()) return absl::OkStatus();
    if (!it->is_boolean()) return FieldError(Name(key), "must be true or false");
    *out = it->get<bool>();
    return absl::OkStatus();
  }

  absl::Status Number(const char* key, double* out) const {
    auto it = j_.find(key);
    if (it == j_.end()) return absl::OkStatus();
    if (!it->is_number()) return FieldError(Name(key), "must be a number");
    *out = it->get<double>();
    return absl::OkStatus();
  }

  template <typename Int>
  absl::Status Count(const char* key, Int* out) const {
    auto it = j_.find(key);
    if (it == j_.end()) return absl::OkStatus();
    if (!it->is_number_unsigned() ||
        it->get<uint64_t>() > uint64_t(std::numeric_limits<Int>::max()))
      return FieldError(Name(key), "must be a whole number from 0");
    *out = Int(it->get<uint64_t>());
    return absl::OkStatus();
  }

 private:
  const Json& j_;
  std::string prefix_;
};

Json TripleToJson(const Triple& t) {
  Json j = Json::object();
  auto str = [&](const char* key, const std::string& v) {
    if (!v.empty()) j[key] = v;
  };
  auto list = [&](const char* key, const std::vector<std::string>& v) {
    if (!v.empty()) j[key] = v;
  };
  j["subject"] = t.subject;
  j["relation"] = t.relation;
  j["object"] = t.object;
  list("subject_labels", t.subject_labels);
  list("object_labels", t.object_labels);
  list("subject_aliases", t.subject_aliases);
  list("object_aliases", t.object_aliases);
  str("text", t.text);
  if (t.negated) j["negated"] = true;
  if (t.confidence != 1.0) j["confidence"] = t.confidence;
  if (!t.qualifiers.empty()) {
    Json q = Json::object();
    for (const auto& [k, v] : t.qualifiers) q[k] = ValueToJson(v);
    j["qualifiers"] = std::move(q);
  }
  if (t.sentence != 0) j["sentence"] = t.sentence;
  if (t.begin != 0) j["begin"] = t.begin;
  if (t.end != 0) j["end"] = t.end;
  str("sentence_text", t.sentence_text);
  str("source", t.source);
  str("subject_mention", t.subject_mention);
  str("object_mention", t.object_mention);
  str("subject_reason", t.subject_reason);
  str("object_reason", t.object_reason);
  return j;
}

absl::StatusOr<Triple> TripleFromJson(const Json& j, const std::string& prefix) {
  if (!j.is_object()) return FieldError(prefix, "must be an object");
  Fields f(j, prefix + ".");
  Triple t;
  QUIVER_RETURN_IF_ERROR(f.String("subject", &t.subject, /*required=*/true));
  QUIVER_RETURN_IF_ERROR(f.String("relation", &t.relation, /*required=*/true));
  QUIVER_RETURN_IF_ERROR(f.String("object", &t.object, /*required=*/true));
  QUIVER_RETURN_IF_ERROR(f.Strings("subject_labels", &t.subject_labels));
  QUIVER_RETURN_IF_ERROR(f.Strings("object_labels", &t.object_labels));
  QUIVER_RETURN_IF_ERROR(f.Strings("subject_aliases", &t.subject_aliases));
  QUIVER_RETURN_IF_ERROR(f.Strings("object_aliases", &t.object_aliases));
  QUIVER_RETURN_IF_ERROR(f.String("text", &t.text));
  QUIVER_RETURN_IF_ERROR(f.Bool("negated", &t.negated));
  QUIVER_RETURN_IF_ERROR(f.Number("confidence", &t.confidence));
  if (auto it = j.find("qualifiers"); it != j.end()) {
    if (!it->is_object()) return FieldError(f.Name("qualifiers"), "must be an object");
    for (const auto& [k, v] : it->items()) {
      QUIVER_ASSIGN_OR_RETURN(t.qualifiers[k],
                              ValueFromJson(v, absl::StrCat(f.Name("qualifiers"), ".", k)));
    }
  }
  QUIVER_RETURN_IF_ERROR(f.Count("sentence", &t.sentence));
  QUIVER_RETURN_IF_ERROR(f.Count("begin", &t.begin));
  QUIVER_RETURN_IF_ERROR(f.Count("end", &t.end));
  QUIVER_RETURN_IF_ERROR(f.String("sentence_text", &t.sentence_text));
  QUIVER_RETURN_IF_ERROR(f.String("source", &t.source));
  QUIVER_RETURN_IF_ERROR(f.String("subject_mention", &t.subject_mention));
  QUIVER_RETURN_IF_ERROR(f.String("object_mention", &t.object_mention));
  QUIVER_RETURN_IF_ERROR(f.String("subject_reason", &t.subject_reason));
  QUIVER_RETURN_IF_ERROR(f.String("object_reason", &t.object_reason));
  return t;
}

}  // namespace

bool ExtractionOrderLess(const ExtractionRecord& a, const ExtractionRecord& b) {
  return std::tie(a.input_file, a.input_line) < std::tie(b.input_file, b.input_line);
}

std::string ContentHashHex(std::string_view content) {
  return absl::BytesToHexString(graph::ContentHash(content));
}

std::string FormatExtractionRecord(const ExtractionRecord& record) {
  const DocumentInput& d = record.document;
  Json j = Json::object();
  j["quiver_extraction"] = kExtractionFormatVersion;
  j["source"] = d.source;
  if (!d.title.empty()) j["title"] = d.title;
  if (!d.date.empty()) j["date"] = d.date;
  if (!d.url.empty()) j["url"] = d.url;
  j["content_hash"] = d.content_hash.empty() ? ContentHashHex(d.content) : d.content_hash;
  j["input"] = Json{{"file", record.input_file}, {"line", record.input_line}};
  Json triples = Json::array();
  for (const Triple& t : d.triples) triples.push_back(TripleToJson(t));
  j["triples"] = std::move(triples);
  // The reader hands on valid UTF-8 only; `replace` keeps a stray byte from
  // aborting a whole extraction should one get through.
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

absl::StatusOr<ExtractionRecord> ParseExtractionRecord(std::string_view line) {
  Json j;
  try {
    j = Json::parse(line);
  } catch (const Json::exception& e) {
    return absl::InvalidArgumentError(absl::StrCat("not JSON: ", e.what()));
  }
  if (!j.is_object()) return absl::InvalidArgumentError("not a JSON object");
  auto version = j.find("quiver_extraction");
  if (version == j.end()) {
    return FieldError("quiver_extraction",
                      "missing (not an extraction file: write one with "
                      "quiver extract --format jsonl)");
  }
  if (!version->is_number_integer() || version->get<int64_t>() != kExtractionFormatVersion) {
    return FieldError("quiver_extraction",
                      absl::StrCat("version ", version->dump(), " is not supported (this "
                                   "Quiver reads version ", kExtractionFormatVersion, ")"));
  }
  ExtractionRecord r;
  DocumentInput& d = r.document;
  Fields f(j, "");
  QUIVER_RETURN_IF_ERROR(f.String("source", &d.source));
  QUIVER_RETURN_IF_ERROR(f.String("title", &d.title));
  QUIVER_RETURN_IF_ERROR(f.String("date", &d.date));
  QUIVER_RETURN_IF_ERROR(f.String("url", &d.url));
  QUIVER_RETURN_IF_ERROR(f.String("content_hash", &d.content_hash, /*required=*/true));
  if (d.content_hash.size() != 32 ||
      d.content_hash.find_first_not_of("0123456789abcdef") != std::string::npos)
    return FieldError("content_hash", "must be 32 lower-case hex digits");
  auto input = j.find("input");
  if (input == j.end() || !input->is_object())
    return FieldError("input", "must be an object {\"file\": ..., \"line\": ...}");
  Fields in(*input, "input.");
  QUIVER_RETURN_IF_ERROR(in.String("file", &r.input_file, /*required=*/true));
  QUIVER_RETURN_IF_ERROR(in.Count("line", &r.input_line));
  auto triples = j.find("triples");
  if (triples == j.end() || !triples->is_array())
    return FieldError("triples", "must be a list");
  d.triples.reserve(triples->size());
  for (size_t i = 0; i < triples->size(); ++i) {
    QUIVER_ASSIGN_OR_RETURN(Triple t,
                            TripleFromJson((*triples)[i], absl::StrCat("triples[", i, "]")));
    d.triples.push_back(std::move(t));
  }
  return r;
}

absl::StatusOr<std::vector<ExtractionRecord>> ReadExtractionFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat(path, ": cannot open: ", std::strerror(errno)));
  std::vector<ExtractionRecord> records;
  std::string line;
  int64_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    auto record = ParseExtractionRecord(line);
    if (!record.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat(path, ":", line_no, ": ", record.status().message()));
    }
    records.push_back(std::move(*record));
  }
  if (in.bad()) return absl::DataLossError(absl::StrCat(path, ": read error"));
  return records;
}

}  // namespace quiver
