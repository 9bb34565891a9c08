// ExtractAll and its sentence scheduler: the same triples for any number of
// jobs, documents delivered in input order, a bounded window in flight.

#include "ingest/pipeline.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "ingest/parse_scheduler.h"

namespace quiver::ingest {
namespace {

// Every field of every triple, and the statistics, in delivery order.
std::string Describe(size_t index, const ExtractedDocument& d) {
  std::string out = absl::StrCat("#", index, " ", d.input.source, " sentences=",
                                 d.stats.sentences, " triples=", d.stats.triples,
                                 " fallback=", d.stats.fallback, " no_triple=",
                                 d.stats.no_triple, "\n");
  for (const Triple& t : d.input.triples) {
    absl::StrAppend(&out, t.subject, " -", t.relation, "-> ", t.object, " | ", t.text,
                    " neg=", t.negated, " conf=", t.confidence, " s=", t.sentence, " ",
                    t.begin, "-", t.end, " [", t.subject_mention, "|", t.object_mention, "]");
    for (const auto& l : t.subject_labels) absl::StrAppend(&out, " sl:", l);
    for (const auto& l : t.object_labels) absl::StrAppend(&out, " ol:", l);
    for (const auto& a : t.subject_aliases) absl::StrAppend(&out, " sa:", a);
    for (const auto& a : t.object_aliases) absl::StrAppend(&out, " oa:", a);
    for (const auto& [k, v] : t.qualifiers) absl::StrAppend(&out, " ", k, "=", v.ToString());
    absl::StrAppend(&out, " {", t.sentence_text, "}\n");
  }
  return out;
}

// Sentences of our own: names, a short form before its full name, pronouns,
// titles and passives, so the document-level passes have work to do.
std::string LongArticle() {
  std::string text =
      "Hollande met the delegation in Paris. President François Hollande said that the "
      "treaty was signed by Germany. He did not visit Moscow.\n";
  const char* kSentences[] = {
      "Angela Merkel, the German chancellor, travelled to Brussels.",
      "She met with Jean-Claude Juncker on Monday.",
      "The proposal was rejected by Norway.",
      "Kremlin spokesman Dmitry Peskov said the talks would continue.",
      "The committee may approve the budget next week.",
      "Sweden did not sign the agreement.",
      "The minister plans to visit Warsaw in March.",
      "Russia vetoed the resolution, which France had drafted.",
  };
  for (int round = 0; round < 4; ++round)
    for (const char* s : kSentences) absl::StrAppend(&text, s, " ");
  return text;
}

std::vector<SourceDocument> Documents() {
  std::vector<SourceDocument> docs;
  auto add = [&](const std::string& source, const std::string& text) {
    SourceDocument d;
    d.source = source;
    d.title = source;
    d.text = text;
    docs.push_back(d);
  };
  add("long", LongArticle());
  add("empty", "");
  add("short", "Russia vetoed the resolution.");
  add("no-letters", "... 42 !!!\n");
  add("two", "The treaty was signed by Poland. It was not ratified by Hungary.");
  add("pronoun", "Laurent Fabius, the French foreign minister, arrived. He met Lavrov.");
  add("empty-too", "");
  return docs;
}

std::vector<std::string> ExtractWithJobs(const std::vector<SourceDocument>& docs, int jobs) {
  std::vector<std::string> out;
  absl::Status st = ExtractAll(docs, jobs, ParserSettings(),
                               [&](size_t i, ExtractedDocument&& d) {
                                 out.push_back(Describe(i, d));
                               });
  EXPECT_TRUE(st.ok()) << st;
  return out;
}

TEST(ExtractAll, SameTriplesInTheSameOrderForOneTwoAndFourJobs) {
  const std::vector<SourceDocument> docs = Documents();
  const std::vector<std::string> one = ExtractWithJobs(docs, 1);
  ASSERT_EQ(one.size(), docs.size());
  // The long document yields facts, so the comparison compares something.
  EXPECT_NE(one[0].find("-veto-> resolution"), std::string::npos) << one[0];
  EXPECT_NE(one[1].find("sentences=0 triples=0"), std::string::npos) << one[1];
  for (size_t i = 0; i < docs.size(); ++i)
    EXPECT_EQ(one[i].rfind(absl::StrCat("#", i, " ", docs[i].source, " "), 0), 0u) << one[i];
  EXPECT_EQ(ExtractWithJobs(docs, 2), one);
  EXPECT_EQ(ExtractWithJobs(docs, 4), one);
}

TEST(ExtractAll, OneLongDocumentOnSeveralJobsEqualsExtractDocument) {
  SourceDocument doc;
  doc.source = "long";
  doc.text = LongArticle();
  auto dict = LinkDictionary::Load();
  ASSERT_TRUE(dict.ok()) << dict.status();
  ParserSession parser(*dict, ParserSettings());
  const std::string alone = Describe(0, ExtractDocument(doc, parser));
  const std::vector<std::string> two = ExtractWithJobs({doc}, 2);
  ASSERT_EQ(two.size(), 1u);
  EXPECT_EQ(two[0], alone);
}

TEST(ExtractAll, NoDocumentsCallsNothing) {
  bool called = false;
  EXPECT_TRUE(ExtractAll({}, 2, ParserSettings(), [&](size_t, ExtractedDocument&&) {
                called = true;
              }).ok());
  EXPECT_FALSE(called);
}

// Scheduler steps that do no parsing: document d has sizes[d] sentences,
// each taking `parse_delay`, and everything the scheduler does is recorded.
struct Recorder {
  std::vector<size_t> sizes;
  std::chrono::microseconds parse_delay{0};
  SchedulerWindow window;

  std::mutex mu;
  std::vector<size_t> delivered;
  std::vector<size_t> parsed;  // Per document.
  std::vector<size_t> finished_with;  // Parsed sentences when finished.
  std::set<std::thread::id> parse_threads;
  size_t in_flight = 0, max_in_flight = 0;
  size_t sentences_in_flight = 0, max_sentences_in_flight = 0;
  bool order_broken = false;

  absl::Status Run(int jobs) {
    parsed.assign(sizes.size(), 0);
    finished_with.assign(sizes.size(), SIZE_MAX);
    SentenceSteps steps;
    steps.split = [&](size_t d) {
      std::lock_guard<std::mutex> lock(mu);
      ++in_flight;
      sentences_in_flight += sizes[d];
      max_in_flight = std::max(max_in_flight, in_flight);
      max_sentences_in_flight = std::max(max_sentences_in_flight, sentences_in_flight);
      return sizes[d];
    };
    steps.parse = [&](size_t d, size_t s, ParserSession&) {
      std::this_thread::sleep_for(parse_delay);
      std::lock_guard<std::mutex> lock(mu);
      ++parsed[d];
      parse_threads.insert(std::this_thread::get_id());
      if (finished_with[d] != SIZE_MAX || s >= sizes[d]) order_broken = true;
    };
    steps.finish = [&](size_t d) {
      std::lock_guard<std::mutex> lock(mu);
      finished_with[d] = parsed[d];
    };
    steps.deliver = [&](size_t d) {
      std::lock_guard<std::mutex> lock(mu);
      if (finished_with[d] != sizes[d]) order_broken = true;
      delivered.push_back(d);
      --in_flight;
      sentences_in_flight -= sizes[d];
    };
    return ParseSentencesInOrder(sizes.size(), jobs, ParserSettings(), steps, window);
  }
};

std::vector<size_t> Iota(size_t n) {
  std::vector<size_t> v(n);
  for (size_t i = 0; i < n; ++i) v[i] = i;
  return v;
}

TEST(ParseScheduler, DeliversEveryDocumentInInputOrderAfterAllItsSentences) {
  Recorder r;
  // A long first document and empty ones between: later documents finish
  // first, and must wait for it.
  r.sizes = {40, 0, 3, 1, 0, 7, 2, 0};
  r.parse_delay = std::chrono::microseconds(500);
  ASSERT_TRUE(r.Run(3).ok());
  EXPECT_EQ(r.delivered, Iota(r.sizes.size()));
  EXPECT_EQ(r.parsed, r.sizes);
  EXPECT_FALSE(r.order_broken);
}

TEST(ParseScheduler, SpreadsOneDocumentsSentencesOverAllWorkers) {
  Recorder r;
  r.sizes = {60};
  r.parse_delay = std::chrono::milliseconds(2);
  ASSERT_TRUE(r.Run(2).ok());
  EXPECT_EQ(r.parse_threads.size(), 2u);
  EXPECT_EQ(r.delivered, Iota(1));
}

TEST(ParseScheduler, KeepsAtMostAWindowOfDocumentsInFlight) {
  Recorder r;
  r.sizes.assign(200, 2);
  r.window.documents_per_job = 2;
  ASSERT_TRUE(r.Run(2).ok());
  EXPECT_EQ(r.delivered, Iota(200));
  EXPECT_LE(r.max_in_flight, 4u);
  EXPECT_GE(r.max_in_flight, 2u);  // Workers did run ahead of delivery.
}

TEST(ParseScheduler, SentenceBudgetLimitsWhatIsSplitAhead) {
  Recorder r;
  r.sizes.assign(100, 4);
  r.sizes[50] = 30;  // Over the whole budget: still runs, alone or nearly.
  r.window.documents_per_job = 100;
  r.window.max_sentences = 10;
  ASSERT_TRUE(r.Run(2).ok());
  EXPECT_EQ(r.delivered, Iota(100));
  EXPECT_EQ(r.parsed, r.sizes);
  // A document is taken while fewer than 10 sentences are in flight.
  EXPECT_LE(r.max_sentences_in_flight, 9u + 30u);
  EXPECT_LE(r.max_in_flight, 3u);
}

TEST(ParseScheduler, OneJobRunsEveryStepOnTheCallingThread) {
  Recorder r;
  r.sizes = {3, 0, 5};
  ASSERT_TRUE(r.Run(1).ok());
  EXPECT_EQ(r.delivered, Iota(3));
  EXPECT_EQ(r.max_in_flight, 1u);
  ASSERT_EQ(r.parse_threads.size(), 1u);
  EXPECT_EQ(*r.parse_threads.begin(), std::this_thread::get_id());
}

}  // namespace
}  // namespace quiver::ingest
