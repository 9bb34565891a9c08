// Stores built by graph::AddDocument from sides of statements as the entity
// resolver hands them over, and a view of them that leaves out node ids, for
// the tests of store-side resolution (surnames, acronyms) across documents.
// Every store a test builds must pass the store checker.

#ifndef QUIVER_TESTS_GRAPH_RESOLUTION_FIXTURE_H_
#define QUIVER_TESTS_GRAPH_RESOLUTION_FIXTURE_H_

#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "graph/curation.h"
#include "graph/document_remover.h"
#include "graph/name_normalizer.h"
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

// Issue 11 §3's three documents for a short name (a surname, an
// acronym): A names `first` in full, B the short name alone in one
// statement `short_name -relation-> object`, C names `second`, the other
// node the short name fits.
struct ShortNameCase {
  std::vector<std::vector<Triple>> docs;  // A, B, C.
  std::string first, short_name, relation, object, second;
};

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

  // In the orders A, B, C (the rule placed B's short name on `first`) and
  // B, A, C (`first` took in the short name's node), C moves B's mention
  // to the node named by the short name alone, whose store reason is
  // `ambiguous(second, first)` and a new node, and counts follow.
  void ExpectCMovesTheMentionApart(
      const ShortNameCase& c, const std::function<std::string(NodeId, NodeId)>& ambiguous) {
    for (bool absorbed : {false, true}) {
      SCOPED_TRACE(absorbed ? "B, A, C" : "A, B, C");
      store_ = OpenInMemory(absorbed ? "/moved-absorbed" : "/moved-resolved");
      ASSERT_TRUE(store_);
      DocId b = 0;
      if (absorbed) b = Add("b", c.docs[1]);
      Add("a", c.docs[0]);
      if (!absorbed) b = Add("b", c.docs[1]);
      NodeId first = Only(c.first), object = Only(c.object);
      ASSERT_EQ(Facts(first, c.relation, object).size(), 1u);  // The one so named.
      Add("c", c.docs[2]);
      NodeId second = Only(c.second), apart = NamedExactly(c.short_name);
      ASSERT_NE(apart, 0u);
      EXPECT_TRUE(Facts(first, c.relation, object).empty());
      EXPECT_EQ(Facts(apart, c.relation, object).size(), 1u);
      EXPECT_FALSE(HasMention(b, first));
      EXPECT_EQ(StoreReasons(b, apart),
                std::vector<std::string>{ambiguous(second, first) + "; new node"});
      // kg.mentions reads the same records, by document.
      auto reader = store_->NewReader();
      auto docs = reader->DocumentsNaming(apart);
      ASSERT_TRUE(docs.ok());
      EXPECT_EQ(*docs, std::vector<DocId>{b});
      EXPECT_EQ((*reader->GetNode(first))->mentions, 1);
      EXPECT_EQ((*reader->GetNode(apart))->mentions, 1);
      ExpectStoreChecks();
    }
  }

  // Decided: after A, B, C, removing C leaves B's mention apart, with the
  // reason `ambiguous_prefix…` its record gives; it was placed when two
  // nodes fitted, and taking the document away does not put it back. The
  // document `d` (naming `first`, which fits the short name alone again)
  // then takes the short name's node in as any node so named.
  void ExpectRemovingCLeavesTheMentionApart(const ShortNameCase& c,
                                            const std::string& ambiguous_prefix,
                                            const std::vector<Triple>& d) {
    Add("a", c.docs[0]);
    DocId b = Add("b", c.docs[1]);
    Add("c", c.docs[2]);
    auto removed = RemoveSource(*store_, "c.txt");
    ASSERT_TRUE(removed.ok()) << removed.status();
    EXPECT_EQ(store_->NewReader()->FindNodesByName(c.second)->size(), 0u);
    NodeId first = Only(c.first), object = Only(c.object), apart = NamedExactly(c.short_name);
    ASSERT_NE(apart, 0u);
    EXPECT_EQ(Facts(apart, c.relation, object).size(), 1u);
    EXPECT_TRUE(Facts(first, c.relation, object).empty());
    ASSERT_EQ(StoreReasons(b, apart).size(), 1u);
    EXPECT_EQ(StoreReasons(b, apart)[0].rfind(ambiguous_prefix, 0), 0u);
    Add("d", d);
    EXPECT_EQ(NamedExactly(c.short_name), 0u);
    EXPECT_EQ(Facts(first, c.relation, object).size(), 1u);
  }

  // A user's ruling on `ruled`'s short name (kg.split of it off `first`;
  // with `merged_back`, then kg.merge of the split-off node back into
  // `first`) stands when its C arrives: merged back, B's statement stays on
  // `first`; split off, nothing comes back and the split's rule stays.
  // `moved`, stored alongside with no ruling, is taken apart by its C.
  void ExpectAUsersRulingStands(const ShortNameCase& ruled, const ShortNameCase& moved,
                                bool merged_back) {
    Add("a", ruled.docs[0]);
    Add("b", ruled.docs[1]);
    Add("m", moved.docs[0]);
    Add("l", moved.docs[1]);
    NodeId first = Only(ruled.first), other = Only(moved.first);
    ASSERT_EQ(Facts(other, moved.relation, Only(moved.object)).size(), 1u);
    NodeId split = Split(first, ruled.short_name);
    ASSERT_NE(split, 0u);
    if (merged_back) {
      ASSERT_TRUE(Merge(first, split));
      ASSERT_EQ(Facts(first, ruled.relation, Only(ruled.object)).size(), 1u);
    }
    Add("c", ruled.docs[2]);
    Add("k", moved.docs[2]);
    if (merged_back) {
      EXPECT_EQ(Facts(first, ruled.relation, Only(ruled.object)).size(), 1u);
      EXPECT_EQ(NamedExactly(ruled.short_name), 0u);
    } else {
      EXPECT_TRUE(Facts(first, ruled.relation, Only(ruled.object)).empty());
      auto blocked = NameBlocked(*store_->NewReader(), NormalizeName(ruled.short_name), first);
      ASSERT_TRUE(blocked.ok());
      EXPECT_TRUE(*blocked);
    }
    EXPECT_TRUE(Facts(other, moved.relation, Only(moved.object)).empty());
    NodeId apart = NamedExactly(moved.short_name);
    ASSERT_NE(apart, 0u);
    EXPECT_EQ(Facts(apart, moved.relation, Only(moved.object)).size(), 1u);
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
