#include "graph/content_hash.h"

#include <xxhash.h>

#include "graph/coding.h"

namespace quiver::graph {

std::string ContentHash(std::string_view content) {
  XXH128_hash_t h = XXH3_128bits(content.data(), content.size());
  std::string out;
  PutFixed64BE(&out, h.high64);
  PutFixed64BE(&out, h.low64);
  return out;
}

}  // namespace quiver::graph
