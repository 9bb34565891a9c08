#include "query/errors.h"

#include "absl/strings/cord.h"
#include "absl/strings/str_cat.h"
#include "util/strings.h"

namespace quiver::query {

const char* ErrorTypeName(ErrorType type) {
  switch (type) {
    case ErrorType::kSyntaxError: return "SyntaxError";
    case ErrorType::kSemanticError: return "SemanticError";
    case ErrorType::kTypeError: return "TypeError";
    case ErrorType::kArgumentError: return "ArgumentError";
    case ErrorType::kEntityNotFound: return "EntityNotFound";
    case ErrorType::kConstraintVerificationFailed: return "ConstraintVerificationFailed";
    case ErrorType::kProcedureError: return "ProcedureError";
    case ErrorType::kParameterMissing: return "ParameterMissing";
    case ErrorType::kLimitExceeded: return "LimitExceeded";
    case ErrorType::kCancelled: return "Cancelled";
  }
  return "Error";
}

std::string CaretExcerpt(std::string_view source, int line, int column) {
  size_t start = 0;
  for (int l = 1; l < line && start != std::string_view::npos; ++l) {
    start = source.find('\n', start);
    if (start != std::string_view::npos) ++start;
  }
  if (start == std::string_view::npos || start > source.size()) return "";
  size_t end = source.find('\n', start);
  std::string_view text = source.substr(start, end == std::string_view::npos
                                                   ? std::string_view::npos
                                                   : end - start);
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  // Columns count code points; a tab stays a tab so the caret lines up.
  std::string caret;
  int col = 1;
  for (size_t i = 0; i < text.size() && col < column; ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if ((c & 0xC0) == 0x80) continue;
    caret += c == '\t' ? '\t' : ' ';
    ++col;
  }
  for (; col < column; ++col) caret += ' ';
  return absl::StrCat(util::Absl(text), "\n", caret, "^");
}

absl::Status MakeError(ErrorType type, Phase phase, std::string_view message,
                       std::string_view source, const ast::Span* span,
                       std::string_view detail) {
  std::string text = absl::StrCat(
      ErrorTypeName(type), phase == Phase::kCompileTime ? " (compile time)" : " (runtime)");
  if (!detail.empty()) absl::StrAppend(&text, " [", util::Absl(detail), "]");
  absl::StrAppend(&text, ": ");
  if (span) absl::StrAppend(&text, "line ", span->line, ", column ", span->column, ": ");
  absl::StrAppend(&text, util::Absl(message));
  if (span && !source.empty()) {
    std::string excerpt = CaretExcerpt(source, span->line, span->column);
    if (!excerpt.empty()) absl::StrAppend(&text, "\n", excerpt);
  }
  absl::StatusCode code = absl::StatusCode::kInvalidArgument;
  switch (type) {
    case ErrorType::kEntityNotFound: code = absl::StatusCode::kNotFound; break;
    case ErrorType::kConstraintVerificationFailed:
      code = absl::StatusCode::kFailedPrecondition;
      break;
    case ErrorType::kLimitExceeded: code = absl::StatusCode::kResourceExhausted; break;
    case ErrorType::kCancelled: code = absl::StatusCode::kCancelled; break;
    default: break;
  }
  absl::Status status(code, text);
  status.SetPayload(util::Absl(kErrorTypeUrl), absl::Cord(ErrorTypeName(type)));
  status.SetPayload(util::Absl(kErrorPhaseUrl),
                    absl::Cord(phase == Phase::kCompileTime ? "compile time" : "runtime"));
  if (!detail.empty())
    status.SetPayload(util::Absl(kErrorDetailUrl), absl::Cord(util::Absl(detail)));
  return status;
}

}  // namespace quiver::query
