// Use analysis over the bound AST: which row slots an expression or a clause
// reads, and from that which pattern elements of a MATCH need their stored
// values and which may be counted instead of bound.
//
// Slots are the binder's (ast::Expr::slot, NodePattern::slot, ...): within
// one clause a slot is one variable, so "read" here is exact, not a search of
// the statement's text.

#ifndef QUIVER_QUERY_PLANNER_USE_ANALYSIS_H_
#define QUIVER_QUERY_PLANNER_USE_ANALYSIS_H_

#include <vector>

#include "query/ast/ast.h"
#include "query/exec/matcher.h"

namespace quiver::query {

// Marks in *slots (grown as needed) every slot `e` reads: variables, the
// iteration variables of comprehensions, and every element of a pattern
// inside the expression (pattern predicates and comprehensions).
void CollectReadSlots(const ast::Expr& e, std::vector<bool>* slots);

// For a non-optional MATCH clause whose rows feed nothing but count(*): one
// CountSpec per pattern part. The last part counts its trailing free hops
// when the clause has no WHERE.
std::vector<CountSpec> CountSpecsFor(const ast::Clause& match);

// For a pattern expression (WHERE (a)-->(:P), exists(...)) that only asks
// whether a match exists: the elements the pattern's own checks read; the
// others may be id-only stubs. Nothing is counted instead of bound.
CountSpec PatternReadSpec(const ast::PatternPart& part);

// For the MATCH at clauses[i]: one CountSpec per pattern part whose
// node_read/rel_read say which elements anything reads — the clause itself
// (labels, property maps, WHERE, a named path) or a later clause up to the
// next WITH/RETURN (after it the slots mean other variables), `*`
// projections reading everything. The matcher binds the others to id-only
// stubs. The *_free flags stay false: rows are built.
std::vector<CountSpec> ReadSpecsFor(const std::vector<ast::Clause>& clauses, size_t i);

// The MATCH at clauses[i] followed by a WITH/RETURN whose only item is
// count(*) (no DISTINCT, ORDER BY or further items): the match can count
// instead of producing rows.
bool CountFoldable(const std::vector<ast::Clause>& clauses, size_t i);

}  // namespace quiver::query

#endif  // QUIVER_QUERY_PLANNER_USE_ANALYSIS_H_
