// UTF-8 validation for text that comes from users' files.

#ifndef QUIVER_UTIL_UTF8_H_
#define QUIVER_UTIL_UTF8_H_

#include <cstddef>
#include <string_view>

namespace quiver::util {

// Returns the byte offset of the first byte that does not begin a valid,
// shortest-form UTF-8 sequence (surrogates and code points past U+10FFFF are
// invalid), or std::string_view::npos when all of `text` is valid.
size_t FindInvalidUtf8(std::string_view text);

inline bool IsValidUtf8(std::string_view text) {
  return FindInvalidUtf8(text) == std::string_view::npos;
}

}  // namespace quiver::util

#endif  // QUIVER_UTIL_UTF8_H_
