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
#include "query/parser/nesting.h"
#include "util/status_macros.h"
#include "util/utf8.h"

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

// Thrown from inside the ANTLR parser when rules nest past
// kMaxParseRuleDepth. Not a RecognitionException, so the generated rules do
// not catch it; their exit handlers still run as it passes.
struct NestingTooDeep {
  antlr4::Token* token;
};

// Counts the rule invocations open at once and stops the parse before deep
// nesting exhausts the stack (the parser is recursive descent).
class DepthGuard : public antlr4::tree::ParseTreeListener {
 public:
  explicit DepthGuard(antlr4::Parser* parser) : parser_(parser) {}
  void enterEveryRule(antlr4::ParserRuleContext*) override {
    if (++depth_ > kMaxParseRuleDepth) throw NestingTooDeep{parser_->getCurrentToken()};
  }
  void exitEveryRule(antlr4::ParserRuleContext*) override { --depth_; }
  void visitTerminal(antlr4::tree::TerminalNode*) override {}
  void visitErrorNode(antlr4::tree::ErrorNode*) override {}
  void Reset() { depth_ = 0; }

 private:
  antlr4::Parser* parser_;
  int depth_ = 0;
};

// ANTLR's input stream converts the statement to UTF-32 and throws
// std::range_error on a malformed byte, which would end the process; check
// first and say where the byte is. The excerpt shows the line with '?' for
// each bad byte, since an error message must itself be valid UTF-8.
absl::Status InvalidUtf8Error(std::string_view source, size_t offset) {
  ast::Span span;
  size_t line_start = 0;
  for (size_t i = 0; i < offset; ++i) {
    if (source[i] == '\n') {
      ++span.line;
      line_start = i + 1;
    }
  }
  std::string shown(source);
  for (size_t bad = util::FindInvalidUtf8(shown); bad != std::string::npos;
       bad = util::FindInvalidUtf8(shown)) {
    shown[bad] = '?';
  }
  for (size_t i = line_start; i < offset; ++i)
    if ((static_cast<unsigned char>(shown[i]) & 0xC0) != 0x80) ++span.column;
  span.begin = offset;
  span.end = offset + 1;
  const auto byte = static_cast<unsigned char>(source[offset]);
  return MakeError(ErrorType::kSyntaxError, Phase::kCompileTime,
                   absl::StrCat("invalid UTF-8: byte 0x", absl::Hex(byte, absl::kZeroPad2),
                                " at byte offset ", offset,
                                " does not begin a valid character (statements must be UTF-8)"),
                   shown, &span);
}

}  // namespace

absl::StatusOr<ast::Statement> Parse(std::string_view text) {
  if (const size_t bad = util::FindInvalidUtf8(text); bad != std::string_view::npos)
    return InvalidUtf8Error(text, bad);
  std::string source(text);
  antlr4::ANTLRInputStream input(source);
  quiver_antlr::QuiverLexer lexer(&input);
  ErrorListener listener;
  lexer.removeErrorListeners();
  lexer.addErrorListener(&listener);
  antlr4::CommonTokenStream tokens(&lexer);
  quiver_antlr::QuiverParser parser(&tokens);
  parser.removeErrorListeners();
  DepthGuard depth_guard(&parser);
  parser.addParseListener(&depth_guard);
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
      depth_guard.Reset();
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
    QUIVER_RETURN_IF_ERROR(CheckExpressionDepth(statement));
    return statement;
  } catch (const NestingTooDeep& e) {
    ast::Span span;
    if (e.token != nullptr) {
      span.line = int(e.token->getLine());
      span.column = int(e.token->getCharPositionInLine()) + 1;
      span.begin = e.token->getStartIndex();
      span.end = e.token->getStopIndex() + 1;
    }
    return MakeError(ErrorType::kLimitExceeded, Phase::kCompileTime,
                     absl::StrCat("the statement nests too deeply to parse (brackets, CASE "
                                  "and function calls; at most about ",
                                  kMaxParseRuleDepth / 14, " levels)"),
                     source, e.token != nullptr ? &span : nullptr);
  } catch (const BuildError& e) {
    return MakeError(ErrorType::kSyntaxError, Phase::kCompileTime, e.message,
                     source, &e.span);
  } catch (const std::exception& e) {
    return MakeError(ErrorType::kSyntaxError, Phase::kCompileTime,
                     absl::StrCat("cannot parse the statement: ", e.what()));
  }
}

}  // namespace quiver::query
