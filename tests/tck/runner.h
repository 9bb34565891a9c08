// Runs one expanded TCK scenario against an Engine and judges it.

#ifndef QUIVER_TESTS_TCK_RUNNER_H_
#define QUIVER_TESTS_TCK_RUNNER_H_

#include <string>

#include "tests/tck/engine.h"
#include "tests/tck/gherkin.h"

namespace quiver::tck {

enum class Verdict { kPass, kFail, kSkip };

struct Outcome {
  Verdict verdict = Verdict::kFail;
  // Why it failed or was skipped; on a pass, empty or a note (a missed
  // error detail code).
  std::string reason;
  // An expected error's detail code (e.g. UndefinedVariable) was not found in
  // the engine's message. Reported, not failed: the TCK leaves the wording free.
  bool detail_missed = false;
};

struct RunnerConfig {
  // Folder holding <name>/<name>.cypher for "Given the <name> graph". When
  // empty, a "graphs" folder is looked for above the feature file.
  std::string graphs_dir;
  // Run scenarios tagged @ignore, @skip or @fails too (they are skipped
  // otherwise): Quiver aims at every scenario of the suite it keeps.
  bool run_tagged = false;
};

Outcome RunScenario(const Scenario& scenario, const EngineFactory& factory,
                    const RunnerConfig& config);

// The script of a named graph, or kNotFound.
absl::StatusOr<std::string> FindGraphScript(const std::string& name,
                                            const std::string& feature_path,
                                            const RunnerConfig& config);

}  // namespace quiver::tck

#endif  // QUIVER_TESTS_TCK_RUNNER_H_
