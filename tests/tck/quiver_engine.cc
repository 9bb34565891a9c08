// OpenQuiverEngine over quiver::Database: queries through Database::Query,
// TCK procedures through the store's own procedure registry, state straight
// from the store.

#include <algorithm>
#include <cctype>
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "query/procedures/database_registry.h"
#include "query/procedures/registry.h"
#include "quiver/database.h"
#include "quiver/result.h"
#include "tests/tck/engine.h"

namespace quiver::tck {
namespace {

// "INTEGER?" -> kInt; the '?' (nullable) is implied: every type takes null.
absl::StatusOr<query::ProcType> ToProcType(std::string type) {
  if (!type.empty() && type.back() == '?') type.pop_back();
  std::transform(type.begin(), type.end(), type.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  if (type == "ANY") return query::ProcType::kAny;
  if (type == "BOOLEAN") return query::ProcType::kBool;
  if (type == "INTEGER") return query::ProcType::kInt;
  if (type == "FLOAT") return query::ProcType::kFloat;
  if (type == "NUMBER") return query::ProcType::kNumber;
  if (type == "STRING") return query::ProcType::kString;
  if (type.rfind("LIST", 0) == 0) return query::ProcType::kList;
  if (type == "MAP") return query::ProcType::kMap;
  if (type == "NODE") return query::ProcType::kNode;
  if (type == "RELATIONSHIP") return query::ProcType::kRelationship;
  if (type == "PATH") return query::ProcType::kPath;
  return absl::UnimplementedError(absl::StrCat("procedure type ", type, " is not supported"));
}

// A table row answers a call when its input cells equal the arguments
// (numbers by value, so 1 matches 1.0).
bool ArgEqual(const Value& cell, const Value& arg) {
  if (cell.is_number() && arg.is_number()) return cell.AsNumber() == arg.AsNumber();
  return cell == arg;
}

class QuiverEngine : public Engine {
 public:
  explicit QuiverEngine(std::unique_ptr<Database> db) : db_(std::move(db)) {}

  absl::StatusOr<ResultTable> Execute(std::string_view text, const ValueMap& params) override {
    QueryOptions options;
    options.timeout_ms = 8000;  // Below quiver-tck's own per-scenario kill.
    absl::StatusOr<Result> result = db_->Query(text, params, options);
    if (!result.ok()) return result.status();
    ResultTable table;
    table.columns = result->columns();
    ValueList row;
    while (result->Next(&row)) table.rows.push_back(std::move(row));
    return table;
  }

  absl::Status AddProcedure(const ProcedureSpec& spec) override {
    query::Procedure proc;
    proc.name = spec.name;
    proc.description = "TCK test procedure";
    for (const auto& [name, type] : spec.inputs) {
      auto t = ToProcType(type);
      if (!t.ok()) return t.status();
      proc.inputs.push_back({name, *t});
    }
    for (const auto& [name, type] : spec.outputs) {
      auto t = ToProcType(type);
      if (!t.ok()) return t.status();
      proc.outputs.push_back({name, *t});
    }
    size_t n_in = spec.inputs.size();
    std::vector<std::vector<Value>> rows = spec.rows;
    proc.fn = [rows, n_in](const graph::Reader&,
                           const ValueList& args) -> absl::StatusOr<std::vector<ValueList>> {
      std::vector<ValueList> out;
      for (const auto& row : rows) {
        bool match = args.size() == n_in;
        for (size_t i = 0; match && i < n_in; ++i) match = ArgEqual(row[i], args[i]);
        if (match) out.emplace_back(row.begin() + static_cast<std::ptrdiff_t>(n_in), row.end());
      }
      return out;
    };
    return query::DatabaseProcedures(*db_).Register(std::move(proc));
  }

  absl::StatusOr<GraphState> State() override { return ReadGraphState(*db_); }

 private:
  std::unique_ptr<Database> db_;
};

}  // namespace

bool HaveQueryEngine() { return true; }

absl::StatusOr<std::unique_ptr<Engine>> OpenQuiverEngine(int n) {
  Options options;
  options.in_memory = true;
  auto db = Database::Open(absl::StrCat("/tck-", n), options);
  if (!db.ok()) return db.status();
  return std::unique_ptr<Engine>(new QuiverEngine(std::move(*db)));
}

}  // namespace quiver::tck
