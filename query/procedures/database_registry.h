// The procedure registry of one Database: procedures registered here are
// visible to that store's statements only, and shadow global ones of the same
// name. For test harnesses (the TCK's "there exists a procedure" steps) and
// embedders. Implemented in api/database_query.cc.

#ifndef QUIVER_QUERY_PROCEDURES_DATABASE_REGISTRY_H_
#define QUIVER_QUERY_PROCEDURES_DATABASE_REGISTRY_H_

#include "query/procedures/registry.h"
#include "quiver/database.h"

namespace quiver::query {

ProcedureRegistry& DatabaseProcedures(Database& db);

}  // namespace quiver::query

#endif  // QUIVER_QUERY_PROCEDURES_DATABASE_REGISTRY_H_
