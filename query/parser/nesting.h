// How deeply a statement may nest, and the check that enforces it after the
// AST is built.
//
// The parser, the AST builder, the binder and the evaluator all recurse on
// the shape of the statement, so a statement nested a few thousand levels
// deep ("RETURN [[[[…", "NOT NOT NOT …", a chain of 100,000 ANDs) would
// overflow the thread's stack. Both limits turn that into a typed error:
//
//   LimitExceeded (compile time): line 1, column 2007: the statement nests
//   more than 500 levels deep ...

#ifndef QUIVER_QUERY_PARSER_NESTING_H_
#define QUIVER_QUERY_PARSER_NESTING_H_

#include "absl/status/status.h"
#include "query/ast/ast.h"

namespace quiver::query {

// Rule invocations open at once inside the ANTLR parser. One level of
// brackets costs about 14 rules (expression → or → xor → … → atom), so this
// admits about 200 levels of brackets; measured on an 8 MiB stack under
// AddressSanitizer, whose frames are the largest, 3000 rules deep uses
// under 2 MiB (tests/query/nesting_test.cc runs it on a 2 MiB thread).
inline constexpr int kMaxParseRuleDepth = 3000;

// Height of an expression tree (operands, list items, map values, CASE
// parts, the expressions inside pattern predicates). Chains of one operator
// ("a OR b OR c …") count one level per operator because the AST nests them.
inline constexpr int kMaxExpressionDepth = 500;

// Returns a LimitExceeded error naming the line and column of the first
// expression nested deeper than kMaxExpressionDepth, or OK. Iterative: safe
// on a tree of any height.
absl::Status CheckExpressionDepth(const ast::Statement& statement);

}  // namespace quiver::query

#endif  // QUIVER_QUERY_PARSER_NESTING_H_
