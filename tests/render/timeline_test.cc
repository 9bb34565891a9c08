// The timeline's pieces: the time axis, the SVG layout, the HTML page, and
// quiver::diagram::Timeline on a small dated store.

#include "quiver/timeline.h"

#include <regex>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "quiver/database.h"
#include "render/time_axis.h"
#include "render/timeline.h"
#include "render/timeline_html.h"
#include "render/timeline_svg.h"
#include "tests/render/dated_store.h"
#include "util/temporal.h"

namespace quiver::render {
namespace {

int64_t Day(int y, int m, int d) { return temporal::EpochDayOf(y, m, d); }

std::vector<std::string> Labels(const TimeAxis& axis) {
  std::vector<std::string> labels;
  for (const auto& t : axis.ticks) labels.push_back(t.label);
  return labels;
}

TEST(TimeAxis, OneDayHasDayTicksAroundIt) {
  TimeAxis a = MakeTimeAxis(Day(2016, 10, 11), Day(2016, 10, 11));
  EXPECT_EQ(Labels(a), (std::vector<std::string>{"2016-10-11", "2016-10-12"}));
  EXPECT_EQ(a.begin, Day(2016, 10, 11));
  EXPECT_EQ(a.end, Day(2016, 10, 12));
}

TEST(TimeAxis, TwoYearsTickByQuarter) {
  TimeAxis a = MakeTimeAxis(Day(2016, 3, 1), Day(2017, 12, 31));
  std::vector<std::string> l = Labels(a);
  ASSERT_EQ(l.size(), 9u);
  EXPECT_EQ(l.front(), "2016-01");
  EXPECT_EQ(l[1], "2016-04");
  EXPECT_EQ(l.back(), "2018-01");
}

TEST(TimeAxis, DecadesTickByYears) {
  TimeAxis a = MakeTimeAxis(Day(1989, 11, 9), Day(2016, 10, 11));
  std::vector<std::string> l = Labels(a);
  EXPECT_EQ(l.front(), "1985");
  EXPECT_EQ(l.back(), "2020");
  EXPECT_EQ(l.size(), 8u);  // Every 5 years.
}

TEST(TimeAxis, EverySpanGetsFewOrderedTicksAroundIt) {
  const int64_t start = Day(2000, 2, 29);
  for (int64_t span :
       {0, 1, 5, 13, 40, 100, 200, 400, 1000, 5000, 40000, 400000}) {
    TimeAxis a = MakeTimeAxis(start, start + span);
    ASSERT_GE(a.ticks.size(), 2u) << span;
    EXPECT_LE(a.ticks.size(), 11u) << span;
    EXPECT_LE(a.begin, start) << span;
    EXPECT_GT(a.end, start + span) << span;
    EXPECT_EQ(a.ticks.front().day, a.begin);
    EXPECT_EQ(a.ticks.back().day, a.end);
    for (size_t i = 1; i < a.ticks.size(); ++i)
      EXPECT_LT(a.ticks[i - 1].day, a.ticks[i].day);
  }
}

Timeline Sample() {
  Timeline t;
  t.title = "A & <B>";
  t.items.push_back({7,
                     "Berlin",
                     "visit",
                     "A \xE2\x80\x94visit\xE2\x86\x92 Berlin",
                     false,
                     Day(2016, 3, 1),
                     Day(2016, 3, 31),
                     "month",
                     {{"A visited <Berlin>.", "doc \"one\"", "2016-10-11"}}});
  t.items.push_back({3,
                     "Merkel",
                     "meet",
                     "A \xE2\x80\x94meet\xE2\x86\x92 Merkel",
                     false,
                     Day(2016, 10, 11),
                     Day(2016, 10, 11),
                     "day",
                     {{"They met </script>.", "doc two", ""}}});
  Canonicalize(&t);
  return t;
}

TEST(TimelineSvg, PointsForDaysBarsForSpansLanesAndLegend) {
  Timeline t = Sample();
  EXPECT_EQ(LanesOf(t), (std::vector<std::string>{"Berlin", "Merkel"}));
  std::string svg = WriteTimelineSvg(t).svg;
  EXPECT_EQ(svg.rfind("<svg", 0), 0u);
  std::smatch m;
  // The month is a bar, the day a point, in the items' order.
  ASSERT_TRUE(std::regex_search(
      svg, m,
      std::regex("<g class=\"item\" id=\"i0\"><title>[^<]*</title><rect")));
  ASSERT_TRUE(std::regex_search(
      svg, m,
      std::regex("<g class=\"item\" id=\"i1\"><title>[^<]*</title><circle")));
  EXPECT_NE(svg.find(">Berlin</text>"), std::string::npos);
  EXPECT_NE(svg.find(">Merkel</text>"), std::string::npos);
  EXPECT_NE(svg.find(">meet</text></g>"),
            std::string::npos);  // Legend entries.
  EXPECT_NE(svg.find(">visit</text></g>"), std::string::npos);
  EXPECT_NE(svg.find("A &amp; &lt;B&gt;"), std::string::npos);
  EXPECT_EQ(svg.find("<Berlin>"), std::string::npos);
  EXPECT_NE(svg.find(">2016-03</text>"), std::string::npos);  // Ticks by month.
  EXPECT_NE(svg.find(">2016-11</text>"), std::string::npos);
}

TEST(TimelineSvg, BarSpansItsDaysOnTheAxis) {
  Timeline t = Sample();
  std::string svg = WriteTimelineSvg(t).svg;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(
      svg, m,
      std::regex("id=\"i0\"><title>[^<]*</title><rect x=\"([0-9.]+)\" "
                 "y=\"[0-9.]+\" width=\"([0-9.]+)\"")));
  double x = std::stod(m[1]), w = std::stod(m[2]);
  // Axis: 2016-03-01 .. 2016-11-01 (245 days) over 720 px from x = 200.
  EXPECT_NEAR(x, 200, 0.1);
  EXPECT_NEAR(w, 720.0 * 31 / 245, 0.2);
}

TEST(TimelineSvg, LongLaneLabelsAreCutAtACharacter) {
  Timeline t = Sample();
  t.items[0].lane = std::string(40, 'x') + "東京";
  t.items[1].lane = std::string(29, 'y') + "東京東京";
  std::string svg = WriteTimelineSvg(t).svg;
  EXPECT_NE(svg.find(">" + std::string(30, 'x') + "\xE2\x80\xA6</text>"),
            std::string::npos);
  EXPECT_NE(svg.find(">" + std::string(29, 'y') + "東\xE2\x80\xA6</text>"),
            std::string::npos);
}

TEST(TimelineHtml, EscapesEverythingAndCarriesTheEvidence) {
  Timeline t = Sample();
  std::string html = WriteTimelineHtml(t, WriteTimelineSvg(t).svg);
  EXPECT_NE(html.find("<title>A &amp; &lt;B&gt;</title>"), std::string::npos);
  EXPECT_EQ(html.find("They met </script>"),
            std::string::npos);  // Would end the script.
  EXPECT_NE(html.find("They met <\\/script>"), std::string::npos);
  EXPECT_NE(html.find("\"document\":\"doc \\\"one\\\"\""), std::string::npos)
      << html;
  EXPECT_NE(html.find("\"when\":\"2016-03-01 \xE2\x80\x93 2016-03-31\""),
            std::string::npos);
}

class TimelineApi : public ::testing::Test {
 protected:
  std::unique_ptr<Database> db_ = testing::DatedStore("/timeline-api-test");
};

TEST_F(TimelineApi, DrawsEveryDatedFactBothWays) {
  auto out = diagram::Timeline(*db_, "francois hollande");
  ASSERT_TRUE(out.ok()) << out.status();
  // The month in Berlin, the meeting on 2016-10-11 (stated twice, one
  // item), the criticism reported that day, the meeting of 2017; not the
  // undated cheese.
  EXPECT_EQ(out->items, 4);
  EXPECT_EQ(out->lanes, 2);
  EXPECT_EQ(out->omitted, 0);
  EXPECT_NE(out->data.find(">Angela Merkel</text>"), std::string::npos);
  EXPECT_NE(out->data.find(">criticise</text>"), std::string::npos);
  EXPECT_EQ(out->data.find("Cheese"), std::string::npos);
  EXPECT_NE(out->data.find("François Hollande: timeline"), std::string::npos);
}

TEST_F(TimelineApi, LanesByRelation) {
  TimelineOptions o;
  o.lanes = "relation";
  auto out = diagram::Timeline(*db_, "François Hollande", o);
  ASSERT_TRUE(out.ok()) << out.status();
  EXPECT_EQ(out->lanes, 3);
}

TEST_F(TimelineApi, RangeKeepsOverlappingFacts) {
  TimelineOptions o;
  o.from = "2017-06-01";
  auto out = diagram::Timeline(*db_, "François Hollande", o);
  ASSERT_TRUE(out.ok()) << out.status();
  EXPECT_EQ(out->items, 1);  // The year 2017 overlaps June on.
  o.from = "2016-03-31";
  o.to = "2016-03-31";
  out = diagram::Timeline(*db_, "François Hollande", o);
  ASSERT_TRUE(out.ok()) << out.status();
  EXPECT_EQ(out->items, 1);  // The month's last day.
  EXPECT_NE(out->data.find("2016-03-31 to 2016-03-31"), std::string::npos);
}

TEST_F(TimelineApi, CapKeepsTheEarliestAndSaysSo) {
  TimelineOptions o;
  o.max_items = 2;
  auto out = diagram::Timeline(*db_, "François Hollande", o);
  ASSERT_TRUE(out.ok()) << out.status();
  EXPECT_EQ(out->items, 2);
  EXPECT_EQ(out->omitted, 2);
  EXPECT_EQ(out->note,
            "kept the earliest 2 of 4 dated facts (2 later ones left out)");
  EXPECT_NE(out->data.find(">Berlin</text>"), std::string::npos);
}

TEST_F(TimelineApi, BadInputIsAClearError) {
  TimelineOptions o;
  auto r = diagram::Timeline(*db_, "Nobody", o);
  EXPECT_EQ(r.status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(r.status().message(), "no node is named 'Nobody'");
  r = diagram::Timeline(*db_, "Paris", o);
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(r.status().message().find("'Paris' names 2 nodes: #"),
            std::string::npos)
      << r.status();
  EXPECT_NE(r.status().message().find("Paris Hilton"), std::string::npos);
  r = diagram::Timeline(*db_, "Cheese", o);
  EXPECT_EQ(r.status().code(), absl::StatusCode::kNotFound);
  EXPECT_NE(r.status().message().find("has no dated facts"), std::string::npos)
      << r.status();
  o.from = "2016-13-01";
  r = diagram::Timeline(*db_, "François Hollande", o);
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(r.status().message().find("from: '2016-13-01' is not a date"),
            std::string::npos)
      << r.status();
  o.from = "2017-01-01";
  o.to = "2016-01-01";
  r = diagram::Timeline(*db_, "François Hollande", o);
  EXPECT_EQ(
      r.status().message(),
      "from (2017-01-01) is after to (2016-01-01): no day is in that range");
  o = {};
  o.format = "gif";
  r = diagram::Timeline(*db_, "François Hollande", o);
  EXPECT_NE(r.status().message().find("unknown timeline format 'gif'"),
            std::string::npos);
  o = {};
  o.from = "2020-01-01";
  r = diagram::Timeline(*db_, "François Hollande", o);
  EXPECT_EQ(r.status().code(), absl::StatusCode::kNotFound);
  EXPECT_NE(r.status().message().find("no dated facts from 2020-01-01"),
            std::string::npos)
      << r.status();
}

TEST_F(TimelineApi, ANodeByIdWhenANameIsShared) {
  auto paris = db_->FindNodes("Paris");
  ASSERT_TRUE(paris.ok());
  ASSERT_EQ(paris->size(), 2u);
  TimelineOptions o;
  o.node = (*paris)[0].id;
  auto r = diagram::Timeline(*db_, "", o);
  // Neither Paris has a dated fact: the error names the one asked for.
  EXPECT_NE(r.status().message().find(absl::StrCat("(#", (*paris)[0].id, ")")),
            std::string::npos)
      << r.status();
}

TEST_F(TimelineApi, PngAndPdfThroughGraphviz) {
  TimelineOptions o;
  o.format = "png";
  auto png = diagram::Timeline(*db_, "François Hollande", o);
  ASSERT_TRUE(png.ok()) << png.status();
  ASSERT_GT(png->data.size(), 24u);
  EXPECT_EQ(png->data.substr(1, 3), "PNG");
  // Width and height (big-endian, bytes 16-23): the SVG's 960 px wide.
  auto be32 = [&](size_t at) {
    uint32_t v = 0;
    for (size_t i = 0; i < 4; ++i)
      v = v << 8 | static_cast<unsigned char>(png->data[at + i]);
    return v;
  };
  EXPECT_EQ(be32(16), 960u);
  // An empty 960 px picture compresses to well under 2 kB; the drawing does
  // not.
  EXPECT_GT(png->data.size(), 4000u);
  o.format = "pdf";
  auto pdf = diagram::Timeline(*db_, "François Hollande", o);
  ASSERT_TRUE(pdf.ok()) << pdf.status();
  EXPECT_EQ(pdf->data.rfind("%PDF", 0), 0u);
  auto again = diagram::Timeline(*db_, "François Hollande", o);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(pdf->data, again->data);  // The creation date is fixed.
}

}  // namespace
}  // namespace quiver::render
