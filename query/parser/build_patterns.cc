// AST builders for patterns: (a:Label {k: v})-[r:TYPE*1..3]->(b).

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "query/parser/ast_builder.h"

namespace quiver::query {

using P = AstBuilder::P;

std::vector<ast::PatternPart> AstBuilder::BuildPattern(P::PatternContext* ctx) {
  std::vector<ast::PatternPart> parts;
  for (auto* p : ctx->patternPart()) parts.push_back(BuildPatternPart(p));
  return parts;
}

ast::PatternPart AstBuilder::BuildPatternPart(P::PatternPartContext* ctx) {
  ast::PatternPart part;
  part.span = SpanOf(ctx);
  if (ctx->variable()) part.path_variable = Name(ctx->variable()->symbolicName());
  auto* anon = ctx->anonymousPatternPart();
  if (auto* sp = anon->shortestPathPattern()) {
    part.shortest = sp->SHORTESTPATH() ? ast::ShortestKind::kShortest
                                       : ast::ShortestKind::kAll;
    BuildPatternElement(sp->patternElement(), &part);
    if (part.rels.size() != 1) {
      Fail(sp, "shortestPath needs a pattern with exactly one relationship");
    }
  } else {
    BuildPatternElement(anon->patternElement(), &part);
  }
  return part;
}

void AstBuilder::BuildPatternElement(P::PatternElementContext* ctx,
                                     ast::PatternPart* part) {
  if (ctx->patternElement()) return BuildPatternElement(ctx->patternElement(), part);
  part->nodes.push_back(BuildNodePattern(ctx->nodePattern()));
  for (auto* chain : ctx->patternElementChain()) {
    part->rels.push_back(BuildRelPattern(chain->relationshipPattern()));
    part->nodes.push_back(BuildNodePattern(chain->nodePattern()));
  }
}

ast::PatternPart AstBuilder::BuildRelationshipsPattern(
    P::RelationshipsPatternContext* ctx) {
  ast::PatternPart part;
  part.span = SpanOf(ctx);
  part.nodes.push_back(BuildNodePattern(ctx->nodePattern()));
  for (auto* chain : ctx->patternElementChain()) {
    part.rels.push_back(BuildRelPattern(chain->relationshipPattern()));
    part.nodes.push_back(BuildNodePattern(chain->nodePattern()));
  }
  return part;
}

std::vector<std::string> AstBuilder::BuildLabels(P::NodeLabelsContext* ctx) {
  std::vector<std::string> labels;
  if (!ctx) return labels;
  for (auto* l : ctx->nodeLabel()) labels.push_back(Name(l->schemaName()));
  return labels;
}

ast::NodePattern AstBuilder::BuildNodePattern(P::NodePatternContext* ctx) {
  ast::NodePattern n;
  n.span = SpanOf(ctx);
  if (ctx->variable()) n.variable = Name(ctx->variable()->symbolicName());
  n.labels = BuildLabels(ctx->nodeLabels());
  if (auto* props = ctx->properties()) {
    n.properties = props->mapLiteral() ? BuildMapLiteral(props->mapLiteral())
                                       : BuildParameter(props->parameter());
  }
  return n;
}

ast::RelPattern AstBuilder::BuildRelPattern(P::RelationshipPatternContext* ctx) {
  ast::RelPattern r;
  r.span = SpanOf(ctx);
  std::string first = ctx->getStart()->getText();
  std::string last = ctx->getStop()->getText();
  bool left = !first.empty() && first[0] == '<';
  bool right = !last.empty() && last.back() == '>';
  r.direction = left == right ? ast::Direction::kBoth
                              : left ? ast::Direction::kLeft : ast::Direction::kRight;
  auto* detail = ctx->relationshipDetail();
  if (!detail) return r;
  if (detail->variable()) r.variable = Name(detail->variable()->symbolicName());
  if (auto* types = detail->relationshipTypes()) {
    for (auto* t : types->schemaName()) {
      std::string name = Name(t);
      if (std::find(r.types.begin(), r.types.end(), name) == r.types.end())
        r.types.push_back(std::move(name));
    }
  }
  if (auto* range = detail->rangeLiteral()) {
    r.var_length = true;
    bool dots = false;
    std::optional<int64_t> before, after;
    for (auto* child : range->children) {
      if (child->getText() == "..") {
        dots = true;
      } else if (auto* lit = dynamic_cast<P::IntegerLiteralContext*>(child)) {
        int64_t v = BuildInteger(lit).AsInt();
        (dots ? after : before) = v;
      }
    }
    if (dots) {
      r.min_hops = before;
      r.max_hops = after;
    } else if (before) {
      r.min_hops = before;
      r.max_hops = before;
    }
  }
  if (auto* props = detail->properties()) {
    r.properties = props->mapLiteral() ? BuildMapLiteral(props->mapLiteral())
                                       : BuildParameter(props->parameter());
  }
  return r;
}

}  // namespace quiver::query
