#include "query/read_statement.h"

#include <chrono>
#include <functional>
#include <limits>
#include <unordered_map>
#include <utility>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "query/exec/pipeline.h"
#include "query/exec/value_ops.h"
#include "query/exec/worker_pool.h"
#include "query/result_source.h"
#include "util/mutex.h"
#include "util/status_macros.h"

namespace quiver::query {

void InitContext(ExecContext& ctx, const PreparedQuery& prepared, const ValueMap& params,
                 const QueryOptions& options, const ProcedureRegistry* local) {
  ctx.params = &params;
  ctx.source = &prepared.st.text;
  ctx.options = options;
  if (options.timeout_ms > 0) {
    ctx.deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(options.timeout_ms);
  }
  ctx.local_procedures = local;
}

namespace {

// A read-only statement producing its rows page by page on a thread of its
// own (WorkerPool): the pipelines push rows into the reader's page and,
// when it is full, hand the turn to the reader and wait for the next
// Fetch. The turn passes under Handoff::mu, and only the thread that has
// it touches the page, so a Result may be read from any thread (one at a
// time) and the statement always runs on its worker.
//
// What the two threads share (Handoff) is held by both, so each may let go
// of it in any order; what the run needs (the plan, a copy of the
// parameters, the read snapshot: StatementRun) belongs to the worker,
// which releases it before it says it has finished, so that once a Result
// is gone nothing of its statement reads the store (the Database may then
// close).
struct Handoff {
  enum class Turn { kReader, kWorker };

  quiver::Mutex mu;
  Turn turn ABSL_GUARDED_BY(mu) = Turn::kReader;
  bool stop ABSL_GUARDED_BY(mu) = false;      // The reader has gone.
  bool finished ABSL_GUARDED_BY(mu) = false;  // The worker has let go of the run.
  absl::Status status ABSL_GUARDED_BY(mu);
  std::vector<ValueList>* page ABSL_GUARDED_BY(mu) = nullptr;
  size_t page_end ABSL_GUARDED_BY(mu) = 0;

  bool WorkersTurn() const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu) { return turn == Turn::kWorker; }
  bool ReadersTurn() const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu) { return turn == Turn::kReader; }
};

class StatementRun {
 public:
  StatementRun(std::shared_ptr<PreparedQuery> prepared, const ValueMap& params,
               const QueryOptions& options, const ProcedureRegistry* local,
               std::shared_ptr<const graph::Reader> reader)
      : prepared_(std::move(prepared)), params_(params), reader_(std::move(reader)) {
    InitContext(ctx_, *prepared_, params_, options, local);
    ctx_.reader = reader_.get();
  }

  // On the worker, once it has the turn for the first page: rows into
  // `page` up to `page_end`, then pauses for each next page.
  absl::Status Body(Handoff& h, std::vector<ValueList>* page, size_t page_end)
      ABSL_LOCKS_EXCLUDED(h.mu) {
    return Pipelines(&h, page, page_end);
  }

  // On the caller's thread, to the end, every row into *rows (a statement
  // that fits in one page: no pause needed, so no worker).
  absl::Status All(std::vector<ValueList>* rows) {
    return Pipelines(nullptr, rows, std::numeric_limits<size_t>::max());
  }

 private:
  // `hp` null: no pauses (All).
  absl::Status Pipelines(Handoff* hp, std::vector<ValueList>* page, size_t page_end) {
    const ast::Statement& st = prepared_->st;
    const size_t width = st.parts[0].columns.size();
    const bool distinct_union = !st.union_all.empty() && !st.union_all[0];
    std::unordered_map<Row, bool, RowHash, RowEq> seen;
    RowFn sink = [&](Row& row) -> absl::Status {
      if (width == 0) return absl::OkStatus();  // No RETURN: no rows.
      row.resize(width);
      if (distinct_union && !seen.emplace(row, true).second) return absl::OkStatus();
      page->push_back(std::move(row));
      // Rows held by the Result: the page, or everything when the caller
      // asked for every row (Result::size()).
      QUIVER_RETURN_IF_ERROR(ctx_.CheckRows(page->size()));
      if (page->size() < page_end) return absl::OkStatus();
      Handoff& h = *hp;
      // The caches only save store reads; long streams must not grow them
      // without bound.
      if (ctx_.node_cache.size() + ctx_.rel_cache.size() > 100000) ctx_.InvalidateCaches();
      auto paused_at = std::chrono::steady_clock::now();
      {
        quiver::MutexLock lock(&h.mu);
        h.turn = Handoff::Turn::kReader;
        h.mu.Await(absl::Condition(&h, &Handoff::WorkersTurn));
        if (h.stop) return absl::CancelledError("the result was destroyed");
        page = h.page;
        page_end = h.page_end;
      }
      // The time limit counts the statement's own work, not the time the
      // reader spent between pages.
      if (ctx_.deadline != std::chrono::steady_clock::time_point::max())
        ctx_.deadline += std::chrono::steady_clock::now() - paused_at;
      // Cancelled while paused: stop before any more work.
      return ctx_.CheckInterrupts();
    };
    for (auto& pipeline : prepared_->plan.pipelines) {
      QUIVER_RETURN_IF_ERROR(RunStreaming(pipeline.ops, ctx_, sink));
    }
    return absl::OkStatus();
  }

  std::shared_ptr<PreparedQuery> prepared_;
  ValueMap params_;
  std::shared_ptr<const graph::Reader> reader_;
  ExecContext ctx_;
};

// Whether a read-only statement's rows are known to fit in the first page:
// a single query whose RETURN aggregates with no grouping key (one row), or
// has a LIMIT of at most a page (a literal, or a parameter's value). Such a
// statement runs to its end inside Query, on the caller's thread: a worker
// would only add the handoff (5-9 us a statement at load 9, measured;
// bench/README.md).
bool FitsInOnePage(const ast::Statement& st, const ValueMap& params) {
  if (st.parts.size() != 1 || st.parts[0].clauses.empty()) return false;
  const ast::Clause& last = st.parts[0].clauses.back();
  if (last.kind != ast::ClauseKind::kReturn) return false;
  const ast::Projection& p = last.projection;
  if (p.limit) {
    const Value* n = nullptr;
    if (p.limit->kind == ast::ExprKind::kLiteral) {
      n = &p.limit->value;
    } else if (p.limit->kind == ast::ExprKind::kParameter) {
      auto it = params.find(p.limit->name);
      if (it != params.end()) n = &it->second;
    }
    if (n != nullptr && n->is_int() && n->AsInt() <= int64_t(kPageRows)) return true;
  }
  if (!p.aggregates || p.star || p.items.empty()) return false;
  for (const auto& item : p.items)
    if (!item.has_aggregate) return false;  // A grouping key: a row per group.
  return true;
}

// The job a worker runs: the statement, then its release, then the news.
void RunOnWorker(const std::shared_ptr<Handoff>& h, std::shared_ptr<StatementRun>& run) {
  bool stop;
  std::vector<ValueList>* page;
  size_t page_end;
  {
    quiver::MutexLock lock(&h->mu);
    h->mu.Await(absl::Condition(h.get(), &Handoff::WorkersTurn));
    stop = h->stop;
    page = h->page;
    page_end = h->page_end;
  }
  absl::Status status = stop ? absl::CancelledError("the result was destroyed")
                             : run->Body(*h, page, page_end);
  run.reset();  // The snapshot, the plan and whatever rows operators held.
  WorkerPool::Release();
  quiver::MutexLock lock(&h->mu);
  h->status = std::move(status);
  h->finished = true;
  h->turn = Handoff::Turn::kReader;
}

// The Result's end: gives the worker the turn for each page. The job is
// handed to the pool at the first Fetch, with the turn already the
// worker's: one wake-up for the worker, one for the reader, per page.
class StatementStream : public internal::ResultSource {
 public:
  StatementStream(std::shared_ptr<Handoff> h, std::function<void()> job)
      : h_(std::move(h)), job_(std::move(job)) {}

  ~StatementStream() override {
    if (job_) return;  // Never started: nothing runs.
    quiver::MutexLock lock(&h_->mu);
    if (h_->finished) return;
    // Unwind the paused pipeline (its frames own rows and iterators): the
    // sink fails, every operator returns, the worker lets go of the run.
    h_->stop = true;
    h_->turn = Handoff::Turn::kWorker;
    h_->mu.Await(absl::Condition(
        +[](Handoff* h) ABSL_NO_THREAD_SAFETY_ANALYSIS { return h->finished; }, h_.get()));
  }

  bool Fetch(std::vector<ValueList>* rows, absl::Status* status) override {
    quiver::MutexLock lock(&h_->mu);
    if (!h_->finished) {
      h_->page = rows;
      h_->page_end = rows->size() + kPageRows;
      h_->turn = Handoff::Turn::kWorker;
      if (job_) {
        // The worker waits for this lock, then has the turn.
        absl::Status started = WorkerPool::Shared().Run(std::move(job_));
        job_ = nullptr;
        if (!started.ok()) {
          h_->finished = true;
          h_->status = started;
          h_->turn = Handoff::Turn::kReader;
        }
      }
      h_->mu.Await(absl::Condition(h_.get(), &Handoff::ReadersTurn));
      h_->page = nullptr;
    }
    if (!h_->finished) return true;
    // Moved, not copied: a Status shares its message between copies
    // through a count kept inside Abseil's library, which ThreadSanitizer
    // cannot see (Debian's libabsl is not built for it), so a copy left
    // with the worker's Handoff made its release look like a race with
    // the reader's use. The reader owns the outcome from here (this is the
    // last Fetch: ResultSource).
    *status = std::move(h_->status);
    h_->status = absl::OkStatus();
    return false;
  }

 private:
  std::shared_ptr<Handoff> h_;
  std::function<void()> job_;  // Until the first Fetch starts it.
};

}  // namespace

absl::StatusOr<Result> RunReadStatement(std::shared_ptr<PreparedQuery> prepared,
                                        const ValueMap& params, const QueryOptions& options,
                                        const ProcedureRegistry* local,
                                        std::shared_ptr<const graph::Reader> reader) {
  const auto& columns = prepared->st.parts[0].columns;
  if (FitsInOnePage(prepared->st, params)) {
    StatementRun run(prepared, params, options, local, std::move(reader));
    std::vector<ValueList> rows;
    QUIVER_RETURN_IF_ERROR(run.All(&rows));
    return Result(columns, std::move(rows));
  }
  auto handoff = std::make_shared<Handoff>();
  // std::function must be copyable: the run travels in a shared_ptr, which
  // the job holds alone.
  auto run = std::make_shared<StatementRun>(prepared, params, options, local, std::move(reader));
  auto stream = std::make_shared<StatementStream>(
      handoff, [handoff, run = std::move(run)]() mutable { RunOnWorker(handoff, run); });
  std::vector<ValueList> first;
  absl::Status status;
  if (!stream->Fetch(&first, &status)) {
    QUIVER_RETURN_IF_ERROR(status);
    return Result(columns, std::move(first));
  }
  return internal::ResultAccess::Streaming(columns, std::move(first), std::move(stream));
}

}  // namespace quiver::query
