#include "tests/tck/runner.h"

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "tests/tck/value_notation.h"
#include "util/strings.h"

namespace quiver::tck {
namespace {

namespace fs = std::filesystem;

Outcome Pass() { return {Verdict::kPass, "", false}; }
Outcome Fail(std::string reason) { return {Verdict::kFail, std::move(reason), false}; }
Outcome Skip(std::string reason) { return {Verdict::kSkip, std::move(reason), false}; }

std::string OneLine(std::string_view s, size_t max = 200) {
  std::string out;
  for (char c : s) out += (c == '\n' || c == '\r') ? ' ' : c;
  if (out.size() > max) out = out.substr(0, max) + "...";
  return out;
}

std::string Where(const Step& step) { return absl::StrCat("step line ", step.line, ": "); }

absl::StatusOr<ResultTable> ExpectedTable(const Table& table) {
  ResultTable t;
  if (table.empty()) return t;
  t.columns = table[0];
  for (size_t r = 1; r < table.size(); ++r) {
    std::vector<Value> row;
    for (const auto& cell : table[r]) {
      auto v = ParseTckValue(cell);
      if (!v.ok()) return v.status();
      row.push_back(std::move(*v));
    }
    t.rows.push_back(std::move(row));
  }
  return t;
}

class ScenarioRun {
 public:
  ScenarioRun(const Scenario& scenario, const RunnerConfig& config, Engine& engine)
      : scenario_(scenario), config_(config), engine_(engine) {}

  Outcome Run() {
    for (const Step& step : scenario_.steps) {
      std::optional<Outcome> stop = Do(step);
      if (stop) return *stop;
    }
    if (!executed_) return Fail("the scenario has no 'When executing query' step");
    if (!checked_result_) {
      return Fail("the scenario checks neither a result nor an error");
    }
    Outcome pass = Pass();
    pass.detail_missed = detail_missed_;
    pass.reason = detail_note_;
    return pass;
  }

 private:
  // nullopt to go on; an Outcome to stop with.
  std::optional<Outcome> Do(const Step& step) {
    const std::string& t = step.text;
    if (t == "an empty graph" || t == "any graph") return std::nullopt;
    static const std::regex kNamedGraph(R"(^the ([\w-]+) graph$)");
    std::smatch m;
    if (std::regex_match(t, m, kNamedGraph)) {
      auto script = FindGraphScript(m[1].str(), scenario_.path, config_);
      if (!script.ok()) return Skip(std::string(util::Std(script.status().message())));
      auto r = engine_.Execute(*script, {});
      if (!r.ok()) {
        return Fail(absl::StrCat("building graph ", m[1].str(), " failed: ",
                                 OneLine(util::Std(r.status().message()))));
      }
      return std::nullopt;
    }
    if (t == "having executed:") {
      if (!step.doc_string) return Fail(Where(step) + "no query");
      auto r = engine_.Execute(*step.doc_string, params_);
      if (!r.ok()) {
        return Fail(absl::StrCat("setup query failed: ",
                                 OneLine(util::Std(r.status().message())), " [",
                                 OneLine(*step.doc_string, 80), "]"));
      }
      return std::nullopt;
    }
    if (t == "parameters are:") {
      if (!step.table) return Fail(Where(step) + "no parameter table");
      for (const auto& row : *step.table) {
        if (row.size() != 2) return Fail(Where(step) + "a parameter row needs a name and a value");
        auto v = ParseTckValue(row[1]);
        if (!v.ok()) return Fail(absl::StrCat(Where(step), v.status().message()));
        params_[row[0]] = std::move(*v);
      }
      return std::nullopt;
    }
    if (t.rfind("there exists a procedure", 0) == 0) {
      auto spec = ParseProcedureSpec(t, step.table ? *step.table : Table{});
      if (!spec.ok()) return Fail(absl::StrCat(Where(step), spec.status().message()));
      absl::Status s = engine_.AddProcedure(*spec);
      if (absl::IsUnimplemented(s)) return Skip(std::string(util::Std(s.message())));
      if (!s.ok()) return Fail(absl::StrCat("registering ", spec->name, ": ", s.message()));
      return std::nullopt;
    }
    if (t == "executing query:" || t == "executing control query:") {
      if (!step.doc_string) return Fail(Where(step) + "no query");
      auto before = engine_.State();
      if (!before.ok()) return Fail(absl::StrCat("reading graph state: ", before.status().message()));
      result_ = engine_.Execute(*step.doc_string, params_);
      auto after = engine_.State();
      if (!after.ok()) return Fail(absl::StrCat("reading graph state: ", after.status().message()));
      effects_ = Diff(*before, *after);
      query_ = *step.doc_string;
      executed_ = true;
      return std::nullopt;
    }
    if (t == "the result should be empty") return CheckEmpty(step);
    if (t.rfind("the result should be", 0) == 0) return CheckTable(step);
    if (auto expected = ParseErrorExpectation(t)) return CheckError(step, *expected);
    if (t == "no side effects") return CheckSideEffects(step, SideEffects{});
    if (t == "the side effects should be:") {
      if (!step.table) return Fail(Where(step) + "no side-effects table");
      auto expected = ParseSideEffects(*step.table);
      if (!expected.ok()) return Fail(absl::StrCat(Where(step), expected.status().message()));
      return CheckSideEffects(step, *expected);
    }
    return Skip(absl::StrCat("unsupported step '", step.keyword, " ", t, "'"));
  }

  std::optional<Outcome> RequireRows(const Step& step) {
    if (!executed_) return Fail(Where(step) + "no query was executed");
    if (!result_.ok()) {
      return Fail(absl::StrCat("unexpected error: ", OneLine(util::Std(result_.status().message()))));
    }
    return std::nullopt;
  }

  std::optional<Outcome> CheckEmpty(const Step& step) {
    checked_result_ = true;
    if (auto stop = RequireRows(step)) return stop;
    if (!result_->rows.empty()) {
      if (result_->columns.empty()) {
        return Fail(absl::StrCat("expected no rows, got ", result_->rows.size(),
                                 " row(s) without columns (a statement without RETURN "
                                 "yields no rows)"));
      }
      return Fail(absl::StrCat("expected no rows, got ", result_->rows.size(), ", first ",
                               RowToString(result_->rows[0])));
    }
    return std::nullopt;
  }

  std::optional<Outcome> CheckTable(const Step& step) {
    checked_result_ = true;
    const std::string& t = step.text;
    RowOrder order;
    CompareOptions options;
    if (t == "the result should be, in any order:" ||
        t == "the result should be (ignoring element order for lists):") {
      order = RowOrder::kAnyOrder;
    } else if (t == "the result should be, in order:" ||
               t == "the result should be, in order (ignoring element order for lists):") {
      order = RowOrder::kInOrder;
    } else {
      return Skip(absl::StrCat("unsupported step 'Then ", t, "'"));
    }
    options.ignore_list_order = t.find("ignoring element order for lists") != std::string::npos;
    if (!step.table) return Fail(Where(step) + "no result table");
    auto expected = ExpectedTable(*step.table);
    if (!expected.ok()) {
      return Fail(absl::StrCat(Where(step), "expected value: ", expected.status().message()));
    }
    if (auto stop = RequireRows(step)) return stop;
    if (auto diff = CompareResults(*expected, *result_, order, options)) return Fail(*diff);
    return std::nullopt;
  }

  std::optional<Outcome> CheckError(const Step& step, const ErrorExpectation& expected) {
    checked_result_ = true;
    if (!executed_) return Fail(Where(step) + "no query was executed");
    if (result_.ok()) {
      return Fail(absl::StrCat("expected ", expected.type, " at ", expected.phase, " (",
                               expected.detail, "), but the query returned ",
                               result_->rows.size(), " rows"));
    }
    ErrorMatch match = MatchError(expected, ParseEngineError(result_.status()));
    if (!match.ok) return Fail(OneLine(match.reason));
    if (!expected.detail.empty() && !match.detail_seen) {
      detail_missed_ = true;
      detail_note_ = absl::StrCat("detail code ", expected.detail, " not in the message: ",
                                  OneLine(util::Std(result_.status().message()), 120));
    }
    return std::nullopt;
  }

  std::optional<Outcome> CheckSideEffects(const Step& step, const SideEffects& expected) {
    if (!executed_) return Fail(Where(step) + "no query was executed");
    if (!(effects_ == expected)) {
      return Fail(absl::StrCat("side effects: expected ", ToString(expected), ", got ",
                               ToString(effects_)));
    }
    return std::nullopt;
  }

  const Scenario& scenario_;
  const RunnerConfig& config_;
  Engine& engine_;
  ValueMap params_;
  bool executed_ = false;
  bool checked_result_ = false;
  bool detail_missed_ = false;
  std::string detail_note_;
  std::string query_;
  absl::StatusOr<ResultTable> result_ = absl::UnknownError("not run");
  SideEffects effects_;
};

}  // namespace

absl::StatusOr<std::string> FindGraphScript(const std::string& name,
                                            const std::string& feature_path,
                                            const RunnerConfig& config) {
  std::vector<fs::path> candidates;
  if (!config.graphs_dir.empty()) {
    candidates.push_back(fs::path(config.graphs_dir) / name / (name + ".cypher"));
  } else {
    std::error_code ec;
    fs::path dir = fs::absolute(fs::path(feature_path), ec).parent_path();
    while (!dir.empty()) {
      candidates.push_back(dir / "graphs" / name / (name + ".cypher"));
      if (dir == dir.root_path()) break;
      dir = dir.parent_path();
    }
  }
  for (const auto& p : candidates) {
    std::ifstream in(p);
    if (!in) continue;
    std::stringstream ss;
    ss << in.rdbuf();
    std::string script = ss.str();
    // The scripts end with ';', which the query language does not take.
    while (!script.empty() && (script.back() == '\n' || script.back() == ' ' ||
                               script.back() == ';' || script.back() == '\r')) {
      script.pop_back();
    }
    return script;
  }
  return absl::NotFoundError(absl::StrCat("graph '", name, "' not found (", name, "/", name,
                                          ".cypher under a graphs folder)"));
}

Outcome RunScenario(const Scenario& scenario, const EngineFactory& factory,
                    const RunnerConfig& config) {
  for (const auto& tag : scenario.tags) {
    if (!config.run_tagged && (tag == "@ignore" || tag == "@skip" || tag == "@fails")) {
      return Skip(absl::StrCat("tagged ", tag));
    }
  }
  auto engine = factory();
  if (!engine.ok()) {
    if (absl::IsUnimplemented(engine.status())) {
      return Skip(std::string(util::Std(engine.status().message())));
    }
    return Fail(absl::StrCat("opening the store: ", engine.status().message()));
  }
  return ScenarioRun(scenario, config, **engine).Run();
}

}  // namespace quiver::tck
