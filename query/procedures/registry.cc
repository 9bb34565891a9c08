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

template <typename T>
absl::Status ProcedureRegistry::Add(std::map<std::string, std::shared_ptr<const T>>* entries,
                                    T entry, const char* what) {
  if (entry.name.empty()) return absl::InvalidArgumentError(absl::StrCat(what, " name is empty"));
  if (!entry.fn) {
    return absl::InvalidArgumentError(absl::StrCat(what, " ", entry.name, " has no function"));
  }
  quiver::MutexLock lock(&mu_);
  std::string key = Key(entry.name);
  if (entries->count(key)) {
    return absl::AlreadyExistsError(
        absl::StrCat(what, " ", entry.name, " is already registered"));
  }
  (*entries)[key] = std::make_shared<const T>(std::move(entry));
  generation_.fetch_add(1, std::memory_order_acq_rel);
  return absl::OkStatus();
}

template <typename T>
std::shared_ptr<const T> ProcedureRegistry::Lookup(
    const std::map<std::string, std::shared_ptr<const T>>* entries, std::string_view name) const {
  quiver::MutexLock lock(&mu_);
  auto it = entries->find(Key(name));
  return it == entries->end() ? nullptr : it->second;
}

absl::Status ProcedureRegistry::Register(Procedure procedure) {
  return Add(&procedures_, std::move(procedure), "procedure");
}

absl::Status ProcedureRegistry::RegisterFunction(Function function) {
  return Add(&functions_, std::move(function), "function");
}

std::shared_ptr<const Procedure> ProcedureRegistry::Find(std::string_view name) const {
  return Lookup(&procedures_, name);
}

std::shared_ptr<const Function> ProcedureRegistry::FindFunction(std::string_view name) const {
  return Lookup(&functions_, name);
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
