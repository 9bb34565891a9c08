#include "graph/content_hash.h"

#include <xxhash.h>

#include "graph/coding.h"

namespace quiver::graph {

namespace {

std::string Encode(XXH128_hash_t h) {
  std::string out;
  PutFixed64BE(&out, h.high64);
  PutFixed64BE(&out, h.low64);
  return out;
}

}  // namespace

std::string ContentHash(std::string_view content) {
  return Encode(XXH3_128bits(content.data(), content.size()));
}

ContentHasher::ContentHasher() : state_(XXH3_createState()) {
  XXH3_128bits_reset(static_cast<XXH3_state_t*>(state_));
}

ContentHasher::~ContentHasher() { XXH3_freeState(static_cast<XXH3_state_t*>(state_)); }

void ContentHasher::Update(std::string_view piece) {
  XXH3_128bits_update(static_cast<XXH3_state_t*>(state_), piece.data(), piece.size());
}

std::string ContentHasher::Digest() const {
  return Encode(XXH3_128bits_digest(static_cast<const XXH3_state_t*>(state_)));
}

}  // namespace quiver::graph
