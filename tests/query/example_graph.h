// The graph of examples/triples.tsv in an in-memory store, for query tests.

#ifndef QUIVER_TESTS_QUERY_EXAMPLE_GRAPH_H_
#define QUIVER_TESTS_QUERY_EXAMPLE_GRAPH_H_

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

}  // namespace quiver::testing

#endif  // QUIVER_TESTS_QUERY_EXAMPLE_GRAPH_H_
