// Iterators over what a ReadSnapshot (quiver/read_snapshot.h) sees: its
// nodes, edges, documents and evidence, one record at a time, in id order,
// without copying the whole set. LevelDB's Iterator is the model.
//
//   std::unique_ptr<quiver::ReadSnapshot> snap = db->GetSnapshot();
//   for (auto it = snap->NewNodeIterator(); it->Valid(); it->Next()) {
//     const quiver::Node& node = it->value();
//     ...
//   }
//   // it->status() says whether the loop ended at the end or on an error.
//
// A new iterator is at its first record (or not Valid() when there is none).
//
// Lifetime: an iterator reads the state of the snapshot it came from and
// keeps that state alive itself: it may outlive the ReadSnapshot object,
// and even the Database (the store then stays open until the last iterator
// and snapshot are gone). value() is valid until the next Next() or Seek()
// or the iterator's destruction.
//
// Thread-safety: one thread at a time per iterator; several iterators of
// one snapshot may be used from several threads at once.

#ifndef QUIVER_ITERATOR_H_
#define QUIVER_ITERATOR_H_

#include <cstdint>

#include "absl/status/status.h"
#include "quiver/graph_types.h"

namespace quiver {

template <typename T>
class Iterator {
 public:
  Iterator() = default;
  Iterator(const Iterator&) = delete;
  Iterator& operator=(const Iterator&) = delete;
  virtual ~Iterator() = default;

  // Whether the iterator is at a record. False past the last one, and after
  // an error (status() tells the two apart).
  virtual bool Valid() const = 0;
  // Moves to the next record. REQUIRES: Valid().
  virtual void Next() = 0;
  // Moves to the first record whose id is at least `id` (for evidence: the
  // first statement of the first edge at least `id`), forwards or back; a
  // scan cut short resumes with Seek(last id + 1).
  virtual void Seek(uint64_t id) = 0;
  // The current record. REQUIRES: Valid().
  virtual const T& value() const = 0;
  // OK unless an error ended the iteration: kDataLoss for a record that
  // does not decode (the message names it) or a corrupted block.
  virtual absl::Status status() const = 0;
};

// Nodes by id; Node::aliases, labels and properties as GetNode gives them.
using NodeIterator = Iterator<Node>;
// Edges by id, with their type and properties as GetEdge gives them.
using EdgeIterator = Iterator<Edge>;
// Documents by id.
using DocumentIterator = Iterator<Document>;
// Statements by edge id, then document, then sentence (EvidenceFor's order
// within an edge), qualifiers included.
using EvidenceIterator = Iterator<Evidence>;

}  // namespace quiver

#endif  // QUIVER_ITERATOR_H_
