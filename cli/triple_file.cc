#include "cli/triple_file.h"

#include <nlohmann/json.hpp>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/str_join.h"
#include "util/strings.h"
#include "util/utf8.h"

namespace quiver::cli {

absl::StatusOr<TripleFormat> ChooseTripleFormat(std::string_view path,
                                                std::string_view format_flag) {
  std::string flag = absl::AsciiStrToLower(std::string(format_flag));
  if (flag == "tsv") return TripleFormat::kTsv;
  if (flag == "jsonl") return TripleFormat::kJsonl;
  if (!flag.empty() && flag != "auto") {
    return absl::InvalidArgumentError(absl::StrCat(
        "unknown format '", util::Absl(format_flag), "' (expected tsv or jsonl)"));
  }
  std::string lower = absl::AsciiStrToLower(std::string(path));
  for (const char* ext : {".jsonl", ".json", ".ndjson"})
    if (absl::EndsWith(lower, ext)) return TripleFormat::kJsonl;
  for (const char* ext : {".tsv", ".txt", ".tab"})
    if (absl::EndsWith(lower, ext)) return TripleFormat::kTsv;
  if (path == "-") return TripleFormat::kTsv;
  return absl::InvalidArgumentError(absl::StrCat(
      util::Absl(path), ": cannot tell the format from the extension; use --format tsv or "
            "--format jsonl"));
}

namespace {

// Checks one field; returns an empty string when it is fine, else the reason.
std::string CheckField(std::string_view what_sv, std::string_view value) {
  absl::string_view what = util::Absl(what_sv);
  if (absl::StripAsciiWhitespace(absl::string_view(value.data(), value.size())).empty())
    return absl::StrCat(what, " is empty");
  if (value.size() > kMaxFieldBytes) {
    return absl::StrCat(what, " is too long (", value.size(), " bytes; at most ",
                        kMaxFieldBytes, ")");
  }
  return "";
}

std::string Trimmed(std::string_view s) {
  return std::string(absl::StripAsciiWhitespace(absl::string_view(s.data(), s.size())));
}

// Relationship types are identifiers: runs of white space become '_'. All
// of ASCII's white space, as Trimmed strips it: a carriage return inside a
// TSV field or a \n in a JSON string once stayed in the type (found by
// fuzz_triple_file).
std::string RelationType(std::string_view relation) {
  std::vector<std::string> words = absl::StrSplit(
      Trimmed(relation), absl::ByAnyChar(" \t\n\v\f\r"), absl::SkipEmpty());
  return absl::StrJoin(words, "_");
}

std::string ParseTsvLine(std::string_view line, Triple* t) {
  auto sv = [](absl::string_view a) { return std::string_view(a.data(), a.size()); };
  std::vector<absl::string_view> cols = absl::StrSplit(
      absl::string_view(line.data(), line.size()), '\t');
  if (cols.size() < 3 || cols.size() > 5) {
    return absl::StrCat("expected 3 to 5 tab-separated columns (subject, "
                        "relation, object[, source[, sentence]]), found ",
                        cols.size());
  }
  static constexpr const char* kNames[] = {"subject", "relation", "object"};
  for (int i = 0; i < 3; ++i) {
    std::string why = CheckField(kNames[i], sv(cols[i]));
    if (!why.empty()) return why;
  }
  t->subject = Trimmed(sv(cols[0]));
  t->text = Trimmed(sv(cols[1]));
  t->relation = RelationType(sv(cols[1]));
  t->object = Trimmed(sv(cols[2]));
  if (cols.size() > 3) t->source = Trimmed(sv(cols[3]));
  if (cols.size() > 4) t->sentence_text = Trimmed(sv(cols[4]));
  if (t->source.size() > kMaxFieldBytes || t->sentence_text.size() > kMaxLineBytes)
    return "source or sentence is too long";
  return "";
}

std::string GetString(const nlohmann::json& obj, const char* key, bool required,
                      std::string* out) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) {
    return required ? absl::StrCat("missing \"", key, "\"") : "";
  }
  if (!it->is_string()) return absl::StrCat("\"", key, "\" must be a string");
  *out = it->get<std::string>();
  if (required) {
    std::string why = CheckField(absl::StrCat("\"", key, "\""), *out);
    if (!why.empty()) return why;
    *out = Trimmed(*out);
  }
  return "";
}

std::string GetLabels(const nlohmann::json& obj, const char* key,
                      std::vector<std::string>* out) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return "";
  if (!it->is_array()) return absl::StrCat("\"", key, "\" must be a list of strings");
  for (const auto& l : *it) {
    if (!l.is_string()) return absl::StrCat("\"", key, "\" must be a list of strings");
    std::string label = l.get<std::string>();
    std::string why = CheckField(absl::StrCat("a label in \"", key, "\""), label);
    if (!why.empty()) return why;
    out->push_back(Trimmed(label));
  }
  return "";
}

std::string ParseJsonLine(std::string_view line, Triple* t) {
  nlohmann::json obj = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (obj.is_discarded()) return "invalid JSON";
  if (!obj.is_object()) return "expected a JSON object";
  std::string relation;
  for (std::string why :
       {GetString(obj, "subject", true, &t->subject),
        GetString(obj, "relation", true, &relation),
        GetString(obj, "object", true, &t->object),
        GetString(obj, "source", false, &t->source),
        GetString(obj, "sentence", false, &t->sentence_text),
        GetLabels(obj, "subject_labels", &t->subject_labels),
        GetLabels(obj, "object_labels", &t->object_labels)}) {
    if (!why.empty()) return why;
  }
  t->text = relation;
  t->relation = RelationType(relation);
  return "";
}

}  // namespace

absl::StatusOr<ParsedTriples> ParseTriples(std::string_view name,
                                           std::string_view content,
                                           TripleFormat format) {
  size_t nul = content.substr(0, 1 << 16).find('\0');
  if (nul != std::string_view::npos) {
    return absl::InvalidArgumentError(absl::StrCat(
        util::Absl(name), ": binary file (NUL byte at offset ", nul, "), not a triple file"));
  }
  ParsedTriples out;
  size_t line_no = 0;
  size_t pos = 0;
  while (pos < content.size()) {
    size_t eol = content.find('\n', pos);
    if (eol == std::string_view::npos) eol = content.size();
    std::string_view line = content.substr(pos, eol - pos);
    pos = eol + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    if (format == TripleFormat::kTsv && line[0] == '#') continue;
    ++out.lines;
    std::string why;
    Triple t;
    size_t bad = util::FindInvalidUtf8(line);
    if (line.size() > kMaxLineBytes) {
      why = absl::StrCat("line is too long (", line.size(), " bytes; at most ",
                         kMaxLineBytes, ")");
    } else if (line.find('\0') != std::string_view::npos) {
      why = "line holds a NUL byte";
    } else if (bad != std::string_view::npos) {
      why = absl::StrCat("invalid UTF-8 at byte ", bad + 1, " of the line");
    } else {
      why = format == TripleFormat::kTsv ? ParseTsvLine(line, &t)
                                         : ParseJsonLine(line, &t);
    }
    if (!why.empty()) {
      out.errors.push_back(absl::StrCat(util::Absl(name), ":", line_no, ": ", why));
      continue;
    }
    t.sentence = uint32_t(line_no);
    out.triples.push_back(std::move(t));
  }
  return out;
}

}  // namespace quiver::cli
