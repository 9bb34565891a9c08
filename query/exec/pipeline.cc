#include "query/exec/pipeline.h"

#include <algorithm>

#include "absl/strings/cord.h"
#include "util/status_macros.h"

namespace quiver::query {

namespace {

constexpr char kStopPayload[] = "quiver/stop";

class StreamingRun {
 public:
  StreamingRun(const std::vector<OperatorPtr>& ops, ExecContext& ctx, const RowFn& sink)
      : ops_(ops), ctx_(ctx), sink_(sink), states_(ops.size()), buffers_(ops.size()) {
    for (size_t i = 0; i < ops.size(); ++i) {
      emit_.push_back([this, i](Row& r) { return PushTo(i + 1, r); });
    }
  }

  absl::Status Run(Row start) {
    absl::Status s = PushTo(0, start);
    if (!s.ok() && !IsStop(s)) return s;
    // Batch operators, in order, each once everything before it is done.
    for (size_t j = 0; j < ops_.size(); ++j) {
      if (ops_[j]->Streams()) continue;
      // Something at or after j wants no more rows: nothing from here on
      // can reach the sink (read-only pipelines: no side effect is lost).
      if (int64_t(j) <= done_upto_) return absl::OkStatus();
      std::vector<Row> rows = std::move(buffers_[j]);
      QUIVER_RETURN_IF_ERROR(ops_[j]->Execute(ctx_, rows));
      QUIVER_RETURN_IF_ERROR(ctx_.CheckRows(rows.size()));
      for (auto& r : rows) {
        s = PushTo(j + 1, r);
        if (IsStop(s)) break;
        QUIVER_RETURN_IF_ERROR(s);
      }
    }
    return absl::OkStatus();
  }

 private:
  absl::Status PushTo(size_t j, Row& row) {
    if (j == ops_.size()) return sink_(row);
    if (int64_t(j) <= done_upto_) return StopStatus();
    Operator& op = *ops_[j];
    if (!op.Streams()) {
      buffers_[j].push_back(std::move(row));
      return ctx_.CheckRows(buffers_[j].size());
    }
    absl::Status s = op.Stream(ctx_, row, states_[j], emit_[j]);
    if (states_[j].done) done_upto_ = std::max(done_upto_, int64_t(j));
    return s;
  }

  const std::vector<OperatorPtr>& ops_;
  ExecContext& ctx_;
  const RowFn& sink_;
  std::vector<StreamState> states_;
  std::vector<std::vector<Row>> buffers_;
  std::vector<RowFn> emit_;
  int64_t done_upto_ = -1;  // Operators up to here want no more input.
};

}  // namespace

absl::Status StopStatus() {
  absl::Status s = absl::CancelledError("no more rows wanted");
  s.SetPayload(kStopPayload, absl::Cord("1"));
  return s;
}

bool IsStop(const absl::Status& s) {
  return s.code() == absl::StatusCode::kCancelled && s.GetPayload(kStopPayload).has_value();
}

absl::Status ExecuteByStreaming(Operator& op, ExecContext& ctx, std::vector<Row>& rows) {
  std::vector<Row> out;
  StreamState state;
  RowFn collect = [&](Row& r) {
    out.push_back(std::move(r));
    return ctx.CheckRows(out.size());
  };
  for (auto& row : rows) QUIVER_RETURN_IF_ERROR(op.Stream(ctx, row, state, collect));
  rows = std::move(out);
  return absl::OkStatus();
}

absl::Status RunStreaming(const std::vector<OperatorPtr>& ops, ExecContext& ctx,
                          const RowFn& sink) {
  StreamingRun run(ops, ctx, sink);
  return run.Run(Row());
}

absl::Status RunStreamingFrom(const std::vector<OperatorPtr>& ops, Row start, ExecContext& ctx,
                              const RowFn& sink) {
  StreamingRun run(ops, ctx, sink);
  absl::Status s = run.Run(std::move(start));
  // A stop the sink asked for is where the caller wanted to end.
  return IsStop(s) ? absl::OkStatus() : s;
}

}  // namespace quiver::query
