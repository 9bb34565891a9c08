#include "ingest/time_expression.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "ingest/document_reader_dates.h"
#include "ingest/time_expression_words.h"
#include "util/temporal.h"

namespace quiver::ingest {

namespace {

using temporal::CivilOf;
using temporal::DayOfWeek;
using temporal::EpochDayOf;
using temporal::MonthLength;
using time_words::AddUnits;
using time_words::AllDigits;
using time_words::Capitalised;
using time_words::CountOf;
using time_words::Day;
using time_words::DayNumberOf;
using time_words::Month;
using time_words::MonthsFrom;
using time_words::Period;
using time_words::Season;
using time_words::SeasonOf;
using time_words::Shift;
using time_words::Token;
using time_words::Tokenize;
using time_words::UnitOf;
using time_words::Week;
using time_words::WeekdayOf;
using time_words::Year;
using time_words::YearMayPrecede;
using time_words::YearOf;

// The result of reading one date-like phrase.
struct Hit {
  size_t next = 0;                // The token after it.
  std::optional<Period> period;   // Unset: relative and no document date.
  TimeGranularity granularity = TimeGranularity::kDay;
  bool relative = false;          // Needed the document's date.
};

class Finder {
 public:
  Finder(std::string_view sentence, std::optional<int64_t> doc)
      : sentence_(sentence), tokens_(Tokenize(sentence)), doc_(doc) {}

  std::vector<TimeExpression> Run() {
    size_t i = 0;
    while (i < tokens_.size()) {
      size_t next = Match(i);
      i = next > i ? next : i + 1;
    }
    return std::move(out_);
  }

 private:
  const Token* At(size_t i) const { return i < tokens_.size() ? &tokens_[i] : nullptr; }
  bool Is(size_t i, std::string_view low) const { return i < tokens_.size() && tokens_[i].low == low; }
  // Skips an abbreviation's full stop or a comma.
  size_t Skip(size_t i, std::string_view punct) const { return Is(i, punct) ? i + 1 : i; }

  std::optional<int> MonthAt(size_t i, size_t* next) const {
    const Token* t = At(i);
    if (t == nullptr || !t->word || !Capitalised(*t)) return std::nullopt;
    auto m = MonthFromName(t->low);
    if (!m) return std::nullopt;
    // An abbreviation ("Oct", "Jan") may be a name: it needs its full stop
    // or a day after it. "May" and "March" are words too, which is why a
    // month alone is a date only after a preposition (Date's `bare`).
    *next = i + 1;
    const bool full = t->low.size() > 4 || t->low == "may" || t->low == "june" || t->low == "july";
    if (!full) {
      if (Is(i + 1, ".")) {
        *next = i + 2;
      } else if (const Token* d = At(i + 1); d == nullptr || !DayNumberOf(*d)) {
        return std::nullopt;
      }
    }
    return m;
  }

  std::optional<Period> InDocYear(int month, int day) const {
    if (!doc_) return std::nullopt;
    const int64_t y = CivilOf(*doc_).year;
    if (day > MonthLength(y, month)) return std::nullopt;
    return Day(EpochDayOf(y, month, day));
  }

  std::optional<Hit> DayOf(int64_t y, int month, int day, size_t next) const {
    if (day > MonthLength(y, month)) return std::nullopt;
    return Hit{next, Day(EpochDayOf(y, month, day)), TimeGranularity::kDay, false};
  }

  // A weekday: the latest on or before the document's date (`shift` -1:
  // strictly before, +1: strictly after).
  std::optional<Period> Weekday(int weekday, int shift) const {
    if (!doc_) return std::nullopt;
    int64_t d = *doc_;
    if (shift > 0) {
      d += 1;
      while (DayOfWeek(d) != weekday) ++d;
      return Day(d);
    }
    if (shift < 0) d -= 1;
    while (DayOfWeek(d) != weekday) --d;
    return Day(d);
  }

  // A date, month, season, year or decade at `i`. `bare` allows the forms
  // that are dates only after a preposition: a month alone, a year alone,
  // a season.
  std::optional<Hit> Date(size_t i, bool bare) const {
    const Token* t = At(i);
    if (t == nullptr || !t->word) return std::nullopt;
    // 2016-10-11
    if (t->raw.size() == 10 && t->raw[4] == '-' && t->raw[7] == '-') {
      const std::string s(t->raw);
      if (AllDigits(s.substr(0, 4)) && AllDigits(s.substr(5, 2)) && AllDigits(s.substr(8, 2))) {
        const int64_t y = std::stoll(s.substr(0, 4));
        const int m = std::stoi(s.substr(5, 2)), d = std::stoi(s.substr(8, 2));
        if (y >= 1000 && m >= 1 && m <= 12 && d >= 1) return DayOf(y, m, d, i + 1);
      }
      return std::nullopt;
    }
    // Tuesday, October 11 / Tuesday night
    if (auto wd = WeekdayOf(*t)) {
      if (auto dated = Date(Skip(i + 1, ","), false); dated && dated->granularity == TimeGranularity::kDay)
        return dated;
      size_t next = i + 1;
      if (const Token* part = At(next); part && (part->low == "night" || part->low == "morning" ||
                                                 part->low == "afternoon" || part->low == "evening"))
        ++next;
      return Hit{next, Weekday(*wd, 0), TimeGranularity::kDay, true};
    }
    // 11 October 2016 / 11 October
    if (auto day = DayNumberOf(*t)) {
      size_t after = 0;
      auto m = MonthAt(i + 1, &after);
      if (!m) return std::nullopt;
      if (const Token* y = At(Skip(after, ",")); y && YearOf(*y))
        return DayOf(*YearOf(*y), *m, *day, Skip(after, ",") + 1);
      return Hit{after, InDocYear(*m, *day), TimeGranularity::kDay, true};
    }
    // October 11, 2016 / October 11 / October 2016 / October
    size_t after = 0;
    if (auto m = MonthAt(i, &after)) {
      if (const Token* d = At(after); d && DayNumberOf(*d) && !YearOf(*d)) {
        const size_t y_at = Skip(after + 1, ",");
        if (const Token* y = At(y_at); y && YearOf(*y)) return DayOf(*YearOf(*y), *m, *DayNumberOf(*d), y_at + 1);
        return Hit{after + 1, InDocYear(*m, *DayNumberOf(*d)), TimeGranularity::kDay, true};
      }
      // "August of last year", "March next year".
      const size_t d_at = Is(after, "of") ? after + 1 : after;
      if ((Is(d_at, "last") || Is(d_at, "next") || Is(d_at, "this")) && Is(d_at + 1, "year")) {
        std::optional<Period> p;
        if (doc_) {
          const int shift = Is(d_at, "last") ? -1 : Is(d_at, "next") ? 1 : 0;
          p = Month(CivilOf(*doc_).year + shift, *m);
        }
        return Hit{d_at + 2, p, TimeGranularity::kMonth, true};
      }
      const size_t y_at = Is(after, "of") ? after + 1 : Skip(after, ",");
      if (const Token* y = At(y_at); y && YearOf(*y))
        return Hit{y_at + 1, Month(*YearOf(*y), *m), TimeGranularity::kMonth, false};
      if (!bare) return std::nullopt;
      std::optional<Period> p;
      if (doc_) p = Month(CivilOf(*doc_).year, *m);
      return Hit{after, p, TimeGranularity::kMonth, true};
    }
    // the spring of 2015 / spring 2015 / the summer
    if (t->low == "the" || SeasonOf(*t)) {
      const size_t s_at = t->low == "the" ? i + 1 : i;
      const Token* s = At(s_at);
      if (s && SeasonOf(*s) && (t->low == "the" || bare || s->low != "fall")) {
        const size_t y_at = Is(s_at + 1, "of") ? s_at + 2 : s_at + 1;
        if (const Token* y = At(y_at); y && YearOf(*y))
          return Hit{y_at + 1, Season(*YearOf(*y), *SeasonOf(*s)), TimeGranularity::kSeason, false};
        if (!bare && t->low != "the") return std::nullopt;
        std::optional<Period> p;
        if (doc_) p = Season(CivilOf(*doc_).year, *SeasonOf(*s));
        return Hit{s_at + 1, p, TimeGranularity::kSeason, true};
      }
      // the 1990s
      if (t->low == "the" && s && s->low.size() == 5 && s->low.back() == 's') return Decade(s_at);
      if (t->low == "the" && s && Is(s_at + 1, "century")) return Century(s_at);
      return std::nullopt;
    }
    if (t->low.size() == 5 && t->low.back() == 's') return Decade(i);
    if (Is(i + 1, "century")) return Century(i);
    // 2016
    if (auto y = YearOf(*t); y && bare && YearMayPrecede(At(i + 1)))
      return Hit{i + 1, Year(*y), TimeGranularity::kYear, false};
    return std::nullopt;
  }

  std::optional<Hit> Decade(size_t i) const {
    const Token& t = tokens_[i];
    const std::string_view digits = std::string_view(t.low).substr(0, 4);
    if (!AllDigits(digits) || digits.back() != '0') return std::nullopt;
    const int64_t y = std::stoll(std::string(digits));
    if (y < 1000) return std::nullopt;
    return Hit{i + 1, Period{Year(y).start, Year(y + 9).end}, TimeGranularity::kDecade, false};
  }

  // "20th century", "twentieth century" at `i` (the word "century" after).
  std::optional<Hit> Century(size_t i) const {
    static constexpr std::array<std::string_view, 21> kOrdinals = {
        "",          "first",       "second",     "third",      "fourth",    "fifth",
        "sixth",     "seventh",     "eighth",     "ninth",      "tenth",     "eleventh",
        "twelfth",   "thirteenth",  "fourteenth", "fifteenth",  "sixteenth", "seventeenth",
        "eighteenth", "nineteenth", "twentieth"};
    const Token& t = tokens_[i];
    int64_t n = 0;
    for (size_t k = 1; k < kOrdinals.size(); ++k)
      if (t.low == kOrdinals[k]) n = int64_t(k);
    if (t.low == "twenty-first") n = 21;
    if (n == 0 && t.low.size() >= 3 && t.low.size() <= 4 && AllDigits(t.low.substr(0, t.low.size() - 2)))
      n = std::stoll(t.low.substr(0, t.low.size() - 2));
    if (n < 11 || n > 29) return std::nullopt;  // Years 1001 to 2900, as elsewhere.
    return Hit{i + 2, Period{Year((n - 1) * 100 + 1).start, Year(n * 100).end},
               TimeGranularity::kCentury, false};
  }

  // "last week", "next month", "this year", "last Tuesday", "last October",
  // "last spring", "earlier this month".
  std::optional<Hit> Deictic(size_t i) const {
    const Token* t = At(i);
    if (t == nullptr) return std::nullopt;
    int shift = 0;
    size_t at = i + 1;
    bool earlier = false, later = false;
    if (t->low == "earlier" || t->low == "later") {
      if (!Is(i + 1, "this")) return std::nullopt;
      earlier = t->low == "earlier";
      later = !earlier;
      at = i + 2;
    } else if (t->low == "last") {
      // Not "past" or "previous": "the past week" is the last seven days,
      // "the previous week" the week before the story's, not the calendar
      // week before the document's.
      shift = -1;
    } else if (t->low == "next" || t->low == "coming") {
      shift = 1;
    } else if (t->low != "this") {
      return std::nullopt;
    }
    const Token* u = At(at);
    if (u == nullptr) return std::nullopt;
    if (u->low == "night" && shift == -1) return Hit{at + 1, doc_ ? std::optional(Day(*doc_ - 1)) : std::nullopt, TimeGranularity::kDay, true};
    if (auto wd = WeekdayOf(*u); wd && !earlier && !later)
      return Hit{at + 1, Weekday(*wd, shift), TimeGranularity::kDay, true};
    if (auto unit = UnitOf(*u); unit && u->low.back() != 's' && *unit != TimeGranularity::kDay &&
                                *unit != TimeGranularity::kDecade) {
      std::optional<Period> p;
      if (doc_) {
        p = Shift(*doc_, shift, *unit);
        if (earlier) p->end = *doc_;
        if (later) p->start = *doc_;
      }
      return Hit{at + 1, p, *unit, true};
    }
    if (u->low == "weekend" && !earlier && !later) {
      std::optional<Period> p;
      if (doc_) {
        const int64_t saturday = Week(*doc_ + 7 * shift).start + 5;
        p = Period{saturday, saturday + 1};
      }
      return Hit{at + 1, p, TimeGranularity::kWeek, true};
    }
    if (earlier || later) return std::nullopt;
    size_t after = 0;
    if (auto m = MonthAt(at, &after)) {
      std::optional<Period> p;
      if (doc_) {
        const temporal::CivilDate c = CivilOf(*doc_);
        int64_t y = c.year;
        if (shift < 0 && *m >= c.month) --y;
        if (shift > 0 && *m <= c.month) ++y;
        p = Month(y, *m);
      }
      return Hit{after, p, TimeGranularity::kMonth, true};
    }
    if (auto s = SeasonOf(*u)) {
      std::optional<Period> p;
      if (doc_) {
        int64_t y = CivilOf(*doc_).year;
        p = Season(y, *s);
        if (shift < 0 && p->end >= *doc_) p = Season(y - 1, *s);
        if (shift > 0 && p->start <= *doc_) p = Season(y + 1, *s);
      }
      return Hit{at + 1, p, TimeGranularity::kSeason, true};
    }
    return std::nullopt;
  }

  // "yesterday", "today", "tomorrow", "tonight".
  std::optional<Hit> NamedDay(size_t i) const {
    const Token* t = At(i);
    if (t == nullptr) return std::nullopt;
    int offset = 0;
    if (t->low == "yesterday") offset = -1;
    else if (t->low == "tomorrow") offset = 1;
    else if (t->low != "today" && t->low != "tonight") return std::nullopt;
    size_t next = i + 1;
    if (const Token* part = At(next); part && (part->low == "morning" || part->low == "afternoon" ||
                                               part->low == "evening" || part->low == "night"))
      ++next;
    return Hit{next, doc_ ? std::optional(Day(*doc_ + offset)) : std::nullopt, TimeGranularity::kDay, true};
  }

  // "three days ago" (from the document's date), "two days later" and
  // "a week earlier" (from the anchor), "the next day".
  std::optional<std::pair<Hit, TimeKind>> Distance(size_t i) const {
    const Token* t = At(i);
    if (t == nullptr) return std::nullopt;
    std::optional<int64_t> n;
    size_t at = i;
    if (t->low == "the" && (Is(i + 1, "next") || Is(i + 1, "following") || Is(i + 1, "previous")) &&
        Is(i + 2, "day")) {
      const int64_t sign = Is(i + 1, "previous") ? -1 : 1;
      return std::pair{Hit{i + 3, Relative(sign, TimeGranularity::kDay), TimeGranularity::kDay, true},
                       TimeKind::kRelative};
    }
    if (t->low == "the" && (Is(i + 1, "next") || Is(i + 1, "coming") || Is(i + 1, "past") ||
                            Is(i + 1, "last"))) {
      if (auto h = Span(i + 1)) return std::pair{*h, TimeKind::kInterval};
    }
    n = CountOf(*t);
    if (!n) return std::nullopt;
    ++at;
    const Token* u = At(at);
    if (u == nullptr) return std::nullopt;
    auto unit = UnitOf(*u);
    if (!unit) return std::nullopt;
    ++at;
    if (Is(at, "ago")) {
      std::optional<Period> p;
      if (doc_) p = Shift(*doc_, -*n, *unit);
      return std::pair{Hit{at + 1, p, *unit, true}, TimeKind::kPoint};
    }
    if (Is(at, "later") || Is(at, "earlier")) {
      const int64_t sign = Is(at, "later") ? 1 : -1;
      return std::pair{Hit{at + 1, Relative(sign * *n, *unit), *unit, true}, TimeKind::kRelative};
    }
    return std::nullopt;
  }

  // "next few weeks", "past two years", "past year" at `i` (after "the"):
  // from the day after the document's date, or up to it. "Few" is taken as
  // three.
  std::optional<Hit> Span(size_t i) const {
    const bool ahead = Is(i, "next") || Is(i, "coming");
    size_t at = i + 1;
    int64_t n = 1;
    bool counted = false;
    if (Is(at, "few")) {
      n = 3;
      counted = true;
      ++at;
    } else if (const Token* c = At(at); c && c->low != "a" && c->low != "an" && CountOf(*c)) {
      n = *CountOf(*c);
      counted = true;
      ++at;
    }
    const Token* u = At(at);
    if (u == nullptr) return std::nullopt;
    auto unit = UnitOf(*u);
    if (!unit || *unit == TimeGranularity::kDecade) return std::nullopt;
    if ((u->low.back() == 's') != (counted && n != 1)) return std::nullopt;  // "past years"
    std::optional<Period> p;
    if (doc_) {
      p = ahead ? Period{*doc_ + 1, AddUnits(*doc_, n, *unit)}
                : Period{AddUnits(*doc_, -n, *unit), *doc_};
    }
    return Hit{at + 1, p, *unit, true};
  }

  // `n` units from the anchor: the last day-precise expression before it in
  // the sentence, else the document's date.
  std::optional<Period> Relative(int64_t n, TimeGranularity unit) const {
    std::optional<int64_t> anchor = doc_;
    for (auto it = out_.rbegin(); it != out_.rend(); ++it) {
      if (it->granularity == TimeGranularity::kDay && it->start && it->kind != TimeKind::kSince &&
          it->kind != TimeKind::kUntil) {
        anchor = it->start;
        break;
      }
    }
    if (!anchor) return std::nullopt;
    return Shift(*anchor, n, unit);
  }

  void Emit(size_t first, size_t next, const std::optional<Period>& p, TimeGranularity g,
            TimeKind kind, std::optional<int64_t> start, std::optional<int64_t> end) {
    TimeExpression e;
    e.begin = tokens_[first].begin;
    e.end = tokens_[next - 1].end;
    // A trailing abbreviation stop belongs to the month, not the sentence;
    // a bare one at the end is the sentence's.
    if (tokens_[next - 1].raw == ".") e.end = tokens_[next - 2].end;
    e.text = std::string(sentence_.substr(e.begin, e.end - e.begin));
    e.granularity = g;
    e.kind = kind;
    if (p || start || end) {
      e.start = start;
      e.end_day = end;
    }
    out_.push_back(std::move(e));
  }

  void EmitPoint(size_t first, const Hit& h, TimeKind kind = TimeKind::kPoint) {
    Emit(first, h.next, h.period, h.granularity, kind,
         h.period ? std::optional(h.period->start) : std::nullopt,
         h.period ? std::optional(h.period->end) : std::nullopt);
  }

  // The expression starting at token `i`; returns the token after it, or
  // `i` when there is none.
  size_t Match(size_t i) {
    const Token& t = tokens_[i];
    if (!t.word) return i;
    // Prepositions that make a date of a month or a year alone.
    static constexpr std::array<std::string_view, 12> kPrepositions = {
        "in", "on", "during", "of", "at", "throughout", "around", "circa",
        "early", "late", "mid", "from"};
    if (t.low == "since" || t.low == "after") {
      auto h = Date(Modifiers(i + 1), true);
      if (!h) h = Deictic(i + 1);  // "since last year"
      // "since March" in a February story is last year's March.
      if (h && h->period && h->relative && doc_ && h->period->start > *doc_)
        h->period = Rolled(*h, -1);
      if (h && h->period) {
        const int64_t start = t.low == "since" ? h->period->start : h->period->end + 1;
        std::optional<int64_t> end;
        if (doc_ && *doc_ >= start) end = *doc_;
        Emit(i, h->next, h->period, h->granularity, TimeKind::kSince, start, end);
        return h->next;
      } else if (h) {
        Emit(i, h->next, std::nullopt, h->granularity, TimeKind::kSince, std::nullopt, std::nullopt);
        return h->next;
      }
      return i;
    }
    if (t.low == "until" || t.low == "till" || t.low == "by" || t.low == "before" ||
        t.low == "through") {
      auto h = Date(Modifiers(i + 1), true);
      if (!h) h = Deictic(i + 1);  // "by next week"
      // "until March" in an October story is next year's March.
      if (h && h->period && h->relative && doc_ && h->period->end < *doc_)
        h->period = Rolled(*h, 1);
      if (h && h->period) {
        const int64_t end = t.low == "before" ? h->period->start - 1 : h->period->end;
        std::optional<int64_t> start;
        if (doc_ && *doc_ <= end) start = *doc_;
        Emit(i, h->next, h->period, h->granularity, TimeKind::kUntil, start, end);
        return h->next;
      } else if (h) {
        Emit(i, h->next, std::nullopt, h->granularity, TimeKind::kUntil, std::nullopt, std::nullopt);
        return h->next;
      }
      return i;
    }
    if (t.low == "between" || t.low == "from") {
      auto a = Date(Modifiers(i + 1), true);
      const std::string_view joint = t.low == "between" ? "and" : "to";
      if (a && (Is(a->next, joint) || (t.low == "from" && Is(a->next, "until")))) {
        if (auto b = Date(Modifiers(a->next + 1), true)) {
          std::optional<Period> p;
          if (a->period && b->period && b->period->end >= a->period->start)
            p = Period{a->period->start, b->period->end};
          EmitPoint(i, Hit{b->next, p, a->granularity, a->relative || b->relative},
                    TimeKind::kInterval);
          return b->next;
        }
      }
    }
    if (std::find(kPrepositions.begin(), kPrepositions.end(), t.low) != kPrepositions.end()) {
      const size_t at = Modifiers(i + 1);
      if (auto h = Date(at, true)) {
        EmitPoint(i, *h);
        return h->next;
      }
      if (auto h = Deictic(at)) {
        EmitPoint(i, *h);
        return h->next;
      }
      if (auto d = Distance(at); d && d->second == TimeKind::kInterval) {  // "in the next few weeks"
        EmitPoint(i, d->first, d->second);
        return d->first.next;
      }
    }
    if (auto h = Deictic(i)) {
      EmitPoint(i, *h);
      return h->next;
    }
    if (auto h = NamedDay(i)) {
      EmitPoint(i, *h);
      return h->next;
    }
    if (auto d = Distance(i)) {
      EmitPoint(i, d->first, d->second);
      return d->first.next;
    }
    if (auto h = Date(i, false)) {
      EmitPoint(i, *h);
      return h->next;
    }
    return i;
  }

  // A month or season of the document's year moved a year (only those: a
  // weekday or a named day is already placed by the document's date).
  static Period Rolled(const Hit& h, int years) {
    if (h.granularity != TimeGranularity::kMonth && h.granularity != TimeGranularity::kSeason)
      return *h.period;
    const temporal::CivilDate a = CivilOf(h.period->start), b = CivilOf(h.period->end);
    return {EpochDayOf(a.year + years, a.month, std::min(a.day, MonthLength(a.year + years, a.month))),
            EpochDayOf(b.year + years, b.month, MonthLength(b.year + years, b.month))};
  }

  // Past "early", "late", "mid", "the" before a date ("in early October",
  // "in the spring" keeps its "the" for Date).
  size_t Modifiers(size_t i) const {
    while (Is(i, "early") || Is(i, "late") || Is(i, "mid") || Is(i, "mid-")) ++i;
    return i;
  }

  std::string_view sentence_;
  std::vector<Token> tokens_;
  std::optional<int64_t> doc_;
  std::vector<TimeExpression> out_;
};

}  // namespace

const char* GranularityName(TimeGranularity g) {
  switch (g) {
    case TimeGranularity::kDay: return "day";
    case TimeGranularity::kWeek: return "week";
    case TimeGranularity::kMonth: return "month";
    case TimeGranularity::kSeason: return "season";
    case TimeGranularity::kYear: return "year";
    case TimeGranularity::kDecade: return "decade";
    case TimeGranularity::kCentury: return "century";
  }
  return "day";
}

const char* TimeKindName(TimeKind k) {
  switch (k) {
    case TimeKind::kPoint: return "point";
    case TimeKind::kInterval: return "interval";
    case TimeKind::kSince: return "since";
    case TimeKind::kUntil: return "until";
    case TimeKind::kRelative: return "relative";
  }
  return "point";
}

std::vector<TimeExpression> FindTimeExpressions(std::string_view sentence,
                                                std::optional<int64_t> document_day) {
  return Finder(sentence, document_day).Run();
}

}  // namespace quiver::ingest
