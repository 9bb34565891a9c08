// quiver::Database: an embedded knowledge-graph store.
//
// A Database is a directory holding a RocksDB store of nodes, edges, the
// evidence for every edge, and the documents it came from. One process may
// hold a store for writing; any number may read it (Options::read_only).
//
// Thread-safety: all methods may be called from several threads at once.
// Writes are serialised; each read sees one consistent state of the store.

#ifndef QUIVER_DATABASE_H_
#define QUIVER_DATABASE_H_

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "quiver/check.h"
#include "quiver/extension.h"
#include "quiver/graph_types.h"
#include "quiver/options.h"
#include "quiver/read_snapshot.h"
#include "quiver/result.h"
#include "quiver/statement.h"

namespace quiver {

namespace internal {
struct DatabaseAccess;
}  // namespace internal

class Database {
 public:
  // Opens the store at `path`, creating it when options.create_if_missing.
  // Errors: kNotFound (no store and create_if_missing is false),
  // kInvalidArgument (path is not a Quiver store), kFailedPrecondition (a
  // store of an unsupported format version), kUnavailable (another writer
  // holds the store; the message names its process), kDataLoss (corrupted).
  static absl::StatusOr<std::unique_ptr<Database>> Open(
      std::string_view path, const Options& options = Options());

  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  ~Database();

  // Adds a document and every triple it states in one atomic write: after a
  // crash the document is in the store entirely or not at all. A document
  // whose content is already stored changes nothing (result.duplicate).
  // Errors: kInvalidArgument for a triple with an empty subject, relation or
  // object; kFailedPrecondition on a read-only store.
  absl::StatusOr<AddResult> AddDocument(const DocumentInput& document);

  // Adds `documents` in the order given, each as AddDocument would (each
  // sees the ones before it: a repeated content is a duplicate, a repeated
  // source replaces), all in one atomic write: after an error or a crash
  // none of them is stored. Returns one AddResult per document, in order.
  // Into an empty store, or with at least 20,000 statements, the batch is
  // written through a staging copy and sorted files ingested in one step,
  // so memory stays bounded whatever the batch's size; otherwise every write
  // is held until the one commit (docs/scale-out.md).
  // Errors: as AddDocument, the message naming the document's source;
  // nothing is written then.
  absl::StatusOr<std::vector<AddResult>> AddDocuments(
      const std::vector<DocumentInput>& documents);

  // Extracts facts from `document.content` (plain text: sentences, parse,
  // entities; see docs/extraction.md), adds them to `document.triples` and
  // stores the result as AddDocument does. `document.date`, when given, may
  // be written as documents write dates ("2016-10-12", "October 12, 2016",
  // RFC 822); it is stored normalised to ISO 8601 and dates the statements'
  // time expressions ("on Tuesday"). Re-ingesting unchanged content changes
  // nothing. Errors: as AddDocument; kInvalidArgument for a date that does
  // not read as one; kFailedPrecondition when the link-grammar English
  // dictionary is missing.
  absl::StatusOr<AddResult> Ingest(const DocumentInput& document);

  // Takes every document stored under `source` out of the store, in one
  // atomic write: its evidence goes, facts left without evidence go, and
  // nodes that only it named go (never nodes a query created). Adding a
  // document under a stored source with other content does the same to the
  // old version first. Errors: kNotFound naming the source when no document
  // has it; kFailedPrecondition on a read-only store.
  absl::StatusOr<RemoveResult> RemoveDocument(std::string_view source);

  // Nodes whose name or an alias matches `name` ignoring case, accents and
  // runs of white space ("Francois  HOLLANDE" finds "François Hollande"),
  // lowest id first. An empty vector when none does.
  absl::StatusOr<std::vector<Node>> FindNodes(std::string_view name) const;

  // Errors: kNotFound when no node or edge has that id.
  absl::StatusOr<Node> GetNode(NodeId id) const;
  absl::StatusOr<Edge> GetEdge(EdgeId id) const;

  // Edges at `node` in the given direction, optionally of one type only;
  // ordered by type, then far node, then edge id.
  absl::StatusOr<std::vector<Neighbor>> Neighbors(
      NodeId node, Direction direction,
      std::optional<std::string_view> type = std::nullopt) const;

  // The same edges as Neighbors, in the same order, from the adjacency index
  // alone: no edge record is read (GetEdge gives one), which makes a
  // one-hop step several times cheaper.
  absl::StatusOr<std::vector<Adjacency>> Adjacent(
      NodeId node, Direction direction,
      std::optional<std::string_view> type = std::nullopt) const;

  // Every statement of an edge, by document then sentence.
  absl::StatusOr<std::vector<Evidence>> EvidenceFor(EdgeId edge) const;

  // Errors: kNotFound.
  absl::StatusOr<Document> GetDocument(DocId id) const;

  // Makes `node` findable by `alias` too. Errors: kNotFound, kInvalidArgument.
  absl::Status AddAlias(NodeId node, std::string_view alias);

  absl::StatusOr<Stats> GetStats() const;

  // Runs one statement of Quiver's query language (openCypher; see
  // docs/query-language.md) with `params` bound to $name. Read statements
  // see one consistent snapshot; updating statements commit atomically or
  // change nothing. Errors: typed query errors (quiver/result.h explains
  // their format), kResourceExhausted when a QueryOptions limit is exceeded.
  absl::StatusOr<Result> Query(std::string_view text, const ValueMap& params = {},
                               const QueryOptions& options = QueryOptions());

  // Parses, checks and plans `text` once, for PreparedStatement::Execute
  // to run many times with different parameters (quiver/statement.h says
  // what stays valid and what is thread-safe). Errors: the statement's
  // compile-time errors, as Query gives them (line, column and caret).
  absl::StatusOr<PreparedStatement> Prepare(std::string_view text);

  // Adds a scalar function or a procedure to this Database's query
  // language (quiver/extension.h: names, types, errors, threading).
  // Errors: kInvalidArgument for a malformed name or signature (a
  // defaulted argument before one without, two columns of one name) or an
  // empty callable; kAlreadyExists when the name is a built-in's (for a
  // procedure: unless signature.replace_builtin) or already registered here.
  absl::Status RegisterFunction(const FunctionSignature& signature, ScalarFunction fn);
  absl::Status RegisterProcedure(const ProcedureSignature& signature, ProcedureFunction fn);

  // Verifies the store against its own invariants (quiver/check.h): every
  // index entry has its record and every record its index entries, the
  // counters equal what is stored, evidence, provenance and documents agree,
  // the curation log is well-formed. Reads one consistent snapshot; changes
  // nothing. Keeps at most `max_problems` problems (all are counted).
  // Errors: kDataLoss when RocksDB finds a corrupted block (a record that
  // does not decode is a problem in the report, not an error).
  absl::StatusOr<CheckReport> Check(size_t max_problems = 1000) const;

  // Read-only stores: makes the writer's commits so far visible.
  // A no-op on a writable store. Errors: kFailedPrecondition on a read-only
  // store while a ReadSnapshot is open (it must keep seeing one state).
  absl::Status CatchUp();

  // ---- Reading one point in time (quiver/read_snapshot.h) ----

  // A snapshot of the store as of now: lookups, iterators, queries and
  // exports made through it all see this state, whatever is committed
  // afterwards. The caller owns it; it may outlive the Database (the store
  // stays open until it is gone). On a read-only store, CatchUp fails while
  // a snapshot is open.
  std::unique_ptr<ReadSnapshot> GetSnapshot() const;

  // Every node, edge or document of one consistent state of the store, in
  // id order, handed to `fn` until it returns false: the iterators of a
  // snapshot taken for the call (ReadSnapshot::NewNodeIterator...). Writers
  // are not held up; the iteration does not see what they commit
  // meanwhile, including writes `fn` itself makes. Errors: kDataLoss for a
  // record that does not decode.
  absl::Status ForEachNode(const std::function<bool(const Node&)>& fn) const;
  absl::Status ForEachEdge(const std::function<bool(const Edge&)>& fn) const;
  absl::Status ForEachDocument(const std::function<bool(const Document&)>& fn) const;

  const std::string& path() const;

 private:
  // What a Database holds (api/database_impl.h). The modules that extend
  // this class from the inside (query, diagrams, algorithms, exports) reach
  // it through internal::DatabaseAccess (api/database_access.h), a header
  // outside include/ that programs using Quiver cannot include.
  struct Impl;
  friend struct internal::DatabaseAccess;

  explicit Database(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace quiver

#endif  // QUIVER_DATABASE_H_
