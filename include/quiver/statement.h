// quiver::PreparedStatement: one statement of Quiver's query language,
// parsed, checked and planned once by Database::Prepare, then run any
// number of times with different parameters.
//
//   auto st = db->Prepare("MATCH (a {name: $name})-[r]->(b) RETURN b.name");
//   if (!st.ok()) ...                        // SyntaxError ... line:column
//   for (const auto& name : names) {
//     auto result = st->Execute({{"name", quiver::Value(name)}});
//     ...
//   }
//
// What Prepare does once is what Database::Query would do on each call
// with a new text: the parse (most of a small query's fixed cost), the
// semantic checks and the plan. Compile-time errors (quiver/result.h
// describes their format) come from Prepare; Execute reports a missing
// parameter (the same ParameterMissing error Query gives) and runtime
// errors. Any statement can be prepared: reading, updating, EXPLAIN and
// PROFILE (PROFILE plans again on each Execute, so its figures are that
// run's own).
//
// Validity: a plan depends on the statement and on the procedures and
// functions it names, never on the data, so writes to the store (by this
// statement or any other) leave it valid and Execute sees them. Registering
// a procedure or function on the Database (quiver/extension.h) makes the
// next Execute plan again, so a name registered after Prepare is found.
//
// Ownership: a PreparedStatement refers to its Database, which must outlive
// it and the Results it returns. Copies share one prepared plan.
//
// Thread-safety: Execute may be called from several threads at once on the
// same PreparedStatement (or copies of it); each call's Result is its own.

#ifndef QUIVER_STATEMENT_H_
#define QUIVER_STATEMENT_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "quiver/result.h"
#include "quiver/value.h"

namespace quiver {

class Database;

class PreparedStatement {
 public:
  // Runs the statement with `params` bound to $name, as Database::Query
  // would run its text. Errors: as Database::Query's, except that
  // compile-time errors other than a missing parameter came from Prepare.
  absl::StatusOr<Result> Execute(const ValueMap& params = {},
                                 const QueryOptions& options = QueryOptions()) const;

  // The statement as given to Prepare.
  const std::string& text() const;
  // The columns every Result of it has (empty for a statement without
  // RETURN).
  const std::vector<std::string>& columns() const;
  // The parameters Execute needs, by first use ($name without the '$').
  const std::vector<std::string>& parameters() const;
  // False when the statement may change the store (CREATE, MERGE, SET,
  // DELETE, REMOVE, or a procedure that writes).
  bool read_only() const;

  // What Database::Prepare made (api/prepared_statement.h).
  struct Impl;

 private:
  friend class Database;
  explicit PreparedStatement(std::shared_ptr<Impl> impl);
  std::shared_ptr<Impl> impl_;
};

}  // namespace quiver

#endif  // QUIVER_STATEMENT_H_
