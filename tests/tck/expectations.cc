#include "tests/tck/expectations.h"

#include <regex>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "tests/tck/value_notation.h"
#include "util/status_macros.h"
#include "util/strings.h"

namespace quiver::tck {
namespace {

std::string TrimCopy(std::string_view s) {
  return std::string(util::Std(absl::StripAsciiWhitespace(util::Absl(s))));
}

// "name :: TYPE?, other :: TYPE" -> pairs; empty text -> none.
absl::StatusOr<std::vector<std::pair<std::string, std::string>>> ParseFields(
    std::string_view text) {
  std::vector<std::pair<std::string, std::string>> out;
  if (TrimCopy(text).empty()) return out;
  for (absl::string_view part : absl::StrSplit(util::Absl(text), ',')) {
    std::vector<std::string> nt = absl::StrSplit(part, "::");
    if (nt.size() != 2) {
      return absl::InvalidArgumentError(absl::StrCat("bad procedure field '", part, "'"));
    }
    out.emplace_back(TrimCopy(nt[0]), TrimCopy(nt[1]));
  }
  return out;
}

}  // namespace

std::optional<ErrorExpectation> ParseErrorExpectation(std::string_view step_text) {
  static const std::regex kPattern(
      R"(^an? (\w+) should be raised at (compile time|runtime|any time)(?::\s*(.*))?$)");
  std::smatch m;
  std::string text = TrimCopy(step_text);
  if (!std::regex_match(text, m, kPattern)) return std::nullopt;
  std::string detail = TrimCopy(m[3].str());
  if (detail == "*") detail.clear();  // The TCK's "any detail".
  return ErrorExpectation{m[1].str(), m[2].str(), detail};
}

EngineError ParseEngineError(const absl::Status& status) {
  EngineError e;
  e.message = std::string(util::Std(status.message()));
  static const std::regex kHead(R"(^(\w+)\s*\((compile time|runtime|run time)\))");
  std::smatch m;
  if (std::regex_search(e.message, m, kHead)) {
    e.type = m[1].str();
    e.phase = m[2].str() == "run time" ? "runtime" : m[2].str();
    return e;
  }
  static const std::regex kTypeOnly(R"(^(\w+(Error|NotFound|Missing|Failed)\w*)\b)");
  if (std::regex_search(e.message, m, kTypeOnly)) e.type = m[1].str();
  return e;
}

ErrorMatch MatchError(const ErrorExpectation& expected, const EngineError& actual) {
  ErrorMatch r;
  r.detail_seen = !expected.detail.empty() &&
                  absl::StrContains(util::Absl(actual.message), util::Absl(expected.detail));
  if (actual.type != expected.type) {
    r.reason = absl::StrCat("expected ", expected.type, " at ", expected.phase, " (",
                            expected.detail, "), got: ", actual.message);
    return r;
  }
  if (expected.phase != "any time" && actual.phase != expected.phase) {
    r.reason = absl::StrCat("expected ", expected.type, " at ", expected.phase,
                            ", raised at ", actual.phase.empty() ? "an unsaid phase" : actual.phase,
                            ": ", actual.message);
    return r;
  }
  r.ok = true;
  return r;
}

absl::StatusOr<ProcedureSpec> ParseProcedureSpec(std::string_view step_text,
                                                 const Table& table) {
  static const std::regex kSig(
      R"(^there exists a procedure\s+([\w.]+)\s*\(([^)]*)\)\s*::\s*\(([^)]*)\)\s*:?\s*$)");
  std::smatch m;
  std::string text = TrimCopy(step_text);
  if (!std::regex_match(text, m, kSig)) {
    return absl::InvalidArgumentError(absl::StrCat("bad procedure signature '", text, "'"));
  }
  ProcedureSpec spec;
  spec.name = m[1].str();
  QUIVER_ASSIGN_OR_RETURN(spec.inputs, ParseFields(m[2].str()));
  QUIVER_ASSIGN_OR_RETURN(spec.outputs, ParseFields(m[3].str()));
  size_t width = spec.inputs.size() + spec.outputs.size();
  if (table.empty()) return spec;
  // Row 0 names the columns (an empty row for a procedure without any).
  const auto& header = table[0];
  if (header.size() != width) {
    return absl::InvalidArgumentError(absl::StrCat(
        "procedure ", spec.name, ": table has ", header.size(), " columns, signature ", width));
  }
  for (size_t i = 0; i < width; ++i) {
    const std::string& want =
        i < spec.inputs.size() ? spec.inputs[i].first : spec.outputs[i - spec.inputs.size()].first;
    if (header[i] != want) {
      return absl::InvalidArgumentError(absl::StrCat(
          "procedure ", spec.name, ": column ", i + 1, " is '", header[i], "', expected '",
          want, "'"));
    }
  }
  for (size_t r = 1; r < table.size(); ++r) {
    if (table[r].size() != width) {
      return absl::InvalidArgumentError(
          absl::StrCat("procedure ", spec.name, ": row ", r, " has the wrong width"));
    }
    std::vector<Value> row;
    for (const auto& cell : table[r]) {
      QUIVER_ASSIGN_OR_RETURN(Value v, ParseTckValue(cell));
      row.push_back(std::move(v));
    }
    spec.rows.push_back(std::move(row));
  }
  return spec;
}

}  // namespace quiver::tck
