#include "api/read_iterators.h"

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "graph/key_format.h"
#include "graph/records.h"
#include "util/strings.h"

namespace quiver::internal {

namespace {

// Reads one record at the cursor into `out`. Errors: kDataLoss.
template <typename T>
using Decoder = absl::Status (*)(const graph::Reader& reader, std::string_view key,
                                 std::string_view value, T* out);

// An iterator over one column family whose keys are 8-byte big-endian ids
// (nodes, edges, docs): a cursor and a decoder. Errors are sticky: after
// one, the iterator stays invalid whatever is called.
template <typename T>
class RecordIterator : public Iterator<T> {
 public:
  RecordIterator(std::shared_ptr<const ReadState> state, graph::Cf cf, Decoder<T> decode)
      : state_(std::move(state)), cursor_(state_->reader->Scan(cf, "")), decode_(decode) {
    Load();
  }

  bool Valid() const override { return valid_; }
  void Next() override {
    if (!valid_) return;
    cursor_->Next();
    Load();
  }
  void Seek(uint64_t id) override {
    if (!status_.ok()) return;
    cursor_->SeekWithinPrefix(graph::IdKey(id));
    Load();
  }
  const T& value() const override { return value_; }
  absl::Status status() const override { return status_; }

 private:
  void Load() {
    valid_ = false;
    if (!cursor_->Valid()) {
      status_ = cursor_->status();
      return;
    }
    value_ = T();
    status_ = decode_(*state_->reader, cursor_->key(), cursor_->value(), &value_);
    valid_ = status_.ok();
  }

  const std::shared_ptr<const ReadState> state_;
  const std::unique_ptr<graph::Cursor> cursor_;
  const Decoder<T> decode_;
  T value_;
  bool valid_ = false;
  absl::Status status_;
};

absl::Status Corrupted(const graph::Reader& reader, std::string_view what, std::string_view key,
                       std::string_view family) {
  std::string id = key.size() == graph::kIdSize
                       ? absl::StrCat(" ", graph::DecodeIdKey(key))
                       : std::string(" with a key of the wrong size");
  return absl::DataLossError(absl::StrCat("store ", reader.store().path(), ": corrupted ",
                                          util::Absl(what), id, " in column family ",
                                          util::Absl(family)));
}

absl::Status DecodeNodeAt(const graph::Reader& reader, std::string_view key,
                          std::string_view value, Node* node) {
  if (key.size() != graph::kIdSize || !graph::DecodeNode(value, node))
    return Corrupted(reader, "node record", key, "nodes");
  node->id = graph::DecodeIdKey(key);
  return absl::OkStatus();
}

absl::Status DecodeEdgeAt(const graph::Reader& reader, std::string_view key,
                          std::string_view value, Edge* edge) {
  graph::EdgeRecord record;
  if (key.size() != graph::kIdSize || !graph::DecodeEdge(value, &record))
    return Corrupted(reader, "edge record", key, "edges");
  *edge = reader.ToEdge(graph::DecodeIdKey(key), std::move(record));
  return absl::OkStatus();
}

absl::Status DecodeDocumentAt(const graph::Reader& reader, std::string_view key,
                              std::string_view value, Document* doc) {
  if (key.size() != graph::kIdSize || !graph::DecodeDocument(value, doc))
    return Corrupted(reader, "document record", key, "docs");
  doc->id = graph::DecodeIdKey(key);
  return absl::OkStatus();
}

// Statements come one edge at a time from Reader::EvidenceFor (which joins
// each with its qualifiers from the provenance mirror): the cursor only
// finds the next edge with evidence, so memory holds one edge's statements.
class StatementIterator : public EvidenceIterator {
 public:
  StatementIterator(std::shared_ptr<const ReadState> state, std::optional<EdgeId> edge)
      : state_(std::move(state)),
        only_(edge),
        cursor_(state_->reader->Scan(graph::Cf::kEvidence,
                                     edge ? graph::IdKey(*edge) : std::string())) {
    LoadEdge();
  }

  bool Valid() const override { return at_ < batch_.size(); }
  void Next() override {
    if (!Valid()) return;
    if (++at_ == batch_.size()) LoadEdge();
  }
  void Seek(uint64_t id) override {
    if (!status_.ok()) return;
    // One edge's iterator starts over at or below its id and ends above it.
    exhausted_ = only_ && id > *only_;
    if (!exhausted_) cursor_->SeekWithinPrefix(only_ ? std::string() : graph::IdKey(id));
    LoadEdge();
  }
  const Evidence& value() const override { return batch_[at_]; }
  absl::Status status() const override { return status_; }

 private:
  // The statements of the next edge at or after the cursor that has any,
  // leaving the cursor past them.
  void LoadEdge() {
    batch_.clear();
    at_ = 0;
    while (batch_.empty() && !exhausted_) {
      if (!cursor_->Valid()) {
        status_ = cursor_->status();
        return;
      }
      if (cursor_->key().size() < graph::kIdSize) {
        status_ = Corrupted(*state_->reader, "evidence", cursor_->key(), "evidence");
        return;
      }
      const EdgeId edge = graph::DecodeIdKey(cursor_->key());
      absl::StatusOr<std::vector<Evidence>> statements = state_->reader->EvidenceFor(edge);
      if (!statements.ok()) {
        status_ = statements.status();
        return;
      }
      batch_ = std::move(*statements);
      exhausted_ = only_ || edge == UINT64_MAX;
      if (!exhausted_) cursor_->SeekWithinPrefix(graph::IdKey(edge + 1));
    }
  }

  const std::shared_ptr<const ReadState> state_;
  const std::optional<EdgeId> only_;
  const std::unique_ptr<graph::Cursor> cursor_;
  std::vector<Evidence> batch_;
  size_t at_ = 0;
  bool exhausted_ = false;  // No edge after the batch's.
  absl::Status status_;
};

}  // namespace

std::unique_ptr<NodeIterator> NewNodeIterator(std::shared_ptr<const ReadState> state) {
  return std::make_unique<RecordIterator<Node>>(std::move(state), graph::Cf::kNodes,
                                                &DecodeNodeAt);
}

std::unique_ptr<EdgeIterator> NewEdgeIterator(std::shared_ptr<const ReadState> state) {
  return std::make_unique<RecordIterator<Edge>>(std::move(state), graph::Cf::kEdges,
                                                &DecodeEdgeAt);
}

std::unique_ptr<DocumentIterator> NewDocumentIterator(std::shared_ptr<const ReadState> state) {
  return std::make_unique<RecordIterator<Document>>(std::move(state), graph::Cf::kDocs,
                                                    &DecodeDocumentAt);
}

std::unique_ptr<EvidenceIterator> NewEvidenceIterator(std::shared_ptr<const ReadState> state,
                                                      std::optional<EdgeId> edge) {
  return std::make_unique<StatementIterator>(std::move(state), edge);
}

}  // namespace quiver::internal
