// util/temporal*.h: the calendar, ISO 8601 parsing and formatting, building
// from fields, arithmetic, durations between instants, comparison.

#include "util/temporal.h"

#include <gtest/gtest.h>

#include "util/temporal_build.h"
#include "util/temporal_format.h"
#include "util/temporal_parse.h"
#include "util/time_zone.h"

namespace quiver::temporal {
namespace {

// Parses and prints again: the canonical text of `text` read as `kind`.
std::string Canon(Kind kind, std::string_view text) {
  auto t = Parse(kind, text);
  if (!t.ok()) return "ERROR " + std::string(t.status().message());
  return Format(*t);
}

TemporalValue P(Kind kind, std::string_view text) {
  auto t = Parse(kind, text);
  EXPECT_TRUE(t.ok()) << text << ": " << t.status();
  return t.ok() ? *t : TemporalValue{};
}

TEST(TemporalCalendar, EpochDaysRoundTripAcrossEras) {
  for (int64_t day : {int64_t{-719528}, int64_t{0}, int64_t{11016}, int64_t{2932896},
                      EpochDayOf(kMinYear, 1, 1), EpochDayOf(kMaxYear, 12, 31)}) {
    CivilDate c = CivilOf(day);
    EXPECT_EQ(EpochDayOf(c.year, c.month, c.day), day);
  }
  EXPECT_EQ(EpochDayOf(1970, 1, 1), 0);
  EXPECT_EQ(DayOfWeek(0), 4);  // 1970-01-01 was a Thursday.
}

TEST(TemporalCalendar, IsoWeeksStartOnTheWeekOfTheFirstThursday) {
  WeekDate w = WeekDateOf(EpochDayOf(1984, 1, 1));
  EXPECT_EQ(w.week_year, 1983);
  EXPECT_EQ(w.week, 52);
  EXPECT_EQ(w.day_of_week, 7);
  w = WeekDateOf(EpochDayOf(1984, 10, 11));
  EXPECT_EQ(w.week, 41);
  EXPECT_EQ(EpochDayOfWeekDate(2015, 30, 2), EpochDayOf(2015, 7, 21));
  EXPECT_EQ(WeeksInYear(2015), 53);
}

TEST(TemporalParse, DatesInEveryIsoForm) {
  for (auto text : {"2015-07-21", "20150721", "2015-W30-2", "2015W302", "2015-202", "2015202"})
    EXPECT_EQ(Canon(Kind::kDate, text), "2015-07-21") << text;
  EXPECT_EQ(Canon(Kind::kDate, "201507"), "2015-07-01");
  EXPECT_EQ(Canon(Kind::kDate, "2015-W30"), "2015-07-20");
  EXPECT_EQ(Canon(Kind::kDate, "2015"), "2015-01-01");
  EXPECT_EQ(Canon(Kind::kDate, "-999999999-01-01"), "-999999999-01-01");
  EXPECT_EQ(Canon(Kind::kDate, "+999999999-12-31"), "+999999999-12-31");
  EXPECT_EQ(Canon(Kind::kDate, "-0001-01-01"), "-0001-01-01");
}

TEST(TemporalParse, RejectsImpossibleDatesAndTrailingText) {
  EXPECT_NE(Canon(Kind::kDate, "2015-02-29").find("ERROR"), std::string::npos);
  EXPECT_NE(Canon(Kind::kDate, "2015-13-01").find("ERROR"), std::string::npos);
  EXPECT_NE(Canon(Kind::kDate, "2015-07-21T10:00").find("ERROR"), std::string::npos);
  EXPECT_NE(Canon(Kind::kLocalTime, "25:00").find("ERROR"), std::string::npos);
  EXPECT_NE(Canon(Kind::kDateTime, "2015-07-21T10:00[Nowhere/Atlantis]").find("ERROR"),
            std::string::npos);
}

TEST(TemporalParse, TimesOffsetsAndFractions) {
  EXPECT_EQ(Canon(Kind::kLocalTime, "214032.142"), "21:40:32.142");
  EXPECT_EQ(Canon(Kind::kLocalTime, "21"), "21:00");
  EXPECT_EQ(Canon(Kind::kLocalTime, "12:31:14.645876123"), "12:31:14.645876123");
  EXPECT_EQ(Canon(Kind::kLocalTime, "12:31:14,5"), "12:31:14.500");
  EXPECT_EQ(Canon(Kind::kTime, "21:40:32.142+0100"), "21:40:32.142+01:00");
  EXPECT_EQ(Canon(Kind::kTime, "2140-00:00"), "21:40Z");
  EXPECT_EQ(Canon(Kind::kTime, "2140-02"), "21:40-02:00");
  EXPECT_EQ(Canon(Kind::kTime, "14:30"), "14:30Z");  // No offset: UTC.
}

TEST(TemporalParse, DateTimesWithNamedZones) {
  EXPECT_EQ(Canon(Kind::kDateTime, "2015-07-21T21:40:32.142[Europe/London]"),
            "2015-07-21T21:40:32.142+01:00[Europe/London]");
  // Stockholm kept local mean time until 1879.
  EXPECT_EQ(Canon(Kind::kDateTime, "1818-07-21T21:40:32.142[Europe/Stockholm]"),
            "1818-07-21T21:40:32.142+00:53:28[Europe/Stockholm]");
  // 02:30 did not happen on 2017-03-26 in Stockholm: the time moves on by
  // the gap.
  EXPECT_EQ(Canon(Kind::kDateTime, "2017-03-26T02:30[Europe/Stockholm]"),
            "2017-03-26T03:30+02:00[Europe/Stockholm]");
  // 02:30 happened twice on 2017-10-29: the offset given picks one.
  EXPECT_EQ(Canon(Kind::kDateTime, "2017-10-29T02:30+01:00[Europe/Stockholm]"),
            "2017-10-29T02:30+01:00[Europe/Stockholm]");
  EXPECT_EQ(Canon(Kind::kDateTime, "2017-10-29T02:30[Europe/Stockholm]"),
            "2017-10-29T02:30+02:00[Europe/Stockholm]");
}

TEST(TemporalParse, DurationsNormaliseAndCarryFractionsDown) {
  EXPECT_EQ(Canon(Kind::kDuration, "P14DT16H12M"), "P14DT16H12M");
  EXPECT_EQ(Canon(Kind::kDuration, "P5M1.5D"), "P5M1DT12H");
  EXPECT_EQ(Canon(Kind::kDuration, "P0.75M"), "P22DT19H51M49.5S");
  EXPECT_EQ(Canon(Kind::kDuration, "PT0.75M"), "PT45S");
  EXPECT_EQ(Canon(Kind::kDuration, "P2.5W"), "P17DT12H");
  EXPECT_EQ(Canon(Kind::kDuration, "P12Y5M14DT16H12M70S"), "P12Y5M14DT16H13M10S");
  EXPECT_EQ(Canon(Kind::kDuration, "P2012-02-02T14:37:21.545"), "P2012Y2M2DT14H37M21.545S");
  EXPECT_EQ(Canon(Kind::kDuration, "PT-1.999S"), "PT-1.999S");
  EXPECT_EQ(Canon(Kind::kDuration, "-P1DT2H"), "P-1DT-2H");
  EXPECT_EQ(Canon(Kind::kDuration, "PT0S"), "PT0S");
  EXPECT_NE(Canon(Kind::kDuration, "P1X").find("ERROR"), std::string::npos);
}

TEST(TemporalBuild, DatesFromEachFieldSet) {
  auto date = [](ValueMap m) {
    auto t = FromMap(Kind::kDate, m);
    return t.ok() ? Format(*t) : "ERROR " + std::string(t.status().message());
  };
  EXPECT_EQ(date({{"year", 1984}, {"month", 10}, {"day", 11}}), "1984-10-11");
  EXPECT_EQ(date({{"year", 1984}, {"week", 10}, {"dayOfWeek", 3}}), "1984-03-07");
  EXPECT_EQ(date({{"year", 1984}, {"quarter", 3}, {"dayOfQuarter", 45}}), "1984-08-14");
  EXPECT_EQ(date({{"year", 1984}, {"ordinalDay", 202}}), "1984-07-20");
  EXPECT_EQ(date({{"date", Value(P(Kind::kDate, "1984-10-11"))}, {"day", 28}}), "1984-10-28");
  EXPECT_EQ(date({{"month", 2}}), "ERROR a date needs a year");
  EXPECT_EQ(date({{"year", 1984}, {"month", 2}, {"day", 30}}).substr(0, 9), "ERROR day");
  EXPECT_EQ(date({{"yaer", 1984}}), "ERROR unknown temporal field 'yaer'");
}

TEST(TemporalBuild, DateTimeConvertsItsStartToAnotherZone) {
  ValueMap m{{"datetime", Value(P(Kind::kDateTime, "2015-07-21T21:40:32+01:00"))},
             {"timezone", "Europe/Stockholm"}};
  auto t = FromMap(Kind::kDateTime, m);
  ASSERT_TRUE(t.ok()) << t.status();
  EXPECT_EQ(Format(*t), "2015-07-21T22:40:32+02:00[Europe/Stockholm]");
}

TEST(TemporalBuild, TruncateThenSetFields) {
  TemporalValue dt = P(Kind::kDateTime, "2017-11-11T12:31:14.645876123+01:00");
  auto f = [&](Kind kind, std::string_view unit, ValueMap m = {}) {
    auto t = Truncate(kind, unit, dt, m);
    return t.ok() ? Format(*t) : "ERROR " + std::string(t.status().message());
  };
  EXPECT_EQ(f(Kind::kDate, "millennium"), "2000-01-01");
  EXPECT_EQ(f(Kind::kDate, "weekYear"), "2017-01-02");
  EXPECT_EQ(f(Kind::kDate, "quarter"), "2017-10-01");
  EXPECT_EQ(f(Kind::kDate, "week", {{"dayOfWeek", 2}}), "2017-11-07");
  EXPECT_EQ(f(Kind::kDateTime, "hour"), "2017-11-11T12:00+01:00");
  EXPECT_EQ(f(Kind::kLocalTime, "millisecond"), "12:31:14.645");
  EXPECT_EQ(f(Kind::kDate, "hour").substr(0, 5), "ERROR");
}

TEST(TemporalBuild, DurationFromMapExactOrApproximate) {
  auto d = [](ValueMap m) { return Format(*DurationFromMap(m)); };
  EXPECT_EQ(d({{"years", 12}, {"months", 5}, {"days", 14}, {"hours", 16}, {"minutes", 12},
               {"seconds", 70}, {"nanoseconds", 1}}),
            "P12Y5M14DT16H13M10.000000001S");
  EXPECT_EQ(d({{"seconds", -2}, {"milliseconds", 1}}), "PT-1.999S");
  EXPECT_EQ(d({{"seconds", -60}, {"milliseconds", -1}}), "PT-1M-0.001S");
  EXPECT_EQ(d({{"days", 1}, {"milliseconds", -1}}), "P1DT-0.001S");
  EXPECT_EQ(d({{"years", 12.5}, {"months", 5.5}, {"days", 14.5}, {"hours", 16.5},
               {"minutes", 12.5}, {"seconds", 70.5}, {"nanoseconds", 3}}),
            "P12Y11M29DT33H58M13.500000003S");
}

TEST(TemporalArithmetic, DatesTakeMonthsThenDaysThenWholeDaysOfSeconds) {
  TemporalValue d = P(Kind::kDuration, "P12Y11M29DT33H58M13.500000003S");
  auto plus = [&](Kind kind, std::string_view text, bool sub) {
    return Format(*AddDuration(P(kind, text), d, sub));
  };
  EXPECT_EQ(plus(Kind::kDate, "1984-10-11", false), "1997-10-11");
  EXPECT_EQ(plus(Kind::kDate, "1984-10-11", true), "1971-10-12");
  EXPECT_EQ(plus(Kind::kLocalTime, "12:31:14.000000001", false), "22:29:27.500000004");
  EXPECT_EQ(plus(Kind::kLocalDateTime, "1984-10-11T12:31:14.000000001", true),
            "1971-10-12T02:33:00.499999998");
  EXPECT_EQ(Format(*AddDuration(P(Kind::kDate, "2015-01-31"), P(Kind::kDuration, "P1M"), false)),
            "2015-02-28");
}

TEST(TemporalArithmetic, DurationsAddAndScale) {
  TemporalValue a = P(Kind::kDuration, "P12Y5M14DT16H13M10.000000001S");
  EXPECT_EQ(Format(*AddDurations(a, a, true)), "PT0S");
  EXPECT_EQ(Format(*MultiplyDuration(a, int64_t{2})), "P24Y10M28DT32H26M20.000000002S");
  EXPECT_EQ(Format(*DivideDuration(a, 2.0)), "P6Y2M22DT13H21M8S");
  EXPECT_FALSE(DivideDuration(a, 0.0).ok());
}

TEST(TemporalBetween, CompletesEachSideFromTheOther) {
  auto between = [](TemporalValue a, TemporalValue b, Unit unit = Unit::kAll) {
    return Format(*Between(a, b, unit));
  };
  EXPECT_EQ(between(P(Kind::kDate, "1984-10-11"), P(Kind::kDate, "2015-06-24")), "P30Y8M13D");
  EXPECT_EQ(between(P(Kind::kDateTime, "2014-07-21T21:40:36.143+0200"), P(Kind::kDate, "2015-06-24")),
            "P11M2DT2H19M23.857S");
  EXPECT_EQ(between(P(Kind::kTime, "14:30"), P(Kind::kTime, "16:30+0100")), "PT1H");
  EXPECT_EQ(between(P(Kind::kDate, "2018-07-21"), P(Kind::kDateTime, "2016-07-21T21:40:32.142+0100"),
                    Unit::kMonths),
            "P-1Y-11M");
  EXPECT_EQ(between(P(Kind::kLocalTime, "12:44:54.7"), P(Kind::kLocalTime, "12:34:55.3"),
                    Unit::kSeconds),
            "PT-9M-59.4S");
  // Across the end of summer time in Stockholm: 25 hours in the day.
  EXPECT_EQ(between(P(Kind::kDateTime, "2017-10-29T00:00[Europe/Stockholm]"),
                    P(Kind::kDate, "2017-10-30"), Unit::kSeconds),
            "PT25H");
  EXPECT_EQ(between(P(Kind::kDate, "-999999999-01-01"), P(Kind::kDate, "+999999999-12-31")),
            "P1999999998Y11M30D");
}

TEST(TemporalCompare, InstantsOfOneKindOnly) {
  bool ok;
  EXPECT_LT(Compare(P(Kind::kTime, "12:35:15+05:00"), P(Kind::kTime, "12:30:14+01:01"), &ok), 0);
  EXPECT_TRUE(ok);
  Compare(P(Kind::kDate, "2015-01-01"), P(Kind::kLocalDateTime, "2015-01-01T00:00"), &ok);
  EXPECT_FALSE(ok);
  Compare(P(Kind::kDuration, "P1D"), P(Kind::kDuration, "P2D"), &ok);
  EXPECT_FALSE(ok);
  EXPECT_TRUE(Equal(P(Kind::kDateTime, "2015-07-21T21:40+02:00[Europe/Stockholm]"),
                    P(Kind::kDateTime, "2015-07-21T21:40+02:00")));
  EXPECT_FALSE(Equal(P(Kind::kTime, "12:00+01:00"), P(Kind::kTime, "11:00Z")));
  EXPECT_LT(OrderCompare(P(Kind::kDateTime, "2015-07-21T21:40Z"), P(Kind::kDate, "1900-01-01")), 0);
}

}  // namespace
}  // namespace quiver::temporal
