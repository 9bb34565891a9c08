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
// ProcedureError, or Quiver's own LimitExceeded), group 2 the phase and
// group 3, when present, the TCK's detail code (UndefinedVariable,
// InvalidArgumentType, DeleteConnectedNode, ...). The same facts are attached
// as payloads: status.GetPayload("quiver/error-type"), "quiver/error-phase",
// "quiver/error-detail". Codes: kInvalidArgument for compile-time errors and
// runtime type/argument errors, kNotFound for EntityNotFound,
// kFailedPrecondition for ConstraintVerificationFailed, kResourceExhausted
// when a QueryOptions limit is exceeded (the message names the limit).
//
// Thread-safety: a Result is a value; distinct Results may be used from
// different threads.

#ifndef QUIVER_RESULT_H_
#define QUIVER_RESULT_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

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

// The rows of a statement: named columns and one ValueList per row, in the
// order the statement defines (or unspecified without ORDER BY).
// Iterate with `for (const ValueList& row : result)` or with Next().
class Result {
 public:
  Result() = default;
  Result(std::vector<std::string> columns, std::vector<ValueList> rows)
      : columns_(std::move(columns)), rows_(std::move(rows)) {}

  const std::vector<std::string>& columns() const { return columns_; }
  size_t size() const { return rows_.size(); }
  bool empty() const { return rows_.empty(); }
  // REQUIRES: i < size().
  const ValueList& row(size_t i) const { return rows_[i]; }
  const std::vector<ValueList>& rows() const { return rows_; }

  std::vector<ValueList>::const_iterator begin() const { return rows_.begin(); }
  std::vector<ValueList>::const_iterator end() const { return rows_.end(); }

  // Cursor-style reading: moves the next row into *row and returns true, or
  // returns false after the last row. Rows handed out are released.
  bool Next(ValueList* row) {
    if (next_ >= rows_.size()) return false;
    *row = std::move(rows_[next_++]);
    return true;
  }

  const QueryStats& stats() const { return stats_; }
  // EXPLAIN and PROFILE: the plan tree (PROFILE with rows and time per
  // operator); empty otherwise.
  const std::string& plan() const { return plan_; }

  // For the query engine.
  QueryStats* mutable_stats() { return &stats_; }
  void set_plan(std::string plan) { plan_ = std::move(plan); }

 private:
  std::vector<std::string> columns_;
  std::vector<ValueList> rows_;
  size_t next_ = 0;
  QueryStats stats_;
  std::string plan_;
};

}  // namespace quiver

#endif  // QUIVER_RESULT_H_
