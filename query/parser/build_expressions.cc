// AST builders for expressions, literals and the shared helpers.

#include <cerrno>
#include <cmath>
#include <cstdlib>

#include "absl/strings/str_cat.h"
#include "query/parser/ast_builder.h"

namespace quiver::query {

using P = AstBuilder::P;
using ast::Expr;
using ast::ExprKind;
using ast::ExprPtr;
using ast::Op;

ast::Span AstBuilder::SpanOf(antlr4::Token* token) const {
  ast::Span s;
  s.line = int(token->getLine());
  s.column = int(token->getCharPositionInLine()) + 1;
  s.begin = token->getStartIndex();
  s.end = token->getStopIndex() + 1;
  return s;
}

ast::Span AstBuilder::SpanOf(antlr4::ParserRuleContext* ctx) const {
  ast::Span s = SpanOf(ctx->getStart());
  if (ctx->getStop()) s.end = ctx->getStop()->getStopIndex() + 1;
  return s;
}

std::string AstBuilder::SourceText(antlr4::ParserRuleContext* ctx) const {
  if (!ctx->getStop()) return ctx->getText();
  return input_->getText(antlr4::misc::Interval(ctx->getStart()->getStartIndex(),
                                                ctx->getStop()->getStopIndex()));
}

std::string AstBuilder::Name(P::SymbolicNameContext* ctx) const {
  if (auto* escaped = ctx->EscapedIdentifier()) {
    std::string t = escaped->getText();
    std::string out;
    for (size_t i = 1; i + 1 < t.size(); ++i) {
      out += t[i];
      if (t[i] == '`') ++i;  // `` is one backtick
    }
    return out;
  }
  return ctx->getText();
}

std::string AstBuilder::Name(P::SchemaNameContext* ctx) const {
  if (ctx->symbolicName()) return Name(ctx->symbolicName());
  return ctx->getText();
}

ExprPtr AstBuilder::Make(ExprKind kind, antlr4::ParserRuleContext* ctx) const {
  auto e = std::make_shared<Expr>();
  e->kind = kind;
  e->span = SpanOf(ctx);
  return e;
}

void AstBuilder::Fail(antlr4::ParserRuleContext* ctx, std::string message) const {
  throw BuildError{SpanOf(ctx), std::move(message)};
}

void AstBuilder::Fail(antlr4::Token* token, std::string message) const {
  throw BuildError{SpanOf(token), std::move(message)};
}

namespace {

ExprPtr Binary(Op op, ExprPtr a, ExprPtr b, const ast::Span& span) {
  auto e = std::make_shared<Expr>();
  e->kind = ExprKind::kBinary;
  e->op = op;
  e->span = span;
  e->children = {std::move(a), std::move(b)};
  return e;
}

}  // namespace

ExprPtr AstBuilder::BuildExpression(P::ExpressionContext* ctx) {
  return BuildOr(ctx->orExpression());
}

ExprPtr AstBuilder::BuildOr(P::OrExpressionContext* ctx) {
  auto parts = ctx->xorExpression();
  ExprPtr e = BuildXor(parts[0]);
  for (size_t i = 1; i < parts.size(); ++i)
    e = Binary(Op::kOr, e, BuildXor(parts[i]), SpanOf(ctx));
  return e;
}

ExprPtr AstBuilder::BuildXor(P::XorExpressionContext* ctx) {
  auto parts = ctx->andExpression();
  ExprPtr e = BuildAnd(parts[0]);
  for (size_t i = 1; i < parts.size(); ++i)
    e = Binary(Op::kXor, e, BuildAnd(parts[i]), SpanOf(ctx));
  return e;
}

ExprPtr AstBuilder::BuildAnd(P::AndExpressionContext* ctx) {
  auto parts = ctx->notExpression();
  ExprPtr e = BuildNot(parts[0]);
  for (size_t i = 1; i < parts.size(); ++i)
    e = Binary(Op::kAnd, e, BuildNot(parts[i]), SpanOf(ctx));
  return e;
}

ExprPtr AstBuilder::BuildNot(P::NotExpressionContext* ctx) {
  ExprPtr e = BuildComparison(ctx->comparisonExpression());
  // NOT() collects the tokens anew on each call: once, not per NOT.
  const size_t nots = ctx->NOT().size();
  for (size_t i = 0; i < nots; ++i) {
    auto n = Make(ExprKind::kUnary, ctx);
    n->op = Op::kNot;
    n->children.push_back(e);
    e = n;
  }
  return e;
}

ExprPtr AstBuilder::BuildComparison(P::ComparisonExpressionContext* ctx) {
  auto operands = ctx->predicateExpression();
  if (operands.size() == 1) return BuildPredicate(operands[0]);
  auto e = Make(ExprKind::kComparison, ctx);
  for (auto* o : operands) e->children.push_back(BuildPredicate(o));
  for (auto* op : ctx->comparisonOperator()) {
    std::string t = op->getText();
    if (t == "!=") Fail(op, "unknown operator '!=': use <> for not-equal");
    if (t == "==") Fail(op, "unknown operator '==': use = for equality");
    e->ops.push_back(t == "=" ? Op::kEq : t == "<>" ? Op::kNe : t == "<" ? Op::kLt
                     : t == ">" ? Op::kGt : t == "<=" ? Op::kLe : Op::kGe);
  }
  return e;
}

ExprPtr AstBuilder::BuildPredicate(P::PredicateExpressionContext* ctx) {
  ExprPtr e = BuildAddSub(ctx->addSubExpression());
  for (auto* suffix : ctx->predicateSuffix()) {
    auto span = SpanOf(suffix);
    if (auto* s = dynamic_cast<P::StartsWithContext*>(suffix)) {
      e = Binary(Op::kStartsWith, e, BuildAddSub(s->addSubExpression()), span);
    } else if (auto* s = dynamic_cast<P::EndsWithContext*>(suffix)) {
      e = Binary(Op::kEndsWith, e, BuildAddSub(s->addSubExpression()), span);
    } else if (auto* s = dynamic_cast<P::ContainsContext*>(suffix)) {
      e = Binary(Op::kContains, e, BuildAddSub(s->addSubExpression()), span);
    } else if (auto* s = dynamic_cast<P::RegexMatchContext*>(suffix)) {
      e = Binary(Op::kRegex, e, BuildAddSub(s->addSubExpression()), span);
    } else if (auto* s = dynamic_cast<P::InListContext*>(suffix)) {
      e = Binary(Op::kIn, e, BuildAddSub(s->addSubExpression()), span);
    } else {
      auto u = Make(ExprKind::kUnary, suffix);
      u->op = dynamic_cast<P::IsNullContext*>(suffix) ? Op::kIsNull : Op::kIsNotNull;
      u->children.push_back(e);
      e = u;
    }
  }
  return e;
}

ExprPtr AstBuilder::BuildAddSub(P::AddSubExpressionContext* ctx) {
  auto parts = ctx->multDivExpression();
  auto ops = ctx->addSubOperator();
  ExprPtr e = BuildMultDiv(parts[0]);
  for (size_t i = 1; i < parts.size(); ++i) {
    Op op = ops[i - 1]->getText() == "+" ? Op::kAdd : Op::kSub;
    e = Binary(op, e, BuildMultDiv(parts[i]), SpanOf(ops[i - 1]));
  }
  return e;
}

ExprPtr AstBuilder::BuildMultDiv(P::MultDivExpressionContext* ctx) {
  auto parts = ctx->powerExpression();
  auto ops = ctx->multDivOperator();
  ExprPtr e = BuildPower(parts[0]);
  for (size_t i = 1; i < parts.size(); ++i) {
    std::string t = ops[i - 1]->getText();
    Op op = t == "*" ? Op::kMul : t == "/" ? Op::kDiv : Op::kMod;
    e = Binary(op, e, BuildPower(parts[i]), SpanOf(ops[i - 1]));
  }
  return e;
}

ExprPtr AstBuilder::BuildPower(P::PowerExpressionContext* ctx) {
  auto parts = ctx->unaryExpression();
  ExprPtr e = BuildUnary(parts[0]);
  for (size_t i = 1; i < parts.size(); ++i)
    e = Binary(Op::kPow, e, BuildUnary(parts[i]), SpanOf(ctx));
  return e;
}

ExprPtr AstBuilder::BuildUnary(P::UnaryExpressionContext* ctx) {
  std::vector<std::string> signs;
  // postfixExpression() searches the children: once, not per sign, or a
  // run of 100,000 signs takes minutes.
  antlr4::tree::ParseTree* operand = ctx->postfixExpression();
  for (auto* child : ctx->children) {
    if (child == operand) break;
    signs.push_back(child->getText());
  }
  // -9223372036854775808 is the one integer literal that only fits negated.
  if (!signs.empty() && signs.back() == "-") {
    std::string t = ctx->postfixExpression()->getText();
    for (auto& c : t) c = char(std::tolower(static_cast<unsigned char>(c)));
    if (t == "9223372036854775808" || t == "0x8000000000000000" ||
        t == "0o1000000000000000000000") {
      signs.pop_back();
      ExprPtr e = Make(ExprKind::kLiteral, ctx);
      e->value = Value(std::numeric_limits<int64_t>::min());
      for (auto it = signs.rbegin(); it != signs.rend(); ++it) {
        auto u = Make(ExprKind::kUnary, ctx);
        u->op = *it == "-" ? Op::kNeg : Op::kPlus;
        u->children.push_back(e);
        e = u;
      }
      return e;
    }
  }
  ExprPtr e = BuildPostfix(ctx->postfixExpression());
  // -1 is a literal, so that LIMIT -1 is caught before running.
  while (!signs.empty() && e->kind == ExprKind::kLiteral && e->value.is_number() &&
         (signs.back() == "-" || signs.back() == "+")) {
    if (signs.back() == "-") {
      e->value = e->value.is_int() ? Value(-e->value.AsInt()) : Value(-e->value.AsDouble());
    }
    e->span = SpanOf(ctx);
    signs.pop_back();
  }
  for (auto it = signs.rbegin(); it != signs.rend(); ++it) {
    auto u = Make(ExprKind::kUnary, ctx);
    u->op = *it == "-" ? Op::kNeg : Op::kPlus;
    u->children.push_back(e);
    e = u;
  }
  return e;
}

ExprPtr AstBuilder::BuildPostfix(P::PostfixExpressionContext* ctx) {
  ExprPtr e = BuildAtom(ctx->atom());
  for (auto* suffix : ctx->postfixSuffix()) {
    if (auto* p = dynamic_cast<P::PropertySuffixContext*>(suffix)) {
      auto prop = Make(ExprKind::kProperty, suffix);
      size_t end = prop->span.end;
      prop->span = e->span;
      prop->span.end = end;
      prop->name = Name(p->propertyLookup()->schemaName());
      prop->children.push_back(e);
      e = prop;
    } else if (auto* i = dynamic_cast<P::IndexSuffixContext*>(suffix)) {
      auto idx = Make(ExprKind::kIndex, suffix);
      idx->children = {e, BuildExpression(i->expression())};
      e = idx;
    } else if (auto* s = dynamic_cast<P::SliceSuffixContext*>(suffix)) {
      auto slice = Make(ExprKind::kSlice, suffix);
      slice->children = {e, s->from ? BuildExpression(s->from) : nullptr,
                         s->to ? BuildExpression(s->to) : nullptr};
      e = slice;
    }
  }
  if (ctx->nodeLabels()) {
    auto check = Make(ExprKind::kLabelCheck, ctx);
    check->keys = BuildLabels(ctx->nodeLabels());
    check->children.push_back(e);
    e = check;
  }
  return e;
}

ExprPtr AstBuilder::BuildParameter(P::ParameterContext* ctx) {
  auto e = Make(ExprKind::kParameter, ctx);
  e->name = ctx->symbolicName() ? Name(ctx->symbolicName())
                                : ctx->DecimalInteger()->getText();
  return e;
}

ExprPtr AstBuilder::BuildMapLiteral(P::MapLiteralContext* ctx) {
  auto e = Make(ExprKind::kMap, ctx);
  for (auto* entry : ctx->mapEntry()) {
    e->keys.push_back(Name(entry->schemaName()));
    e->children.push_back(BuildExpression(entry->expression()));
  }
  return e;
}

ExprPtr AstBuilder::BuildAtom(P::AtomContext* ctx) {
  if (auto* a = dynamic_cast<P::LiteralAtomContext*>(ctx)) return BuildLiteral(a->literal());
  if (auto* a = dynamic_cast<P::ParameterAtomContext*>(ctx)) return BuildParameter(a->parameter());
  if (auto* a = dynamic_cast<P::CaseAtomContext*>(ctx)) return BuildCase(a->caseExpression());
  if (dynamic_cast<P::CountStarAtomContext*>(ctx)) return Make(ExprKind::kCountStar, ctx);
  if (auto* a = dynamic_cast<P::ListComprehensionAtomContext*>(ctx)) {
    auto* lc = a->listComprehension();
    auto* f = lc->filterExpression();
    auto e = Make(ExprKind::kListComprehension, ctx);
    e->name = Name(f->variable()->symbolicName());
    auto exprs = f->expression();
    e->children = {BuildExpression(exprs[0]),
                   exprs.size() > 1 ? BuildExpression(exprs[1]) : nullptr,
                   lc->expression() ? BuildExpression(lc->expression()) : nullptr};
    return e;
  }
  if (auto* a = dynamic_cast<P::PatternComprehensionAtomContext*>(ctx)) {
    auto* pc = a->patternComprehension();
    auto e = Make(ExprKind::kPatternComprehension, ctx);
    e->pattern = std::make_shared<ast::PatternPart>(
        BuildRelationshipsPattern(pc->relationshipsPattern()));
    if (pc->variable()) e->pattern->path_variable = Name(pc->variable()->symbolicName());
    auto exprs = pc->expression();
    e->children = {exprs.size() > 1 ? BuildExpression(exprs[0]) : nullptr,
                   BuildExpression(exprs.back())};
    return e;
  }
  if (auto* a = dynamic_cast<P::QuantifierAtomContext*>(ctx)) {
    auto* f = a->filterExpression();
    auto e = Make(ExprKind::kQuantifier, ctx);
    std::string q = a->quantifier()->getText();
    for (auto& c : q) c = char(std::tolower(static_cast<unsigned char>(c)));
    e->keys.push_back(q);
    e->name = Name(f->variable()->symbolicName());
    auto exprs = f->expression();
    e->children = {BuildExpression(exprs[0]),
                   exprs.size() > 1 ? BuildExpression(exprs[1]) : nullptr};
    return e;
  }
  if (auto* a = dynamic_cast<P::PatternAtomContext*>(ctx)) {
    auto e = Make(ExprKind::kPatternPredicate, ctx);
    e->pattern = std::make_shared<ast::PatternPart>(
        BuildRelationshipsPattern(a->relationshipsPattern()));
    return e;
  }
  if (auto* a = dynamic_cast<P::ExistsSubqueryAtomContext*>(ctx))
    return BuildSubquery(ExprKind::kExistsSubquery, ctx, a->subqueryBody());
  if (auto* a = dynamic_cast<P::CountSubqueryAtomContext*>(ctx))
    return BuildSubquery(ExprKind::kCountSubquery, ctx, a->subqueryBody());
  if (auto* a = dynamic_cast<P::ParenthesizedAtomContext*>(ctx))
    return BuildExpression(a->expression());
  if (auto* a = dynamic_cast<P::ExistsAtomContext*>(ctx)) {
    auto e = Make(ExprKind::kFunction, ctx);
    e->name = "exists";
    e->children.push_back(BuildExpression(a->expression()));
    return e;
  }
  if (auto* a = dynamic_cast<P::FunctionAtomContext*>(ctx))
    return BuildFunction(a->functionInvocation());
  auto* v = dynamic_cast<P::VariableAtomContext*>(ctx);
  auto e = Make(ExprKind::kVariable, ctx);
  e->name = Name(v->variable()->symbolicName());
  return e;
}

ExprPtr AstBuilder::BuildFunction(P::FunctionInvocationContext* ctx) {
  auto e = Make(ExprKind::kFunction, ctx);
  auto names = ctx->functionName()->symbolicName();
  for (size_t i = 0; i < names.size(); ++i) e->name += (i ? "." : "") + Name(names[i]);
  e->distinct = ctx->DISTINCT() != nullptr;
  for (auto* a : ctx->expression()) e->children.push_back(BuildExpression(a));
  return e;
}

ExprPtr AstBuilder::BuildCase(P::CaseExpressionContext* ctx) {
  auto e = Make(ExprKind::kCase, ctx);
  auto exprs = ctx->expression();
  // Expressions outside the WHEN/THEN pairs: an optional subject (before the
  // first WHEN) and an optional ELSE.
  size_t next = 0;
  if (!exprs.empty() && exprs[0]->getStart()->getStartIndex() <
                            ctx->caseAlternative(0)->getStart()->getStartIndex()) {
    e->case_subject = BuildExpression(exprs[0]);
    next = 1;
  }
  if (ctx->ELSE()) e->case_else = BuildExpression(exprs.back());
  (void)next;
  for (auto* alt : ctx->caseAlternative()) {
    e->case_alternatives.emplace_back(BuildExpression(alt->expression(0)),
                                      BuildExpression(alt->expression(1)));
  }
  return e;
}

namespace {

void AppendUtf8(std::string* out, char32_t cp) {
  if (cp < 0x80) {
    *out += char(cp);
  } else if (cp < 0x800) {
    *out += char(0xC0 | (cp >> 6));
    *out += char(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *out += char(0xE0 | (cp >> 12));
    *out += char(0x80 | ((cp >> 6) & 0x3F));
    *out += char(0x80 | (cp & 0x3F));
  } else {
    *out += char(0xF0 | (cp >> 18));
    *out += char(0x80 | ((cp >> 12) & 0x3F));
    *out += char(0x80 | ((cp >> 6) & 0x3F));
    *out += char(0x80 | (cp & 0x3F));
  }
}

std::string Unescape(const std::string& raw, bool* ok) {
  std::string out;
  *ok = true;
  for (size_t i = 1; i + 1 < raw.size(); ++i) {
    char c = raw[i];
    if (c != '\\') {
      out += c;
      continue;
    }
    char n = raw[++i];
    switch (n) {
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case 'r': out += '\r'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case '\\': out += '\\'; break;
      case '\'': out += '\''; break;
      case '"': out += '"'; break;
      case 'u':
      case 'U': {
        size_t len = n == 'u' ? 4 : 8;
        if (i + len >= raw.size()) { *ok = false; return out; }
        std::string hex = raw.substr(i + 1, len);
        char* end = nullptr;
        unsigned long cp = std::strtoul(hex.c_str(), &end, 16);
        if (*end != '\0') { *ok = false; return out; }
        AppendUtf8(&out, char32_t(cp));
        i += len;
        break;
      }
      default:
        out += '\\';
        out += n;
    }
  }
  return out;
}

}  // namespace

Value AstBuilder::BuildInteger(P::IntegerLiteralContext* ctx) {
  std::string t = ctx->getText();
  int base = 10;
  std::string digits = t;
  if (ctx->HexInteger()) { base = 16; digits = t.substr(2); }
  if (ctx->OctalInteger()) { base = 8; digits = t.substr(2); }
  errno = 0;
  char* end = nullptr;
  unsigned long long v = std::strtoull(digits.c_str(), &end, base);
  if (errno == ERANGE || v > uint64_t(std::numeric_limits<int64_t>::max())) {
    Fail(ctx, absl::StrCat("integer ", t, " is too large (IntegerOverflow)"));
  }
  return Value(int64_t(v));
}

ExprPtr AstBuilder::BuildLiteral(P::LiteralContext* ctx) {
  auto e = Make(ExprKind::kLiteral, ctx);
  if (auto* num = ctx->numberLiteral()) {
    if (auto* d = num->doubleLiteral()) {
      double v = std::strtod(d->getText().c_str(), nullptr);
      if (std::isinf(v)) Fail(d, "floating-point number is too large (FloatingPointOverflow)");
      e->value = Value(v);
    } else {
      e->value = BuildInteger(num->integerLiteral());
    }
  } else if (auto* s = ctx->StringLiteral()) {
    bool ok = true;
    e->value = Value(Unescape(s->getText(), &ok));
    if (!ok) Fail(ctx, "invalid unicode escape in string literal");
  } else if (ctx->TRUE()) {
    e->value = Value(true);
  } else if (ctx->FALSE()) {
    e->value = Value(false);
  } else if (ctx->NULL_()) {
    e->value = Value();
  } else if (auto* list = ctx->listLiteral()) {
    e->kind = ExprKind::kList;
    for (auto* item : list->expression()) e->children.push_back(BuildExpression(item));
  } else if (auto* map = ctx->mapLiteral()) {
    return BuildMapLiteral(map);
  }
  return e;
}

}  // namespace quiver::query
