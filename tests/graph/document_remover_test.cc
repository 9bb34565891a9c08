#include "graph/document_remover.h"

#include <algorithm>
#include <map>
#include <sstream>

#include "graph/document_writer.h"
#include "graph/reader.h"
#include "graph/write_txn.h"
#include "gtest/gtest.h"
#include "tests/graph/store_fixture.h"
#include "tests/test_support.h"

namespace quiver::graph {
namespace {

std::string Show(const Value& v) {
  if (v.is_string()) return "\"" + v.AsString() + "\"";
  if (v.is_bool()) return v.AsBool() ? "true" : "false";
  if (v.is_int()) return std::to_string(v.AsInt());
  if (v.is_number()) {
    std::ostringstream s;
    s << v.AsNumber();
    return s.str();
  }
  return "?";
}

std::string Sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  std::string out;
  for (const auto& s : v) out += s + ";";
  return out;
}

// The graph as a reader sees it, by names and sources instead of ids, so two
// stores built along different paths compare equal when they hold the same.
std::string CanonicalDump(const Store& store) {
  auto reader = store.NewReader();
  std::vector<std::string> lines;
  std::map<NodeId, std::string> names;
  EXPECT_TRUE(reader
                  ->ScanNodes([&](NodeId id) {
                    auto node = reader->GetNode(id);
                    EXPECT_TRUE(node.ok() && node->has_value());
                    const Node& n = **node;
                    names[id] = n.name;
                    std::string line = "node " + n.name + " labels=" + Sorted(n.labels) +
                                       " aliases=" + Sorted(n.aliases) +
                                       " mentions=" + std::to_string(n.mentions);
                    for (const auto& [k, v] : n.properties) line += " " + k + "=" + Show(v);
                    lines.push_back(line);
                    return true;
                  })
                  .ok());
  std::map<DocId, std::string> sources;
  auto docs = reader->Documents();
  EXPECT_TRUE(docs.ok()) << docs.status();
  for (const auto& d : *docs) {
    sources[d.id] = d.source;
    lines.push_back("doc " + d.source + " " + d.content_hash + " " +
                    std::to_string(d.statements));
  }
  EXPECT_TRUE(reader
                  ->ScanEdges(std::nullopt,
                              [&](const AdjEntry& e) {
                                auto edge = reader->GetEdge(e.edge);
                                EXPECT_TRUE(edge.ok() && edge->has_value());
                                std::string fact = names[e.src] + " -" + (*edge)->type + "-> " +
                                                   names[e.dst];
                                std::string line = "edge " + fact;
                                for (const auto& [k, v] : (*edge)->properties)
                                  line += " " + k + "=" + Show(v);
                                lines.push_back(line);
                                auto evidence = reader->EvidenceFor(e.edge);
                                EXPECT_TRUE(evidence.ok());
                                for (const auto& ev : *evidence) {
                                  lines.push_back("evidence " + fact + " from " + sources[ev.doc] +
                                                  " #" + std::to_string(ev.sentence) + " " +
                                                  ev.text);
                                }
                                return true;
                              })
                  .ok());
  std::sort(lines.begin(), lines.end());
  const Counters c = store.counters();
  std::string out = "counts " + std::to_string(c.nodes) + " " + std::to_string(c.edges) + " " +
                    std::to_string(c.docs) + " " + std::to_string(c.evidence) + "\n";
  for (const auto& l : lines) out += l + "\n";
  return out;
}

class DocumentRemoverTest : public ::testing::Test {
 protected:
  void SetUp() override { store_ = Open("/remover-test"); }

  static std::unique_ptr<Store> Open(const std::string& name) { return OpenInMemory(name); }

  AddResult Add(Store& store, const DocumentInput& d) {
    auto r = AddDocument(store, d);
    EXPECT_TRUE(r.ok()) << r.status();
    return r.ok() ? *r : AddResult();
  }
  AddResult Add(const DocumentInput& d) { return Add(*store_, d); }

  RemoveResult Remove(std::string_view source) {
    auto r = RemoveSource(*store_, source);
    EXPECT_TRUE(r.ok()) << r.status();
    return r.ok() ? *r : RemoveResult();
  }

  // The one edge subject -type-> object, or nullopt.
  std::optional<Edge> Fact(const std::string& s, const std::string& type, const std::string& o) {
    auto reader = store_->NewReader();
    auto src = reader->FindNodesByName(s);
    auto dst = reader->FindNodesByName(o);
    auto t = reader->FindTerm(type);
    if (src->empty() || dst->empty() || !t) return std::nullopt;
    std::optional<Edge> found;
    EXPECT_TRUE(reader
                    ->ScanAdjacent(src->front(), Direction::kOutgoing, *t, dst->front(),
                                   [&](const AdjEntry& e) {
                                     found = *reader->GetEdge(e.edge).value();
                                     return false;
                                   })
                    .ok());
    return found;
  }

  std::vector<std::string> EvidenceSources(const Edge& edge) {
    auto reader = store_->NewReader();
    std::vector<std::string> out;
    auto evidence = reader->EvidenceFor(edge.id);
    EXPECT_TRUE(evidence.ok()) << evidence.status();
    for (const auto& ev : *evidence) {
      auto doc = reader->GetDocument(ev.doc);
      out.push_back(doc.ok() && *doc ? (*doc)->source : "missing doc " + std::to_string(ev.doc));
    }
    return out;
  }

  size_t KeysIn(Cf cf) { return graph::KeysIn(*store_, cf); }

  DocumentInput a_ = Doc("a.txt", "article A",
                         {T("Putin", "cancel", "visit", 0), T("Russia", "veto", "resolution", 1)});
  DocumentInput b_ = Doc("b.txt", "article B",
                         {T("Putin", "cancel", "visit", 3), T("France", "host", "conference", 4)});
  std::unique_ptr<Store> store_;
};

TEST_F(DocumentRemoverTest, RemovingOneOfTwoDocumentsLeavesTheOthersEvidenceAndCount) {
  Add(a_);
  Add(b_);
  ASSERT_EQ(Fact("Putin", "cancel", "visit")->count(), 2);

  RemoveResult removed = Remove("b.txt");
  EXPECT_EQ(removed.documents, 1);
  EXPECT_EQ(removed.evidence, 2);
  EXPECT_EQ(removed.edges, 1);  // France -host-> conference
  EXPECT_EQ(removed.nodes, 2);  // France, conference
  auto cancel = Fact("Putin", "cancel", "visit");
  ASSERT_TRUE(cancel);
  EXPECT_EQ(cancel->count(), 1);
  EXPECT_EQ(EvidenceSources(*cancel), std::vector<std::string>{"a.txt"});
  EXPECT_FALSE(Fact("France", "host", "conference"));
  EXPECT_TRUE(store_->NewReader()->FindNodesByName("France")->empty());
  const Counters c = store_->counters();
  EXPECT_EQ(c.docs, 1);
  EXPECT_EQ(c.nodes, 4);
  EXPECT_EQ(c.edges, 2);
  EXPECT_EQ(c.evidence, 2);
}

TEST_F(DocumentRemoverTest, RemovingEveryDocumentEmptiesTheGraphAndItsIndexes) {
  Add(a_);
  Add(b_);
  Remove("a.txt");
  Remove("b.txt");
  const Counters c = store_->counters();
  EXPECT_EQ(c.nodes, 0);
  EXPECT_EQ(c.edges, 0);
  EXPECT_EQ(c.docs, 0);
  EXPECT_EQ(c.evidence, 0);
  for (Cf cf : {Cf::kNodes, Cf::kNames, Cf::kOut, Cf::kIn, Cf::kByType, Cf::kEdges,
                Cf::kEvidence, Cf::kDocs, Cf::kHashes, Cf::kProvenance}) {
    EXPECT_EQ(KeysIn(cf), 0u) << CfName(cf);
  }
  // The content can be added again afterwards.
  EXPECT_FALSE(Add(a_).duplicate);
}

TEST_F(DocumentRemoverTest, AddThenRemoveBLeavesTheGraphOfAAlone) {
  DocumentInput a = a_;
  a.triples[0].subject_labels = {"Person"};
  a.triples[0].confidence = 0.6;
  // B names A's nodes with new aliases and labels, states A's fact with a
  // higher confidence, and adds facts of its own.
  DocumentInput b = b_;
  b.triples[0].subject_aliases = {"Vladimir Putin"};
  b.triples[0].confidence = 0.9;
  b.triples.push_back(T("Russia", "oppose", "resolution", 5));
  b.triples.back().subject_labels = {"Country"};
  b.triples.push_back(T("Vladimir Putin", "meet_with", "Fabius", 6));

  auto alone = Open("/remover-test-alone");
  Add(*alone, a);
  const std::string expected = CanonicalDump(*alone);

  Add(a);
  Add(b);
  ASSERT_NE(CanonicalDump(*store_), expected);
  Remove("b.txt");
  EXPECT_EQ(CanonicalDump(*store_), expected);
}

TEST_F(DocumentRemoverTest, ChangedDocumentReplacesItsEarlierVersionInOneWrite) {
  DocumentInput c = Doc("c.txt", "article C", {T("Putin", "cancel", "visit", 0)});
  Add(a_);
  Add(c);
  DocumentInput a2 = Doc("a.txt", "article A, second version",
                         {T("Putin", "cancel", "visit", 0), T("Hollande", "impose", "curfew", 2)});
  AddResult r = Add(a2);
  EXPECT_FALSE(r.duplicate);
  EXPECT_EQ(r.replaced, 1);
  EXPECT_FALSE(Fact("Russia", "veto", "resolution"));  // Only the old version said it.
  EXPECT_TRUE(store_->NewReader()->FindNodesByName("Russia")->empty());
  auto cancel = Fact("Putin", "cancel", "visit");
  ASSERT_TRUE(cancel);
  EXPECT_EQ(cancel->count(), 2);  // The new version and c.txt, not three.
  std::vector<std::string> sources = EvidenceSources(*cancel);
  std::sort(sources.begin(), sources.end());
  EXPECT_EQ(sources, (std::vector<std::string>{"a.txt", "c.txt"}));
  EXPECT_TRUE(Fact("Hollande", "impose", "curfew"));
  EXPECT_EQ(store_->counters().docs, 2);
  auto docs = *store_->NewReader()->Documents();
  EXPECT_EQ(std::count_if(docs.begin(), docs.end(),
                          [](const Document& d) { return d.source == "a.txt"; }),
            1);

  // Same as adding the new version to a store that never saw the old one.
  auto fresh = Open("/remover-test-fresh");
  Add(*fresh, c);
  Add(*fresh, a2);
  EXPECT_EQ(CanonicalDump(*store_), CanonicalDump(*fresh));
}

// A fact stated by two documents takes its "text" and qualifiers from its
// statements; when the first statement's document goes, what is left must
// come from a statement that is left (the earliest), not from the one gone.
TEST_F(DocumentRemoverTest, ASurvivingFactTakesItsTextAndQualifiersFromAStatementLeft) {
  DocumentInput a = Doc("a.txt", "article A", {T("Putin", "cancel", "visit", 0)});
  a.triples[0].text = "called off";
  a.triples[0].qualifiers["in"] = Value(std::string("Moscow"));
  a.triples[0].qualifiers["when"] = Value(std::string("Friday"));
  DocumentInput b = Doc("b.txt", "article B", {T("Putin", "cancel", "visit", 3)});
  b.triples[0].text = "cancelled";
  b.triples[0].qualifiers["when"] = Value(std::string("Monday"));
  b.triples[0].qualifiers["why"] = Value(std::string("strikes"));
  DocumentInput c = Doc("c.txt", "article C", {T("Putin", "cancel", "visit", 1)});
  c.triples[0].text = "scrapped";
  c.triples[0].qualifiers["why"] = Value(std::string("illness"));
  Add(a);
  Add(b);
  Add(c);
  auto before = Fact("Putin", "cancel", "visit");
  ASSERT_TRUE(before);
  EXPECT_EQ(before->properties.at("text").AsString(), "called off");
  EXPECT_EQ(before->properties.at("in").AsString(), "Moscow");

  Remove("a.txt");
  auto after = Fact("Putin", "cancel", "visit");
  ASSERT_TRUE(after);
  EXPECT_EQ(after->count(), 2);
  EXPECT_EQ(after->properties.at("text").AsString(), "cancelled");  // b: earliest left.
  EXPECT_EQ(after->properties.count("in"), 0u);                     // Only a said it.
  EXPECT_EQ(after->properties.at("when").AsString(), "Monday");
  EXPECT_EQ(after->properties.at("why").AsString(), "strikes");     // b before c.

  // The same graph as b and c alone.
  auto fresh = Open("/remover-test-text-fresh");
  Add(*fresh, b);
  Add(*fresh, c);
  EXPECT_EQ(CanonicalDump(*store_), CanonicalDump(*fresh));
}

TEST_F(DocumentRemoverTest, ANewVersionOfTheFirstDocumentNoLongerNamesTheFact) {
  DocumentInput a = Doc("a.txt", "article A", {T("Putin", "cancel", "visit", 0)});
  a.triples[0].text = "called off";
  DocumentInput b = Doc("b.txt", "article B", {T("Putin", "cancel", "visit", 3)});
  b.triples[0].text = "cancelled";
  Add(a);
  Add(b);
  // a.txt changes: the same fact, written differently. Its new version is
  // the latest document, so b's statement is now the earliest.
  DocumentInput a2 = Doc("a.txt", "article A, second version", {T("Putin", "cancel", "visit", 0)});
  a2.triples[0].text = "put off";
  EXPECT_EQ(Add(a2).replaced, 1);
  auto fact = Fact("Putin", "cancel", "visit");
  ASSERT_TRUE(fact);
  EXPECT_EQ(fact->properties.at("text").AsString(), "cancelled");
  EXPECT_EQ(fact->count(), 2);
}

TEST_F(DocumentRemoverTest, ReingestingUnchangedContentChangesNothing) {
  Add(a_);
  Add(b_);
  const std::string before = CanonicalDump(*store_);
  AddResult r = Add(a_);
  EXPECT_TRUE(r.duplicate);
  EXPECT_EQ(r.replaced, 0);
  EXPECT_EQ(CanonicalDump(*store_), before);
}

TEST_F(DocumentRemoverTest, AFailedNewVersionLeavesTheOldVersionWhole) {
  Add(a_);
  const std::string before = CanonicalDump(*store_);
  // The removal of the old version is staged before the bad triple is met;
  // the batch is dropped as a whole.
  DocumentInput bad = Doc("a.txt", "article A, broken",
                          {T("Putin", "cancel", "visit", 0), T("", "veto", "resolution", 1)});
  auto r = AddDocument(*store_, bad);
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(CanonicalDump(*store_), before);
}

TEST_F(DocumentRemoverTest, UnknownSourceIsNotFoundAndNamed) {
  Add(a_);
  auto r = RemoveSource(*store_, "nope.txt");
  EXPECT_EQ(r.status().code(), absl::StatusCode::kNotFound);
  EXPECT_NE(r.status().message().find("nope.txt"), absl::string_view::npos) << r.status();
  // A prefix of a stored source is another source.
  EXPECT_EQ(RemoveSource(*store_, "a.tx").status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(store_->counters().docs, 1);
}

TEST_F(DocumentRemoverTest, NodesCreatedByQueriesAreNeverDeleted) {
  {
    auto txn = *store_->BeginWrite();
    ValueMap props;
    props["name"] = Value(std::string("France"));
    ASSERT_TRUE(txn->CreateNode({"Country"}, props).ok());
    ASSERT_TRUE(txn->Commit().ok());
  }
  Add(b_);  // Names France: merges into the node the query made.
  ASSERT_EQ(store_->NewReader()->FindNodesByName("France")->size(), 1u);
  Remove("b.txt");
  auto france = store_->NewReader()->FindNodesByName("France");
  ASSERT_EQ(france->size(), 1u);
  auto node = *store_->NewReader()->GetNode(france->front());
  EXPECT_EQ(node->mentions, 0);
  EXPECT_EQ(node->labels, std::vector<std::string>{"Country"});
  EXPECT_EQ(store_->counters().nodes, 1);
}

TEST_F(DocumentRemoverTest, ANodeOutlivesItsCreatorWhileAnotherDocumentNamesIt) {
  Add(Doc("x.txt", "x", {T("Lavrov", "meet", "Fabius", 0)}));
  Add(Doc("y.txt", "y", {T("Lavrov", "visit", "Paris", 0)}));
  Remove("x.txt");
  EXPECT_EQ(store_->NewReader()->FindNodesByName("Lavrov")->size(), 1u);
  EXPECT_TRUE(store_->NewReader()->FindNodesByName("Fabius")->empty());
  Remove("y.txt");
  EXPECT_TRUE(store_->NewReader()->FindNodesByName("Lavrov")->empty());
  EXPECT_EQ(store_->counters().nodes, 0);
  EXPECT_EQ(KeysIn(Cf::kProvenance), 0u);
}

TEST_F(DocumentRemoverTest, ANodeWithAQueryMadeEdgeStays) {
  Add(a_);
  {
    auto txn = *store_->BeginWrite();
    NodeId putin = txn->FindNodesByName("Putin")->front();
    NodeId russia = txn->FindNodesByName("Russia")->front();
    ASSERT_TRUE(txn->CreateEdge(putin, "leads", russia, {}).ok());
    ASSERT_TRUE(txn->Commit().ok());
  }
  RemoveResult removed = Remove("a.txt");
  EXPECT_EQ(removed.edges, 2);
  EXPECT_EQ(removed.nodes, 2);  // visit, resolution
  EXPECT_TRUE(Fact("Putin", "leads", "Russia"));
  EXPECT_EQ(store_->counters().edges, 1);
}

TEST_F(DocumentRemoverTest, EdgesAndNodesDeletedByQueriesDoNotBreakRemoval) {
  Add(a_);
  Add(b_);
  {
    auto txn = *store_->BeginWrite();
    ASSERT_TRUE(txn->DeleteEdge(Fact("Putin", "cancel", "visit")->id).ok());
    ASSERT_TRUE(txn->DeleteNode(txn->FindNodesByName("France")->front(), /*detach=*/true).ok());
    ASSERT_TRUE(txn->Commit().ok());
  }
  Remove("a.txt");
  Remove("b.txt");
  const Counters c = store_->counters();
  EXPECT_EQ(c.docs, 0);
  EXPECT_EQ(c.edges, 0);
  EXPECT_EQ(c.evidence, 0);
  EXPECT_EQ(c.nodes, 0);
  EXPECT_EQ(KeysIn(Cf::kProvenance), 0u);
}

TEST_F(DocumentRemoverTest, StandardInputIsNeverTakenForANewVersion) {
  DocumentInput one = Doc("-", "first text", {T("Putin", "cancel", "visit", 0)});
  DocumentInput two = Doc("-", "second text", {T("Russia", "veto", "resolution", 0)});
  Add(one);
  EXPECT_EQ(Add(two).replaced, 0);
  EXPECT_EQ(store_->counters().docs, 2);
  EXPECT_EQ(Remove("-").documents, 2);  // Removing by name takes both.
}

TEST_F(DocumentRemoverTest, BulkLoadedDocumentsCanBeRemoved) {
  // The bulk loader writes its files beside the store: a real directory.
  ::quiver::testing::TempDir dir;
  auto on_disk = Store::Open(dir.Sub("g"), Options());
  ASSERT_TRUE(on_disk.ok()) << on_disk.status();
  store_ = std::move(*on_disk);
  std::vector<Triple> triples;
  for (uint32_t i = 0; i < 50; ++i)
    triples.push_back(T("n" + std::to_string(i % 7), "r", "n" + std::to_string(i % 5), i));
  auto r = AddDocument(*store_, Doc("big.tsv", "bulk", triples), /*bulk_threshold=*/10);
  ASSERT_TRUE(r.ok()) << r.status();
  Add(b_);
  Remove("big.tsv");
  auto only_b = Open("/remover-test-only-b");
  Add(*only_b, b_);
  EXPECT_EQ(CanonicalDump(*store_), CanonicalDump(*only_b));
}

}  // namespace
}  // namespace quiver::graph
