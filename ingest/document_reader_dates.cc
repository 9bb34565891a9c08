#include "ingest/document_reader_dates.h"

#include <gumbo.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <regex>
#include <vector>

#include "absl/strings/ascii.h"
#include "util/strings.h"
#include "util/temporal.h"
#include "util/temporal_format.h"

namespace quiver::ingest {

namespace {

// Abseil's ASCII helpers, across Debian's absl::string_view (util/strings.h).
std::string Lower(std::string_view s) { return absl::AsciiStrToLower(util::Absl(s)); }
std::string Upper(std::string_view s) { return absl::AsciiStrToUpper(util::Absl(s)); }
std::string_view TrimLeft(std::string_view s) {
  return util::Std(absl::StripLeadingAsciiWhitespace(util::Absl(s)));
}
std::string_view TrimRight(std::string_view s) {
  return util::Std(absl::StripTrailingAsciiWhitespace(util::Absl(s)));
}
std::string_view Trim(std::string_view s) {
  return util::Std(absl::StripAsciiWhitespace(util::Absl(s)));
}

bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && Lower(s.substr(0, prefix.size())) == Lower(prefix);
}

bool ValidDay(int64_t year, int month, int day) {
  return year >= 1000 && year <= 2999 && month >= 1 && month <= 12 && day >= 1 &&
         day <= temporal::MonthLength(year, month);
}

// REQUIRES: ValidDay(year, month, day).
std::string IsoDate(int64_t year, int month, int day) {
  return temporal::Format(temporal::MakeDate(temporal::EpochDayOf(year, month, day)));
}

// "+02:00" from "+0200", "+02:00", "+02", "Z", "GMT", "UTC"; "" otherwise.
std::string Offset(std::string_view zone) {
  const std::string z = Upper(zone);
  if (z == "Z" || z == "GMT" || z == "UTC" || z == "+00:00" || z == "+0000") return "+00:00";
  static const std::regex kNumeric(R"(([+-])(\d{2}):?(\d{2})?)");
  std::smatch m;
  if (!std::regex_match(z, m, kNumeric)) return "";
  int hours = std::stoi(m[2]);
  int minutes = m[3].matched ? std::stoi(m[3]) : 0;
  if (hours > 18 || minutes > 59) return "";
  char buf[48];
  std::snprintf(buf, sizeof buf, "%c%02d:%02d", m[1].str()[0], hours, minutes);
  return buf;
}

// The date-time when the time and offset are both there, else the date.
std::string WithTime(const std::string& date, int hour, int minute, int second,
                     const std::string& offset) {
  if (offset.empty() || hour > 23 || minute > 59 || second > 60) return date;
  char buf[48];
  std::snprintf(buf, sizeof buf, "T%02d:%02d:%02d", hour, minute, second);
  return date + buf + offset;
}

std::optional<std::string> NormalizeIso(const std::string& s) {
  static const std::regex kIso(
      R"((\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2}|[A-Za-z]{1,4})?)?)");
  std::smatch m;
  if (!std::regex_match(s, m, kIso)) return std::nullopt;
  const int64_t year = std::stoll(m[1]);
  const int month = std::stoi(m[2]), day = std::stoi(m[3]);
  if (!ValidDay(year, month, day)) return std::nullopt;
  std::string date = IsoDate(year, month, day);
  if (!m[4].matched) return date;
  return WithTime(date, std::stoi(m[4]), std::stoi(m[5]), m[6].matched ? std::stoi(m[6]) : 0,
                  m[7].matched ? Offset(m[7].str()) : "");
}

// Words of a textual date: runs of letters or digits, and times ("14:30:00")
// and numeric offsets ("+0200") whole; commas, full stops and "at" go.
std::vector<std::string> DateWords(std::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = s[i];
    if (std::isalnum(c) || ((c == '+' || c == '-') && i + 1 < s.size() &&
                            std::isdigit(static_cast<unsigned char>(s[i + 1])))) {
      size_t j = i + 1;
      while (j < s.size() && (std::isalnum(static_cast<unsigned char>(s[j])) || s[j] == ':'))
        ++j;
      out.emplace_back(s.substr(i, j - i));
      i = j;
    } else if (c == ',' || c == '.' || std::isspace(c)) {
      ++i;
    } else {
      return {};  // Anything else is no part of a date.
    }
  }
  return out;
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

bool IsWeekday(std::string_view word) {
  static constexpr std::array<std::string_view, 7> kDays = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  const std::string w = Lower(word);
  for (std::string_view d : kDays)
    if (w == d || (w.size() >= 3 && d.substr(0, w.size()) == w)) return true;
  return false;
}

std::optional<std::string> NormalizeWords(const std::string& s) {
  std::vector<std::string> w = DateWords(s);
  size_t i = 0;
  if (i < w.size() && IsWeekday(w[i])) ++i;
  if (w.size() - i < 3) return std::nullopt;
  int month = 0;
  int day = 0;
  const std::string& a = w[i];
  const std::string& b = w[i + 1];
  if (auto m = MonthFromName(a); m && AllDigits(b) && b.size() <= 2) {
    month = *m;
    day = std::stoi(b);
  } else if (auto m2 = MonthFromName(b); m2 && AllDigits(a) && a.size() <= 2) {
    month = *m2;
    day = std::stoi(a);
  } else {
    return std::nullopt;
  }
  const std::string& y = w[i + 2];
  if (!AllDigits(y) || y.size() != 4) return std::nullopt;
  const int64_t year = std::stoll(y);
  if (!ValidDay(year, month, day)) return std::nullopt;
  std::string date = IsoDate(year, month, day);
  i += 3;
  if (i < w.size() && Lower(w[i]) == "at") ++i;
  if (i == w.size()) return date;
  // A time: "14:30", "14:30:05", "3:02" with "pm"; then a zone.
  static const std::regex kTime(R"((\d{1,2}):(\d{2})(?::(\d{2}))?)");
  std::smatch m;
  if (!std::regex_match(w[i], m, kTime)) return std::nullopt;
  int hour = std::stoi(m[1]);
  const int minute = std::stoi(m[2]);
  const int second = m[3].matched ? std::stoi(m[3]) : 0;
  ++i;
  if (i < w.size() && (Lower(w[i]) == "pm" || Lower(w[i]) == "am")) {
    if (hour > 12) return std::nullopt;
    hour = hour % 12 + (Lower(w[i]) == "pm" ? 12 : 0);
    ++i;
  }
  if (i == w.size()) return date;  // No zone: the time is dropped.
  if (i + 1 != w.size()) return date;  // A named zone ("ET", "BST") we do not know.
  return WithTime(date, hour, minute, second, Offset(w[i]));
}

// The text after a label ("Published", "Date:") at the start of `line`, or
// nullopt when the line does not begin with one of `labels`.
std::optional<std::string_view> AfterLabel(std::string_view line,
                                           std::initializer_list<std::string_view> labels) {
  for (std::string_view label : labels) {
    if (!StartsWithIgnoreCase(line, label)) continue;
    std::string_view rest = line.substr(label.size());
    if (!rest.empty() && std::isalpha(static_cast<unsigned char>(rest.front()))) continue;
    rest = TrimLeft(rest);
    if (!rest.empty() && rest.front() == ':') rest.remove_prefix(1);
    rest = TrimLeft(rest);
    if (StartsWithIgnoreCase(rest, "on ")) rest.remove_prefix(3);
    return Trim(rest);
  }
  return std::nullopt;
}

bool HasDigit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

FoundDate Found(std::string_view raw) {
  FoundDate f;
  f.raw = std::string(Trim(raw));
  f.iso = NormalizeDocumentDate(f.raw).value_or("");
  return f;
}

// "PARIS, Oct. 11, 2016 —", "WASHINGTON (Reuters) October 11, 2016 -": an
// upper-case place, then a date up to a dash or "(".
std::optional<std::string> Dateline(std::string_view line) {
  size_t comma = line.find(',');
  if (comma == std::string_view::npos || comma == 0 || comma > 40) return std::nullopt;
  for (char c : line.substr(0, comma))
    if (std::islower(static_cast<unsigned char>(c))) return std::nullopt;
  std::string_view rest = line.substr(comma + 1);
  size_t end = std::min({rest.find("\xE2\x80\x94"), rest.find(" - "), rest.find(" -- "),
                         rest.find('('), rest.find("\xE2\x80\x93")});
  if (end == std::string_view::npos) return std::nullopt;
  return NormalizeDocumentDate(rest.substr(0, end));
}

// The string value of the first "datePublished" key in JSON-LD text.
std::optional<std::string> JsonLdPublished(std::string_view json) {
  constexpr std::string_view kKey = "\"datePublished\"";
  size_t at = json.find(kKey);
  if (at == std::string_view::npos) return std::nullopt;
  std::string_view rest = TrimLeft(json.substr(at + kKey.size()));
  if (rest.empty() || rest.front() != ':') return std::nullopt;
  rest = TrimLeft(rest.substr(1));
  if (rest.empty() || rest.front() != '"') return std::nullopt;
  rest.remove_prefix(1);
  const size_t close = rest.find('"');
  if (close == std::string_view::npos || close > 80) return std::nullopt;
  return std::string(rest.substr(0, close));
}

}  // namespace

std::optional<int> MonthFromName(std::string_view word) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  std::string w = Lower(word);
  if (!w.empty() && w.back() == '.') w.pop_back();
  if (w == "sept") return 9;
  for (size_t i = 0; i < kMonths.size(); ++i) {
    if (w == kMonths[i] || (w.size() == 3 && kMonths[i].substr(0, 3) == w)) return int(i) + 1;
  }
  return std::nullopt;
}

std::optional<std::string> NormalizeDocumentDate(std::string_view text) {
  const std::string s(Trim(text));
  if (s.empty() || s.size() > 80) return std::nullopt;
  if (std::isdigit(static_cast<unsigned char>(s[0])) && s.size() >= 8 && s[4] != ' ') {
    if (auto iso = NormalizeIso(s)) return iso;
  }
  return NormalizeWords(s);
}

std::string CheckDateOption(std::string_view text) {
  static const std::regex kPlain(R"(\d{4}-\d{2}-\d{2})");
  const std::string s(text);
  if (s.size() != 10 || !std::regex_match(s, kPlain) || !NormalizeIso(s)) {
    return "expected a date as YYYY-MM-DD (a day that exists), got \"" + s + "\"";
  }
  return "";
}

FoundDate FindHtmlDate(const GumboInternalNode* root) {
  // Lower rank wins: the page's own statement of when it was published
  // before generic "date" metas, and any meta before a <time> in the body
  // (which may date a comment or a related story).
  static constexpr std::array<std::string_view, 8> kMetaNames = {
      "article:published_time", "og:published_time", "datepublished", "pubdate",
      "publishdate",            "date",              "dc.date.issued", "dc.date"};
  const size_t kLdJsonRank = 2, kTimeRank = kMetaNames.size();
  size_t best_rank = kTimeRank + 1;
  std::string best;
  auto offer = [&](size_t rank, std::string_view value) {
    if (rank < best_rank && !Trim(value).empty()) {
      best_rank = rank;
      best = std::string(value);
    }
  };
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (node->type != GUMBO_NODE_ELEMENT) continue;
    const GumboElement& e = node->v.element;
    if (e.tag == GUMBO_TAG_META) {
      const GumboAttribute* content = gumbo_get_attribute(&e.attributes, "content");
      for (const char* key : {"property", "name", "itemprop"}) {
        const GumboAttribute* a = gumbo_get_attribute(&e.attributes, key);
        if (a == nullptr || content == nullptr) continue;
        const std::string name = Lower(a->value);
        for (size_t r = 0; r < kMetaNames.size(); ++r)
          if (name == kMetaNames[r]) offer(r, content->value);
      }
    } else if (e.tag == GUMBO_TAG_TIME) {
      const GumboAttribute* a = gumbo_get_attribute(&e.attributes, "datetime");
      if (a != nullptr) offer(kTimeRank, a->value);
    } else if (e.tag == GUMBO_TAG_SCRIPT && e.children.length > 0) {
      const GumboAttribute* type = gumbo_get_attribute(&e.attributes, "type");
      const auto* text = static_cast<const GumboNode*>(e.children.data[0]);
      if (type != nullptr && Lower(type->value) == "application/ld+json" &&
          text->type == GUMBO_NODE_TEXT) {
        // By hand, not std::regex: libstdc++'s recurses per character and
        // a script may be megabytes long.
        if (auto published = JsonLdPublished(text->v.text.text)) offer(kLdJsonRank, *published);
      }
    }
    for (unsigned i = e.children.length; i-- > 0;)
      stack.push_back(static_cast<const GumboNode*>(e.children.data[i]));
  }
  if (best.empty()) return {};
  return Found(best);
}

FoundDate FindFrontMatterDate(std::string_view markdown, size_t* body) {
  *body = 0;
  if (markdown.substr(0, 4) != "---\n" && markdown.substr(0, 5) != "---\r\n") return {};
  size_t pos = markdown.find('\n') + 1;
  FoundDate found;
  while (pos < markdown.size()) {
    size_t nl = markdown.find('\n', pos);
    if (nl == std::string_view::npos) nl = markdown.size();
    std::string_view line = TrimRight(markdown.substr(pos, nl - pos));
    pos = std::min(nl + 1, markdown.size());
    if (line == "---" || line == "...") {
      *body = pos;
      return found;
    }
    std::string_view value;
    if (line.substr(0, 5) == "date:") {
      value = Trim(line.substr(5));
      // YAML may quote it.
      if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
          value.back() == value.front()) {
        value = value.substr(1, value.size() - 2);
      }
      found = Found(value);
    }
  }
  return {};  // No closing line: not front matter.
}

FoundDate FindTextDate(std::string_view text) {
  FoundDate published, alone, updated;
  int lines = 0;
  size_t pos = 0;
  while (pos < text.size() && lines < 8) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = Trim(text.substr(pos, nl - pos));
    pos = nl + 1;
    while (!line.empty() && (line.front() == '#' || line.front() == '*' || line.front() == '_'))
      line = TrimLeft(line.substr(1));
    while (!line.empty() && (line.back() == '*' || line.back() == '_')) line.remove_suffix(1);
    if (line.empty()) continue;
    ++lines;
    if (line.size() > 200) continue;
    if (auto rest = AfterLabel(line, {"published", "first published", "posted", "date",
                                      "dated", "publication date"})) {
      if (published.raw.empty() && HasDigit(*rest)) published = Found(*rest);
    } else if (auto rest2 = AfterLabel(line, {"updated", "last updated", "modified"})) {
      if (updated.raw.empty() && HasDigit(*rest2)) updated = Found(*rest2);
    } else if (alone.raw.empty()) {
      if (auto iso = NormalizeDocumentDate(line)) {
        alone = {std::string(line), *iso};
      } else if (auto iso2 = Dateline(line)) {
        alone = {std::string(line), *iso2};
      }
    }
  }
  if (!published.raw.empty()) return published;
  if (!alone.raw.empty()) return alone;
  return updated;
}

}  // namespace quiver::ingest
