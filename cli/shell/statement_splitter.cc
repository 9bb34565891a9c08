#include "cli/shell/statement_splitter.h"

namespace quiver::cli::shell {

namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && IsSpace(s[b])) ++b;
  while (e > b && IsSpace(s[e - 1])) --e;
  return std::string(s.substr(b, e - b));
}

}  // namespace

std::vector<std::string> StatementSplitter::Feed(std::string_view line) {
  std::vector<std::string> done;
  // Where the current line starts in buffer_, so a `//` comment can be
  // recognised within this line only.
  size_t i = buffer_.size();
  buffer_.append(line.data(), line.size());
  buffer_.push_back('\n');
  while (i < buffer_.size()) {
    char c = buffer_[i];
    char next = i + 1 < buffer_.size() ? buffer_[i + 1] : '\0';
    switch (state_) {
      case State::kCode:
        if (c == '/' && next == '/') {
          // A line comment: skip to the newline (always present).
          i = buffer_.find('\n', i);
          continue;
        }
        if (c == '/' && next == '*') {
          state_ = State::kBlockComment;
          i += 2;
          continue;
        }
        if (c == ';') {
          std::string statement = Trim(std::string_view(buffer_).substr(0, i));
          bool keep = has_content_;
          buffer_.erase(0, i + 1);
          i = 0;
          has_content_ = false;
          if (keep) done.push_back(std::move(statement));
          continue;
        }
        if (c == '\'') state_ = State::kSingleQuote;
        else if (c == '"') state_ = State::kDoubleQuote;
        else if (c == '`') state_ = State::kBackquote;
        if (!IsSpace(c)) has_content_ = true;
        break;
      case State::kSingleQuote:
      case State::kDoubleQuote:
        if (c == '\\') {
          ++i;  // The escaped character cannot end the string.
        } else if ((c == '\'' && state_ == State::kSingleQuote) ||
                   (c == '"' && state_ == State::kDoubleQuote)) {
          state_ = State::kCode;
        }
        break;
      case State::kBackquote:
        // `` inside a backquoted name is an escaped backquote: the second
        // one simply reopens the name.
        if (c == '`') state_ = State::kCode;
        break;
      case State::kBlockComment:
        if (c == '*' && next == '/') {
          state_ = State::kCode;
          i += 2;
          continue;
        }
        break;
    }
    ++i;
  }
  return done;
}

std::string StatementSplitter::TakeRest() {
  std::string rest = has_content_ ? Trim(buffer_) : std::string();
  Reset();
  return rest;
}

void StatementSplitter::Reset() {
  buffer_.clear();
  state_ = State::kCode;
  has_content_ = false;
}

std::vector<std::string> SplitStatements(std::string_view text) {
  StatementSplitter splitter;
  std::vector<std::string> all;
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    for (auto& s : splitter.Feed(text.substr(start, nl - start))) all.push_back(std::move(s));
    start = nl + 1;
  }
  std::string rest = splitter.TakeRest();
  if (!rest.empty()) all.push_back(std::move(rest));
  return all;
}

}  // namespace quiver::cli::shell
