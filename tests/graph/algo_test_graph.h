// A small in-memory store for algorithm tests, built from "A -type-> B"
// facts, and the snapshot of it with vertices findable by name.

#ifndef QUIVER_TESTS_GRAPH_ALGO_TEST_GRAPH_H_
#define QUIVER_TESTS_GRAPH_ALGO_TEST_GRAPH_H_

#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include "graph/document_writer.h"
#include "graph/reader.h"
#include "graph/snapshot.h"
#include "graph/store.h"
#include "graph/write_txn.h"
#include "gtest/gtest.h"

namespace quiver::graph::testing {

using Fact = std::tuple<std::string, std::string, std::string>;

class TestGraph {
 public:
  // `isolated` names nodes with no edge at all.
  explicit TestGraph(const std::vector<Fact>& facts,
                     const std::vector<std::string>& isolated = {}) {
    Options options;
    options.in_memory = true;
    static int counter = 0;
    auto store = Store::Open("/algo-test-" + std::to_string(++counter), options);
    EXPECT_TRUE(store.ok()) << store.status();
    store_ = std::move(*store);
    Add(facts, isolated);
  }

  void Add(const std::vector<Fact>& facts, const std::vector<std::string>& isolated = {}) {
    if (!facts.empty()) {
      DocumentInput doc;
      doc.content = "doc " + std::to_string(++docs_);
      for (const auto& [s, t, o] : facts) {
        Triple triple;
        triple.subject = s;
        triple.relation = t;
        triple.object = o;
        doc.triples.push_back(triple);
      }
      auto added = AddDocument(*store_, doc);
      EXPECT_TRUE(added.ok()) << added.status();
    }
    if (!isolated.empty()) {
      auto txn = store_->BeginWrite();
      EXPECT_TRUE(txn.ok());
      for (const auto& name : isolated) {
        EXPECT_TRUE((*txn)->FindOrCreateNamedNode(name, {}, {}).ok());
      }
      EXPECT_TRUE((*txn)->Commit().ok());
    }
    auto snap = store_->snapshots().Current(*store_);
    EXPECT_TRUE(snap.ok()) << snap.status();
    snap_ = *snap;
  }

  Store& store() { return *store_; }
  SnapshotCache& cache() { return store_->snapshots(); }
  const Snapshot& snap() const { return *snap_; }

  Vertex V(const std::string& name) const {
    auto ids = store_->NewReader()->FindNodesByName(name);
    EXPECT_TRUE(ids.ok() && ids->size() == 1) << name;
    auto v = snap_->vertex(ids->at(0));
    EXPECT_TRUE(v.has_value()) << name;
    return v.value_or(0);
  }
  TermId T(const std::string& type) const { return store_->FindTerm(type).value_or(0); }

 private:
  std::unique_ptr<Store> store_;
  std::shared_ptr<const Snapshot> snap_;
  int docs_ = 0;
};

}  // namespace quiver::graph::testing

#endif  // QUIVER_TESTS_GRAPH_ALGO_TEST_GRAPH_H_
