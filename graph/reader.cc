#include "graph/reader.h"

#include <algorithm>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "graph/coding.h"
#include "graph/name_normalizer.h"
#include "graph/rocksdb_status.h"
#include "graph/store.h"
#include "rocksdb/db.h"
#include "util/status_macros.h"
#include "util/strings.h"

namespace quiver::graph {

// The upper bound Slice must outlive the iterator that points at it, so it
// lives on the heap beside it.
struct CursorBounds {
  std::string upper;
  rocksdb::Slice upper_slice;
  rocksdb::ReadOptions read_options;
};

Cursor::Cursor(std::string prefix, const rocksdb::ReadOptions& base,
               const IteratorFactory& make_iterator, std::string context)
    : prefix_(std::move(prefix)),
      bounds_(std::make_unique<CursorBounds>()),
      context_(std::move(context)) {
  bounds_->read_options = base;
  bounds_->upper = PrefixSuccessor(prefix_);
  if (!bounds_->upper.empty()) {
    bounds_->upper_slice = rocksdb::Slice(bounds_->upper);
    bounds_->read_options.iterate_upper_bound = &bounds_->upper_slice;
  }
  it_.reset(make_iterator(bounds_->read_options));
  it_->Seek(prefix_);
}

Cursor::~Cursor() = default;

bool Cursor::Valid() const {
  // The explicit prefix check also covers iterators (a write batch merged
  // over the base) that do not honour iterate_upper_bound.
  return it_->Valid() && it_->key().starts_with(prefix_);
}

void Cursor::Next() { it_->Next(); }

void Cursor::SeekWithinPrefix(std::string_view suffix) {
  it_->Seek(prefix_ + std::string(suffix));
}

std::string_view Cursor::key() const {
  rocksdb::Slice k = it_->key();
  return {k.data(), k.size()};
}

std::string_view Cursor::value() const {
  rocksdb::Slice v = it_->value();
  return {v.data(), v.size()};
}

absl::Status Cursor::status() const { return FromRocksDb(it_->status(), context_); }

std::optional<TermId> Reader::FindTerm(std::string_view text) const {
  return store_.FindTerm(text);
}

std::string Reader::TermText(TermId id) const { return store_.TermText(id); }

std::string Reader::Context(std::string_view what) const {
  return absl::StrCat("store ", store_.path(), ": ", util::Absl(what));
}

absl::StatusOr<std::optional<Node>> Reader::GetNode(NodeId id) const {
  QUIVER_ASSIGN_OR_RETURN(auto raw, Get(Cf::kNodes, IdKey(id)));
  if (!raw) return std::nullopt;
  Node node;
  if (!DecodeNode(*raw, &node)) {
    return absl::DataLossError(Context(absl::StrCat(
        "corrupted node record ", id, " in column family nodes")));
  }
  node.id = id;
  return node;
}

absl::StatusOr<std::optional<EdgeRecord>> Reader::GetEdgeRecord(EdgeId id) const {
  QUIVER_ASSIGN_OR_RETURN(auto raw, Get(Cf::kEdges, IdKey(id)));
  if (!raw) return std::nullopt;
  EdgeRecord record;
  if (!DecodeEdge(*raw, &record)) {
    return absl::DataLossError(Context(absl::StrCat(
        "corrupted edge record ", id, " in column family edges")));
  }
  return record;
}

Edge Reader::ToEdge(EdgeId id, EdgeRecord record) const {
  Edge edge;
  edge.id = id;
  edge.src = record.src;
  edge.dst = record.dst;
  edge.type = TermText(record.type);
  edge.properties = std::move(record.properties);
  return edge;
}

absl::StatusOr<std::optional<Edge>> Reader::GetEdge(EdgeId id) const {
  QUIVER_ASSIGN_OR_RETURN(auto record, GetEdgeRecord(id));
  if (!record) return std::nullopt;
  return ToEdge(id, std::move(*record));
}

absl::StatusOr<std::vector<NodeId>> Reader::FindNodesByName(
    std::string_view name) const {
  std::vector<NodeId> ids;
  auto cursor = Scan(Cf::kNames, NamePrefix(NormalizeName(name)));
  for (; cursor->Valid(); cursor->Next()) {
    ids.push_back(NodeFromNameKey(cursor->key()));
  }
  QUIVER_RETURN_IF_ERROR(cursor->status());
  return ids;
}

absl::Status Reader::ScanAdjacent(NodeId node, Direction direction,
                                  std::optional<TermId> type,
                                  std::optional<NodeId> other,
                                  absl::FunctionRef<bool(const AdjEntry&)> fn) const {
  std::string prefix = !type    ? AdjPrefix(node)
                       : !other ? AdjPrefix(node, *type)
                                : AdjPrefix(node, *type, *other);
  for (Cf cf : {Cf::kOut, Cf::kIn}) {
    bool outgoing = cf == Cf::kOut;
    if (direction == (outgoing ? Direction::kIncoming : Direction::kOutgoing))
      continue;
    auto cursor = Scan(cf, prefix);
    for (; cursor->Valid(); cursor->Next()) {
      AdjEntry e;
      bool ok = outgoing ? DecodeOutKey(cursor->key(), &e)
                         : DecodeInKey(cursor->key(), &e);
      if (!ok) {
        return absl::DataLossError(Context(absl::StrCat(
            "corrupted key in column family ", CfName(cf))));
      }
      if (other && !type && (outgoing ? e.dst : e.src) != *other) continue;
      if (!fn(e)) return cursor->status();
    }
    QUIVER_RETURN_IF_ERROR(cursor->status());
  }
  return absl::OkStatus();
}

absl::StatusOr<std::vector<EdgeId>> Reader::EdgesAt(NodeId node) const {
  std::vector<EdgeId> edges;
  QUIVER_RETURN_IF_ERROR(ScanAdjacent(node, Direction::kBoth, std::nullopt, std::nullopt,
                                      [&](const AdjEntry& e) {
                                        edges.push_back(e.edge);
                                        return true;
                                      }));
  std::sort(edges.begin(), edges.end());
  edges.erase(std::unique(edges.begin(), edges.end()), edges.end());  // Self-loops.
  return edges;
}

absl::Status Reader::ScanLabel(TermId label,
                               absl::FunctionRef<bool(NodeId)> fn) const {
  auto cursor = Scan(Cf::kLabels, LabelPrefix(label));
  for (; cursor->Valid(); cursor->Next()) {
    if (cursor->key().size() != kTermSize + kIdSize) {
      return absl::DataLossError(Context("corrupted key in column family labels"));
    }
    if (!fn(DecodeFixed64BE(cursor->key().data() + kTermSize))) break;
  }
  return cursor->status();
}

absl::Status Reader::ScanNodes(absl::FunctionRef<bool(NodeId)> fn) const {
  auto cursor = Scan(Cf::kNodes, "");
  for (; cursor->Valid(); cursor->Next()) {
    if (cursor->key().size() != kIdSize) {
      return absl::DataLossError(Context("corrupted key in column family nodes"));
    }
    if (!fn(DecodeIdKey(cursor->key()))) break;
  }
  return cursor->status();
}

absl::Status Reader::ScanEdges(std::optional<TermId> type,
                               absl::FunctionRef<bool(const AdjEntry&)> fn) const {
  auto cursor = Scan(Cf::kByType, type ? ByTypePrefix(*type) : std::string());
  for (; cursor->Valid(); cursor->Next()) {
    AdjEntry e;
    if (!DecodeByTypeKey(cursor->key(), &e)) {
      return absl::DataLossError(Context("corrupted key in column family by_type"));
    }
    if (!fn(e)) break;
  }
  return cursor->status();
}

absl::StatusOr<std::vector<Evidence>> Reader::EvidenceFor(EdgeId edge) const {
  std::vector<Evidence> out;
  auto cursor = Scan(Cf::kEvidence, IdKey(edge));
  for (; cursor->Valid(); cursor->Next()) {
    Evidence e;
    if (!DecodeEvidenceKey(cursor->key(), &e.edge, &e.doc, &e.sentence) ||
        !DecodeEvidence(cursor->value(), &e)) {
      return absl::DataLossError(Context(absl::StrCat(
          "corrupted evidence record of edge ", edge)));
    }
    out.push_back(std::move(e));
  }
  QUIVER_RETURN_IF_ERROR(cursor->status());
  // Each statement's qualifiers (its time among them) are in its provenance
  // mirror; a mirror missing or written before qualifiers were kept gives
  // none (quiver check reports the missing one).
  for (Evidence& e : out) {
    QUIVER_ASSIGN_OR_RETURN(auto raw, Get(Cf::kProvenance, DocEvidenceKey(e.doc, edge, e.sentence)));
    StatementRecord statement;
    if (raw && DecodeStatement(*raw, &statement)) e.qualifiers = std::move(statement.qualifiers);
  }
  return out;
}

absl::StatusOr<std::optional<MentionRecord>> Reader::GetMention(DocId doc, NodeId node) const {
  QUIVER_ASSIGN_OR_RETURN(auto raw, Get(Cf::kProvenance, DocNodeKey(doc, node)));
  if (!raw) return std::nullopt;
  MentionRecord mention;
  if (!DecodeMention(*raw, &mention)) {
    return absl::DataLossError(Context(
        absl::StrCat("corrupted mention record of document ", doc, ", node ", node)));
  }
  return mention;
}

absl::StatusOr<std::vector<DocId>> Reader::DocumentsNaming(NodeId node) const {
  std::vector<DocId> docs;
  auto cursor = Scan(Cf::kProvenance, NodeDocPrefix(node));
  for (; cursor->Valid(); cursor->Next()) {
    uint64_t n = 0, doc = 0;
    if (!DecodeIdPairKey(cursor->key(), &n, &doc)) {
      return absl::DataLossError(Context("corrupted key in column family provenance"));
    }
    docs.push_back(doc);
  }
  QUIVER_RETURN_IF_ERROR(cursor->status());
  return docs;
}

absl::StatusOr<std::optional<Document>> Reader::GetDocument(DocId id) const {
  QUIVER_ASSIGN_OR_RETURN(auto raw, Get(Cf::kDocs, IdKey(id)));
  if (!raw) return std::nullopt;
  Document doc;
  if (!DecodeDocument(*raw, &doc)) {
    return absl::DataLossError(Context(absl::StrCat(
        "corrupted document record ", id, " in column family docs")));
  }
  doc.id = id;
  return doc;
}

absl::StatusOr<std::optional<DocId>> Reader::FindDocumentByHash(
    std::string_view hash) const {
  QUIVER_ASSIGN_OR_RETURN(auto raw, Get(Cf::kHashes, hash));
  if (!raw) return std::nullopt;
  if (raw->size() != kIdSize) {
    return absl::DataLossError(Context("corrupted value in column family hashes"));
  }
  return DecodeIdKey(*raw);
}

absl::StatusOr<std::vector<Document>> Reader::Documents() const {
  std::vector<Document> docs;
  auto cursor = Scan(Cf::kDocs, "");
  for (; cursor->Valid(); cursor->Next()) {
    Document doc;
    if (cursor->key().size() != kIdSize || !DecodeDocument(cursor->value(), &doc)) {
      return absl::DataLossError(Context("corrupted record in column family docs"));
    }
    doc.id = DecodeIdKey(cursor->key());
    docs.push_back(std::move(doc));
  }
  QUIVER_RETURN_IF_ERROR(cursor->status());
  return docs;
}

namespace {

class SnapshotReader : public Reader {
 public:
  explicit SnapshotReader(const Store& store)
      : Reader(store),
        // A secondary instance changes only when asked to catch up, and
        // does not serve snapshots; its implicit read state is the view.
        snapshot_(store.read_only() ? nullptr : store.db()->GetSnapshot()) {
    read_options_.snapshot = snapshot_;
  }
  ~SnapshotReader() override {
    if (snapshot_) store().db()->ReleaseSnapshot(snapshot_);
  }

  absl::StatusOr<std::optional<std::string>> Get(
      Cf cf, std::string_view key) const override {
    std::string value;
    rocksdb::Status s = store().db()->Get(read_options_, store().handle(cf),
                                          rocksdb::Slice(key.data(), key.size()),
                                          &value);
    if (s.IsNotFound()) return std::nullopt;
    QUIVER_RETURN_IF_ERROR(FromRocksDb(
        s, Context(absl::StrCat("reading column family ", CfName(cf)))));
    return value;
  }

  std::unique_ptr<Cursor> Scan(Cf cf, std::string_view prefix) const override {
    rocksdb::DB* db = store().db();
    rocksdb::ColumnFamilyHandle* handle = store().handle(cf);
    return std::make_unique<Cursor>(
        std::string(prefix), read_options_,
        [db, handle](const rocksdb::ReadOptions& ro) {
          return db->NewIterator(ro, handle);
        },
        Context(absl::StrCat("scanning column family ", CfName(cf))));
  }

 private:
  const rocksdb::Snapshot* snapshot_;
  rocksdb::ReadOptions read_options_;
};

}  // namespace

std::unique_ptr<Reader> NewSnapshotReader(const Store& store) {
  return std::make_unique<SnapshotReader>(store);
}

}  // namespace quiver::graph
