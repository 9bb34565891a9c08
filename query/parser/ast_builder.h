// AstBuilder: ANTLR parse tree → ast::Statement, one Build method per grammar
// rule, split across build_*.cc by clause family. Private to query/parser/.
// Throws BuildError (caught by Parse) for mistakes the grammar accepts only
// to explain them, such as '!='.

#ifndef QUIVER_QUERY_PARSER_AST_BUILDER_H_
#define QUIVER_QUERY_PARSER_AST_BUILDER_H_

#include <string>

#include "QuiverParser.h"
#include "query/ast/ast.h"

namespace quiver::query {

struct BuildError {
  ast::Span span;
  std::string message;
};

class AstBuilder {
 public:
  using P = quiver_antlr::QuiverParser;
  explicit AstBuilder(antlr4::CharStream* input) : input_(input) {}

  ast::Statement BuildStatement(P::StatementContext* ctx);

 private:
  // build_clauses.cc
  ast::SingleQuery BuildSingleQuery(P::SingleQueryContext* ctx);
  ast::Clause BuildClause(P::ClauseContext* ctx);
  ast::Clause BuildMatch(P::MatchClauseContext* ctx);
  ast::Clause BuildUnwind(P::UnwindClauseContext* ctx);
  ast::Clause BuildWith(P::WithClauseContext* ctx);
  ast::Clause BuildReturn(P::ReturnClauseContext* ctx);
  ast::Clause BuildCreate(P::CreateClauseContext* ctx);
  ast::Clause BuildMerge(P::MergeClauseContext* ctx);
  ast::Clause BuildSet(P::SetClauseContext* ctx);
  ast::Clause BuildRemove(P::RemoveClauseContext* ctx);
  ast::Clause BuildDelete(P::DeleteClauseContext* ctx);
  ast::Clause BuildCall(P::CallClauseContext* ctx);
  ast::Projection BuildProjection(P::ProjectionBodyContext* ctx);
  std::vector<ast::SetItem> BuildSetItems(P::SetClauseContext* ctx);

  // build_patterns.cc
  std::vector<ast::PatternPart> BuildPattern(P::PatternContext* ctx);
  ast::PatternPart BuildPatternPart(P::PatternPartContext* ctx);
  void BuildPatternElement(P::PatternElementContext* ctx, ast::PatternPart* part);
  ast::NodePattern BuildNodePattern(P::NodePatternContext* ctx);
  ast::RelPattern BuildRelPattern(P::RelationshipPatternContext* ctx);
  ast::PatternPart BuildRelationshipsPattern(P::RelationshipsPatternContext* ctx);
  std::vector<std::string> BuildLabels(P::NodeLabelsContext* ctx);

  // build_subqueries.cc
  ast::ExprPtr BuildSubquery(ast::ExprKind kind, antlr4::ParserRuleContext* atom,
                             P::SubqueryBodyContext* body);

  // build_expressions.cc
  ast::ExprPtr BuildExpression(P::ExpressionContext* ctx);
  ast::ExprPtr BuildOr(P::OrExpressionContext* ctx);
  ast::ExprPtr BuildXor(P::XorExpressionContext* ctx);
  ast::ExprPtr BuildAnd(P::AndExpressionContext* ctx);
  ast::ExprPtr BuildNot(P::NotExpressionContext* ctx);
  ast::ExprPtr BuildComparison(P::ComparisonExpressionContext* ctx);
  ast::ExprPtr BuildPredicate(P::PredicateExpressionContext* ctx);
  ast::ExprPtr BuildAddSub(P::AddSubExpressionContext* ctx);
  ast::ExprPtr BuildMultDiv(P::MultDivExpressionContext* ctx);
  ast::ExprPtr BuildPower(P::PowerExpressionContext* ctx);
  ast::ExprPtr BuildUnary(P::UnaryExpressionContext* ctx);
  ast::ExprPtr BuildPostfix(P::PostfixExpressionContext* ctx);
  ast::ExprPtr BuildAtom(P::AtomContext* ctx);
  ast::ExprPtr BuildLiteral(P::LiteralContext* ctx);
  ast::ExprPtr BuildCase(P::CaseExpressionContext* ctx);
  ast::ExprPtr BuildFunction(P::FunctionInvocationContext* ctx);
  ast::ExprPtr BuildMapLiteral(P::MapLiteralContext* ctx);
  ast::ExprPtr BuildParameter(P::ParameterContext* ctx);
  Value BuildInteger(P::IntegerLiteralContext* ctx);

  // helpers (build_expressions.cc)
  ast::Span SpanOf(antlr4::ParserRuleContext* ctx) const;
  ast::Span SpanOf(antlr4::Token* token) const;
  std::string SourceText(antlr4::ParserRuleContext* ctx) const;
  std::string Name(P::SymbolicNameContext* ctx) const;
  std::string Name(P::SchemaNameContext* ctx) const;
  ast::ExprPtr Make(ast::ExprKind kind, antlr4::ParserRuleContext* ctx) const;
  [[noreturn]] void Fail(antlr4::ParserRuleContext* ctx, std::string message) const;
  [[noreturn]] void Fail(antlr4::Token* token, std::string message) const;

  antlr4::CharStream* input_;
  bool has_call_ = false;  // A CALL was built (Statement::has_call).
};

}  // namespace quiver::query

#endif  // QUIVER_QUERY_PARSER_AST_BUILDER_H_
