#include "graph/snapshot_cache.h"

#include "absl/strings/str_cat.h"
#include "graph/reader.h"
#include "graph/snapshot.h"
#include "graph/store.h"
#include "graph/write_txn.h"
#include "util/status_macros.h"

namespace quiver::graph {

namespace {

// What identifies a store's topology as `reader` sees it (snapshot_cache.h
// says why these four keys suffice). The store id is not needed: the cache
// belongs to one store.
absl::StatusOr<std::string> StateKey(const Reader& reader) {
  std::string key;
  for (std::string_view name :
       {meta::kNextNodeId, meta::kNextEdgeId, meta::kNodeCount, meta::kEdgeCount}) {
    QUIVER_ASSIGN_OR_RETURN(auto value, reader.Get(Cf::kMeta, name));
    absl::StrAppend(&key, value.value_or(""), "|");
  }
  return key;
}

bool IsWriteTxn(const Reader& reader) {
  return dynamic_cast<const WriteTxn*>(&reader) != nullptr;
}

}  // namespace

SnapshotCache::SnapshotPtr SnapshotCache::FindLocked(const std::string& key) {
  for (size_t i = 0; i < entries_.size(); ++i) {
    if (entries_[i].first != key) continue;
    auto hit = std::move(entries_[i]);
    entries_.erase(entries_.begin() + i);
    entries_.insert(entries_.begin(), std::move(hit));
    return entries_.front().second;
  }
  return nullptr;
}

absl::StatusOr<SnapshotCache::SnapshotPtr> SnapshotCache::Get(const Reader& reader) {
  if (IsWriteTxn(reader)) {
    QUIVER_ASSIGN_OR_RETURN(SnapshotPtr snap,
                            Snapshot::Build(reader));
    quiver::MutexLock lock(&mu_);
    ++builds_;
    return snap;
  }
  QUIVER_ASSIGN_OR_RETURN(std::string key, StateKey(reader));
  quiver::MutexLock lock(&mu_);
  if (SnapshotPtr hit = FindLocked(key)) return hit;
  QUIVER_ASSIGN_OR_RETURN(SnapshotPtr snap,
                          Snapshot::Build(reader));
  ++builds_;
  entries_.insert(entries_.begin(), {std::move(key), snap});
  if (entries_.size() > kEntries) {
    // Current()'s answer must not keep an evicted graph alive.
    if (entries_.back().second == current_) current_ = nullptr;
    entries_.pop_back();
  }
  return snap;
}

absl::StatusOr<SnapshotCache::SnapshotPtr> SnapshotCache::Cached(const Reader& reader) {
  if (IsWriteTxn(reader)) return nullptr;
  QUIVER_ASSIGN_OR_RETURN(std::string key, StateKey(reader));
  quiver::MutexLock lock(&mu_);
  return FindLocked(key);
}

absl::StatusOr<SnapshotCache::SnapshotPtr> SnapshotCache::Current(const Store& store) {
  // Read before the reader is taken: a commit finishing in between makes
  // the snapshot newer than the label, so the next call looks again (never
  // the other way round, which would serve a stale graph).
  const uint64_t generation = store.generation();
  {
    quiver::MutexLock lock(&mu_);
    if (current_ && current_generation_ == generation) return current_;
  }
  auto reader = store.NewReader();
  QUIVER_ASSIGN_OR_RETURN(SnapshotPtr snap, Get(*reader));
  quiver::MutexLock lock(&mu_);
  current_ = snap;
  current_generation_ = generation;
  return snap;
}

int SnapshotCache::builds() const {
  quiver::MutexLock lock(&mu_);
  return builds_;
}

}  // namespace quiver::graph
