// Stores built by graph::AddDocument from sides of statements as the entity
// resolver hands them over, and a view of them that leaves out node ids, for
// the tests of store-side resolution (surnames, acronyms) across documents.
// Every store a test builds must pass the store checker.

#ifndef QUIVER_TESTS_GRAPH_RESOLUTION_FIXTURE_H_
#define QUIVER_TESTS_GRAPH_RESOLUTION_FIXTURE_H_

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "graph/store_checker.h"
#include "tests/graph/curation_fixture.h"

namespace quiver::graph {

// One side of a statement as the entity resolver would hand it over.
struct Side {
  std::string name;
  std::vector<std::string> labels;
  std::vector<std::string> aliases;
  std::string mention;
};

inline Triple Stated(const Side& s, std::string relation, const Side& o, uint32_t sentence) {
  Triple t;
  t.subject = s.name;
  t.subject_labels = s.labels;
  t.subject_aliases = s.aliases;
  t.subject_mention = s.mention;
  t.relation = std::move(relation);
  t.object = o.name;
  t.object_labels = o.labels;
  t.object_aliases = o.aliases;
  t.object_mention = o.mention;
  t.sentence = sentence;
  t.sentence_text = absl::StrCat(s.name, " ", t.relation, " ", o.name);
  return t;
}

class ResolutionTest : public CurationTest {
 protected:
  void TearDown() override { ExpectStoreChecks(); }

  void ExpectStoreChecks() {
    auto report = CheckStore(*store_->NewReader(), 20);
    ASSERT_TRUE(report.ok()) << report.status();
    std::string problems;
    for (const auto& p : report->problems) absl::StrAppend(&problems, p.message, "\n");
    EXPECT_TRUE(report->ok()) << problems;
  }

  std::vector<Node> Nodes() {
    auto reader = store_->NewReader();
    std::vector<Node> nodes;
    EXPECT_TRUE(reader->ScanNodes([&](NodeId id) {
                  nodes.push_back(**reader->GetNode(id));
                  return true;
                }).ok());
    return nodes;
  }

  // Everything that must not depend on the order documents came in: each
  // node by name with its sorted labels, aliases and mentions; each edge by
  // its ends' names with its count and its statements (document, sentence,
  // mentions as written). Node ids are left out on purpose.
  std::string Snapshot() {
    auto reader = store_->NewReader();
    std::map<NodeId, std::string> names;
    std::vector<std::string> lines;
    for (Node n : Nodes()) {
      names[n.id] = n.name;
      std::sort(n.labels.begin(), n.labels.end());
      std::sort(n.aliases.begin(), n.aliases.end());
      lines.push_back(absl::StrCat("node ", n.name, " [", absl::StrJoin(n.labels, ","), "] {",
                                   absl::StrJoin(n.aliases, ","), "} mentions ", n.mentions));
    }
    EXPECT_TRUE(reader->ScanEdges(std::nullopt, [&](const AdjEntry& e) {
                  Edge edge = **reader->GetEdge(e.edge);
                  std::vector<std::string> statements;
                  auto evidence = reader->EvidenceFor(e.edge);
                  EXPECT_TRUE(evidence.ok());
                  if (!evidence.ok()) return false;
                  for (const Evidence& ev : *evidence) {
                    auto doc = *reader->GetDocument(ev.doc);
                    statements.push_back(absl::StrCat(doc->source, "#", ev.sentence, " '",
                                                      ev.subject_mention, "' '",
                                                      ev.object_mention, "'"));
                  }
                  std::sort(statements.begin(), statements.end());
                  lines.push_back(absl::StrCat("edge ", names[edge.src], " -", edge.type, "-> ",
                                               names[edge.dst], " count ", edge.count(), ": ",
                                               absl::StrJoin(statements, "; ")));
                  return true;
                }).ok());
    std::sort(lines.begin(), lines.end());
    return absl::StrJoin(lines, "\n");
  }

  // Adds `docs` in every order, each order into a new store that must pass
  // the checker; expects the same Snapshot from each and returns it.
  std::string SameGraphInEveryOrder(const std::vector<std::vector<Triple>>& docs) {
    std::vector<size_t> order(docs.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::string first;
    int orders = 0;
    do {
      store_ = OpenInMemory(absl::StrCat("/resolution-order-", orders));
      EXPECT_TRUE(store_);
      if (!store_) return first;
      for (size_t i : order) Add(absl::StrCat("doc", i), docs[i]);
      ExpectStoreChecks();
      std::string snapshot = Snapshot();
      if (orders++ == 0) {
        first = snapshot;
      } else {
        EXPECT_EQ(snapshot, first) << "order " << absl::StrJoin(order, ",");
      }
    } while (std::next_permutation(order.begin(), order.end()));
    return first;
  }

  std::vector<std::string> StoreReasons(DocId doc, NodeId node) {
    auto mention = store_->NewReader()->GetMention(doc, node);
    EXPECT_TRUE(mention.ok() && mention->has_value());
    std::vector<std::string> out;
    if (mention.ok() && mention->has_value())
      for (const auto& r : (*mention)->resolutions) out.push_back(r.store);
    return out;
  }
};

}  // namespace quiver::graph

#endif  // QUIVER_TESTS_GRAPH_RESOLUTION_FIXTURE_H_
