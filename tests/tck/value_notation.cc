#include "tests/tck/value_notation.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "util/status_macros.h"
#include "util/strings.h"
#include <cctype>

namespace quiver::tck {
namespace {

bool IsIdentStart(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}
bool IsIdentChar(char c) { return IsIdentStart(c) || (c >= '0' && c <= '9'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    *out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    *out += static_cast<char>(0xC0 | (cp >> 6));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *out += static_cast<char>(0xE0 | (cp >> 12));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *out += static_cast<char>(0xF0 | (cp >> 18));
    *out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

class ValueParser {
 public:
  explicit ValueParser(std::string_view text) : s_(text) {}

  absl::StatusOr<Value> ParseAll() {
    QUIVER_ASSIGN_OR_RETURN(Value v, ParseValue());
    SkipSpace();
    if (pos_ != s_.size()) return Error("unexpected text after the value");
    return v;
  }

 private:
  absl::StatusOr<Value> ParseValue() {
    SkipSpace();
    if (pos_ >= s_.size()) return Error("expected a value");
    char c = s_[pos_];
    if (c == '\'' || c == '"') {
      QUIVER_ASSIGN_OR_RETURN(std::string str, ParseString());
      return Value(std::move(str));
    }
    if (c == '[') {
      if (PeekAfterSpace(pos_ + 1) == ':') {
        QUIVER_ASSIGN_OR_RETURN(RelationshipValue r, ParseRelationship());
        return Value(std::move(r));
      }
      return ParseList();
    }
    if (c == '{') {
      QUIVER_ASSIGN_OR_RETURN(ValueMap m, ParseMap());
      return Value(std::move(m));
    }
    if (c == '(') {
      QUIVER_ASSIGN_OR_RETURN(NodeValue n, ParseNode());
      return Value(std::move(n));
    }
    if (c == '<') return ParsePath();
    if (c == '-' || c == '+' || c == '.' || IsDigit(c)) return ParseNumber();
    if (IsIdentStart(c)) {
      std::string word = ParseIdentifier();
      if (word == "null") return Value();
      if (word == "true") return Value(true);
      if (word == "false") return Value(false);
      if (word == "NaN") return Value(std::numeric_limits<double>::quiet_NaN());
      if (word == "Infinity" || word == "Inf") {
        return Value(std::numeric_limits<double>::infinity());
      }
      pos_ -= word.size();
      return Error(absl::StrCat("unknown word '", word, "'"));
    }
    return Error(absl::StrCat("unexpected character '", std::string(1, c), "'"));
  }

  absl::StatusOr<Value> ParseNumber() {
    size_t start = pos_;
    bool negative = false;
    if (s_[pos_] == '-' || s_[pos_] == '+') {
      negative = s_[pos_] == '-';
      ++pos_;
    }
    if (IsIdentStart(Peek())) {
      std::string word = ParseIdentifier();
      if (word == "Infinity" || word == "Inf") {
        double inf = std::numeric_limits<double>::infinity();
        return Value(negative ? -inf : inf);
      }
      if (word == "NaN") return Value(std::numeric_limits<double>::quiet_NaN());
      pos_ = start;
      return Error("malformed number");
    }
    // Hexadecimal and octal integers.
    if (Peek() == '0' && pos_ + 1 < s_.size() &&
        (s_[pos_ + 1] == 'x' || s_[pos_ + 1] == 'X' || s_[pos_ + 1] == 'o' ||
         s_[pos_ + 1] == 'O')) {
      int base = (s_[pos_ + 1] == 'x' || s_[pos_ + 1] == 'X') ? 16 : 8;
      pos_ += 2;
      size_t digits = pos_;
      while (pos_ < s_.size() && std::isxdigit(static_cast<unsigned char>(s_[pos_]))) ++pos_;
      std::string text = absl::StrCat(negative ? "-" : "",
                                       util::Absl(s_.substr(digits, pos_ - digits)));
      return ToInteger(text, base, start);
    }
    bool is_float = false;
    while (IsDigit(Peek())) ++pos_;
    if (Peek() == '.' && pos_ + 1 < s_.size() && IsDigit(s_[pos_ + 1])) {
      is_float = true;
      ++pos_;
      while (IsDigit(Peek())) ++pos_;
    }
    if (Peek() == 'e' || Peek() == 'E') {
      size_t save = pos_;
      ++pos_;
      if (Peek() == '-' || Peek() == '+') ++pos_;
      if (!IsDigit(Peek())) {
        pos_ = save;
      } else {
        is_float = true;
        while (IsDigit(Peek())) ++pos_;
      }
    }
    std::string text(s_.substr(start, pos_ - start));
    if (text == "-" || text == "+" || text.empty()) {
      pos_ = start;
      return Error("malformed number");
    }
    if (is_float) {
      errno = 0;
      char* end = nullptr;
      double d = std::strtod(text.c_str(), &end);
      if (end != text.c_str() + text.size()) {
        pos_ = start;
        return Error("malformed float");
      }
      return Value(d);  // Out of range reads as +-Infinity or 0, as Cypher's.
    }
    return ToInteger(text, 10, start);
  }

  absl::StatusOr<Value> ToInteger(const std::string& text, int base, size_t start) {
    errno = 0;
    char* end = nullptr;
    long long v = std::strtoll(text.c_str(), &end, base);
    if (text.empty() || end != text.c_str() + text.size() || errno == ERANGE) {
      pos_ = start;
      return Error("integer out of range or malformed");
    }
    return Value(static_cast<int64_t>(v));
  }

  absl::StatusOr<std::string> ParseString() {
    char quote = s_[pos_];
    size_t start = pos_++;
    std::string out;
    while (pos_ < s_.size()) {
      char c = s_[pos_++];
      if (c == quote) return out;
      if (c != '\\') {
        out += c;
        continue;
      }
      if (pos_ >= s_.size()) break;
      char e = s_[pos_++];
      switch (e) {
        case '\\': out += '\\'; break;
        case '\'': out += '\''; break;
        case '"': out += '"'; break;
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        case 'r': out += '\r'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'u':
        case 'U': {
          size_t n = e == 'u' ? 4 : 8;
          if (pos_ + n > s_.size()) return Error("short unicode escape");
          std::string hex(s_.substr(pos_, n));
          char* end = nullptr;
          unsigned long cp = std::strtoul(hex.c_str(), &end, 16);
          if (end != hex.c_str() + hex.size()) return Error("bad unicode escape");
          AppendUtf8(static_cast<uint32_t>(cp), &out);
          pos_ += n;
          break;
        }
        default:  // Unknown escapes stay as written.
          out += '\\';
          out += e;
      }
    }
    pos_ = start;
    return Error("unterminated string");
  }

  absl::StatusOr<Value> ParseList() {
    ++pos_;  // '['
    ValueList items;
    SkipSpace();
    if (Peek() == ']') {
      ++pos_;
      return Value(std::move(items));
    }
    while (true) {
      QUIVER_ASSIGN_OR_RETURN(Value v, ParseValue());
      items.push_back(std::move(v));
      SkipSpace();
      if (Peek() == ',') {
        ++pos_;
        continue;
      }
      if (Peek() == ']') {
        ++pos_;
        return Value(std::move(items));
      }
      return Error("expected ',' or ']' in a list");
    }
  }

  absl::StatusOr<std::string> ParseKey() {
    SkipSpace();
    char c = Peek();
    if (c == '`') return ParseBackquoted();
    if (c == '\'' || c == '"') return ParseString();
    if (IsIdentStart(c) || IsDigit(c)) {
      size_t start = pos_;
      while (IsIdentChar(Peek())) ++pos_;
      return std::string(s_.substr(start, pos_ - start));
    }
    return Error("expected a name");
  }

  absl::StatusOr<std::string> ParseBackquoted() {
    size_t start = pos_++;
    std::string out;
    while (pos_ < s_.size()) {
      char c = s_[pos_++];
      if (c == '`') {
        if (Peek() == '`') {  // `` is an escaped backquote.
          out += '`';
          ++pos_;
          continue;
        }
        return out;
      }
      out += c;
    }
    pos_ = start;
    return Error("unterminated `name`");
  }

  absl::StatusOr<ValueMap> ParseMap() {
    ++pos_;  // '{'
    ValueMap map;
    SkipSpace();
    if (Peek() == '}') {
      ++pos_;
      return map;
    }
    while (true) {
      QUIVER_ASSIGN_OR_RETURN(std::string key, ParseKey());
      SkipSpace();
      if (Peek() != ':') return Error("expected ':' after a map key");
      ++pos_;
      QUIVER_ASSIGN_OR_RETURN(Value v, ParseValue());
      map[key] = std::move(v);
      SkipSpace();
      if (Peek() == ',') {
        ++pos_;
        continue;
      }
      if (Peek() == '}') {
        ++pos_;
        return map;
      }
      return Error("expected ',' or '}' in a map");
    }
  }

  // (:A:B {k: v}); a variable name before the labels is allowed and ignored.
  absl::StatusOr<NodeValue> ParseNode() {
    ++pos_;  // '('
    NodeValue node;
    SkipSpace();
    if (IsIdentStart(Peek())) ParseIdentifier();
    SkipSpace();
    while (Peek() == ':') {
      ++pos_;
      QUIVER_ASSIGN_OR_RETURN(std::string label, ParseKey());
      node.labels.push_back(std::move(label));
      SkipSpace();
    }
    if (Peek() == '{') {
      QUIVER_ASSIGN_OR_RETURN(node.properties, ParseMap());
      SkipSpace();
    }
    if (Peek() != ')') return Error("expected ')' to close a node");
    ++pos_;
    return node;
  }

  absl::StatusOr<RelationshipValue> ParseRelationship() {
    ++pos_;  // '['
    RelationshipValue rel;
    SkipSpace();
    if (IsIdentStart(Peek())) ParseIdentifier();
    SkipSpace();
    if (Peek() != ':') return Error("expected ':' and a relationship type");
    ++pos_;
    QUIVER_ASSIGN_OR_RETURN(rel.type, ParseKey());
    SkipSpace();
    if (Peek() == '{') {
      QUIVER_ASSIGN_OR_RETURN(rel.properties, ParseMap());
      SkipSpace();
    }
    if (Peek() != ']') return Error("expected ']' to close a relationship");
    ++pos_;
    return rel;
  }

  absl::StatusOr<Value> ParsePath() {
    ++pos_;  // '<'
    PathValue path;
    SkipSpace();
    if (Peek() != '(') return Error("expected a node to start a path");
    QUIVER_ASSIGN_OR_RETURN(NodeValue first, ParseNode());
    first.id = 0;
    path.nodes.push_back(std::move(first));
    while (true) {
      SkipSpace();
      if (Peek() == '>') {
        ++pos_;
        return Value(std::move(path));
      }
      bool backward = false;
      if (Peek() == '<') {
        backward = true;
        ++pos_;
      }
      if (Peek() != '-') return Error("expected '-' or '<-' in a path");
      ++pos_;
      SkipSpace();
      if (Peek() != '[') return Error("expected a relationship in a path");
      QUIVER_ASSIGN_OR_RETURN(RelationshipValue rel, ParseRelationship());
      SkipSpace();
      if (Peek() != '-') return Error("expected '-' after a relationship in a path");
      ++pos_;
      bool forward = Peek() == '>';
      if (forward) ++pos_;
      if (forward == backward) return Error("a path relationship needs exactly one direction");
      SkipSpace();
      if (Peek() != '(') return Error("expected a node in a path");
      QUIVER_ASSIGN_OR_RETURN(NodeValue node, ParseNode());
      uint64_t here = path.nodes.size() - 1;
      node.id = here + 1;
      rel.src = forward ? here : here + 1;
      rel.dst = forward ? here + 1 : here;
      path.relationships.push_back(std::move(rel));
      path.nodes.push_back(std::move(node));
    }
  }

  std::string ParseIdentifier() {
    size_t start = pos_;
    while (IsIdentChar(Peek())) ++pos_;
    return std::string(s_.substr(start, pos_ - start));
  }

  char Peek() const { return pos_ < s_.size() ? s_[pos_] : '\0'; }
  char PeekAfterSpace(size_t p) const {
    while (p < s_.size() && (s_[p] == ' ' || s_[p] == '\t' || s_[p] == '\n')) ++p;
    return p < s_.size() ? s_[p] : '\0';
  }
  void SkipSpace() {
    while (pos_ < s_.size() &&
           (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\n' || s_[pos_] == '\r')) {
      ++pos_;
    }
  }

  absl::Status Error(std::string_view what) const {
    return absl::InvalidArgumentError(absl::StrCat(
        "column ", pos_ + 1, ": ", util::Absl(what), " in '", util::Absl(s_), "'"));
  }

  std::string_view s_;
  size_t pos_ = 0;
};

}  // namespace

absl::StatusOr<Value> ParseTckValue(std::string_view text) {
  return ValueParser(text).ParseAll();
}

}  // namespace quiver::tck
