// Database::Query: the public entry of the query engine (query/engine.h).

#include "api/database_impl.h"
#include "query/engine.h"
#include "query/procedures/database_registry.h"
#include "quiver/database.h"

namespace quiver {

absl::StatusOr<Result> Database::Query(std::string_view text, const ValueMap& params,
                                       const QueryOptions& options) {
  std::call_once(impl_->procedures_once, [this] {
    impl_->procedures = std::make_shared<query::ProcedureRegistry>();
  });
  return query::Execute(*impl_->store, text, params, options, impl_->procedures.get());
}

namespace query {

ProcedureRegistry& DatabaseProcedures(Database& db) {
  auto* impl = &internal::DatabaseAccess::Of(db);
  std::call_once(impl->procedures_once,
                 [impl] { impl->procedures = std::make_shared<ProcedureRegistry>(); });
  return *impl->procedures;
}

}  // namespace query
}  // namespace quiver
