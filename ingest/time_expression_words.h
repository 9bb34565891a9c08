// The words and the calendar that ingest/time_expression.cc's patterns are
// made of: a sentence's tokens, what a word can be in a date (a weekday, a
// year, a day of the month, a count, a unit), and the days a month, week,
// season or year covers.

#ifndef QUIVER_INGEST_TIME_EXPRESSION_WORDS_H_
#define QUIVER_INGEST_TIME_EXPRESSION_WORDS_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/time_expression.h"

namespace quiver::ingest::time_words {

// A word or number (with inner hyphens and apostrophes: "2016-10-11",
// "mid-2015"), or one punctuation character; a multi-byte UTF-8 character
// is one token too, so a dash or a typographic quote separates.
struct Token {
  std::string_view raw;
  std::string low;  // ASCII lower case.
  size_t begin = 0;  // Byte span in the sentence.
  size_t end = 0;
  bool word = false;
};
std::vector<Token> Tokenize(std::string_view s);

// Days (since 1970-01-01) covered, inclusive.
struct Period {
  int64_t start = 0;
  int64_t end = 0;
};
Period Day(int64_t d);
Period Month(int64_t y, int m);
Period Year(int64_t y);
Period Week(int64_t d);                // Monday to Sunday (ISO).
Period Season(int64_t y, int season);  // 0 spring … 3 winter (into y + 1).
Period MonthsFrom(int64_t day, int64_t months);
// The day `n` units after `day` (negative: before); the day of the month is
// kept where the month has it.
int64_t AddUnits(int64_t day, int64_t n, TimeGranularity unit);
// The period of `unit` holding the day `n` units from `day`.
Period Shift(int64_t day, int64_t n, TimeGranularity unit);

bool Capitalised(const Token& t);
bool AllDigits(std::string_view s);
std::optional<int> WeekdayOf(const Token& t);  // 1 = Monday; capitalised only.
std::optional<int> SeasonOf(const Token& t);   // As Season.
std::optional<int64_t> YearOf(const Token& t);  // Four digits, 1000–2999.
std::optional<int> DayNumberOf(const Token& t);  // "11", "11th": 1–31.
std::optional<int64_t> CountOf(const Token& t);  // "3", "three", "a".
std::optional<TimeGranularity> UnitOf(const Token& t);  // "day(s)" … "decade(s)".
// Whether a four-digit number followed by `next` (null: nothing) may be a
// year: not before a counted noun ("in 2000 cases").
bool YearMayPrecede(const Token* next);

}  // namespace quiver::ingest::time_words

#endif  // QUIVER_INGEST_TIME_EXPRESSION_WORDS_H_
