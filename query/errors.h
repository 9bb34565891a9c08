// Typed query errors, as the openCypher TCK names them.
//
// Every error a user can cause is an absl::Status whose message begins with
// its type and phase, then the position and a caret excerpt where there is one:
//
//   SyntaxError (compile time): line 1, column 10: unexpected 'RETURN'
//   MATCH (n RETURN n
//            ^
//
// The first line matches  ^(\w+) \((compile time|runtime)\)(?: \[(\w+)\])?: 
// where the optional bracketed word is the TCK's detail code
// (UndefinedVariable, InvalidArgumentType, ...). The same type, phase and
// detail are attached as status payloads under kErrorTypeUrl,
// kErrorPhaseUrl and kErrorDetailUrl. quiver/result.h documents this for
// library users.

#ifndef QUIVER_QUERY_ERRORS_H_
#define QUIVER_QUERY_ERRORS_H_

#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "query/ast/ast.h"

namespace quiver::query {

enum class ErrorType {
  kSyntaxError,
  kSemanticError,
  kTypeError,
  kArgumentError,
  kEntityNotFound,
  kConstraintVerificationFailed,
  kProcedureError,
  kParameterMissing,
  kLimitExceeded,  // Quiver's own: a QueryOptions limit was reached.
  kCancelled,      // Quiver's own: QueryOptions::cancel was set.
};

enum class Phase { kCompileTime, kRuntime };

inline constexpr std::string_view kErrorTypeUrl = "quiver/error-type";
inline constexpr std::string_view kErrorPhaseUrl = "quiver/error-phase";
inline constexpr std::string_view kErrorDetailUrl = "quiver/error-detail";

const char* ErrorTypeName(ErrorType type);

// "line L, column C: message" + source line + caret line, with the prefix
// above. `source` may be empty (no excerpt); `span` may be null (no position).
absl::Status MakeError(ErrorType type, Phase phase, std::string_view message,
                       std::string_view source = {}, const ast::Span* span = nullptr,
                       std::string_view detail = {});

// The excerpt alone: source line and a caret under column `column`.
std::string CaretExcerpt(std::string_view source, int line, int column);

}  // namespace quiver::query

#endif  // QUIVER_QUERY_ERRORS_H_
