// query::ast: the parsed form of a statement, free of ANTLR types.
//
// The parser (query/parser/) builds it; the binder resolves variables to row
// slots in place (Expr::slot); the planner and executor read it. Every node
// carries the span of source text it came from, so that semantic and runtime
// errors can point at it just as syntax errors do.

#ifndef QUIVER_QUERY_AST_AST_H_
#define QUIVER_QUERY_AST_AST_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "quiver/value.h"

namespace quiver::query {
struct Function;  // query/procedures/registry.h
}  // namespace quiver::query

namespace quiver::query::ast {

// A stretch of the statement: 1-based line and column of its first
// character, and byte offsets [begin, end).
struct Span {
  int line = 1;
  int column = 1;
  size_t begin = 0;
  size_t end = 0;
};

struct Expr;
using ExprPtr = std::shared_ptr<Expr>;
struct PatternPart;
struct Subquery;

enum class ExprKind {
  kLiteral,        // value
  kParameter,      // name
  kVariable,       // name (slot after binding)
  kProperty,       // children[0].name
  kList,           // children
  kMap,            // keys[i] -> children[i]
  kIndex,          // children[0][children[1]]
  kSlice,          // children[0][children[1]..children[2]] (null Expr = open)
  kUnary,          // op children[0]
  kBinary,         // children[0] op children[1]
  kComparison,     // chain: children[0] ops[0] children[1] ops[1] ...
  kLabelCheck,     // children[0]:labels
  kFunction,       // name(children), distinct
  kCountStar,      // count(*)
  kCase,           // [subject] (when, then)* [else]; see case_* fields
  kListComprehension,  // [variable IN children[0] WHERE children[1] | children[2]]
  kQuantifier,     // name(all|any|none|single)(variable IN children[0] WHERE children[1])
  kPatternPredicate,   // pattern (existence of a match)
  kPatternComprehension,  // [pattern WHERE children[0] | children[1]]
  kExistsSubquery,  // EXISTS { subquery }: whether it yields a row
  kCountSubquery,   // COUNT { subquery }: how many rows it yields
};

enum class Op {
  kOr, kXor, kAnd, kNot,
  kEq, kNe, kLt, kGt, kLe, kGe,
  kAdd, kSub, kMul, kDiv, kMod, kPow, kNeg, kPlus,
  kStartsWith, kEndsWith, kContains, kRegex, kIn, kIsNull, kIsNotNull,
};

struct Expr {
  Expr() = default;
  Expr(const Expr&) = default;
  Expr(Expr&&) = default;
  Expr& operator=(const Expr&) = default;
  Expr& operator=(Expr&&) = default;
  // Releases the subtree without recursion (ast.cc), so that dropping the
  // AST of a long operator chain cannot overflow the stack.
  ~Expr();

  ExprKind kind = ExprKind::kLiteral;
  Span span;
  Op op = Op::kAnd;
  std::vector<Op> ops;     // kComparison
  Value value;             // kLiteral
  std::string name;        // variable, parameter, property key, function
  std::vector<std::string> keys;    // kMap keys; kLabelCheck labels
  std::vector<ExprPtr> children;    // null entries mean "absent"
  bool distinct = false;   // kFunction
  // kCase: optional subject, then pairs, then optional else.
  ExprPtr case_subject;
  std::vector<std::pair<ExprPtr, ExprPtr>> case_alternatives;
  ExprPtr case_else;
  std::shared_ptr<PatternPart> pattern;  // kPatternPredicate / comprehension
  std::shared_ptr<Subquery> subquery;    // kExistsSubquery / kCountSubquery
  // Bound by the binder: the row slot of a variable (kVariable, and the
  // iteration variable of comprehensions and quantifiers).
  int slot = -1;
  // Set by the binder on expressions that contain an aggregate.
  bool has_aggregate = false;
  // kFunction: the registered function the binder bound the call to (one
  // the embedding program added); null for built-in functions.
  std::shared_ptr<const Function> function;
};

enum class Direction { kRight, kLeft, kBoth };  // -->, <--, --

struct NodePattern {
  Span span;
  std::string variable;  // Empty: anonymous (the binder names it).
  std::vector<std::string> labels;
  ExprPtr properties;  // kMap or kParameter, or null.
  // Bound by the binder: the row slot, and whether the variable was bound
  // before this pattern (then the pattern only checks it).
  int slot = -1;
  bool bound = false;
};

struct RelPattern {
  Span span;
  std::string variable;
  std::vector<std::string> types;  // Any of them; empty: any type.
  ExprPtr properties;
  Direction direction = Direction::kBoth;
  bool var_length = false;
  std::optional<int64_t> min_hops;  // var_length: default 1
  std::optional<int64_t> max_hops;  // var_length: default unbounded
  int slot = -1;  // See NodePattern.
  bool bound = false;
};

enum class ShortestKind { kNone, kShortest, kAll };

struct PatternPart {
  Span span;
  std::string path_variable;  // p = ...
  ShortestKind shortest = ShortestKind::kNone;
  std::vector<NodePattern> nodes;  // nodes.size() == rels.size() + 1
  std::vector<RelPattern> rels;
  int path_slot = -1;  // Bound by the binder when path_variable is set.
};

struct SortItem {
  ExprPtr expr;
  std::string text;  // As written, to match a projected column.
  bool bound = false;  // Set by the binder once resolved.
  bool descending = false;
};

struct ProjectionItem {
  ExprPtr expr;
  std::string alias;  // The column name: AS name, or the expression's text.
  bool has_alias = false;
  bool has_aggregate = false;  // Set by the binder.
  bool hidden = false;  // An ORDER BY key computed beside the columns.
  std::string text;     // The expression as written.
};

struct Projection {
  Span span;
  bool distinct = false;
  bool star = false;
  std::vector<ProjectionItem> items;
  std::vector<SortItem> order_by;
  ExprPtr skip;
  ExprPtr limit;
  // Set by the binder: the input row width (ORDER BY may read input
  // variables at slots items.size() + i), whether items aggregate.
  int input_width = 0;
  bool aggregates = false;
};

enum class SetKind { kProperty, kReplaceProperties, kMergeProperties, kLabels };

struct SetItem {
  Span span;
  SetKind kind = SetKind::kProperty;
  ExprPtr target;  // kProperty: the kProperty expression; else a kVariable.
  ExprPtr value;
  std::vector<std::string> labels;
};

struct RemoveItem {
  Span span;
  ExprPtr target;  // kProperty expression, or kVariable with labels.
  std::vector<std::string> labels;
};

enum class ClauseKind {
  kMatch, kUnwind, kWith, kReturn, kCreate, kMerge, kSet, kRemove, kDelete, kCall,
};

struct YieldItem {
  std::string column;    // The procedure's output column.
  std::string variable;  // Bound as.
  Span span;
};

struct Clause {
  ClauseKind kind = ClauseKind::kMatch;
  Span span;
  // kMatch (optional), kCreate, kMerge (one part)
  bool optional = false;
  std::vector<PatternPart> patterns;
  ExprPtr where;  // kMatch, kWith, kCall (YIELD ... WHERE)
  // kUnwind
  ExprPtr expr;
  std::string variable;
  int slot = -1;  // kUnwind variable, bound by the binder.
  // kWith, kReturn
  Projection projection;
  // kMerge
  std::vector<SetItem> on_create;
  std::vector<SetItem> on_match;
  // kSet
  std::vector<SetItem> set_items;
  // kRemove
  std::vector<RemoveItem> remove_items;
  // kDelete
  bool detach = false;
  std::vector<ExprPtr> delete_exprs;
  // kCall
  std::string procedure;
  std::vector<ExprPtr> args;
  bool args_given = false;  // CALL p() vs CALL p (implicit arguments)
  bool yield_star = false;
  std::vector<YieldItem> yields;
  std::vector<int> yield_slots;  // Bound by the binder.
  // Set by the binder: the row width after this clause.
  int width = 0;
};

struct SingleQuery {
  std::vector<Clause> clauses;
  // Set by the binder: the result columns and whether the query writes.
  std::vector<std::string> columns;
  bool updates = false;
};

// The body of EXISTS { … } or COUNT { … }: reading clauses, the last may be
// a RETURN (the short form `{ pattern WHERE … }` is one MATCH). Correlated:
// a variable of the enclosing scope named inside stands for its value.
struct Subquery {
  Span span;
  std::vector<Clause> clauses;
  // Set by the binder: the enclosing row's width where the subquery stands
  // (its slots are visible inside; the subquery's own come after them), and
  // the widest row its clauses make.
  int outer_width = 0;
  int width = 0;
};

enum class ExplainMode { kNone, kExplain, kProfile };

struct Statement {
  ExplainMode mode = ExplainMode::kNone;
  std::vector<SingleQuery> parts;  // UNION of these
  std::vector<bool> union_all;     // parts.size() - 1 entries
  std::string text;                // the source, for error excerpts
  // Set by the parser: a CALL anywhere, inside subqueries too (such a
  // statement's binding depends on the store's procedures).
  bool has_call = false;
};

}  // namespace quiver::query::ast

#endif  // QUIVER_QUERY_AST_AST_H_
