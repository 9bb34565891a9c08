// Database::Query and Database::Prepare: the public entries of the query
// engine (query/engine.h).

#include "api/database_impl.h"
#include "api/prepared_statement.h"
#include "query/engine.h"
#include "query/procedures/database_registry.h"
#include "quiver/database.h"
#include "util/status_macros.h"

namespace quiver {

namespace {

std::shared_ptr<query::ProcedureRegistry> LocalRegistry(Database& db) {
  return internal::DatabaseAccess::Of(db).Procedures();
}

}  // namespace

absl::StatusOr<Result> Database::Query(std::string_view text, const ValueMap& params,
                                       const QueryOptions& options) {
  auto local = LocalRegistry(*this);
  return query::Execute(*impl_->store, text, params, options, local.get());
}

absl::StatusOr<PreparedStatement> Database::Prepare(std::string_view text) {
  auto impl = std::make_shared<PreparedStatement::Impl>();
  impl->db = this;
  impl->text = std::string(text);
  impl->local = LocalRegistry(*this);
  // The generation before planning: a registration meanwhile plans again.
  uint64_t generation = impl->local->generation();
  QUIVER_ASSIGN_OR_RETURN(auto prepared, query::Prepare(text, impl->local.get()));
  impl->columns = prepared->st.parts[0].columns;
  for (const auto& need : prepared->params) impl->parameters.push_back(need.name);
  impl->read_only = !prepared->plan.updates;
  {
    quiver::MutexLock lock(&impl->mu);
    impl->prepared = std::move(prepared);
    impl->generation = generation;
  }
  return PreparedStatement(std::move(impl));
}

namespace query {

ProcedureRegistry& DatabaseProcedures(Database& db) {
  return *LocalRegistry(db);
}

}  // namespace query
}  // namespace quiver
