// Readers running queries while a writer adds documents: every read sees
// whole documents (never some of one document's facts) and never fails.
// In-process reader threads share the writer's Database; a second,
// read-only Database on the same directory stands for a reader process
// (RocksDB secondary instance, CatchUp()). Run under the tsan preset too.

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "absl/strings/str_cat.h"
#include "quiver/database.h"
#include "tests/test_support.h"

namespace quiver {
namespace {

using ::quiver::testing::TempDir;

constexpr int kDocuments = 60;
constexpr int kFactsPerDocument = 5;

DocumentInput Document(int d) {
  DocumentInput doc;
  doc.source = absl::StrCat("doc-", d);
  doc.content = absl::StrCat("document ", d);
  for (int k = 0; k < kFactsPerDocument; ++k) {
    Triple t;
    t.subject = absl::StrCat("Hub ", d);
    t.relation = "step";
    t.object = absl::StrCat("Leaf ", d, "-", k);
    t.sentence = uint32_t(k);
    t.sentence_text = absl::StrCat("Hub ", d, " steps to leaf ", k, ".");
    doc.triples.push_back(std::move(t));
  }
  return doc;
}

// Reads the whole graph once; returns an error text, or "" when every hub
// seen has all of its document's facts.
std::string CheckWholeDocuments(Database& db, int64_t* hubs_seen) {
  absl::StatusOr<Result> r =
      db.Query("MATCH (h)-[r:step]->(l) RETURN h.name AS hub, count(r) AS facts");
  if (!r.ok()) return std::string(r.status().message());
  ValueList row;
  int64_t hubs = 0;
  while (r->Next(&row)) {
    ++hubs;
    if (row[1] != Value(int64_t(kFactsPerDocument)))
      return absl::StrCat(row[0].ToString(), " has ", row[1].ToString(), " facts");
  }
  if (!r->status().ok()) return std::string(r->status().message());
  *hubs_seen = hubs;
  return "";
}

TEST(ConcurrentReaders, ThreadsSeeWholeDocumentsWhileOneWrites) {
  TempDir dir;
  Options options;
  options.create_if_missing = true;
  auto db = Database::Open(dir.Sub("g"), options);
  ASSERT_TRUE(db.ok()) << db.status();
  std::atomic<bool> done{false};
  std::atomic<int64_t> reads{0};
  std::vector<std::string> failures(2);
  std::vector<std::thread> readers;
  for (int i = 0; i < 2; ++i) {
    readers.emplace_back([&, i] {
      int64_t last = 0;
      while (!done.load() && failures[i].empty()) {
        int64_t hubs = 0;
        failures[i] = CheckWholeDocuments(**db, &hubs);
        if (failures[i].empty() && hubs < last) failures[i] = "hubs went backwards";
        last = hubs;
        ++reads;
      }
    });
  }
  for (int d = 0; d < kDocuments; ++d) {
    absl::StatusOr<AddResult> added = (*db)->AddDocument(Document(d));
    ASSERT_TRUE(added.ok()) << added.status();
  }
  done = true;
  for (auto& t : readers) t.join();
  for (const std::string& f : failures) EXPECT_EQ(f, "");
  EXPECT_GT(reads.load(), 0);
  int64_t hubs = 0;
  EXPECT_EQ(CheckWholeDocuments(**db, &hubs), "");
  EXPECT_EQ(hubs, kDocuments);
}

TEST(ConcurrentReaders, AReadOnlyInstanceCatchesUpWithWholeDocuments) {
  TempDir dir;
  Options options;
  options.create_if_missing = true;
  auto writer = Database::Open(dir.Sub("g"), options);
  ASSERT_TRUE(writer.ok()) << writer.status();
  ASSERT_TRUE((*writer)->AddDocument(Document(0)).ok());
  Options read_only;
  read_only.read_only = true;
  auto reader = Database::Open(dir.Sub("g"), read_only);
  ASSERT_TRUE(reader.ok()) << reader.status();
  std::atomic<bool> done{false};
  std::string failure;
  int64_t reads = 0, last = 0;
  std::thread reading([&] {
    while (!done.load() && failure.empty()) {
      absl::Status caught_up = (*reader)->CatchUp();
      if (!caught_up.ok()) {
        failure = std::string(caught_up.message());
        break;
      }
      int64_t hubs = 0;
      failure = CheckWholeDocuments(**reader, &hubs);
      if (failure.empty() && hubs < last) failure = "hubs went backwards";
      last = hubs;
      ++reads;
    }
  });
  for (int d = 1; d < kDocuments; ++d) {
    absl::StatusOr<AddResult> added = (*writer)->AddDocument(Document(d));
    ASSERT_TRUE(added.ok()) << added.status();
  }
  done = true;
  reading.join();
  EXPECT_EQ(failure, "");
  EXPECT_GT(reads, 0);
  ASSERT_TRUE((*reader)->CatchUp().ok());
  int64_t hubs = 0;
  EXPECT_EQ(CheckWholeDocuments(**reader, &hubs), "");
  EXPECT_EQ(hubs, kDocuments);
}

}  // namespace
}  // namespace quiver
