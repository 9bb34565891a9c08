// quiver::Result and quiver::QueryOptions: what Database::Query returns and
// the limits it runs under.
//
// Errors. Database::Query reports every error a statement can cause as an
// absl::Status whose message starts with the openCypher TCK's error type and
// phase, then (where there is one) the position, the source line and a caret:
//
//   SyntaxError (compile time): line 1, column 10: unexpected 'RETURN'
//   MATCH (n RETURN n
//            ^
//
// The first line always matches the regular expression
//   ^(\w+) \((compile time|runtime)\)(?: \[(\w+)\])?: (.*)$
// where group 1 is the type (SyntaxError, SemanticError, TypeError,
// ArgumentError, EntityNotFound, ConstraintVerificationFailed,
// ProcedureError, or Quiver's own LimitExceeded and Cancelled), group 2 the
// phase and
// group 3, when present, the TCK's detail code (UndefinedVariable,
// InvalidArgumentType, DeleteConnectedNode, ...). The same facts are attached
// as payloads: status.GetPayload("quiver/error-type"), "quiver/error-phase",
// "quiver/error-detail". Codes: kInvalidArgument for compile-time errors and
// runtime type/argument errors, kNotFound for EntityNotFound,
// kFailedPrecondition for ConstraintVerificationFailed, kResourceExhausted
// when a QueryOptions limit is exceeded (the message names the limit),
// kCancelled when QueryOptions::cancel was set.
//
// Thread-safety: see Result.

#ifndef QUIVER_RESULT_H_
#define QUIVER_RESULT_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "quiver/cancellation.h"
#include "quiver/value.h"

namespace quiver {

// Limits that guard the engine against runaway statements. Exceeding one
// fails the statement (nothing is written) with a LimitExceeded error.
struct QueryOptions {
  // Wall-clock time one statement may run, in milliseconds; 0 means no limit.
  // Default: 30000 (30 s).
  int64_t timeout_ms = 30000;

  // The most rows any step of a statement may hold at once (the final result
  // included).
  // Default: 10000000.
  int64_t max_rows = 10000000;

  // The most relationships a variable-length pattern or shortestPath may
  // follow; an unbounded pattern (`*`, `*2..`) stops here, an explicit upper
  // bound above it is an error.
  // Default: 64.
  int64_t max_var_length_depth = 64;

  // Whether a read-only statement may build the in-memory CSR view of the
  // graph (graph/snapshot.h) when none is cached for the store's current
  // state: shortestPath/allShortestPaths always want it, other patterns once
  // they have expanded enough nodes through the store's indexes. A build
  // takes ~0.2 µs per edge (0.15-0.7 s for 1M edges) and then serves every
  // statement until the next write; false keeps statements on the indexes.
  // Default: true.
  bool build_snapshot = true;

  // When non-null, the statement stops with a Cancelled error (code
  // kCancelled) soon after *cancel is set (quiver/cancellation.h); the flag
  // must outlive the statement and its Result.
  // Default: nullptr (not cancellable).
  const CancellationFlag* cancel = nullptr;
};

// What a statement changed; all zero for a read-only statement.
struct QueryStats {
  int64_t nodes_created = 0;
  int64_t nodes_deleted = 0;
  int64_t relationships_created = 0;
  int64_t relationships_deleted = 0;
  int64_t properties_set = 0;
  int64_t labels_added = 0;
  int64_t labels_removed = 0;

  bool contains_updates() const {
    return nodes_created || nodes_deleted || relationships_created ||
           relationships_deleted || properties_set || labels_added || labels_removed;
  }
};

namespace internal {
class ResultSource;   // The engine's end of a streaming Result.
struct ResultAccess;  // How the engine makes Results.
}  // namespace internal

// The rows of a statement: named columns and one ValueList per row, in the
// order the statement defines (or unspecified without ORDER BY).
//
// Streaming. A read-only statement's rows are produced as they are read:
// Database::Query returns once the first page of rows (1024, or all of
// them if fewer) is ready, and Next() asks the statement for further
// pages; between pages the statement waits, holding its read snapshot,
// until the last row is read or the Result is destroyed. An error after
// the first page (a runtime error on a later row, a QueryOptions limit,
// cancellation) ends the rows: Next() returns false and status() returns
// the error, so check status() after the loop. Updating statements,
// EXPLAIN and PROFILE run to the end inside Query (their side effects
// happen there) and are complete() at once; so do reading statements
// whose rows are known to fit in one page (a RETURN of aggregates only,
// such as count(*), or a LIMIT of at most 1024).
//
// Reading everything: size(), empty(), row(), rows(), begin() and end()
// first fetch every remaining row (holding them all, within
// QueryOptions::max_rows). Next() hands rows out and releases them, so after
// Next() these see only the rows not handed out yet.
//
// Thread-safety: a Result, streaming or complete, may be read (Next, rows,
// size, ...) and destroyed on any thread, by one thread at a time: hand it
// from one thread to another with the usual synchronisation (a mutex, a
// queue, joining the thread). A streaming statement's operators run on a
// worker thread of the library's own (one per statement still streaming;
// idle workers are reused), never on the reading thread, so nothing ties
// a Result to the thread that called Query. Distinct Results may be read
// at the same time. Copies share one stream: read one of them only. The
// Database must outlive every Result it returned.
class Result {
 public:
  Result();
  // A complete result of these rows.
  Result(std::vector<std::string> columns, std::vector<ValueList> rows);
  Result(const Result&);
  Result& operator=(const Result&);
  Result(Result&&) noexcept;
  Result& operator=(Result&&) noexcept;
  // A streaming Result that is not read to its end stops its statement
  // here (waiting for it to let go of its snapshot: a moment).
  ~Result();

  const std::vector<std::string>& columns() const { return columns_; }

  // Cursor-style reading: moves the next row into *row and returns true, or
  // returns false after the last row or on an error (see status()).
  bool Next(ValueList* row);

  // OK, or the error that ended a streaming result's rows early.
  const absl::Status& status() const { return status_; }
  // True when every row has been produced (no more to fetch).
  bool complete() const { return source_ == nullptr; }
  // How many rows the statement has produced for this Result so far.
  int64_t rows_produced() const { return produced_; }

  // All rows, counting those Next() handed out. Fetches the rest first.
  size_t size() const;
  bool empty() const;
  // REQUIRES: i < rows().size(). Rows not handed out by Next(), fetched first.
  const ValueList& row(size_t i) const;
  const std::vector<ValueList>& rows() const;
  std::vector<ValueList>::const_iterator begin() const { return rows().begin(); }
  std::vector<ValueList>::const_iterator end() const { return rows().end(); }

  const QueryStats& stats() const { return stats_; }
  // EXPLAIN and PROFILE: the plan tree (PROFILE with rows and time per
  // operator); empty otherwise.
  const std::string& plan() const { return plan_; }

 private:
  friend struct internal::ResultAccess;

  void FetchPage() const;
  void FetchAll() const;

  std::vector<std::string> columns_;
  // Mutable: reading a streaming result fetches into it.
  mutable std::vector<ValueList> rows_;
  mutable size_t next_ = 0;
  mutable int64_t handed_out_ = 0;
  mutable int64_t produced_ = 0;
  mutable std::shared_ptr<internal::ResultSource> source_;
  mutable absl::Status status_;
  QueryStats stats_;
  std::string plan_;
};

}  // namespace quiver

#endif  // QUIVER_RESULT_H_
