// What the TCK runner needs from a database: run a query to a full result,
// register a TCK procedure, and read the graph's state for side effects.
// QuiverEngine wraps quiver::Database; unit tests substitute a fake.

#ifndef QUIVER_TESTS_TCK_ENGINE_H_
#define QUIVER_TESTS_TCK_ENGINE_H_

#include <functional>
#include <memory>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "quiver/value.h"
#include "tests/tck/compare.h"
#include "tests/tck/expectations.h"
#include "tests/tck/graph_state.h"

namespace quiver::tck {

class Engine {
 public:
  virtual ~Engine() = default;
  // The whole result, or the engine's error (its message names the openCypher
  // error type and phase; see ParseEngineError).
  virtual absl::StatusOr<ResultTable> Execute(std::string_view query,
                                              const ValueMap& params) = 0;
  // kUnimplemented when the engine cannot host test procedures.
  virtual absl::Status AddProcedure(const ProcedureSpec& spec) = 0;
  virtual absl::StatusOr<GraphState> State() = 0;
};

// Makes the fresh engine of one scenario. kUnimplemented means this build has
// no query engine: scenarios are skipped, not failed.
using EngineFactory = std::function<absl::StatusOr<std::unique_ptr<Engine>>()>;

// False in a build without Database::Query (OpenQuiverEngine then always
// returns kUnimplemented). Opens nothing: the caller may fork afterwards.
bool HaveQueryEngine();

// A fresh in-memory Quiver store named "/tck-<n>".
absl::StatusOr<std::unique_ptr<Engine>> OpenQuiverEngine(int n);

}  // namespace quiver::tck

#endif  // QUIVER_TESTS_TCK_ENGINE_H_
