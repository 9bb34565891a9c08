// The TCK's error expectations and procedure declarations, read from step
// text, and the match of an expected error against the engine's status.

#ifndef QUIVER_TESTS_TCK_EXPECTATIONS_H_
#define QUIVER_TESTS_TCK_EXPECTATIONS_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "quiver/value.h"
#include "tests/tck/gherkin.h"

namespace quiver::tck {

// "a SyntaxError should be raised at compile time: UndefinedVariable".
struct ErrorExpectation {
  std::string type;    // "SyntaxError"
  std::string phase;   // "compile time", "runtime" or "any time"
  std::string detail;  // "UndefinedVariable"; may be empty.
};

// nullopt when `step_text` is not an error expectation.
std::optional<ErrorExpectation> ParseErrorExpectation(std::string_view step_text);

// An engine error split into type, phase and the rest. The engine's errors
// start "<Type> (<phase>): ..." (include/quiver/result.h).
struct EngineError {
  std::string type;     // Empty when the message has no recognised type.
  std::string phase;    // "compile time" or "runtime"; empty if not said.
  std::string message;  // The whole message.
};
EngineError ParseEngineError(const absl::Status& status);

struct ErrorMatch {
  bool ok = false;           // Type and phase match.
  bool detail_seen = false;  // The detail code appears in the message.
  std::string reason;        // Why not, when !ok.
};
ErrorMatch MatchError(const ErrorExpectation& expected, const EngineError& actual);

// "test.my.proc(name :: STRING?, in :: INTEGER?) :: (out :: INTEGER?)" and
// its table: row 0 names the inputs then the outputs; each further row is a
// call's arguments and one output row.
struct ProcedureSpec {
  std::string name;
  std::vector<std::pair<std::string, std::string>> inputs;   // (name, type)
  std::vector<std::pair<std::string, std::string>> outputs;  // (name, type)
  std::vector<std::vector<Value>> rows;  // Inputs then outputs, per row.
};

// `step_text` is "there exists a procedure <signature>:" .
// Errors: kInvalidArgument for a signature or a table that does not parse.
absl::StatusOr<ProcedureSpec> ParseProcedureSpec(std::string_view step_text,
                                                 const Table& table);

}  // namespace quiver::tck

#endif  // QUIVER_TESTS_TCK_EXPECTATIONS_H_
