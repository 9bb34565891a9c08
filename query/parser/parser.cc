#include "query/parser/parser.h"

#include <memory>
#include <string>

#include "QuiverLexer.h"
#include "QuiverParser.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "antlr4-runtime.h"
#include "query/errors.h"
#include "query/parser/ast_builder.h"

namespace quiver::query {

namespace {

struct SyntaxFailure {
  ast::Span span;
  std::string message;
};

std::string Describe(antlr4::Token* token) {
  if (!token || token->getType() == antlr4::Token::EOF) return "end of input";
  return absl::StrCat("'", token->getText(), "'");
}

// Records the first syntax error; ANTLR's own messages list every token the
// grammar could take, which helps nobody, so build a shorter one.
class ErrorListener : public antlr4::BaseErrorListener {
 public:
  void syntaxError(antlr4::Recognizer* recognizer, antlr4::Token* token,
                   size_t line, size_t column, const std::string& msg,
                   std::exception_ptr) override {
    if (failure_) return;
    SyntaxFailure f;
    f.span.line = int(line);
    f.span.column = int(column) + 1;
    if (token) {
      f.span.begin = token->getStartIndex();
      f.span.end = token->getStopIndex() + 1;
      if (token->getText() == "!=") {
        f.message = "unknown operator '!=': use <> for not-equal";
      } else if (token->getType() == antlr4::Token::EOF) {
        f.message = "unexpected end of input";
      } else {
        f.message = absl::StrCat("unexpected ", Describe(token));
        auto* parser = dynamic_cast<antlr4::Parser*>(recognizer);
        if (parser) {
          auto expected = parser->getExpectedTokens();
          if (expected.contains(antlr4::Token::EOF)) {
            // After a complete clause: most likely a misspelt keyword.
            absl::StrAppend(&f.message,
                            "; expected a clause (MATCH, WITH, RETURN, CREATE, ...) or the end "
                            "of the statement");
          } else if (expected.size() > 0 && expected.size() <= 4) {
            std::vector<std::string> names;
            for (size_t t : expected.toList()) {
              names.push_back(parser->getVocabulary().getDisplayName(t));
            }
            absl::StrAppend(&f.message, "; expected ", absl::StrJoin(names, " or "));
          }
        }
      }
    } else {
      // Lexer errors have no token: "token recognition error at: '...'".
      f.message = msg.rfind("token recognition error", 0) == 0
                      ? absl::StrCat("unexpected character", msg.substr(23))
                      : msg;
      if (msg.find("'\"") != std::string::npos || msg.find("'''") != std::string::npos)
        f.message = "unterminated string literal";
    }
    failure_ = std::make_unique<SyntaxFailure>(std::move(f));
  }
  const SyntaxFailure* failure() const { return failure_.get(); }
  void Reset() { failure_.reset(); }

 private:
  std::unique_ptr<SyntaxFailure> failure_;
};

}  // namespace

absl::StatusOr<ast::Statement> Parse(std::string_view text) {
  std::string source(text);
  antlr4::ANTLRInputStream input(source);
  quiver_antlr::QuiverLexer lexer(&input);
  ErrorListener listener;
  lexer.removeErrorListeners();
  lexer.addErrorListener(&listener);
  antlr4::CommonTokenStream tokens(&lexer);
  quiver_antlr::QuiverParser parser(&tokens);
  parser.removeErrorListeners();
  try {
    tokens.fill();
    if (const SyntaxFailure* f = listener.failure()) {
      return MakeError(ErrorType::kSyntaxError, Phase::kCompileTime, f->message,
                       source, &f->span);
    }
    // Two-stage parsing: the fast SLL mode first, full LL only when SLL fails
    // (ANTLR's recommended setup; nearly every statement passes in SLL).
    quiver_antlr::QuiverParser::ScriptContext* tree = nullptr;
    parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(
        antlr4::atn::PredictionMode::SLL);
    parser.setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
    try {
      tree = parser.script();
    } catch (const antlr4::ParseCancellationException&) {
      tree = nullptr;
    }
    if (!tree) {
      tokens.seek(0);
      parser.reset();
      parser.addErrorListener(&listener);
      parser.setErrorHandler(std::make_shared<antlr4::DefaultErrorStrategy>());
      parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(
          antlr4::atn::PredictionMode::LL);
      tree = parser.script();
    }
    if (const SyntaxFailure* f = listener.failure()) {
      return MakeError(ErrorType::kSyntaxError, Phase::kCompileTime, f->message,
                       source, &f->span);
    }
    AstBuilder builder(&input);
    ast::Statement statement = builder.BuildStatement(tree->statement());
    statement.text = std::move(source);
    return statement;
  } catch (const BuildError& e) {
    return MakeError(ErrorType::kSyntaxError, Phase::kCompileTime, e.message,
                     source, &e.span);
  } catch (const std::exception& e) {
    return MakeError(ErrorType::kSyntaxError, Phase::kCompileTime,
                     absl::StrCat("cannot parse the statement: ", e.what()));
  }
}

}  // namespace quiver::query
