#include "quiver/version.h"

#define QUIVER_STRINGIFY_(x) #x
#define QUIVER_STRINGIFY(x) QUIVER_STRINGIFY_(x)

namespace quiver {

const char* Version() {
  return QUIVER_STRINGIFY(QUIVER_VERSION_MAJOR) "." QUIVER_STRINGIFY(
      QUIVER_VERSION_MINOR) "." QUIVER_STRINGIFY(QUIVER_VERSION_PATCH);
}

}  // namespace quiver
