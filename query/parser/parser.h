// query::Parse: statement text → AST. The ANTLR boundary: only the .cc files
// of this folder include ANTLR or generated headers.

#ifndef QUIVER_QUERY_PARSER_PARSER_H_
#define QUIVER_QUERY_PARSER_PARSER_H_

#include <string_view>

#include "absl/status/statusor.h"
#include "query/ast/ast.h"

namespace quiver::query {

// Parses one statement (an optional trailing ';' is allowed).
// Errors: kInvalidArgument with a "SyntaxError (compile time): line L,
// column C: ..." message, the source line and a caret (query/errors.h).
absl::StatusOr<ast::Statement> Parse(std::string_view text);

}  // namespace quiver::query

#endif  // QUIVER_QUERY_PARSER_PARSER_H_
