// A small store of dated facts around "François Hollande": a day, a month,
// a year and report-dated statements, an undated fact, a name two nodes
// share, and sentences full of markup.

#ifndef QUIVER_TESTS_RENDER_DATED_STORE_H_
#define QUIVER_TESTS_RENDER_DATED_STORE_H_

#include <memory>
#include <string>

#include "gtest/gtest.h"
#include "quiver/database.h"
#include "quiver/value.h"

namespace quiver::render::testing {

inline Value DateOf(const std::string& iso) {
  auto v = ParseTemporal(TemporalValue::Kind::kDate, iso);
  EXPECT_TRUE(v.ok()) << v.status();
  return *v;
}

inline Triple DatedTriple(const std::string& s, const std::string& rel,
                          const std::string& o, const std::string& sentence,
                          const std::string& start = "",
                          const std::string& end = "",
                          const std::string& granularity = "",
                          const std::string& reported = "") {
  Triple t;
  t.subject = s;
  t.relation = rel;
  t.object = o;
  t.sentence_text = sentence;
  if (!start.empty()) {
    t.qualifiers["time_start"] = DateOf(start);
    t.qualifiers["time_granularity"] = Value(granularity);
  }
  if (!end.empty()) t.qualifiers["time_end"] = DateOf(end);
  if (!reported.empty()) t.qualifiers["reported"] = DateOf(reported);
  return t;
}

inline std::unique_ptr<Database> DatedStore(const std::string& path,
                                            bool in_memory = true) {
  Options options;
  options.in_memory = in_memory;
  auto db = Database::Open(path, options);
  EXPECT_TRUE(db.ok()) << db.status();
  const std::string h = "François Hollande";
  DocumentInput a;
  a.source = "talks.txt";
  a.title = "Talks in Berlin";
  a.date = "2016-10-11";
  a.content = "a";
  a.triples = {
      DatedTriple(h, "meet", "Angela Merkel", "Hollande met Merkel on Tuesday.",
                  "2016-10-11", "", "day", "2016-10-11"),
      DatedTriple(h, "visit", "Berlin",
                  "Hollande visited Berlin in March 2016.", "2016-03-01",
                  "2016-03-31", "month", "2016-10-11"),
      DatedTriple("Angela Merkel", "criticise", h,
                  "Merkel <b>criticised</b> Hollande & \"co\" </script>.", "",
                  "", "", "2016-10-11"),
      DatedTriple(h, "like", "Cheese",
                  "Hollande likes cheese."),  // No time at all.
      DatedTriple("Angela Merkel", "visit", "Paris", "Merkel visited Paris."),
  };
  for (uint32_t i = 0; i < a.triples.size(); ++i) a.triples[i].sentence = i;
  DocumentInput b;
  b.source = "later.txt";
  b.date = "2017-02-01";
  b.content = "b";
  b.triples = {
      DatedTriple(h, "meet", "Angela Merkel", "They met again in 2017.",
                  "2017-01-01", "2017-12-31", "year", "2017-02-01"),
      DatedTriple(h, "meet", "Angela Merkel",
                  "They met on Tuesday, 11 October 2016.", "2016-10-11", "",
                  "day", "2017-02-01"),
      DatedTriple("Paris Hilton", "visit", "Berlin",
                  "Paris Hilton visited Berlin."),
  };
  b.triples.back().subject_aliases = {
      "Paris"};  // Now two nodes answer to "Paris".
  for (uint32_t i = 0; i < b.triples.size(); ++i) b.triples[i].sentence = i;
  for (const DocumentInput* doc : {&a, &b}) {
    auto added = (*db)->AddDocument(*doc);
    EXPECT_TRUE(added.ok()) << added.status();
  }
  return std::move(*db);
}

}  // namespace quiver::render::testing

#endif  // QUIVER_TESTS_RENDER_DATED_STORE_H_
