// kg.* procedures: a user's corrections of entity resolution.
//
//   CALL kg.merge(a, b) YIELD node        b merged into a (nodes or names)
//   CALL kg.split(n, "alias") YIELD node  the alias split off n: the new node
//   CALL kg.merges() YIELD seq, kind, node, other, names, reason, time, edges
//   CALL kg.mentions(n) YIELD doc, source, mention, name, reason, store,
//                             count, created
//
// Merging and splitting write (Procedure::writes), so the statement runs in
// a write transaction and the change is in the store entirely or not at all;
// both are logged in the store's curation log, which kg.merges() lists, and
// later ingests respect them (graph/node_merger.h, graph/node_splitter.h).
// kg.mentions explains ingest's own merges from the documents' provenance:
// how each document wrote the node and why that landed on it.

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "graph/curation.h"
#include "graph/node_merger.h"
#include "graph/node_splitter.h"
#include "graph/reader.h"
#include "graph/write_txn.h"
#include "query/exec/context.h"
#include "query/procedures/registry.h"
#include "util/status_macros.h"

namespace quiver::query {

namespace {

absl::Status Bad(std::string_view proc, std::string_view what) {
  return absl::InvalidArgumentError(absl::StrCat(std::string(proc), ": ", std::string(what)));
}

absl::Status InProc(std::string_view proc, const absl::Status& status) {
  return absl::Status(status.code(), absl::StrCat(std::string(proc), ": ", status.message()));
}

// A node argument: a node, or a name (or alias) that exactly one node has.
absl::StatusOr<NodeId> NodeArg(std::string_view proc, std::string_view param,
                               const graph::Reader& reader, const Value& v) {
  if (v.is_node()) return v.AsNode().id;
  if (!v.is_string()) {
    return Bad(proc, absl::StrCat("argument `", std::string(param),
                                  "` must be a node or a node's name, not ",
                                  v.is_null() ? "null" : Value::TypeName(v.type())));
  }
  QUIVER_ASSIGN_OR_RETURN(std::vector<NodeId> ids, reader.FindNodesByName(v.AsString()));
  if (ids.empty()) return Bad(proc, absl::StrCat("no node is named \"", v.AsString(), "\""));
  if (ids.size() > 1) {
    std::string list;
    for (NodeId id : ids) absl::StrAppend(&list, list.empty() ? "" : ", ", id);
    return Bad(proc, absl::StrCat(ids.size(), " nodes are named \"", v.AsString(), "\" (ids ",
                                  list, "); pass the node itself, e.g. from MATCH"));
  }
  return ids[0];
}

// The statement's write transaction: a procedure with `writes` set runs in
// an updating statement, whose reader is its WriteTxn.
absl::StatusOr<graph::WriteTxn*> Txn(std::string_view proc, const graph::Reader& reader) {
  auto* txn = dynamic_cast<const graph::WriteTxn*>(&reader);
  if (txn == nullptr) return Bad(proc, "needs a write transaction");
  return const_cast<graph::WriteTxn*>(txn);
}

absl::StatusOr<Value> NodeOf(const graph::Reader& reader, NodeId id) {
  QUIVER_ASSIGN_OR_RETURN(auto node, reader.GetNode(id));
  if (!node) return absl::InternalError(absl::StrCat("node ", id, " vanished"));
  return Value(ToNodeValue(*node));
}

absl::StatusOr<std::vector<ValueList>> Merge(const graph::Reader& reader, const ValueList& args) {
  constexpr std::string_view kName = "kg.merge";
  QUIVER_ASSIGN_OR_RETURN(graph::WriteTxn * txn, Txn(kName, reader));
  QUIVER_ASSIGN_OR_RETURN(NodeId kept, NodeArg(kName, "a", *txn, args[0]));
  QUIVER_ASSIGN_OR_RETURN(NodeId removed, NodeArg(kName, "b", *txn, args[1]));
  if (kept == removed) return Bad(kName, absl::StrCat("cannot merge node ", kept, " with itself"));
  auto merged = graph::MergeNodes(*txn, kept, removed, "user: kg.merge");
  if (!merged.ok()) return InProc(kName, merged.status());
  QUIVER_ASSIGN_OR_RETURN(Value node, NodeOf(*txn, kept));
  return std::vector<ValueList>{{std::move(node)}};
}

absl::StatusOr<std::vector<ValueList>> Split(const graph::Reader& reader, const ValueList& args) {
  constexpr std::string_view kName = "kg.split";
  QUIVER_ASSIGN_OR_RETURN(graph::WriteTxn * txn, Txn(kName, reader));
  QUIVER_ASSIGN_OR_RETURN(NodeId id, NodeArg(kName, "node", *txn, args[0]));
  if (!args[1].is_string()) {
    return Bad(kName, absl::StrCat("argument `alias` must be a string, not ",
                                   args[1].is_null() ? "null" : Value::TypeName(args[1].type())));
  }
  auto split = graph::SplitNode(*txn, id, args[1].AsString(), "user: kg.split");
  if (!split.ok()) return InProc(kName, split.status());
  QUIVER_ASSIGN_OR_RETURN(Value node, NodeOf(*txn, split->node));
  return std::vector<ValueList>{{std::move(node)}};
}

absl::StatusOr<std::vector<ValueList>> Merges(const graph::Reader& reader, const ValueList&) {
  QUIVER_ASSIGN_OR_RETURN(auto log, graph::CurationLog(reader));
  std::vector<ValueList> rows;
  for (const auto& r : log) {
    ValueList names;
    for (const auto& n : r.names) names.emplace_back(n);
    rows.push_back({Value(int64_t(r.seq)), Value(std::string(graph::CurationKindName(r.kind))),
                    Value(int64_t(r.node)), Value(int64_t(r.other)), Value(std::move(names)),
                    Value(r.reason),
                    Value(absl::FormatTime("%Y-%m-%dT%H:%M:%SZ",
                                           absl::FromUnixMicros(r.time_micros),
                                           absl::UTCTimeZone())),
                    Value(r.edges)});
  }
  return rows;
}

// One row per way a document wrote the node (MentionResolution), documents
// oldest first; a document stored before resolutions were kept (or bulk
// loaded) gives one row with null mention, name and reasons.
absl::StatusOr<std::vector<ValueList>> Mentions(const graph::Reader& reader,
                                                const ValueList& args) {
  constexpr std::string_view kName = "kg.mentions";
  QUIVER_ASSIGN_OR_RETURN(NodeId id, NodeArg(kName, "node", reader, args[0]));
  QUIVER_ASSIGN_OR_RETURN(auto node, reader.GetNode(id));
  if (!node) return Bad(kName, absl::StrCat("node ", id, " does not exist"));
  QUIVER_ASSIGN_OR_RETURN(std::vector<DocId> docs, reader.DocumentsNaming(id));
  std::vector<ValueList> rows;
  for (DocId doc : docs) {
    QUIVER_ASSIGN_OR_RETURN(auto mention, reader.GetMention(doc, id));
    if (!mention) continue;
    QUIVER_ASSIGN_OR_RETURN(auto document, reader.GetDocument(doc));
    Value source = document ? Value(document->source) : Value();
    auto text = [](const std::string& s) { return s.empty() ? Value() : Value(s); };
    if (mention->resolutions.empty()) {
      rows.push_back({Value(int64_t(doc)), source, Value(), Value(), Value(), Value(),
                      Value(mention->mentions), Value(mention->created)});
      continue;
    }
    for (const auto& r : mention->resolutions) {
      rows.push_back({Value(int64_t(doc)), source, Value(r.mention), Value(r.name),
                      text(r.reason), text(r.store), Value(r.count), Value(mention->created)});
    }
  }
  return rows;
}

}  // namespace

void RegisterKgProcedures(ProcedureRegistry& registry) {
  const ProcParam node{"node", ProcType::kNode};
  Procedure merge;
  merge.name = "kg.merge";
  merge.inputs = {{"a", ProcType::kAny}, {"b", ProcType::kAny}};
  merge.outputs = {node};
  merge.description =
      "Merges node b into node a (nodes, or names of one node each); yields a. Logged.";
  merge.fn = Merge;
  merge.writes = true;
  (void)registry.Register(std::move(merge));

  Procedure split;
  split.name = "kg.split";
  split.inputs = {{"node", ProcType::kAny}, {"alias", ProcType::kString}};
  split.outputs = {node};
  split.description =
      "Splits an alias off a node with the statements that named it so; yields the new node. "
      "Later ingests resolve the alias to the new node. Logged.";
  split.fn = Split;
  split.writes = true;
  (void)registry.Register(std::move(split));

  Procedure merges;
  merges.name = "kg.merges";
  merges.outputs = {{"seq", ProcType::kInt},      {"kind", ProcType::kString},
                    {"node", ProcType::kInt},     {"other", ProcType::kInt},
                    {"names", ProcType::kList},   {"reason", ProcType::kString},
                    {"time", ProcType::kString},  {"edges", ProcType::kInt}};
  merges.description =
      "The curation log: every kg.merge and kg.split, oldest first (node ids, names moved, "
      "reason, UTC time, relationships moved).";
  merges.fn = Merges;
  (void)registry.Register(std::move(merges));

  Procedure mentions;
  mentions.name = "kg.mentions";
  mentions.inputs = {{"node", ProcType::kAny}};
  mentions.outputs = {{"doc", ProcType::kInt},       {"source", ProcType::kString},
                      {"mention", ProcType::kString}, {"name", ProcType::kString},
                      {"reason", ProcType::kString},  {"store", ProcType::kString},
                      {"count", ProcType::kInt},      {"created", ProcType::kBool}};
  mentions.description =
      "Why ingest put each mention on a node: per document (oldest first) and mention as "
      "written, the name it resolved to, the document's reason, the store's reason (new node, "
      "same normalised name or alias of an existing node, labels that agreed), how many "
      "statements, and whether that document created the node.";
  mentions.fn = Mentions;
  (void)registry.Register(std::move(mentions));
}

}  // namespace quiver::query
