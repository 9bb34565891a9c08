// Extending the query language from the embedding program: scalar
// functions and procedures registered on one Database
// (Database::RegisterFunction, Database::RegisterProcedure), called from
// its statements as the built-in ones are:
//
//   quiver::FunctionSignature sig;
//   sig.name = "my.initials";
//   sig.inputs = {{"name", quiver::ArgType::kString}};
//   sig.result = quiver::ArgType::kString;
//   db->RegisterFunction(sig, [](const quiver::ValueList& args)
//                               -> absl::StatusOr<quiver::Value> { ... });
//   db->Query("MATCH (p:Person) RETURN my.initials(p.name)");
//
// Names. Letters, digits and '_', in parts separated by dots ("score",
// "my.rank"); no part may start with a digit. Names compare ignoring case,
// as the query language's do. A function may not take the name of a
// built-in function (toUpper, date.truncate, count, ...): that is an error,
// always. A procedure may not take the name of a built-in procedure
// (db.labels, algo.pagerank, ...) unless ProcedureSignature::replace_builtin
// is set: it then shadows the built-in for this Database's statements. A
// name registered once on a Database cannot be registered again
// (kAlreadyExists); there is no unregistering.
//
// Types. Arguments are checked against the signature before the callable
// runs (a wrong type is a TypeError of the statement); null is accepted for
// every type, and the callable decides what null gives. An INTEGER passed
// where FLOAT is declared arrives as a FLOAT. What the callable returns is
// checked too: a value of another type than declared, or a procedure row
// with another number of values than the signature's outputs, fails the
// statement.
//
// Errors. A callable reports an error by returning a non-OK status: the
// statement fails with an ArgumentError for a function ("ArgumentError
// (runtime) [FunctionFailed]: line 1, column 8: my.initials(): <message>")
// or a ProcedureError for a procedure ("ProcedureError (runtime)
// [ProcedureCallFailed]: ... procedure my.proc failed: <message>"). A C++
// exception escaping the callable is caught and reported the same way; it
// never crosses the Database.
//
// Threading. Callables are called from whichever thread runs the
// statement: a worker thread of the library's for a reading statement
// (unless its rows fit in one page: see quiver/result.h), the caller's for
// an updating one; from several at once when statements run concurrently.
// A callable must be safe to call concurrently with itself. Registering may
// happen at any time from any thread; statements prepared or cached before
// plan again (quiver/statement.h), statements already running keep what
// they had.
//
// Reading the graph. A callable gets its argument values only. It may
// capture the Database and read it (FindNodes, GetNode, Query: each sees
// the store's current state, not necessarily the calling statement's), but
// must not write to it: a statement that writes holds the store's write
// lock while its callables run. A procedure is always read-only.

#ifndef QUIVER_EXTENSION_H_
#define QUIVER_EXTENSION_H_

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "quiver/value.h"

namespace quiver {

// The declared type of an argument, a result or an output column. kAny
// takes every value, kNumber INTEGER and FLOAT; the others one type each.
enum class ArgType {
  kAny,
  kBoolean,
  kInteger,
  kFloat,
  kNumber,
  kString,
  kList,
  kMap,
  kNode,
  kRelationship,
  kPath,
};

struct ArgSpec {
  ArgSpec(std::string name, ArgType type = ArgType::kAny,
          std::optional<Value> default_value = std::nullopt)
      : name(std::move(name)), type(type), default_value(std::move(default_value)) {}

  std::string name;
  ArgType type = ArgType::kAny;
  // Set: the argument may be left out (trailing arguments only) and takes
  // this value.
  std::optional<Value> default_value;
};

struct FunctionSignature {
  std::string name;
  std::vector<ArgSpec> inputs;
  ArgType result = ArgType::kAny;
  // Free text, kept with the registration.
  std::string description;
};

// Called once per evaluation with the argument values (defaults filled in,
// types checked). Must be safe to call from several threads at once.
using ScalarFunction = std::function<absl::StatusOr<Value>(const ValueList& args)>;

struct ProcedureSignature {
  std::string name;
  std::vector<ArgSpec> inputs;
  // The columns of each row, in order: `CALL my.proc(...) YIELD a, b`.
  std::vector<ArgSpec> outputs;
  std::string description;
  // Allow the name of a built-in procedure: this one is then called
  // instead, in this Database's statements only.
  bool replace_builtin = false;
};

// Called once per CALL with the argument values; returns the rows, each
// with one value per output column. Must be safe to call from several
// threads at once.
using ProcedureFunction =
    std::function<absl::StatusOr<std::vector<ValueList>>(const ValueList& args)>;

}  // namespace quiver

#endif  // QUIVER_EXTENSION_H_
