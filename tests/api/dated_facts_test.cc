// Dated documents and dated facts through the Database API: each statement's
// time, the edge's first_seen / last_seen kept right through removal, merge
// and split, `quiver check` on them, and queries by date.

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "quiver/database.h"
#include "tests/test_support.h"

namespace quiver {
namespace {

using ::quiver::testing::TempDir;

Value D(std::string_view iso) {
  auto v = ParseTemporal(TemporalValue::Kind::kDate, iso);
  EXPECT_TRUE(v.ok()) << v.status();
  return v.ok() ? *v : Value();
}

// A statement as the pipeline dates it: `reported` from the document, and a
// time expression's days when the sentence has one (`start` "" when not).
Triple Fact(std::string s, std::string r, std::string o, uint32_t sentence, std::string reported,
            std::string start = "", std::string end = "") {
  Triple t;
  t.subject = std::move(s);
  t.relation = std::move(r);
  t.object = std::move(o);
  t.sentence = sentence;
  t.sentence_text = "sentence " + std::to_string(sentence);
  t.qualifiers["modality"] = Value("asserted");
  if (!reported.empty()) t.qualifiers["reported"] = D(reported);
  if (!start.empty()) {
    t.qualifiers["time"] = Value("in those days");
    t.qualifiers["time_start"] = D(start);
    t.qualifiers["time_end"] = D(end.empty() ? start : end);
    t.qualifiers["time_granularity"] = Value("day");
    t.qualifiers["time_kind"] = Value("point");
  }
  return t;
}

DocumentInput Doc(std::string source, std::string date, std::vector<Triple> triples) {
  DocumentInput d;
  d.source = source;
  d.date = std::move(date);
  d.content = "content of " + source;
  d.triples = std::move(triples);
  return d;
}

class DatedFactsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = Database::Open(dir_.Sub("g"));
    ASSERT_TRUE(db.ok()) << db.status();
    db_ = std::move(*db);
  }

  void Add(const DocumentInput& d) {
    auto r = db_->AddDocument(d);
    ASSERT_TRUE(r.ok()) << r.status();
  }

  // "first..last" of the one edge of `type`, "none" without them, "?" when
  // there is no such edge.
  std::string Seen(const std::string& type) {
    auto r = db_->Query("MATCH ()-[r:" + type + "]->() RETURN r.first_seen, r.last_seen");
    if (!r.ok() || r->size() != 1) return "?";
    const ValueList& row = r->row(0);
    if (row[0].is_null() && row[1].is_null()) return "none";
    return row[0].ToString() + ".." + row[1].ToString();
  }

  void ExpectConsistent() {
    auto report = db_->Check();
    ASSERT_TRUE(report.ok()) << report.status();
    EXPECT_TRUE(report->ok()) << report->problems.front().message;
  }

  TempDir dir_;
  std::unique_ptr<Database> db_;
};

TEST_F(DatedFactsTest, FirstAndLastSeenSpanTheStatementsAndFollowRemoval) {
  Add(Doc("a", "2016-10-12", {Fact("Putin", "cancel", "visit", 0, "2016-10-12", "2016-10-11")}));
  Add(Doc("b", "2015-05-01", {Fact("Putin", "cancel", "visit", 3, "2015-05-01")}));
  Add(Doc("c", "", {Fact("Putin", "cancel", "visit", 1, "")}));  // Undated: no time.
  Add(Doc("d", "2017-01-05", {Fact("Putin", "cancel", "visit", 2, "2017-01-05")}));
  EXPECT_EQ(Seen("cancel"), "2015-05-01..2017-01-05");
  ExpectConsistent();

  ASSERT_TRUE(db_->RemoveDocument("b").ok());
  EXPECT_EQ(Seen("cancel"), "2016-10-11..2017-01-05");
  ASSERT_TRUE(db_->RemoveDocument("d").ok());
  EXPECT_EQ(Seen("cancel"), "2016-10-11..2016-10-11");
  ASSERT_TRUE(db_->RemoveDocument("a").ok());
  EXPECT_EQ(Seen("cancel"), "none");  // Only the undated statement is left.
  ExpectConsistent();
}

TEST_F(DatedFactsTest, AReplacedDocumentTakesItsOldTimesAway) {
  Add(Doc("a", "2016-10-12", {Fact("Putin", "cancel", "visit", 0, "2016-10-12", "2011-03-01")}));
  Add(Doc("b", "2016-10-13", {Fact("Putin", "cancel", "visit", 0, "2016-10-13")}));
  EXPECT_EQ(Seen("cancel"), "2011-03-01..2016-10-13");
  DocumentInput changed = Doc("a", "2016-10-12", {Fact("Putin", "cancel", "visit", 0, "2016-10-12")});
  changed.content = "new content of a";
  Add(changed);
  EXPECT_EQ(Seen("cancel"), "2016-10-12..2016-10-13");
  ExpectConsistent();
}

TEST_F(DatedFactsTest, EachStatementKeepsItsTimeInTheEvidenceAndTheEdgeDoesNot) {
  Add(Doc("a", "2016-10-12", {Fact("Putin", "cancel", "visit", 0, "2016-10-12", "2016-10-11")}));
  Add(Doc("b", "2015-05-01", {Fact("Putin", "cancel", "visit", 3, "2015-05-01")}));
  auto rows = db_->Query("MATCH ()-[r:cancel]->() RETURN id(r), keys(r)");
  ASSERT_TRUE(rows.ok()) << rows.status();
  ASSERT_EQ(rows->size(), 1u);
  for (const Value& k : rows->row(0)[1].AsList()) {
    EXPECT_NE(k.AsString(), "reported");
    EXPECT_NE(k.AsString().substr(0, 5), "time_");
  }
  auto evidence = db_->EvidenceFor(EdgeId(rows->row(0)[0].AsInt()));
  ASSERT_TRUE(evidence.ok()) << evidence.status();
  ASSERT_EQ(evidence->size(), 2u);
  EXPECT_EQ((*evidence)[0].qualifiers.at("time_start"), D("2016-10-11"));
  EXPECT_EQ((*evidence)[0].qualifiers.at("reported"), D("2016-10-12"));
  EXPECT_EQ((*evidence)[1].qualifiers.count("time_start"), 0u);
  EXPECT_EQ((*evidence)[1].qualifiers.at("reported"), D("2015-05-01"));
}

TEST_F(DatedFactsTest, EachStatementsTimeIsQueryableThroughDbEvidence) {
  Add(Doc("a", "2016-10-12", {Fact("Putin", "cancel", "visit", 0, "2016-10-12", "2016-10-11")}));
  Add(Doc("b", "2015-05-01", {Fact("Putin", "cancel", "visit", 3, "2015-05-01")}));
  auto r = db_->Query(
      "MATCH ()-[r:cancel]->() CALL db.evidence(r) YIELD source, sentence, time, time_start, "
      "time_end, time_granularity, reported RETURN source, sentence, time, time_start, time_end, "
      "time_granularity, reported ORDER BY source");
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ(r->row(0)[0], Value("a"));
  EXPECT_EQ(r->row(0)[2], Value("in those days"));
  EXPECT_EQ(r->row(0)[3], D("2016-10-11"));
  EXPECT_EQ(r->row(0)[4], D("2016-10-11"));
  EXPECT_EQ(r->row(0)[5], Value("day"));
  EXPECT_EQ(r->row(0)[6], D("2016-10-12"));
  EXPECT_EQ(r->row(1)[0], Value("b"));
  EXPECT_EQ(r->row(1)[1], Value(int64_t{3}));
  EXPECT_TRUE(r->row(1)[2].is_null());  // No time expression: reported only.
  EXPECT_TRUE(r->row(1)[3].is_null());
  EXPECT_EQ(r->row(1)[6], D("2015-05-01"));
}

TEST_F(DatedFactsTest, QueriesFilterFactsByWhenTheyWereSeen) {
  Add(Doc("a", "2016-10-12", {Fact("Putin", "cancel", "visit", 0, "2016-10-12", "2016-10-11"),
                              Fact("Russia", "veto", "resolution", 1, "2016-10-12", "2016-10-08")}));
  Add(Doc("b", "2011-07-06", {Fact("Russia", "oppose", "resolution", 0, "2011-07-06")}));
  auto r = db_->Query(
      "MATCH (a)-[r]->(b) WHERE r.first_seen >= date('2016-10-01') "
      "RETURN a.name, type(r), b.name ORDER BY r.first_seen");
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ(r->row(0)[1], Value("veto"));
  EXPECT_EQ(r->row(1)[1], Value("cancel"));
  auto old = db_->Query("MATCH ()-[r]->() WHERE r.last_seen < date('2012-01-01') RETURN type(r)");
  ASSERT_TRUE(old.ok()) << old.status();
  ASSERT_EQ(old->size(), 1u);
  EXPECT_EQ(old->row(0)[0], Value("oppose"));
}

TEST_F(DatedFactsTest, MergeCombinesTimesAndSplitSeparatesThemAgain) {
  Triple early = Fact("Hollande", "meet", "Putin", 0, "2012-06-01");
  early.subject_mention = "Hollande";
  Add(Doc("a", "2012-06-01", {early}));
  Add(Doc("b", "2016-10-12", {Fact("François Hollande", "meet", "Putin", 0, "2016-10-12")}));
  ASSERT_TRUE(db_->Query("CALL kg.merge('François Hollande', 'Hollande')").ok());
  EXPECT_EQ(Seen("meet"), "2012-06-01..2016-10-12");
  ExpectConsistent();
  auto split = db_->Query("MATCH (n {name: 'François Hollande'}) CALL kg.split(n, 'Hollande') "
                          "YIELD node RETURN node.name");
  ASSERT_TRUE(split.ok()) << split.status();
  auto r = db_->Query("MATCH (a)-[r:meet]->() RETURN a.name, r.first_seen, r.last_seen ORDER BY a.name");
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ(r->row(0)[1], D("2016-10-12"));  // François Hollande
  EXPECT_EQ(r->row(0)[2], D("2016-10-12"));
  EXPECT_EQ(r->row(1)[1], D("2012-06-01"));  // Hollande
  EXPECT_EQ(r->row(1)[2], D("2012-06-01"));
  ExpectConsistent();
}

TEST_F(DatedFactsTest, CheckFindsAFirstSeenTheStatementsDoNotSay) {
  Add(Doc("a", "2016-10-12", {Fact("Putin", "cancel", "visit", 0, "2016-10-12")}));
  ExpectConsistent();
  ASSERT_TRUE(db_->Query("MATCH ()-[r:cancel]->() SET r.first_seen = date('1999-01-01')").ok());
  auto report = db_->Check();
  ASSERT_TRUE(report.ok()) << report.status();
  ASSERT_EQ(report->problem_count, 1);
  EXPECT_EQ(report->problems[0].message,
            "first_seen/last_seen 1999-01-01 to 2016-10-12, but its statements say 2016-10-12 to "
            "2016-10-12");
}

TEST_F(DatedFactsTest, IngestNormalisesTheDateAndDatesTheSentencesTimes) {
  DocumentInput d;
  d.source = "talks.txt";
  d.date = "Wednesday, October 12, 2016";
  d.content = "Vladimir Putin met Francois Hollande in Paris on Tuesday.";
  auto r = db_->Ingest(d);
  ASSERT_TRUE(r.ok()) << r.status();
  auto doc = db_->GetDocument(r->doc);
  ASSERT_TRUE(doc.ok()) << doc.status();
  EXPECT_EQ(doc->date, "2016-10-12");
  auto seen = db_->Query("MATCH ()-[r]->() RETURN DISTINCT r.first_seen");
  ASSERT_TRUE(seen.ok()) << seen.status();
  ASSERT_GE(seen->size(), 1u);
  EXPECT_EQ(seen->row(0)[0], D("2016-10-11"));  // "on Tuesday"

  d.date = "the day after";
  d.content = "Russia vetoed the resolution.";
  auto bad = db_->Ingest(d);
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(bad.status().message().find("\"the day after\""), std::string::npos)
      << bad.status();
  EXPECT_EQ(db_->GetStats()->documents, 1);
}

TEST_F(DatedFactsTest, DocumentsAreQueryableAndCountedByDate) {
  Add(Doc("a", "2016-10-12T09:00:00+02:00", {Fact("Putin", "cancel", "visit", 0, "2016-10-12")}));
  Add(Doc("b", "2011-07-06", {Fact("Russia", "oppose", "resolution", 0, "2011-07-06")}));
  Add(Doc("c", "", {Fact("France", "host", "conference", 0, "")}));
  Add(Doc("d", "sometime in 2010", {}));  // As an older store may hold it.
  auto r = db_->Query("CALL db.documents() YIELD source, date, published "
                      "WITH source, date, published WHERE date >= date('2016-01-01') "
                      "RETURN source, date, published");
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->size(), 1u);
  EXPECT_EQ(r->row(0)[0], Value("a"));
  EXPECT_EQ(r->row(0)[1], D("2016-10-12"));
  EXPECT_EQ(r->row(0)[2], Value("2016-10-12T09:00:00+02:00"));
  auto undated = db_->Query("CALL db.documents() YIELD source, date WITH source, date WHERE date IS NULL "
                            "RETURN source ORDER BY source");
  ASSERT_TRUE(undated.ok()) << undated.status();
  ASSERT_EQ(undated->size(), 2u);
  EXPECT_EQ(undated->row(1)[0], Value("d"));
  auto stats = db_->GetStats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->dated_documents, 2);
  EXPECT_EQ(stats->earliest_date, "2011-07-06");
  EXPECT_EQ(stats->latest_date, "2016-10-12");
}

}  // namespace
}  // namespace quiver
