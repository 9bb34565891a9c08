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

// ContentHash of content given in pieces, for a file too large to hold
// (the bulk loader's input). Not thread-safe.
class ContentHasher {
 public:
  ContentHasher();
  ~ContentHasher();
  ContentHasher(const ContentHasher&) = delete;
  ContentHasher& operator=(const ContentHasher&) = delete;

  void Update(std::string_view piece);
  // ContentHash of all the pieces so far, in order.
  std::string Digest() const;

 private:
  void* state_;  // XXH3_state_t, kept out of this header.
};

}  // namespace quiver::graph

#endif  // QUIVER_GRAPH_CONTENT_HASH_H_
