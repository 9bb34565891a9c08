// The normal form under which names and aliases are indexed and looked up.

#ifndef QUIVER_GRAPH_NAME_NORMALIZER_H_
#define QUIVER_GRAPH_NAME_NORMALIZER_H_

#include <string>
#include <string_view>

namespace quiver::graph {

// Case-, accent- and white-space-insensitive key for a name: NFKD, combining
// marks removed, Unicode case folding, runs of white space collapsed to one
// space, trimmed. "FRANÇOIS  Hollande" and "francois hollande" give the same
// key. REQUIRES: `name` is valid UTF-8. Thread-safe.
std::string NormalizeName(std::string_view name);

}  // namespace quiver::graph

#endif  // QUIVER_GRAPH_NAME_NORMALIZER_H_
