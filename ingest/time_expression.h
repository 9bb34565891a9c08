// Time expressions in a sentence ("on Tuesday", "in October 2016", "last
// week", "since 2011", "two days later") found by patterns over its words,
// and normalised against the document's date to the days they cover. Cheap:
// one pass over the sentence text, no parse.

#ifndef QUIVER_INGEST_TIME_EXPRESSION_H_
#define QUIVER_INGEST_TIME_EXPRESSION_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace quiver::ingest {

// How precise the expression is.
enum class TimeGranularity { kDay, kWeek, kMonth, kSeason, kYear, kDecade, kCentury };

// What the expression says of its days:
//   kPoint     the event is within [start, end] ("on Tuesday", "in 2016");
//   kInterval  it spans them ("between 2011 and 2013", "from May to July",
//              "the next few weeks": a few is three);
//   kSince     it began at start and holds to the document's date ("since
//              2011": end is the document's date, or unknown);
//   kUntil     it holds until end ("until March", "by 2015": start is the
//              document's date, or unknown);
//   kRelative  a distance from an anchor ("two days later", "a week
//              earlier"): the anchor is the last dated expression before it
//              in the sentence, else the document's date.
enum class TimeKind { kPoint, kInterval, kSince, kUntil, kRelative };

const char* GranularityName(TimeGranularity g);  // "day", "week", ...
const char* TimeKindName(TimeKind k);            // "point", "interval", ...

struct TimeExpression {
  std::string text;  // As written, its preposition included ("since 2011").
  size_t begin = 0;  // Byte span of `text` in the sentence.
  size_t end = 0;
  // Days as days since 1970-01-01, inclusive. Unset when the expression is
  // relative (to the document's date) and the document has none, or for the
  // open side of since/until.
  std::optional<int64_t> start;
  std::optional<int64_t> end_day;
  TimeGranularity granularity = TimeGranularity::kDay;
  TimeKind kind = TimeKind::kPoint;

  bool normalized() const { return start.has_value() || end_day.has_value(); }
};

// Every time expression in `sentence`, left to right, none overlapping.
// `document_day`: the document's date (days since 1970-01-01), when known;
// relative expressions ("yesterday", "on Tuesday", "in October") are
// resolved against it, and kept as text only without it. Weekdays follow the
// news convention: "on Tuesday" is the latest Tuesday on or before the
// document's date ("last Tuesday" the one strictly before, "next Tuesday" the
// one after). A month or day without a year is in the document's year.
std::vector<TimeExpression> FindTimeExpressions(std::string_view sentence,
                                                std::optional<int64_t> document_day);

}  // namespace quiver::ingest

#endif  // QUIVER_INGEST_TIME_EXPRESSION_H_
