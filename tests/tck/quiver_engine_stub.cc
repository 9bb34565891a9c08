// OpenQuiverEngine for a build without the query engine (no
// Database::Query yet): every scenario is skipped with this reason.

#include "absl/status/status.h"
#include "tests/tck/engine.h"

namespace quiver::tck {

bool HaveQueryEngine() { return false; }

absl::StatusOr<std::unique_ptr<Engine>> OpenQuiverEngine(int n) {
  return absl::UnimplementedError("this build has no query engine (Database::Query)");
}

}  // namespace quiver::tck
