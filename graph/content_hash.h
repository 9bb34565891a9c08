// Content hashes that recognise a document seen before.

#ifndef QUIVER_GRAPH_CONTENT_HASH_H_
#define QUIVER_GRAPH_CONTENT_HASH_H_

#include <string>
#include <string_view>

namespace quiver::graph {

// XXH3-128 of `content` as 16 raw bytes, big-endian. Stable across runs and
// machines (unlike absl::Hash), and 128 bits make an accidental collision,
// which would silently drop a document, practically impossible.
std::string ContentHash(std::string_view content);

}  // namespace quiver::graph

#endif  // QUIVER_GRAPH_CONTENT_HASH_H_
