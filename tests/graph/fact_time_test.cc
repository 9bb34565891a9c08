#include "graph/fact_time.h"

#include "graph/document_writer.h"
#include "graph/reader.h"
#include "gtest/gtest.h"
#include "tests/graph/store_fixture.h"
#include "util/temporal.h"

namespace quiver::graph {
namespace {

Value D(int y, int m, int d) { return Value(temporal::MakeDate(temporal::EpochDayOf(y, m, d))); }
int64_t Day(int y, int m, int d) { return temporal::EpochDayOf(y, m, d); }

TEST(FactTime, AStatementSpansItsEventElseItsReportDay) {
  EXPECT_EQ(StatementSpan({}), std::nullopt);
  EXPECT_EQ(StatementSpan({{"reported", D(2016, 10, 12)}}),
            (DaySpan{Day(2016, 10, 12), Day(2016, 10, 12)}));
  EXPECT_EQ(StatementSpan({{"reported", D(2016, 10, 12)}, {"time_start", D(2016, 10, 1)},
                           {"time_end", D(2016, 10, 31)}}),
            (DaySpan{Day(2016, 10, 1), Day(2016, 10, 31)}));
  // "since 2011" without a document date: the start alone.
  EXPECT_EQ(StatementSpan({{"time_start", D(2011, 1, 1)}}),
            (DaySpan{Day(2011, 1, 1), Day(2011, 1, 1)}));
  // Words only (a relative expression, no document date): no time.
  EXPECT_EQ(StatementSpan({{"time", Value("last week")}}), std::nullopt);
  // Not a Date: no time, rather than a guess.
  EXPECT_EQ(StatementSpan({{"reported", Value("2016-10-12")}}), std::nullopt);
}

TEST(FactTime, SeenIsTheHullAndGoesWhenNoStatementHasATime) {
  ValueMap props{{"count", Value(int64_t{2})}};
  WidenSeen({{"reported", D(2016, 10, 12)}}, &props);
  WidenSeen({{"time_start", D(2011, 1, 1)}, {"time_end", D(2011, 12, 31)}}, &props);
  WidenSeen({{"time", Value("yesterday")}}, &props);
  EXPECT_EQ(props.at("first_seen"), D(2011, 1, 1));
  EXPECT_EQ(props.at("last_seen"), D(2016, 10, 12));
  EXPECT_EQ(SeenOf(props), (DaySpan{Day(2011, 1, 1), Day(2016, 10, 12)}));
  SetSeen({}, &props);
  EXPECT_EQ(props.count("first_seen"), 0u);
  EXPECT_EQ(props.count("last_seen"), 0u);
  EXPECT_EQ(props.count("count"), 1u);
}

// The bulk path writes no qualifiers, so a document whose triples carry a
// time must not take it: it goes through AddFact and its edges get their
// first and last seen.
TEST(FactTime, ABigDocumentWithTimesIsNotBulkLoadedAndItsFactsAreDated) {
  auto store = OpenInMemory("/fact-time");
  std::vector<Triple> triples;
  for (uint32_t i = 0; i < 4; ++i) {
    Triple t = T("Putin", "visit", "City " + std::to_string(i), i);
    t.qualifiers["reported"] = D(2016, 10, 12);
    triples.push_back(std::move(t));
  }
  auto added = AddDocument(*store, Doc("a", "A", triples), /*bulk_threshold=*/2);
  ASSERT_TRUE(added.ok()) << added.status();
  auto reader = store->NewReader();
  int dated = 0;
  ASSERT_TRUE(reader
                  ->ScanEdges(std::nullopt,
                              [&](const AdjEntry& e) {
                                auto edge = reader->GetEdgeRecord(e.edge);
                                EXPECT_TRUE(edge.ok() && edge->has_value());
                                if (SeenOf((*edge)->properties) ==
                                    DaySpan{Day(2016, 10, 12), Day(2016, 10, 12)})
                                  ++dated;
                                return true;
                              })
                  .ok());
  EXPECT_EQ(dated, 4);
}

}  // namespace
}  // namespace quiver::graph
