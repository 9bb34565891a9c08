// A small store for the node merger and splitter tests: documents added as
// ingest adds them (graph::AddDocument), with mentions as written, and merges
// and splits committed one at a time.

#ifndef QUIVER_TESTS_GRAPH_CURATION_FIXTURE_H_
#define QUIVER_TESTS_GRAPH_CURATION_FIXTURE_H_

#include <memory>
#include <string>
#include <vector>

#include "graph/document_writer.h"
#include "graph/node_merger.h"
#include "graph/node_splitter.h"
#include "graph/reader.h"
#include "graph/store.h"
#include "graph/write_txn.h"
#include "gtest/gtest.h"
#include "tests/graph/store_fixture.h"

namespace quiver::graph {

class CurationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = OpenInMemory("/curation-test");
    ASSERT_TRUE(store_);
  }

  // subject –relation→ object, stated in sentence `sentence`.
  static Triple Fact(std::string subject, std::string relation, std::string object,
                     uint32_t sentence, std::string subject_mention = "",
                     std::string object_mention = "") {
    Triple t;
    t.subject = std::move(subject);
    t.relation = std::move(relation);
    t.object = std::move(object);
    t.sentence = sentence;
    t.sentence_text = "sentence " + std::to_string(sentence);
    t.subject_mention = std::move(subject_mention);
    t.object_mention = std::move(object_mention);
    return t;
  }

  DocId Add(const std::string& content, std::vector<Triple> triples) {
    DocumentInput doc;
    doc.source = content + ".txt";
    doc.content = content;
    doc.triples = std::move(triples);
    auto added = AddDocument(*store_, doc);
    EXPECT_TRUE(added.ok()) << added.status();
    return added.ok() ? added->doc : 0;
  }

  NodeId Only(const std::string& name) {
    auto ids = store_->NewReader()->FindNodesByName(name);
    EXPECT_TRUE(ids.ok() && ids->size() == 1) << name;
    return ids.ok() && ids->size() == 1 ? (*ids)[0] : 0;
  }

  std::unique_ptr<WriteTxn> Begin() {
    auto txn = store_->BeginWrite();
    EXPECT_TRUE(txn.ok());
    return std::move(*txn);
  }

  // kg.merge of `removed` into `kept`, committed; false (with the error
  // reported) when it fails.
  bool Merge(NodeId kept, NodeId removed) {
    auto txn = Begin();
    auto merged = MergeNodes(*txn, kept, removed, "user: test");
    EXPECT_TRUE(merged.ok()) << merged.status();
    return merged.ok() && txn->Commit().ok();
  }

  // kg.split of `alias` off `node`, committed: the new node, or 0 (with the
  // error reported) when it fails.
  NodeId Split(NodeId node, const std::string& alias) {
    auto txn = Begin();
    auto split = SplitNode(*txn, node, alias, "user: test");
    EXPECT_TRUE(split.ok()) << split.status();
    return split.ok() && txn->Commit().ok() ? split->node : 0;
  }

  // The edges src -type-> dst.
  std::vector<Edge> Facts(NodeId src, const std::string& type, NodeId dst) {
    auto reader = store_->NewReader();
    std::vector<Edge> out;
    auto term = reader->FindTerm(type);
    if (!term) return out;
    EXPECT_TRUE(reader->ScanAdjacent(src, Direction::kOutgoing, *term, dst,
                                     [&](const AdjEntry& e) {
                                       out.push_back(**reader->GetEdge(e.edge));
                                       return true;
                                     }).ok());
    return out;
  }

  int64_t Degree(NodeId node) {
    int64_t n = 0;
    EXPECT_TRUE(store_->NewReader()->ScanAdjacent(node, Direction::kBoth, std::nullopt,
                                                   std::nullopt, [&](const AdjEntry&) {
                                                     ++n;
                                                     return true;
                                                   }).ok());
    return n;
  }

  std::unique_ptr<Store> store_;
};

}  // namespace quiver::graph

#endif  // QUIVER_TESTS_GRAPH_CURATION_FIXTURE_H_
