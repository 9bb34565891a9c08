#include "render/ntriples.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <optional>

#include "absl/strings/str_cat.h"
#include "render/value_json.h"
#include "util/temporal.h"
#include "util/temporal_format.h"

namespace quiver::render {

namespace {

bool ForbiddenInIri(unsigned char c) {
  return c <= 0x20 || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|' ||
         c == '^' || c == '`' || c == '\\' || c == 0x7F;
}

constexpr char kXsd[] = "http://www.w3.org/2001/XMLSchema#";

}  // namespace

std::string IriSegment(std::string_view text) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char ch : text) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (ForbiddenInIri(c) || c == '%') {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += ch;
    }
  }
  return out;
}

absl::Status CheckBaseIri(std::string_view base) {
  size_t colon = base.find(':');
  bool scheme_ok = colon != std::string_view::npos && colon > 0 &&
                   std::isalpha(static_cast<unsigned char>(base[0]));
  for (size_t i = 0; scheme_ok && i < colon; ++i) {
    char c = base[i];
    scheme_ok = std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
  }
  if (!scheme_ok) {
    return absl::InvalidArgumentError(absl::StrCat(
        "base IRI '", std::string(base), "' must start with a scheme, e.g. urn:quiver: or http://example.org/"));
  }
  for (char c : base) {
    if (ForbiddenInIri(static_cast<unsigned char>(c))) {
      return absl::InvalidArgumentError(absl::StrCat(
          "base IRI '", std::string(base), "' contains a character IRIs forbid"));
    }
  }
  return absl::OkStatus();
}

std::string StringLiteral(std::string_view text) {
  std::string out = "\"";
  for (char ch : text) {
    switch (ch) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(ch) < 0x20 || ch == 0x7F) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned>(ch));
          out += buf;
        } else {
          out += ch;
        }
    }
  }
  out += '"';
  return out;
}

namespace {

// An XSD-typed literal where XML Schema can say the same thing: years 1 to
// 9999, offsets without a zone name, durations without negative parts.
// Anything else stays a plain string of the ISO 8601 text.
std::optional<std::string> TemporalLiteral(const TemporalValue& t) {
  using Kind = TemporalValue::Kind;
  if (temporal::HasDate(t.kind)) {
    int64_t year = temporal::CivilOf(t.epoch_day).year;
    if (year < 1 || year > 9999) return std::nullopt;
  }
  const char* type = nullptr;
  std::string text = temporal::Format(t);
  switch (t.kind) {
    case Kind::kDate: type = "date"; break;
    case Kind::kLocalTime:
    case Kind::kTime: type = "time"; break;
    case Kind::kLocalDateTime: type = "dateTime"; break;
    case Kind::kDateTime:
      type = "dateTime";
      text = text.substr(0, text.find('['));
      break;
    case Kind::kDuration:
      if (t.months < 0 || t.days < 0 || t.seconds < 0) return std::nullopt;
      type = "duration";
      break;
  }
  return absl::StrCat("\"", text, "\"^^<", kXsd, type, ">");
}

}  // namespace

std::string Literal(const Value& value) {
  if (value.is_int()) {
    return absl::StrCat("\"", value.AsInt(), "\"^^<", kXsd, "integer>");
  }
  if (value.is_double()) {
    double d = value.AsDouble();
    std::string lexical;
    if (std::isnan(d)) {
      lexical = "NaN";
    } else if (std::isinf(d)) {
      lexical = d > 0 ? "INF" : "-INF";
    } else {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.17g", d);
      lexical = buf;
    }
    return absl::StrCat("\"", lexical, "\"^^<", kXsd, "double>");
  }
  if (value.is_bool()) {
    return absl::StrCat("\"", value.AsBool() ? "true" : "false", "\"^^<", kXsd, "boolean>");
  }
  if (value.is_temporal()) {
    if (auto typed = TemporalLiteral(value.AsTemporal())) return *typed;
  }
  return StringLiteral(PlainText(value));
}

}  // namespace quiver::render
