#include "query/engine.h"

#include <chrono>

#include <memory>
#include <unordered_map>

#include "absl/base/thread_annotations.h"
#include "graph/reader.h"
#include "graph/write_txn.h"
#include "query/binder/binder.h"
#include "query/exec/context.h"
#include "query/exec/coroutine.h"
#include "query/exec/pipeline.h"
#include "query/exec/value_ops.h"
#include "query/parser/parser.h"
#include "query/planner/planner.h"
#include "util/mutex.h"
#include "util/status_macros.h"

namespace quiver::query {

namespace {


// A statement parsed, bound and planned, kept so that running the same text
// again skips the ANTLR parse (most of the fixed cost of a small query).
// Operators keep no per-run state (only PROFILE counters, and PROFILE
// statements are not cached), so one plan may run on several threads.
struct Prepared {
  ast::Statement st;
  Plan plan;
};

class StatementCache {
 public:
  static constexpr size_t kMaxEntries = 512;

  std::shared_ptr<Prepared> Find(const std::string& key) {
    quiver::MutexLock lock(&mu_);
    auto it = entries_.find(key);
    return it == entries_.end() ? nullptr : it->second;
  }
  void Put(const std::string& key, std::shared_ptr<Prepared> p) {
    quiver::MutexLock lock(&mu_);
    if (entries_.size() >= kMaxEntries) entries_.clear();
    entries_[key] = std::move(p);
  }

 private:
  quiver::Mutex mu_;
  std::unordered_map<std::string, std::shared_ptr<Prepared>> entries_ ABSL_GUARDED_BY(mu_);
};

StatementCache& Cache() {
  static auto* cache = new StatementCache();
  return *cache;
}

// Binding depends on which parameters are given, so they are part of the key.
std::string CacheKey(std::string_view text, const ValueMap& params) {
  std::string key;
  for (const auto& [name, v] : params) {
    key += name;
    key += '\0';
  }
  key += '\1';
  key.append(text.data(), text.size());
  return key;
}

bool Cacheable(const ast::Statement& st) {
  if (st.mode != ast::ExplainMode::kNone) return false;
  // Procedures may be registered per store: a plan holding one, or an AST
  // bound to one's signature (a subquery's CALL), must not outlive the
  // store's registry.
  return !st.has_call;
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

// Rows per page of a streaming result: Query returns once the first page is
// ready (or the statement is done), each Result::Next past a page fetches
// the next. Large enough that the switches cost nothing per row, small
// enough that a page is little memory.
constexpr size_t kPageRows = 1024;

void InitContext(ExecContext& ctx, const Prepared& prepared, const ValueMap& params,
                 const QueryOptions& options, const ProcedureRegistry* local) {
  ctx.params = &params;
  ctx.source = &prepared.st.text;
  ctx.options = options;
  if (options.timeout_ms > 0) {
    ctx.deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(options.timeout_ms);
  }
  ctx.local_procedures = local;
}

// A read-only statement producing its rows page by page: the pipelines run
// in a Coroutine that pauses whenever a page is full. Holds everything the
// run needs (the prepared plan, a copy of the parameters, the read
// snapshot), so the Result may outlive the Query call.
class StatementStream : public Result::Source {
 public:
  StatementStream(std::shared_ptr<Prepared> prepared, const ValueMap& params,
                  const QueryOptions& options, const ProcedureRegistry* local,
                  std::shared_ptr<const graph::Reader> reader)
      : prepared_(std::move(prepared)),
        params_(params),
        reader_(std::move(reader)),
        coroutine_([this] { status_ = Body(); }) {
    InitContext(ctx_, *prepared_, params_, options, local);
    ctx_.reader = reader_.get();
  }

  ~StatementStream() override {
    if (!coroutine_.finished() && started_) {
      // Unwind the paused pipeline (its frames own rows and iterators):
      // the sink fails, every operator returns.
      cancelled_ = true;
      std::vector<ValueList> ignored;
      page_ = &ignored;
      coroutine_.Resume();
    }
  }

  bool Fetch(std::vector<ValueList>* rows, absl::Status* status) override {
    if (coroutine_.finished()) {
      *status = status_;
      return false;
    }
    page_ = rows;
    page_end_ = rows->size() + kPageRows;
    // The time limit counts the statement's own work, not the time the
    // caller spent between pages.
    auto now = std::chrono::steady_clock::now();
    if (started_ && ctx_.deadline != std::chrono::steady_clock::time_point::max())
      ctx_.deadline += now - paused_at_;
    started_ = true;
    bool more = coroutine_.Resume();
    paused_at_ = std::chrono::steady_clock::now();
    page_ = nullptr;
    if (!more) *status = status_;
    return more;
  }

 private:
  absl::Status Body() {
    const ast::Statement& st = prepared_->st;
    const size_t width = st.parts[0].columns.size();
    const bool distinct_union = !st.union_all.empty() && !st.union_all[0];
    std::unordered_map<Row, bool, RowHash, RowEq> seen;
    RowFn sink = [&](Row& row) -> absl::Status {
      if (width == 0) return absl::OkStatus();  // No RETURN: no rows.
      row.resize(width);
      if (distinct_union && !seen.emplace(row, true).second) return absl::OkStatus();
      page_->push_back(std::move(row));
      // Rows held by the Result: the page, or everything when the caller
      // asked for every row (Result::size()).
      QUIVER_RETURN_IF_ERROR(ctx_.CheckRows(page_->size()));
      if (page_->size() >= page_end_) {
        // The caches only save store reads; long streams must not grow them
        // without bound.
        if (ctx_.node_cache.size() + ctx_.rel_cache.size() > 100000) ctx_.InvalidateCaches();
        coroutine_.Yield();
        if (cancelled_) return absl::CancelledError("the result was destroyed");
      }
      return absl::OkStatus();
    };
    for (auto& pipeline : prepared_->plan.pipelines) {
      QUIVER_RETURN_IF_ERROR(RunStreaming(pipeline.ops, ctx_, sink));
    }
    return absl::OkStatus();
  }

  std::shared_ptr<Prepared> prepared_;
  ValueMap params_;
  std::shared_ptr<const graph::Reader> reader_;
  ExecContext ctx_;
  Coroutine coroutine_;
  absl::Status status_;
  std::vector<ValueList>* page_ = nullptr;
  size_t page_end_ = 0;
  bool started_ = false;
  bool cancelled_ = false;
  std::chrono::steady_clock::time_point paused_at_;
};

}  // namespace

absl::StatusOr<Result> Execute(graph::Store& store, std::string_view text,
                               const ValueMap& params, const QueryOptions& options,
                               const ProcedureRegistry* local,
                               std::shared_ptr<const graph::Reader> snapshot) {
  std::string key = CacheKey(text, params);
  std::shared_ptr<Prepared> prepared = Cache().Find(key);
  if (!prepared) {
    prepared = std::make_shared<Prepared>();
    QUIVER_ASSIGN_OR_RETURN(prepared->st, Parse(text));
    ProcedureLookup procs = [local](std::string_view name) { return FindProcedure(local, name); };
    QUIVER_RETURN_IF_ERROR(Bind(prepared->st, params, procs));
    QUIVER_ASSIGN_OR_RETURN(prepared->plan, BuildPlan(prepared->st, procs));
    if (Cacheable(prepared->st)) Cache().Put(key, prepared);
  }
  const ast::Statement& st = prepared->st;
  Plan& plan = prepared->plan;
  const auto& columns = st.parts[0].columns;
  if (st.mode == ast::ExplainMode::kExplain) {
    Result result(columns, {});
    result.set_plan(RenderPlan(plan, st, false));
    return result;
  }
  bool profile = st.mode == ast::ExplainMode::kProfile;

  if (!plan.updates && !profile) {
    // Read-only: stream. The first page is made here, so that most errors
    // (and every error of a statement with fewer rows) come from Query.
    auto stream = std::make_shared<StatementStream>(
        prepared, params, options, local,
        snapshot ? std::move(snapshot) : std::shared_ptr<const graph::Reader>(store.NewReader()));
    std::vector<ValueList> first;
    absl::Status status;
    if (!stream->Fetch(&first, &status)) {
      QUIVER_RETURN_IF_ERROR(status);
      return Result(columns, std::move(first));
    }
    return Result(columns, std::move(first), std::move(stream));
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
  *result.mutable_stats() = ctx.stats;
  if (profile) result.set_plan(RenderPlan(plan, st, true));
  return result;
}

}  // namespace quiver::query
