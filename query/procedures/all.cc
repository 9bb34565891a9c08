// The one place that lists the built-in procedure families; a module adding
// procedures declares its Register function here and calls it below.

#include "query/procedures/registry.h"

namespace quiver::query {

void RegisterDbProcedures(ProcedureRegistry& registry);
void RegisterAlgoProcedures(ProcedureRegistry& registry);
void RegisterKgProcedures(ProcedureRegistry& registry);

void RegisterAllProcedures(ProcedureRegistry& registry) {
  RegisterDbProcedures(registry);
  RegisterAlgoProcedures(registry);
  RegisterKgProcedures(registry);
}

}  // namespace quiver::query
