// Early-return helpers for absl::Status and absl::StatusOr.
//
// Debian's Abseil (20220623) ships neither ABSL_RETURN_IF_ERROR nor
// ABSL_ASSIGN_OR_RETURN, so the project defines its own once, here.

#ifndef QUIVER_UTIL_STATUS_MACROS_H_
#define QUIVER_UTIL_STATUS_MACROS_H_

#include "absl/status/status.h"
#include "absl/status/statusor.h"

// Evaluates `expr` (an absl::Status) and returns it from the enclosing
// function when it is not OK.
#define QUIVER_RETURN_IF_ERROR(expr)                    \
  do {                                                  \
    ::absl::Status quiver_status_ = (expr);             \
    if (!quiver_status_.ok()) return quiver_status_;    \
  } while (false)

#define QUIVER_STATUS_MACROS_CONCAT_INNER_(a, b) a##b
#define QUIVER_STATUS_MACROS_CONCAT_(a, b) QUIVER_STATUS_MACROS_CONCAT_INNER_(a, b)

// Evaluates `rexpr` (an absl::StatusOr<T>); on error returns its status, on
// success moves the value into `lhs`, which may be a declaration:
//   QUIVER_ASSIGN_OR_RETURN(auto node, reader.GetNode(id));
#define QUIVER_ASSIGN_OR_RETURN(lhs, rexpr)                                  \
  QUIVER_ASSIGN_OR_RETURN_IMPL_(                                             \
      QUIVER_STATUS_MACROS_CONCAT_(quiver_statusor_, __LINE__), lhs, rexpr)

#define QUIVER_ASSIGN_OR_RETURN_IMPL_(statusor, lhs, rexpr) \
  auto statusor = (rexpr);                                  \
  if (!statusor.ok()) return std::move(statusor).status();  \
  lhs = std::move(statusor).value()

#endif  // QUIVER_UTIL_STATUS_MACROS_H_
