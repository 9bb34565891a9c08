// Bridges between std::string_view and absl::string_view.
//
// Debian's Abseil is built with its own string_view type
// (ABSL_OPTION_USE_STD_STRING_VIEW 0), so absl::StrCat and absl's hash maps
// do not take a std::string_view directly.

#ifndef QUIVER_UTIL_STRINGS_H_
#define QUIVER_UTIL_STRINGS_H_

#include <string_view>

#include "absl/strings/string_view.h"

namespace quiver::util {

inline absl::string_view Absl(std::string_view s) { return {s.data(), s.size()}; }
inline std::string_view Std(absl::string_view s) { return {s.data(), s.size()}; }

}  // namespace quiver::util

#endif  // QUIVER_UTIL_STRINGS_H_
