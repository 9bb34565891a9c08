// Stores built by graph::AddDocument from sides of statements as the entity
// resolver hands them over, and a view of them that leaves out node ids, for
// the tests of store-side resolution (surnames, acronyms) across documents.
// Every store a test builds must pass the store checker.

#ifndef QUIVER_TESTS_GRAPH_RESOLUTION_FIXTURE_H_
#define QUIVER_TESTS_GRAPH_RESOLUTION_FIXTURE_H_

#include <algorithm>
#include <cctype>
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

  // `text` with each "node ID" written "node <NAME>" (the node's name now,
  // "<gone>" for a node no longer stored), so that texts from stores built
  // in different orders compare.
  std::string IdsByName(const std::string& text) {
    auto reader = store_->NewReader();
    std::string out;
    size_t at = 0;
    for (size_t hit; (hit = text.find("node ", at)) != std::string::npos;) {
      size_t digits = hit + 5, end = digits;
      while (end < text.size() && std::isdigit(static_cast<unsigned char>(text[end]))) ++end;
      out.append(text, at, digits - at);
      if (end == digits) {
        at = digits;
        continue;
      }
      auto node = reader->GetNode(std::stoull(text.substr(digits, end - digits)));
      EXPECT_TRUE(node.ok());
      out += absl::StrCat("<", node.ok() && node->has_value() ? (*node)->name : "gone", ">");
      at = end;
    }
    out.append(text, at, std::string::npos);
    return out;
  }

  // Every document's mention record (what kg.mentions reads), by source and
  // node name: mentions, whether it created the node, the names and labels
  // it wrote and added, and each resolution with the store's reason (ids by
  // name).
  std::string MentionSnapshot() {
    auto reader = store_->NewReader();
    auto sorted = [](std::vector<std::string> v) {
      std::sort(v.begin(), v.end());
      return absl::StrJoin(v, ",");
    };
    std::vector<std::string> lines;
    for (const Node& n : Nodes()) {
      auto docs = reader->DocumentsNaming(n.id);
      EXPECT_TRUE(docs.ok());
      if (!docs.ok()) continue;
      for (DocId d : *docs) {
        auto m = reader->GetMention(d, n.id);
        auto doc = reader->GetDocument(d);
        EXPECT_TRUE(m.ok() && m->has_value() && doc.ok() && doc->has_value());
        if (!m.ok() || !m->has_value() || !doc.ok() || !doc->has_value()) continue;
        const MentionRecord& r = **m;
        std::string line = absl::StrCat(
            "mention ", (*doc)->source, " ", n.name, " x", r.mentions, r.created ? " created" : "",
            " {", sorted(r.aliases), "} [", sorted(r.labels), "] added {", sorted(r.added_aliases),
            "} [", sorted(r.added_labels), "]");
        for (const auto& res : r.resolutions) {
          absl::StrAppend(&line, " (", res.mention, " | ", res.name, " | ", res.reason, " | ",
                          IdsByName(res.store), " | ", res.count, ")");
        }
        lines.push_back(line);
      }
    }
    std::sort(lines.begin(), lines.end());
    return absl::StrJoin(lines, "\n");
  }

  // Adds `docs` in every order, each order into a new store that must pass
  // the checker; expects the same Snapshot from each (and the same
  // MentionSnapshot with kGraphAndMentions) and returns it.
  enum class Compare { kGraph, kGraphAndMentions };
  std::string SameGraphInEveryOrder(const std::vector<std::vector<Triple>>& docs,
                                    Compare compare = Compare::kGraph) {
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
      if (compare == Compare::kGraphAndMentions) absl::StrAppend(&snapshot, "\n", MentionSnapshot());
      if (orders++ == 0) {
        first = snapshot;
      } else {
        EXPECT_EQ(snapshot, first) << "order " << absl::StrJoin(order, ",");
      }
    } while (std::next_permutation(order.begin(), order.end()));
    return first;
  }

  // The node named `name` itself (FindNodesByName also finds every node
  // that has it as an alias); 0 when there is none.
  NodeId NamedExactly(const std::string& name) {
    auto reader = store_->NewReader();
    auto ids = reader->FindNodesByName(name);
    EXPECT_TRUE(ids.ok());
    for (NodeId id : *ids)
      if ((*reader->GetNode(id))->name == name) return id;
    return 0;
  }

  bool HasMention(DocId doc, NodeId node) {
    auto m = store_->NewReader()->GetMention(doc, node);
    EXPECT_TRUE(m.ok());
    return m.ok() && m->has_value();
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
