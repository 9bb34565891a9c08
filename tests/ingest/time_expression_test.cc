#include "ingest/time_expression.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "util/temporal.h"
#include "util/temporal_format.h"

namespace quiver::ingest {
namespace {

// "" for an unset day.
std::string Iso(std::optional<int64_t> day) {
  return day ? temporal::Format(temporal::MakeDate(*day)) : "";
}

std::optional<int64_t> Day(const std::string& iso) {
  if (iso.empty()) return std::nullopt;
  return temporal::EpochDayOf(std::stoi(iso.substr(0, 4)), std::stoi(iso.substr(5, 2)),
                              std::stoi(iso.substr(8, 2)));
}

struct Case {
  const char* sentence;
  const char* document;  // The document's date; "" when it has none.
  const char* text;      // The expression expected; "" when none is.
  const char* start;     // "" when unset.
  const char* end;
  const char* granularity;
  const char* kind;
};

void PrintTo(const Case& c, std::ostream* os) { *os << '"' << c.sentence << "\" / " << c.document; }

// Wednesday 12 October 2016 unless said otherwise; 11 October 2016 was a
// Tuesday.
constexpr const char* kWed = "2016-10-12";

const Case kCases[] = {
    // Explicit dates.
    {"Putin met Hollande on 11 October 2016.", kWed, "on 11 October 2016", "2016-10-11", "2016-10-11", "day", "point"},
    {"Putin met Hollande on October 11, 2016.", kWed, "on October 11, 2016", "2016-10-11", "2016-10-11", "day", "point"},
    {"Putin met Hollande on October 11th, 2016.", "", "on October 11th, 2016", "2016-10-11", "2016-10-11", "day", "point"},
    {"The summit was held on Oct. 11 in Paris.", kWed, "on Oct. 11", "2016-10-11", "2016-10-11", "day", "point"},
    {"The summit was held on Oct. 11 in Paris.", "", "on Oct. 11", "", "", "day", "point"},
    {"The report was published 2016-10-11.", "", "2016-10-11", "2016-10-11", "2016-10-11", "day", "point"},
    {"The deal was signed on July 6, 2011.", kWed, "on July 6, 2011", "2011-07-06", "2011-07-06", "day", "point"},
    {"The deal was signed on 6 July 2011.", "", "on 6 July 2011", "2011-07-06", "2011-07-06", "day", "point"},
    {"Fabius met Lavrov on 17 September 2013 in Moscow.", "", "on 17 September 2013", "2013-09-17", "2013-09-17", "day", "point"},
    {"The meeting was slated for October 19.", kWed, "October 19", "2016-10-19", "2016-10-19", "day", "point"},
    {"The vote is set for Tuesday, October 18, 2016.", "", "Tuesday, October 18, 2016", "2016-10-18", "2016-10-18", "day", "point"},
    {"The talks ended on Sept. 30, 2015.", "", "on Sept. 30, 2015", "2015-09-30", "2015-09-30", "day", "point"},
    // Month and year.
    {"Russia vetoed the draft in October 2016.", kWed, "in October 2016", "2016-10-01", "2016-10-31", "month", "point"},
    {"Russia vetoed the draft in October 2016.", "", "in October 2016", "2016-10-01", "2016-10-31", "month", "point"},
    {"Hollande won the election in May 2012.", "", "in May 2012", "2012-05-01", "2012-05-31", "month", "point"},
    {"Hollande met Putin in May.", kWed, "in May", "2016-05-01", "2016-05-31", "month", "point"},
    {"Hollande met Putin in May.", "", "in May", "", "", "month", "point"},
    {"The crackdown began in early March 2011.", "", "in early March 2011", "2011-03-01", "2011-03-31", "month", "point"},
    {"The conference of February 2012 failed.", "", "of February 2012", "2012-02-01", "2012-02-29", "month", "point"},
    // Years, and numbers that are not years.
    {"The talks collapsed in 2011.", kWed, "in 2011", "2011-01-01", "2011-12-31", "year", "point"},
    {"The talks collapsed in 2011.", "", "in 2011", "2011-01-01", "2011-12-31", "year", "point"},
    {"The treaty of 1648 still matters.", "", "of 1648", "1648-01-01", "1648-12-31", "year", "point"},
    {"The army deployed 2000 troops.", kWed, "", "", "", "", ""},
    {"Rebels carried out attacks in 2000 villages.", kWed, "", "", "", "", ""},
    {"Russia sent 1200 tanks in 300 trucks.", kWed, "", "", "", "", ""},
    {"The report is dated 2016-13-45.", kWed, "", "", "", "", ""},
    {"The file is dated 2016-02-31.", kWed, "", "", "", "", ""},
    // Words that look like months or weekdays.
    {"Hollande may meet Putin.", kWed, "", "", "", "", ""},
    {"March on Paris, the leader said.", kWed, "", "", "", "", ""},
    {"Jan Egeland spoke to reporters.", kWed, "", "", "", "", ""},
    // Weekdays (news convention: the latest on or before the document).
    {"Hollande cancelled the visit on Tuesday.", kWed, "on Tuesday", "2016-10-11", "2016-10-11", "day", "point"},
    {"Hollande cancelled the visit on Wednesday.", kWed, "on Wednesday", "2016-10-12", "2016-10-12", "day", "point"},
    {"Hollande cancelled the visit on Thursday.", kWed, "on Thursday", "2016-10-06", "2016-10-06", "day", "point"},
    {"Hollande cancelled the visit on Tuesday.", "", "on Tuesday", "", "", "day", "point"},
    {"Putin said Tuesday that talks would go on.", kWed, "Tuesday", "2016-10-11", "2016-10-11", "day", "point"},
    {"Protesters rallied on Friday night.", kWed, "on Friday night", "2016-10-07", "2016-10-07", "day", "point"},
    {"Russia vetoed the resolution last Tuesday.", "2016-10-11", "last Tuesday", "2016-10-04", "2016-10-04", "day", "point"},
    {"Russia will vote next Friday.", kWed, "next Friday", "2016-10-14", "2016-10-14", "day", "point"},
    // Named days.
    {"Putin spoke yesterday.", kWed, "yesterday", "2016-10-11", "2016-10-11", "day", "point"},
    {"Putin speaks today.", kWed, "today", "2016-10-12", "2016-10-12", "day", "point"},
    {"Putin will speak tomorrow.", kWed, "tomorrow", "2016-10-13", "2016-10-13", "day", "point"},
    {"Protesters gathered last night.", kWed, "last night", "2016-10-11", "2016-10-11", "day", "point"},
    {"Putin spoke yesterday.", "", "yesterday", "", "", "day", "point"},
    // last / next / this.
    {"Lavrov visited Paris last week.", kWed, "last week", "2016-10-03", "2016-10-09", "week", "point"},
    {"Lavrov visits Paris next week.", kWed, "next week", "2016-10-17", "2016-10-23", "week", "point"},
    {"Lavrov visits Paris this week.", kWed, "this week", "2016-10-10", "2016-10-16", "week", "point"},
    {"Exports fell last month.", kWed, "last month", "2016-09-01", "2016-09-30", "month", "point"},
    {"Elections are due next year.", kWed, "next year", "2017-01-01", "2017-12-31", "year", "point"},
    {"Assad spoke last year.", kWed, "last year", "2015-01-01", "2015-12-31", "year", "point"},
    {"Lavrov visited Paris last week.", "", "last week", "", "", "week", "point"},
    {"The talks resumed last October.", kWed, "last October", "2015-10-01", "2015-10-31", "month", "point"},
    {"Inflation rose earlier this month.", kWed, "earlier this month", "2016-10-01", "2016-10-12", "month", "point"},
    {"Elections will take place later this year.", kWed, "later this year", "2016-10-12", "2016-12-31", "year", "point"},
    // Distances.
    {"The war began three years ago.", kWed, "three years ago", "2013-01-01", "2013-12-31", "year", "point"},
    {"The ceasefire collapsed two days ago.", kWed, "two days ago", "2016-10-10", "2016-10-10", "day", "point"},
    {"The ceasefire collapsed 2 weeks ago.", kWed, "2 weeks ago", "2016-09-26", "2016-10-02", "week", "point"},
    {"Turkey shot down the jet a week ago.", kWed, "a week ago", "2016-10-03", "2016-10-09", "week", "point"},
    {"The ceasefire collapsed two days ago.", "", "two days ago", "", "", "day", "point"},
    {"Putin left two days later.", kWed, "two days later", "2016-10-14", "2016-10-14", "day", "relative"},
    {"Putin left two days later.", "", "two days later", "", "", "day", "relative"},
    // since / until / by / before / after.
    {"Assad has ruled since 2000.", kWed, "since 2000", "2000-01-01", "2016-10-12", "year", "since"},
    {"Assad has ruled since 2000.", "", "since 2000", "2000-01-01", "", "year", "since"},
    {"Fighting has raged since March 2011.", "", "since March 2011", "2011-03-01", "", "month", "since"},
    {"The border has been shut since Tuesday.", kWed, "since Tuesday", "2016-10-11", "2016-10-12", "day", "since"},
    {"The mandate runs until March.", kWed, "until March", "2016-10-12", "2017-03-31", "month", "until"},
    {"The mandate runs until March.", "", "until March", "", "", "month", "until"},
    {"Troops must leave by 2018.", kWed, "by 2018", "2016-10-12", "2018-12-31", "year", "until"},
    {"Nothing changed before 2011.", kWed, "before 2011", "", "2010-12-31", "year", "until"},
    {"The troops stayed after 2014.", "", "after 2014", "2015-01-01", "", "year", "since"},
    // Seasons and decades.
    {"The offensive started in the spring of 2015.", kWed, "in the spring of 2015", "2015-03-01", "2015-05-31", "season", "point"},
    {"The offensive started in the summer.", kWed, "in the summer", "2016-06-01", "2016-08-31", "season", "point"},
    {"The offensive started in the summer.", "", "in the summer", "", "", "season", "point"},
    {"The siege began in the winter of 2012.", "", "in the winter of 2012", "2012-12-01", "2013-02-28", "season", "point"},
    {"Putin visited Paris last spring.", "2016-04-01", "last spring", "2015-03-01", "2015-05-31", "season", "point"},
    {"Syria was calm in the 1990s.", kWed, "in the 1990s", "1990-01-01", "1999-12-31", "decade", "point"},
    {"Syria was calm in the 1990s.", "", "in the 1990s", "1990-01-01", "1999-12-31", "decade", "point"},
    // Found in the corpus hand check (docs/extraction.md).
    {"Russia has been a party to the war since last year.", "2016-10-11", "since last year", "2015-01-01", "2016-10-11", "year", "since"},
    {"Sarkozy spoke in August of last year.", "2013-09-18", "in August of last year", "2012-08-01", "2012-08-31", "month", "point"},
    {"Sarkozy spoke in August of last year.", "", "in August of last year", "", "", "month", "point"},
    {"France will host a conference in the next few weeks.", kWed, "in the next few weeks", "2016-10-13", "2016-11-02", "week", "interval"},
    {"France went to war twice in the 20th century.", "", "in the 20th century", "1901-01-01", "2000-12-31", "century", "point"},
    {"Prices rose over the past two years.", kWed, "the past two years", "2014-10-12", "2016-10-12", "year", "interval"},
    {"The troops will stay until next year.", kWed, "until next year", "2016-10-12", "2017-12-31", "year", "until"},
    {"The troops will stay for the past years.", kWed, "", "", "", "", ""},
    // Intervals.
    {"Fighting raged between 2011 and 2013.", "", "between 2011 and 2013", "2011-01-01", "2013-12-31", "year", "interval"},
    {"The ceasefire held from May to July.", kWed, "from May to July", "2016-05-01", "2016-07-31", "month", "interval"},
};

class TimeExpressionCase : public testing::TestWithParam<Case> {};

TEST_P(TimeExpressionCase, FindsAndNormalises) {
  const Case& c = GetParam();
  std::vector<TimeExpression> found = FindTimeExpressions(c.sentence, Day(c.document));
  if (std::string(c.text).empty()) {
    EXPECT_TRUE(found.empty()) << c.sentence << ": found \"" << found[0].text << "\"";
    return;
  }
  ASSERT_EQ(found.size(), 1u) << c.sentence;
  const TimeExpression& e = found[0];
  EXPECT_EQ(e.text, c.text);
  EXPECT_EQ(std::string(c.sentence).substr(e.begin, e.end - e.begin), e.text);
  EXPECT_EQ(Iso(e.start), c.start) << c.sentence;
  EXPECT_EQ(Iso(e.end_day), c.end) << c.sentence;
  EXPECT_STREQ(GranularityName(e.granularity), c.granularity) << c.sentence;
  EXPECT_STREQ(TimeKindName(e.kind), c.kind) << c.sentence;
}

INSTANTIATE_TEST_SUITE_P(Sentences, TimeExpressionCase, testing::ValuesIn(kCases));

TEST(TimeExpression, ALaterDayCountsFromTheDateBeforeItInTheSentence) {
  auto found = FindTimeExpressions("Putin arrived on 11 October 2015 and left two days later.",
                                   Day(kWed));
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[1].text, "two days later");
  EXPECT_EQ(Iso(found[1].start), "2015-10-13");
}

TEST(TimeExpression, TheNextDayFollowsAWeekday) {
  auto found = FindTimeExpressions("Putin arrived on Monday and left the next day.", Day(kWed));
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(Iso(found[0].start), "2016-10-10");
  EXPECT_EQ(found[1].text, "the next day");
  EXPECT_EQ(Iso(found[1].start), "2016-10-11");
}

TEST(TimeExpression, SeveralInOneSentenceComeInOrderWithoutOverlap) {
  auto found = FindTimeExpressions(
      "Syria was calm in the 1990s, fighting began in March 2011, and talks failed yesterday.",
      Day(kWed));
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].text, "in the 1990s");
  EXPECT_EQ(found[1].text, "in March 2011");
  EXPECT_EQ(found[2].text, "yesterday");
  EXPECT_LE(found[0].end, found[1].begin);
  EXPECT_LE(found[1].end, found[2].begin);
}

TEST(TimeExpression, OddInputIsNoCrash) {
  for (const char* s : {"", ".", "in", "since", "between 2011 and", "on Oct.", "the", "11",
                        "in the", "last", "two days", "\xE2\x80\x94 2016 \xE2\x80\x94"}) {
    (void)FindTimeExpressions(s, Day(kWed));
    (void)FindTimeExpressions(s, std::nullopt);
  }
  // Every prefix of every sentence above: an expression cut off at any word
  // (the end of a sentence past which patterns look ahead).
  for (const Case& c : kCases) {
    const std::string s = c.sentence;
    for (size_t n = 0; n <= s.size(); ++n) {
      for (const TimeExpression& e : FindTimeExpressions(s.substr(0, n), Day(kWed))) {
        ASSERT_LE(e.begin, e.end);
        ASSERT_LE(e.end, n);
      }
      (void)FindTimeExpressions(s.substr(0, n), std::nullopt);
    }
  }
}

}  // namespace
}  // namespace quiver::ingest
