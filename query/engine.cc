#include "query/engine.h"

#include <chrono>

#include <memory>
#include <string>
#include <unordered_map>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "graph/reader.h"
#include "graph/write_txn.h"
#include "query/binder/binder.h"
#include "query/exec/context.h"
#include "query/exec/pipeline.h"
#include "query/exec/value_ops.h"
#include "query/parser/parser.h"
#include "query/planner/planner.h"
#include "query/read_statement.h"
#include "query/result_source.h"
#include "util/mutex.h"
#include "util/status_macros.h"

namespace quiver::query {

namespace {


// Prepared statements by text, so that running the same text again skips
// the ANTLR parse (most of the fixed cost of a small query). The binding
// does not depend on the parameters' values or names (BindPrepared), so
// the text is the key.
class StatementCache {
 public:
  static constexpr size_t kMaxEntries = 512;

  std::shared_ptr<PreparedQuery> Find(std::string_view text) {
    quiver::MutexLock lock(&mu_);
    auto it = entries_.find(absl::string_view(text.data(), text.size()));
    return it == entries_.end() ? nullptr : it->second;
  }
  void Put(std::string_view text, std::shared_ptr<PreparedQuery> p) {
    quiver::MutexLock lock(&mu_);
    if (entries_.size() >= kMaxEntries) entries_.clear();
    entries_[std::string(text)] = std::move(p);
  }

 private:
  quiver::Mutex mu_;
  absl::flat_hash_map<std::string, std::shared_ptr<PreparedQuery>> entries_ ABSL_GUARDED_BY(mu_);
};

StatementCache& Cache() {
  static auto* cache = new StatementCache();
  return *cache;
}

bool Cacheable(const PreparedQuery& p) {
  // PROFILE counts into its plan's operators: a fresh plan per run.
  if (p.st.mode != ast::ExplainMode::kNone) return false;
  // Procedures may be registered per store: a plan holding one, or an AST
  // bound to one's signature (a subquery's CALL), must not outlive the
  // store's registry.
  return !p.st.has_call && !p.uses_local;
}

absl::StatusOr<std::vector<Row>> RunPipeline(Pipeline& p, ExecContext& ctx, bool profile) {
  std::vector<Row> rows(1);
  for (auto& op : p.ops) {
    auto start = std::chrono::steady_clock::now();
    QUIVER_RETURN_IF_ERROR(op->Execute(ctx, rows));
    QUIVER_RETURN_IF_ERROR(ctx.CheckRows(rows.size()));
    if (profile) {
      op->rows_out = int64_t(rows.size());
      op->micros = std::chrono::duration_cast<std::chrono::microseconds>(
                       std::chrono::steady_clock::now() - start).count();
    }
    QUIVER_RETURN_IF_ERROR(ctx.CheckInterrupts());
  }
  return rows;
}

// Runs `prepared` as it is: its plan is this run's own if it is PROFILE.
absl::StatusOr<Result> RunPlan(graph::Store& store, std::shared_ptr<PreparedQuery> prepared,
                               const ValueMap& params, const QueryOptions& options,
                               const ProcedureRegistry* local,
                               std::shared_ptr<const graph::Reader> snapshot) {
  const ast::Statement& st = prepared->st;
  Plan& plan = prepared->plan;
  const auto& columns = st.parts[0].columns;
  if (st.mode == ast::ExplainMode::kExplain) {
    Result result(columns, {});
    internal::ResultAccess::set_plan(result, RenderPlan(plan, st, false));
    return result;
  }
  bool profile = st.mode == ast::ExplainMode::kProfile;

  if (!plan.updates && !profile) {
    // Read-only: stream (query/read_statement.h).
    return RunReadStatement(
        std::move(prepared), params, options, local,
        snapshot ? std::move(snapshot) : std::shared_ptr<const graph::Reader>(store.NewReader()));
  }

  ExecContext ctx;
  InitContext(ctx, *prepared, params, options, local);
  std::unique_ptr<graph::WriteTxn> txn;
  if (plan.updates) {
    if (snapshot) {
      return MakeError(ErrorType::kSemanticError, Phase::kCompileTime,
                       "this statement writes, and a read snapshot only reads (run it with "
                       "Database::Query)",
                       st.text, nullptr, "ReadOnlySnapshot");
    }
    if (store.read_only()) {
      return MakeError(ErrorType::kSemanticError, Phase::kCompileTime,
                       "the store is open read-only; this statement writes", st.text, nullptr,
                       "ReadOnlyStore");
    }
    QUIVER_ASSIGN_OR_RETURN(txn, store.BeginWrite());
    ctx.txn = txn.get();
    ctx.reader = txn.get();
  } else {
    if (!snapshot) snapshot = store.NewReader();
    ctx.reader = snapshot.get();
  }

  std::vector<ValueList> out;
  std::unordered_map<Row, bool, RowHash, RowEq> seen;
  bool distinct_union = !st.union_all.empty() && !st.union_all[0];
  for (auto& pipeline : plan.pipelines) {
    QUIVER_ASSIGN_OR_RETURN(std::vector<Row> rows, RunPipeline(pipeline, ctx, profile));
    for (auto& row : rows) {
      row.resize(columns.size());
      if (distinct_union && !seen.emplace(row, true).second) continue;
      out.push_back(std::move(row));
    }
    QUIVER_RETURN_IF_ERROR(ctx.CheckRows(out.size()));
  }
  // A statement without RETURN (CREATE ..., SET ...) has no result rows.
  if (columns.empty()) out.clear();
  if (txn) QUIVER_RETURN_IF_ERROR(txn->Commit());
  Result result(columns, std::move(out));
  *internal::ResultAccess::mutable_stats(result) = ctx.stats;
  if (profile) internal::ResultAccess::set_plan(result, RenderPlan(plan, st, true));
  return result;
}

}  // namespace

absl::StatusOr<std::shared_ptr<PreparedQuery>> Prepare(std::string_view text,
                                                       const ProcedureRegistry* local) {
  auto prepared = std::make_shared<PreparedQuery>();
  QUIVER_ASSIGN_OR_RETURN(prepared->st, Parse(text));
  ProcedureLookup procs = [local](std::string_view name) { return FindProcedure(local, name); };
  PreparedQuery* p = prepared.get();
  FunctionLookup functions = [local, p](std::string_view name) -> std::shared_ptr<const Function> {
    if (local == nullptr) return nullptr;
    auto f = local->FindFunction(name);
    if (f) p->uses_local = true;
    return f;
  };
  QUIVER_RETURN_IF_ERROR(BindPrepared(prepared->st, procs, functions, &prepared->params));
  QUIVER_ASSIGN_OR_RETURN(prepared->plan, BuildPlan(prepared->st, procs));
  return prepared;
}

absl::StatusOr<Result> Execute(graph::Store& store, std::string_view text,
                               const ValueMap& params, const QueryOptions& options,
                               const ProcedureRegistry* local,
                               std::shared_ptr<const graph::Reader> snapshot) {
  std::shared_ptr<PreparedQuery> prepared = Cache().Find(text);
  if (prepared) return Run(store, std::move(prepared), params, options, local, std::move(snapshot));
  QUIVER_ASSIGN_OR_RETURN(prepared, Prepare(text, local));
  if (Cacheable(*prepared)) Cache().Put(text, prepared);
  QUIVER_RETURN_IF_ERROR(CheckParameters(prepared->params, params));
  // Just prepared: a PROFILE statement (never cached) already has a plan of
  // its own, which Run would make again.
  return RunPlan(store, std::move(prepared), params, options, local, std::move(snapshot));
}

absl::StatusOr<Result> Run(graph::Store& store, std::shared_ptr<PreparedQuery> prepared,
                           const ValueMap& params, const QueryOptions& options,
                           const ProcedureRegistry* local,
                           std::shared_ptr<const graph::Reader> snapshot) {
  QUIVER_RETURN_IF_ERROR(CheckParameters(prepared->params, params));
  if (prepared->st.mode == ast::ExplainMode::kProfile) {
    // PROFILE writes its counters into the operators: its own plan.
    QUIVER_ASSIGN_OR_RETURN(prepared, Prepare(prepared->st.text, local));
  }
  return RunPlan(store, std::move(prepared), params, options, local, std::move(snapshot));
}

}  // namespace quiver::query
