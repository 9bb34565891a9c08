// PreparedStatement (quiver/statement.h): runs what Database::Prepare
// planned, planning again when the store's registry has changed.

#include "api/prepared_statement.h"

#include "api/database_impl.h"
#include "util/status_macros.h"

namespace quiver {

PreparedStatement::PreparedStatement(std::shared_ptr<Impl> impl) : impl_(std::move(impl)) {}

absl::StatusOr<Result> PreparedStatement::Execute(const ValueMap& params,
                                                  const QueryOptions& options) const {
  std::shared_ptr<query::PreparedQuery> prepared;
  {
    quiver::MutexLock lock(&impl_->mu);
    uint64_t generation = impl_->local->generation();
    if (generation != impl_->generation) {
      QUIVER_ASSIGN_OR_RETURN(auto again, query::Prepare(impl_->text, impl_->local.get()));
      if (again->st.parts[0].columns != impl_->columns) {
        // columns() promised the old ones: a YIELD * over a procedure
        // registered since, for instance.
        return absl::FailedPreconditionError(
            "a procedure registered since Prepare changed this statement's columns; "
            "prepare it again");
      }
      impl_->prepared = std::move(again);
      impl_->generation = generation;
    }
    prepared = impl_->prepared;
  }
  auto& db = internal::DatabaseAccess::Of(*impl_->db);
  return query::Run(*db.store, std::move(prepared), params, options, impl_->local.get());
}

const std::string& PreparedStatement::text() const { return impl_->text; }
const std::vector<std::string>& PreparedStatement::columns() const { return impl_->columns; }
const std::vector<std::string>& PreparedStatement::parameters() const {
  return impl_->parameters;
}
bool PreparedStatement::read_only() const { return impl_->read_only; }

}  // namespace quiver
