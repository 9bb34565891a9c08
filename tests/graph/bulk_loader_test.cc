#include "graph/bulk_loader.h"

#include <filesystem>
#include <map>

#include "graph/content_hash.h"
#include "graph/document_writer.h"
#include "graph/reader.h"
#include "gtest/gtest.h"
#include "tests/graph/store_dump.h"
#include "tests/test_support.h"
#include "util/status_macros.h"

namespace quiver::graph {
namespace {

using ::quiver::testing::TempDir;

// Every key and value of every column family but the store's random id.
std::map<std::string, std::string> Dump(const Store& store) {
  return DumpStore(store, StoreId::kLeftOut);
}

struct Line {
  std::string s, r, o, text;
};

const std::vector<Line> kLines = {
    {"Russia", "veto", "resolution", "vetoed"},
    {"France", "host", "conference", ""},
    {"russia", "veto", "resolution", "blocked"},   // same edge, other surface form
    {"Russia", "oppose", "resolution", ""},
    {"Fabius", "meet_with", "Lavrov", "met with"},
    {"Lavrov", "meet_with", "Fabius", ""},
    {"RUSSIA", "veto", "Resolution", ""},
    {"Lavrov", "meet_with", "Fabius", ""},
};

TEST(BulkLoader, BuildsTheSameStoreAsTheWriteTransactionPath) {
  TempDir dir;
  std::string content = "the file's bytes";
  auto slow = *Store::Open(dir.Sub("slow"), {});
  auto fast = *Store::Open(dir.Sub("fast"), {});

  DocumentInput input;
  input.source = "facts.tsv";
  input.content = content;
  for (size_t i = 0; i < kLines.size(); ++i) {
    Triple t = testing::MakeTriple(kLines[i].s, kLines[i].r, kLines[i].o);
    t.text = kLines[i].text;
    t.sentence = uint32_t(i + 1);
    t.source = "facts.tsv";
    input.triples.push_back(t);
  }
  auto slow_result = AddDocument(*slow, input);
  ASSERT_TRUE(slow_result.ok()) << slow_result.status();

  BulkLoader loader(fast.get());
  Document doc;
  doc.source = "facts.tsv";
  loader.SetDocument(doc, content);
  for (size_t i = 0; i < kLines.size(); ++i) {
    ASSERT_TRUE(loader.AddStatement(kLines[i].s, kLines[i].r, kLines[i].o, uint32_t(i + 1),
                                    kLines[i].text).ok());
  }
  auto fast_result = loader.Finish();
  ASSERT_TRUE(fast_result.ok()) << fast_result.status();
  EXPECT_EQ(fast_result->nodes_created, slow_result->nodes_created);
  EXPECT_EQ(fast_result->edges_created, slow_result->edges_created);
  EXPECT_EQ(fast_result->evidence_added, slow_result->evidence_added);

  auto slow_dump = Dump(*slow);
  auto fast_dump = Dump(*fast);
  EXPECT_EQ(slow_dump.size(), fast_dump.size());
  for (const auto& [k, v] : slow_dump) {
    auto it = fast_dump.find(k);
    if (it == fast_dump.end()) {
      ADD_FAILURE() << "bulk store lacks key " << k;
    } else {
      EXPECT_EQ(it->second, v) << "value differs at " << k;
    }
  }
  EXPECT_EQ(slow->counters().nodes, fast->counters().nodes);
  EXPECT_EQ(slow->counters().next_term, fast->counters().next_term);
  EXPECT_EQ(fast->FindTerm("meet_with"), slow->FindTerm("meet_with"));
}

// A refused statement adds nothing, as on the ordinary path: not the valid
// subject of a statement whose object is bad (the names are checked before
// either is batched for interning), nor the names of one whose relation is
// bad, nor a statement index. The store is the one the good lines alone make.
TEST(BulkLoader, ARefusedStatementAddsNothing) {
  TempDir dir;
  const std::string content = "the file's bytes";
  DocumentInput input;
  input.source = "facts.tsv";
  input.content = content;
  for (size_t i = 0; i < kLines.size(); ++i) {
    Triple t = testing::MakeTriple(kLines[i].s, kLines[i].r, kLines[i].o);
    t.text = kLines[i].text;
    t.sentence = uint32_t(i + 1);
    t.source = "facts.tsv";
    input.triples.push_back(t);
  }
  auto slow = *Store::Open(dir.Sub("slow"), {});
  ASSERT_TRUE(AddDocument(*slow, input, /*bulk_threshold=*/SIZE_MAX).ok());

  auto fast = *Store::Open(dir.Sub("fast"), {});
  BulkLoader loader(fast.get());
  Document doc;
  doc.source = "facts.tsv";
  loader.SetDocument(doc, content);
  for (size_t i = 0; i < kLines.size(); ++i) {
    if (i == 2) {
      EXPECT_EQ(loader.AddStatement("Lone Subject", "veto", "bad\xFF", 9).code(),
                absl::StatusCode::kInvalidArgument);
      EXPECT_EQ(loader.AddStatement("Other Name", std::string(300, 'r'), "Third Name", 9).code(),
                absl::StatusCode::kInvalidArgument);
      EXPECT_EQ(loader.AddStatement(std::string(kMaxNameBytes + 1, 'n'), "veto", "Fourth", 9)
                    .code(),
                absl::StatusCode::kInvalidArgument);
    }
    ASSERT_TRUE(loader.AddStatement(kLines[i].s, kLines[i].r, kLines[i].o, uint32_t(i + 1),
                                    kLines[i].text).ok());
  }
  ASSERT_TRUE(loader.Finish().ok());
  EXPECT_EQ(Dump(*fast), Dump(*slow));
  EXPECT_TRUE(fast->NewReader()->FindNodesByName("Lone Subject")->empty());
}

TEST(BulkLoader, AddDocumentTakesTheBulkPathWithTheSameResult) {
  TempDir dir;
  DocumentInput input;
  input.source = "notes.tsv";
  input.title = "Notes";
  input.content = "bytes";
  for (size_t i = 0; i < kLines.size(); ++i) {
    Triple t = testing::MakeTriple(kLines[i].s, kLines[i].r, kLines[i].o);
    t.text = kLines[i].text;
    t.sentence = uint32_t(i % 5);  // some lines state an edge twice
    if (i % 2) t.sentence_text = "Sentence " + std::to_string(i) + ".";
    t.source = i % 3 ? "notes.tsv" : "elsewhere";
    input.triples.push_back(t);
  }
  auto slow = *Store::Open(dir.Sub("slow"), {});
  auto fast = *Store::Open(dir.Sub("fast"), {});
  ASSERT_TRUE(AddDocument(*slow, input, /*bulk_threshold=*/SIZE_MAX).ok());
  ASSERT_TRUE(AddDocument(*fast, input, /*bulk_threshold=*/1).ok());
  // The bulk path leaves no memtable behind; the ordinary one does.
  auto fast_files = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir.Sub("fast")))
    fast_files += e.path().extension() == ".sst";
  EXPECT_GT(fast_files, 0);
  EXPECT_EQ(Dump(*slow), Dump(*fast));
}

TEST(BulkLoader, StoreSurvivesReopenAndRefusesTheSameDocumentLater) {
  TempDir dir;
  std::string path = dir.Sub("g");
  {
    auto store = *Store::Open(path, {});
    BulkLoader loader(store.get());
    loader.SetDocument(Document{}, "content");
    ASSERT_TRUE(loader.AddNode("lonely").ok());
    ASSERT_TRUE(loader.AddStatement("a", "r", "b", 1).ok());
    ASSERT_TRUE(loader.Finish().ok());
  }
  auto store = *Store::Open(path, {});
  EXPECT_EQ(store->counters().nodes, 3);
  EXPECT_EQ(store->counters().edges, 1);
  EXPECT_EQ(store->NewReader()->FindNodesByName("LONELY")->size(), 1u);
  DocumentInput again;
  again.content = "content";
  auto result = AddDocument(*store, again);
  ASSERT_TRUE(result.ok());
  EXPECT_TRUE(result->duplicate);
  // The ordinary path continues from the bulk load's counters.
  DocumentInput more;
  more.content = "more";
  more.triples = {testing::MakeTriple("a", "r", "c")};
  ASSERT_TRUE(AddDocument(*store, more).ok());
  EXPECT_EQ(store->counters().nodes, 4);
  EXPECT_EQ(store->counters().edges, 2);
}

// A document of many statements in which facts recur on the same and on
// other lines, names in several surface forms, some relations written
// differently and some statements with sentences of their own.
DocumentInput RecurringFacts(uint32_t statements = 700, uint32_t names = 40) {
  DocumentInput input;
  input.source = "big.tsv";
  input.content = "the big file";
  const std::vector<std::string> relations = {"veto", "host", "meet_with", "oppose", "fund"};
  uint32_t x = 12345;
  auto next = [&x](uint32_t n) {
    x = x * 1103515245u + 12345u;
    return (x >> 16) % n;
  };
  for (uint32_t i = 0; i < statements; ++i) {
    uint32_t a = next(names), b = next(names);
    Triple t;
    t.subject = (next(4) == 0 ? "NAME " : "Name ") + std::to_string(a);
    t.object = (next(5) == 0 ? "name " : "Name ") + std::to_string(b);
    t.relation = relations[next(uint32_t(relations.size()))];
    if (next(6) == 0) t.text = t.relation + " (as written)";
    t.sentence = i / 3;  // Several statements a line; some repeat a fact there.
    if (next(7) == 0) t.sentence_text = "Sentence " + std::to_string(i) + ".";
    t.source = next(9) == 0 ? "elsewhere" : "big.tsv";
    input.triples.push_back(t);
  }
  return input;
}

absl::StatusOr<AddResult> BulkLoad(Store& store, const DocumentInput& input,
                                   BulkLoadOptions options, size_t* runs) {
  BulkLoader loader(&store, std::move(options));
  Document doc;
  doc.source = input.source;
  loader.SetDocument(doc, input.content);
  for (const Triple& t : input.triples) {
    QUIVER_RETURN_IF_ERROR(loader.AddStatement(t.subject, t.relation, t.object, t.sentence,
                                               t.text, t.sentence_text, t.source));
  }
  auto result = loader.Finish();
  *runs = loader.spilled_runs();
  return result;
}

TEST(BulkLoader, SpillingToDiskBuildsTheSameStore) {
  TempDir dir;
  DocumentInput input = RecurringFacts();
  auto slow = *Store::Open(dir.Sub("slow"), {});
  ASSERT_TRUE(AddDocument(*slow, input, /*bulk_threshold=*/SIZE_MAX).ok());

  auto in_memory = *Store::Open(dir.Sub("memory"), {});
  size_t memory_runs = 0;
  auto memory_result = BulkLoad(*in_memory, input, {}, &memory_runs);
  ASSERT_TRUE(memory_result.ok()) << memory_result.status();
  EXPECT_EQ(memory_runs, 0u);

  // 640 bytes hold 10 statement entries and room to sort them: the 700
  // statements and the entries made from them go to disk in dozens of runs.
  auto spilled = *Store::Open(dir.Sub("spilled"), {});
  BulkLoadOptions tiny;
  tiny.memory_budget = 640;
  tiny.spill_dir = dir.path();
  size_t spilled_runs = 0;
  auto spilled_result = BulkLoad(*spilled, input, tiny, &spilled_runs);
  ASSERT_TRUE(spilled_result.ok()) << spilled_result.status();
  EXPECT_GT(spilled_runs, 35u);
  EXPECT_EQ(spilled_result->edges_created, memory_result->edges_created);
  EXPECT_EQ(spilled_result->evidence_added, memory_result->evidence_added);
  EXPECT_LT(memory_result->edges_created, 700);  // Some facts do recur.

  auto expected = Dump(*slow);
  EXPECT_EQ(Dump(*in_memory), expected);
  EXPECT_EQ(Dump(*spilled), expected);
  // The spill files were unlinked as they were made.
  for (const auto& e : std::filesystem::directory_iterator(dir.path()))
    EXPECT_FALSE(e.is_regular_file()) << e.path();
}

// Batches of at least 2,048 names are interned on two threads, each
// looking up its half of the names; the store is still the one a single
// pass would build (node ids, aliases, mention counts and resolutions in
// first-seen order), in one batch and across many.
TEST(BulkLoader, InterningOnTwoThreadsBuildsTheSameStore) {
  TempDir dir;
  DocumentInput input = RecurringFacts(6000, 2500);
  auto slow = *Store::Open(dir.Sub("slow"), {});
  ASSERT_TRUE(AddDocument(*slow, input, /*bulk_threshold=*/SIZE_MAX).ok());
  const auto expected = Dump(*slow);

  auto one_batch = *Store::Open(dir.Sub("one"), {});
  size_t runs = 0;
  auto result = BulkLoad(*one_batch, input, {}, &runs);
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_EQ(Dump(*one_batch), expected);

  // 64 KiB: batches of 1,024 statements (2,048 names), six of them.
  auto batches = *Store::Open(dir.Sub("batches"), {});
  BulkLoadOptions small;
  small.memory_budget = 64 << 10;
  result = BulkLoad(*batches, input, small, &runs);
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_EQ(Dump(*batches), expected);
  EXPECT_GT(slow->counters().nodes, 2000);
  EXPECT_LT(slow->counters().nodes, 3000);  // Two surface forms of many.
}

TEST(BulkLoader, AnUnwritableSpillDirectoryIsAClearError) {
  TempDir dir;
  auto store = *Store::Open(dir.Sub("g"), {});
  BulkLoadOptions options;
  options.memory_budget = 64;
  options.spill_dir = dir.Sub("missing");
  BulkLoader loader(store.get(), options);
  loader.SetDocument(Document{}, "content");
  absl::Status status;
  for (uint32_t i = 0; i < 10 && status.ok(); ++i)
    status = loader.AddStatement("a" + std::to_string(i), "r", "b", i);
  EXPECT_EQ(status.code(), absl::StatusCode::kInternal);
  EXPECT_NE(status.message().find(dir.Sub("missing")), std::string::npos) << status;
  EXPECT_EQ(store->counters().nodes, 0);
}

TEST(BulkLoader, AHashOfStreamedContentRecognisesTheSameDocumentLater) {
  TempDir dir;
  auto store = *Store::Open(dir.Sub("g"), {});
  BulkLoader loader(store.get());
  loader.SetDocument(Document{}, "");
  ContentHasher hasher;
  for (std::string_view piece : {"a,r,b\n", "c,r,", "d\n"}) hasher.Update(piece);
  loader.SetContentHash(hasher.Digest());
  ASSERT_TRUE(loader.AddStatement("a", "r", "b", 1).ok());
  ASSERT_TRUE(loader.AddStatement("c", "r", "d", 2).ok());
  ASSERT_TRUE(loader.Finish().ok());
  DocumentInput again;
  again.content = "a,r,b\nc,r,d\n";
  auto result = AddDocument(*store, again);
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_TRUE(result->duplicate);
}

TEST(BulkLoader, RefusesANonEmptyStoreAndBadNames) {
  TempDir dir;
  auto store = *Store::Open(dir.Sub("g"), {});
  DocumentInput doc;
  doc.content = "x";
  doc.triples = {testing::MakeTriple("a", "r", "b")};
  ASSERT_TRUE(AddDocument(*store, doc).ok());
  BulkLoader loader(store.get());
  loader.SetDocument(Document{}, "y");
  EXPECT_EQ(loader.AddStatement("", "r", "b", 1).code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(loader.AddStatement("a", "r", "b\xFF", 1).code(), absl::StatusCode::kInvalidArgument);
  ASSERT_TRUE(loader.AddStatement("c", "r", "d", 1).ok());
  EXPECT_EQ(loader.Finish().status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(store->counters().nodes, 2);
}

}  // namespace
}  // namespace quiver::graph
