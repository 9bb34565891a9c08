// The graph of examples/triples.tsv in an in-memory store, for query tests.

#ifndef QUIVER_TESTS_QUERY_EXAMPLE_GRAPH_H_
#define QUIVER_TESTS_QUERY_EXAMPLE_GRAPH_H_

#include <cstdint>
#include <memory>
#include <string>

#include "quiver/database.h"

namespace quiver::testing {

// A fresh in-memory store; with `load_examples`, examples/triples.tsv is
// loaded as `quiver load` would. Fails the test (and returns null) on error.
std::unique_ptr<Database> OpenQueryTestDb(bool load_examples);

// "col1 | col2" then one line per row, values in Value::ToString form
// (nodes as (:Label {name: 'x'}) with their properties).
std::string FormatResult(const Result& result);

// A fixed-seed linear congruential generator for random test graphs: the
// same graph on every platform and standard library.
class TestRandom {
 public:
  explicit TestRandom(uint64_t seed) : state_(seed) {}
  int Next() {
    state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return int(state_ >> 33);
  }

 private:
  uint64_t state_;
};

}  // namespace quiver::testing

#endif  // QUIVER_TESTS_QUERY_EXAMPLE_GRAPH_H_
