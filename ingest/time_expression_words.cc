#include "ingest/time_expression_words.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "util/temporal.h"

namespace quiver::ingest::time_words {

using temporal::CivilOf;
using temporal::DayOfWeek;
using temporal::EpochDayOf;
using temporal::MonthLength;

std::vector<Token> Tokenize(std::string_view s) {
  std::vector<Token> out;
  size_t i = 0;
  auto alnum = [&](size_t k) { return k < s.size() && std::isalnum(static_cast<unsigned char>(s[k])); };
  while (i < s.size()) {
    const unsigned char c = s[i];
    if (std::isspace(c)) {
      ++i;
      continue;
    }
    size_t j = i + 1;
    bool word = std::isalnum(c) != 0;
    if (word) {
      // Hyphens and apostrophes inside a word ("2016-10-11", "mid-2015").
      while (alnum(j) || ((s[j] == '-' || s[j] == '\'') && alnum(j + 1))) ++j;
    } else if (c >= 0x80) {
      while (j < s.size() && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) ++j;
    }
    Token t;
    t.raw = s.substr(i, j - i);
    t.low = std::string(t.raw);
    for (char& ch : t.low) ch = char(std::tolower(static_cast<unsigned char>(ch)));
    t.begin = i;
    t.end = j;
    t.word = word;
    out.push_back(std::move(t));
    i = j;
  }
  return out;
}

Period Day(int64_t d) { return {d, d}; }
Period Month(int64_t y, int m) { return {EpochDayOf(y, m, 1), EpochDayOf(y, m, MonthLength(y, m))}; }
Period Year(int64_t y) { return {EpochDayOf(y, 1, 1), EpochDayOf(y, 12, 31)}; }
Period Week(int64_t d) {
  const int64_t monday = d - (DayOfWeek(d) - 1);
  return {monday, monday + 6};
}
// Northern meteorological seasons; winter runs into the next year.
Period Season(int64_t y, int season) {  // 0 spring, 1 summer, 2 autumn, 3 winter
  if (season == 3) return {EpochDayOf(y, 12, 1), EpochDayOf(y + 1, 2, MonthLength(y + 1, 2))};
  const int first = 3 + 3 * season;
  return {EpochDayOf(y, first, 1), EpochDayOf(y, first + 2, MonthLength(y, first + 2))};
}

Period MonthsFrom(int64_t day, int64_t months) {
  const temporal::CivilDate c = CivilOf(day);
  const int64_t index = c.year * 12 + (c.month - 1) + months;
  return Month(temporal::FloorDiv(index, 12), int(temporal::FloorMod(index, 12)) + 1);
}

bool Capitalised(const Token& t) { return !t.raw.empty() && std::isupper(static_cast<unsigned char>(t.raw[0])); }

std::optional<int> WeekdayOf(const Token& t) {
  static constexpr std::array<std::string_view, 7> kDays = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  if (!Capitalised(t)) return std::nullopt;
  for (size_t i = 0; i < kDays.size(); ++i)
    if (t.low == kDays[i]) return int(i) + 1;
  return std::nullopt;
}

std::optional<int> SeasonOf(const Token& t) {
  if (t.low == "spring") return 0;
  if (t.low == "summer") return 1;
  if (t.low == "autumn" || t.low == "fall") return 2;
  if (t.low == "winter") return 3;
  return std::nullopt;
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

std::optional<int64_t> YearOf(const Token& t) {
  if (t.raw.size() != 4 || !AllDigits(t.raw)) return std::nullopt;
  const int64_t y = std::stoll(std::string(t.raw));
  if (y < 1000 || y > 2999) return std::nullopt;
  return y;
}

std::optional<int> DayNumberOf(const Token& t) {
  std::string_view s = t.low;
  for (std::string_view suffix : {"st", "nd", "rd", "th"}) {
    if (s.size() > 2 && s.substr(s.size() - 2) == suffix) {
      s.remove_suffix(2);
      break;
    }
  }
  if (s.empty() || s.size() > 2 || !AllDigits(s)) return std::nullopt;
  const int d = std::stoi(std::string(s));
  if (d < 1 || d > 31) return std::nullopt;
  return d;
}

// How many: "3", "three", "a".
std::optional<int64_t> CountOf(const Token& t) {
  static constexpr std::array<std::string_view, 13> kWords = {
      "zero", "one", "two",   "three", "four",   "five",  "six",
      "seven", "eight", "nine", "ten",  "eleven", "twelve"};
  if (t.low == "a" || t.low == "an") return 1;
  for (size_t i = 0; i < kWords.size(); ++i)
    if (t.low == kWords[i]) return int64_t(i);
  if (t.low == "twenty") return 20;
  if (t.low == "thirty") return 30;
  if (t.raw.size() <= 3 && AllDigits(t.raw)) return std::stoll(std::string(t.raw));
  return std::nullopt;
}

std::optional<TimeGranularity> UnitOf(const Token& t) {
  std::string_view u = t.low;
  if (u.size() > 1 && u.back() == 's') u.remove_suffix(1);
  if (u == "day") return TimeGranularity::kDay;
  if (u == "week") return TimeGranularity::kWeek;
  if (u == "month") return TimeGranularity::kMonth;
  if (u == "year") return TimeGranularity::kYear;
  if (u == "decade") return TimeGranularity::kDecade;
  return std::nullopt;
}

// The day `n` units after `day` (negative: before), the day of the month
// kept where the month has it.
int64_t AddUnits(int64_t day, int64_t n, TimeGranularity unit) {
  switch (unit) {
    case TimeGranularity::kDay: return day + n;
    case TimeGranularity::kWeek: return day + 7 * n;
    case TimeGranularity::kMonth:
    case TimeGranularity::kYear: {
      const temporal::CivilDate c = CivilOf(day);
      const int64_t index = c.year * 12 + (c.month - 1) + (unit == TimeGranularity::kYear ? 12 * n : n);
      const int64_t y = temporal::FloorDiv(index, 12);
      const int m = int(temporal::FloorMod(index, 12)) + 1;
      return EpochDayOf(y, m, std::min(c.day, MonthLength(y, m)));
    }
    default: return day;
  }
}

// The period `n` units from `day` (negative: before it).
Period Shift(int64_t day, int64_t n, TimeGranularity unit) {
  switch (unit) {
    case TimeGranularity::kDay: return Day(day + n);
    case TimeGranularity::kWeek: return Week(day + 7 * n);
    case TimeGranularity::kMonth: return MonthsFrom(day, n);
    case TimeGranularity::kYear: return Year(CivilOf(day).year + n);
    case TimeGranularity::kDecade: {
      const int64_t y = CivilOf(day).year + 10 * n;
      return Year(y);
    }
    case TimeGranularity::kSeason:
    case TimeGranularity::kCentury: break;
  }
  return Day(day);
}

// Words after a bare 4-digit number that still leave it a year: function
// words, not a counted noun ("in 2000 cases").
bool YearMayPrecede(const Token* next) {
  if (next == nullptr || !next->word || Capitalised(*next)) return true;
  static constexpr std::array<std::string_view, 46> kFollow = {
      "and", "or", "but", "when", "after", "before", "as", "at", "in", "on", "to", "for",
      "with", "by", "from", "that", "which", "the", "a", "he", "she", "it", "they", "we",
      "i", "was", "were", "is", "had", "has", "have", "said", "until", "while", "because",
      "during", "amid", "against", "its", "their", "still", "also", "again", "only", "already",
      "then"};
  return std::find(kFollow.begin(), kFollow.end(), next->low) != kFollow.end();
}

}  // namespace quiver::ingest::time_words
