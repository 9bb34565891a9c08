// query::ProcedureRegistry: procedures that `CALL name(args) YIELD cols` runs,
// and (in a store's own registry) the scalar functions the embedding program
// registered.
//
// A procedure has a dotted name, typed arguments, named output columns and a
// function that produces rows from a graph::Reader (the statement's snapshot,
// or its write transaction) and the argument values. Other modules register
// theirs: add a file under query/procedures/ with a
// `void RegisterXxxProcedures(ProcedureRegistry&)` function and call it from
// RegisterAllProcedures (procedures/all.cc). Each Database also has its own
// registry (query::DatabaseProcedures in query/procedures/database_registry.h)
// consulted first, so a test harness can add procedures to one store only.
// Thread-safety: Register and Find may be called concurrently.

#ifndef QUIVER_QUERY_PROCEDURES_REGISTRY_H_
#define QUIVER_QUERY_PROCEDURES_REGISTRY_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "quiver/value.h"
#include "util/mutex.h"

namespace quiver::graph {
class Reader;
}

namespace quiver::query {

// The declared type of an argument or output column. kAny accepts any value;
// kNumber accepts INTEGER and FLOAT.
enum class ProcType { kAny, kBool, kInt, kFloat, kNumber, kString, kList, kMap, kNode,
                      kRelationship, kPath };

struct ProcParam {
  ProcParam(std::string name, ProcType type = ProcType::kAny,
            std::optional<Value> default_value = std::nullopt)
      : name(std::move(name)), type(type), default_value(std::move(default_value)) {}

  std::string name;
  ProcType type = ProcType::kAny;
  // Set: the argument may be left out and takes this value (only trailing
  // arguments may have one), so `CALL algo.pagerank()` runs with defaults.
  std::optional<Value> default_value;
};

struct Procedure {
  using Fn = std::function<absl::StatusOr<std::vector<ValueList>>(
      const graph::Reader& reader, const ValueList& args)>;
  std::string name;  // "db.labels", "algo.pagerank"
  std::vector<ProcParam> inputs;
  std::vector<ProcParam> outputs;  // Each row has outputs.size() values.
  std::string description;
  Fn fn;
  // The procedure changes the store (kg.merge): a statement calling it runs
  // in a write transaction, and `fn` is handed that graph::WriteTxn.
  bool writes = false;
};

// A scalar function registered by the embedding program
// (Database::RegisterFunction): the binder binds calls of its name to it
// (ast::Expr::function), the evaluator checks the arguments against
// `inputs` and calls `fn`.
struct Function {
  using Fn = std::function<absl::StatusOr<Value>(const ValueList& args)>;
  std::string name;
  std::vector<ProcParam> inputs;  // Trailing ones may have defaults.
  ProcType result = ProcType::kAny;
  std::string description;
  Fn fn;
};

class ProcedureRegistry {
 public:
  // Errors: kAlreadyExists when the name is taken (names compare
  // case-insensitively), kInvalidArgument for an empty name or no fn.
  absl::Status Register(Procedure procedure);
  // Null when there is none.
  std::shared_ptr<const Procedure> Find(std::string_view name) const;
  std::vector<std::string> Names() const;

  // Scalar functions (one store's registry only: built-in functions are
  // not registered, see query/exec/functions.cc). The same errors as
  // Register.
  absl::Status RegisterFunction(Function function);
  std::shared_ptr<const Function> FindFunction(std::string_view name) const;
  // Counts registrations: a plan made at one generation may name what a
  // later one shadows, so prepared statements plan again when it moves.
  uint64_t generation() const { return generation_.load(std::memory_order_acquire); }

  // The process-wide registry, holding the built-in procedures.
  static ProcedureRegistry& Global();

 private:
  // Register and RegisterFunction: the same checks, one map or the other.
  template <typename T>
  absl::Status Add(std::map<std::string, std::shared_ptr<const T>>* entries, T entry,
                   const char* what) ABSL_LOCKS_EXCLUDED(mu_);
  template <typename T>
  std::shared_ptr<const T> Lookup(const std::map<std::string, std::shared_ptr<const T>>* entries,
                                  std::string_view name) const ABSL_LOCKS_EXCLUDED(mu_);

  mutable quiver::Mutex mu_;
  std::map<std::string, std::shared_ptr<const Procedure>> procedures_
      ABSL_GUARDED_BY(mu_);
  std::map<std::string, std::shared_ptr<const Function>> functions_ ABSL_GUARDED_BY(mu_);
  std::atomic<uint64_t> generation_{0};
};

// `name` in `local` (a store's own registry; may be null), else in
// Global(); null when neither has it. How statements find procedures.
std::shared_ptr<const Procedure> FindProcedure(const ProcedureRegistry* local,
                                               std::string_view name);

const char* ProcTypeName(ProcType type);
bool ProcTypeAccepts(ProcType type, const Value& value);

// Registers every built-in procedure in `registry` (procedures/all.cc).
void RegisterAllProcedures(ProcedureRegistry& registry);

}  // namespace quiver::query

#endif  // QUIVER_QUERY_PROCEDURES_REGISTRY_H_
