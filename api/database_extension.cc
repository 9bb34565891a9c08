// Database::RegisterFunction and Database::RegisterProcedure
// (quiver/extension.h): the embedder's callables, checked and wrapped into
// the store's own registry (query/procedures/registry.h).

#include <cctype>
#include <exception>
#include <set>
#include <string>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "query/exec/evaluator.h"
#include "query/procedures/database_registry.h"
#include "query/procedures/registry.h"
#include "quiver/database.h"
#include "util/status_macros.h"

namespace quiver {

namespace {

// Letters, digits and '_' in dot-separated parts, none starting with a
// digit: what the grammar reads as a function or procedure name without
// backquotes.
absl::Status CheckName(const std::string& name, const char* what) {
  bool ok = !name.empty();
  for (absl::string_view part : absl::StrSplit(name, '.')) {
    if (part.empty() || std::isdigit(static_cast<unsigned char>(part[0]))) ok = false;
    for (char c : part)
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') ok = false;
  }
  if (!ok) {
    return absl::InvalidArgumentError(absl::StrCat(
        what, " name '", name,
        "' is not letters, digits and '_' in dot-separated parts (none starting with a digit)"));
  }
  return absl::OkStatus();
}

query::ProcType ToProcType(ArgType t) {
  switch (t) {
    case ArgType::kAny: return query::ProcType::kAny;
    case ArgType::kBoolean: return query::ProcType::kBool;
    case ArgType::kInteger: return query::ProcType::kInt;
    case ArgType::kFloat: return query::ProcType::kFloat;
    case ArgType::kNumber: return query::ProcType::kNumber;
    case ArgType::kString: return query::ProcType::kString;
    case ArgType::kList: return query::ProcType::kList;
    case ArgType::kMap: return query::ProcType::kMap;
    case ArgType::kNode: return query::ProcType::kNode;
    case ArgType::kRelationship: return query::ProcType::kRelationship;
    case ArgType::kPath: return query::ProcType::kPath;
  }
  return query::ProcType::kAny;
}

// Names unique, defaults only at the end (`defaults`: inputs may have
// them, outputs may not).
absl::StatusOr<std::vector<query::ProcParam>> ToParams(const std::string& owner,
                                                       const std::vector<ArgSpec>& specs,
                                                       const char* what, bool defaults) {
  std::vector<query::ProcParam> out;
  std::set<std::string> seen;
  bool defaulted = false;
  for (const auto& s : specs) {
    if (s.name.empty() || !seen.insert(absl::AsciiStrToLower(s.name)).second) {
      return absl::InvalidArgumentError(absl::StrCat(
          owner, ": every ", what, " needs a name of its own ('", s.name, "')"));
    }
    if (s.default_value && !defaults) {
      return absl::InvalidArgumentError(
          absl::StrCat(owner, ": ", what, " '", s.name, "' cannot have a default"));
    }
    if (defaulted && !s.default_value) {
      return absl::InvalidArgumentError(absl::StrCat(
          owner, ": argument '", s.name, "' follows one with a default, so needs one too"));
    }
    defaulted |= s.default_value.has_value();
    out.emplace_back(s.name, ToProcType(s.type), s.default_value);
  }
  return out;
}

// Runs a callable, turning an escaping exception into a status: an
// embedder's bug must not unwind through the engine.
template <typename T, typename Fn>
absl::StatusOr<T> Guarded(Fn&& fn) noexcept {
  try {
    return fn();
  } catch (const std::exception& e) {
    return absl::InternalError(absl::StrCat("threw an exception: ", e.what()));
  } catch (...) {
    return absl::InternalError("threw an exception");
  }
}

}  // namespace

absl::Status Database::RegisterFunction(const FunctionSignature& signature, ScalarFunction fn) {
  QUIVER_RETURN_IF_ERROR(CheckName(signature.name, "function"));
  if (!fn) {
    return absl::InvalidArgumentError(
        absl::StrCat("function ", signature.name, " has no callable"));
  }
  if (query::IsKnownFunction(absl::AsciiStrToLower(signature.name))) {
    return absl::AlreadyExistsError(absl::StrCat(
        "function ", signature.name, " is a built-in function; choose another name"));
  }
  query::Function f;
  f.name = signature.name;
  QUIVER_ASSIGN_OR_RETURN(f.inputs, ToParams(signature.name, signature.inputs, "argument", true));
  f.result = ToProcType(signature.result);
  f.description = signature.description;
  f.fn = [fn = std::move(fn)](const ValueList& args) {
    return Guarded<Value>([&] { return fn(args); });
  };
  return query::DatabaseProcedures(*this).RegisterFunction(std::move(f));
}

absl::Status Database::RegisterProcedure(const ProcedureSignature& signature,
                                         ProcedureFunction fn) {
  QUIVER_RETURN_IF_ERROR(CheckName(signature.name, "procedure"));
  if (!fn) {
    return absl::InvalidArgumentError(
        absl::StrCat("procedure ", signature.name, " has no callable"));
  }
  if (!signature.replace_builtin && query::ProcedureRegistry::Global().Find(signature.name)) {
    return absl::AlreadyExistsError(
        absl::StrCat("procedure ", signature.name,
                     " is a built-in procedure; choose another name or set replace_builtin"));
  }
  query::Procedure p;
  p.name = signature.name;
  p.description = signature.description;
  QUIVER_ASSIGN_OR_RETURN(p.inputs, ToParams(signature.name, signature.inputs, "argument", true));
  QUIVER_ASSIGN_OR_RETURN(p.outputs,
                          ToParams(signature.name, signature.outputs, "output column", false));
  // Rows are checked here, where the signature is at hand: a row of the
  // wrong width or type is the callable's error, reported as the
  // procedure's.
  p.fn = [fn = std::move(fn), outputs = p.outputs](
             const graph::Reader&, const ValueList& args) -> absl::StatusOr<std::vector<ValueList>> {
    QUIVER_ASSIGN_OR_RETURN(auto rows,
                            Guarded<std::vector<ValueList>>([&] { return fn(args); }));
    for (size_t r = 0; r < rows.size(); ++r) {
      if (rows[r].size() != outputs.size()) {
        return absl::InvalidArgumentError(
            absl::StrCat("row ", r + 1, " has ", rows[r].size(), " value(s); the signature has ",
                         outputs.size(), " output column(s)"));
      }
      for (size_t c = 0; c < outputs.size(); ++c) {
        if (!query::ProcTypeAccepts(outputs[c].type, rows[r][c])) {
          return absl::InvalidArgumentError(absl::StrCat(
              "row ", r + 1, ": column `", outputs[c].name, "` must be ",
              query::ProcTypeName(outputs[c].type), ", not ", query::TypeNameOf(rows[r][c])));
        }
      }
    }
    return rows;
  };
  return query::DatabaseProcedures(*this).Register(std::move(p));
}

}  // namespace quiver
