// Database::Check: the store checker (graph/store_checker.h) behind the API.

#include "api/database_impl.h"
#include "graph/reader.h"
#include "graph/store_checker.h"
#include "quiver/database.h"

namespace quiver {

absl::StatusOr<CheckReport> Database::Check(size_t max_problems) const {
  return graph::CheckStore(*impl_->store->NewReader(), max_problems);
}

}  // namespace quiver
