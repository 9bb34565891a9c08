// PreparedStatement::Impl: what Database::Prepare keeps for a statement
// (api/database_query.cc makes it, api/prepared_statement.cc runs it).

#ifndef QUIVER_API_PREPARED_STATEMENT_H_
#define QUIVER_API_PREPARED_STATEMENT_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "query/engine.h"
#include "query/procedures/registry.h"
#include "quiver/database.h"
#include "quiver/statement.h"
#include "util/mutex.h"

namespace quiver {

struct PreparedStatement::Impl {
  Database* db = nullptr;
  std::string text;
  std::vector<std::string> columns;
  std::vector<std::string> parameters;
  bool read_only = true;
  // The store's own procedures and functions; the plan is made again when
  // its generation moves on (something was registered since).
  std::shared_ptr<query::ProcedureRegistry> local;

  mutable quiver::Mutex mu;
  std::shared_ptr<query::PreparedQuery> prepared ABSL_GUARDED_BY(mu);
  uint64_t generation ABSL_GUARDED_BY(mu) = 0;
};

}  // namespace quiver

#endif  // QUIVER_API_PREPARED_STATEMENT_H_
