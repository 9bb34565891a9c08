// Database::ForEachNode / ForEachEdge / ForEachDocument: the iterators of a
// snapshot taken for the call (quiver/read_snapshot.h), as callbacks.

#include "quiver/database.h"
#include "quiver/iterator.h"
#include "quiver/read_snapshot.h"

namespace quiver {

namespace {

template <typename T, typename Fn>
absl::Status Drain(std::unique_ptr<Iterator<T>> it, const Fn& fn) {
  for (; it->Valid(); it->Next()) {
    if (!fn(it->value())) break;
  }
  return it->status();
}

}  // namespace

absl::Status Database::ForEachNode(const std::function<bool(const Node&)>& fn) const {
  return Drain(GetSnapshot()->NewNodeIterator(), fn);
}

absl::Status Database::ForEachEdge(const std::function<bool(const Edge&)>& fn) const {
  return Drain(GetSnapshot()->NewEdgeIterator(), fn);
}

absl::Status Database::ForEachDocument(const std::function<bool(const Document&)>& fn) const {
  return Drain(GetSnapshot()->NewDocumentIterator(), fn);
}

}  // namespace quiver
