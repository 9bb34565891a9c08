#include "query/procedures/registry.h"

#include <cctype>

#include "absl/strings/str_cat.h"
#include "util/strings.h"

namespace quiver::query {

namespace {

std::string Key(std::string_view name) {
  std::string k(name);
  for (auto& c : k) c = char(std::tolower(static_cast<unsigned char>(c)));
  return k;
}

}  // namespace

absl::Status ProcedureRegistry::Register(Procedure procedure) {
  if (procedure.name.empty()) return absl::InvalidArgumentError("procedure name is empty");
  if (!procedure.fn)
    return absl::InvalidArgumentError(absl::StrCat("procedure ", procedure.name, " has no function"));
  quiver::MutexLock lock(&mu_);
  std::string key = Key(procedure.name);
  if (procedures_.count(key)) {
    return absl::AlreadyExistsError(
        absl::StrCat("procedure ", procedure.name, " is already registered"));
  }
  procedures_[key] = std::make_shared<const Procedure>(std::move(procedure));
  generation_.fetch_add(1, std::memory_order_acq_rel);
  return absl::OkStatus();
}

absl::Status ProcedureRegistry::RegisterFunction(Function function) {
  if (function.name.empty()) return absl::InvalidArgumentError("function name is empty");
  if (!function.fn) {
    return absl::InvalidArgumentError(
        absl::StrCat("function ", function.name, " has no function"));
  }
  quiver::MutexLock lock(&mu_);
  std::string key = Key(function.name);
  if (functions_.count(key)) {
    return absl::AlreadyExistsError(
        absl::StrCat("function ", function.name, " is already registered"));
  }
  functions_[key] = std::make_shared<const Function>(std::move(function));
  generation_.fetch_add(1, std::memory_order_acq_rel);
  return absl::OkStatus();
}

std::shared_ptr<const Function> ProcedureRegistry::FindFunction(std::string_view name) const {
  quiver::MutexLock lock(&mu_);
  auto it = functions_.find(Key(name));
  return it == functions_.end() ? nullptr : it->second;
}

std::shared_ptr<const Procedure> ProcedureRegistry::Find(std::string_view name) const {
  quiver::MutexLock lock(&mu_);
  auto it = procedures_.find(Key(name));
  return it == procedures_.end() ? nullptr : it->second;
}

std::vector<std::string> ProcedureRegistry::Names() const {
  quiver::MutexLock lock(&mu_);
  std::vector<std::string> names;
  for (const auto& [k, p] : procedures_) names.push_back(p->name);
  return names;
}

ProcedureRegistry& ProcedureRegistry::Global() {
  static ProcedureRegistry* registry = [] {
    auto* r = new ProcedureRegistry();
    RegisterAllProcedures(*r);
    return r;
  }();
  return *registry;
}

std::shared_ptr<const Procedure> FindProcedure(const ProcedureRegistry* local,
                                               std::string_view name) {
  if (local) {
    if (auto p = local->Find(name)) return p;
  }
  return ProcedureRegistry::Global().Find(name);
}

const char* ProcTypeName(ProcType type) {
  switch (type) {
    case ProcType::kAny: return "ANY";
    case ProcType::kBool: return "BOOLEAN";
    case ProcType::kInt: return "INTEGER";
    case ProcType::kFloat: return "FLOAT";
    case ProcType::kNumber: return "NUMBER";
    case ProcType::kString: return "STRING";
    case ProcType::kList: return "LIST";
    case ProcType::kMap: return "MAP";
    case ProcType::kNode: return "NODE";
    case ProcType::kRelationship: return "RELATIONSHIP";
    case ProcType::kPath: return "PATH";
  }
  return "ANY";
}

bool ProcTypeAccepts(ProcType type, const Value& v) {
  if (v.is_null()) return true;
  switch (type) {
    case ProcType::kAny: return true;
    case ProcType::kBool: return v.is_bool();
    case ProcType::kInt: return v.is_int();
    case ProcType::kFloat: return v.is_number();
    case ProcType::kNumber: return v.is_number();
    case ProcType::kString: return v.is_string();
    case ProcType::kList: return v.is_list();
    case ProcType::kMap: return v.is_map();
    case ProcType::kNode: return v.is_node();
    case ProcType::kRelationship: return v.is_relationship();
    case ProcType::kPath: return v.is_path();
  }
  return true;
}

}  // namespace quiver::query
