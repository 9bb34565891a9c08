// graph::SortedRuns<T>: collects fixed-width entries and returns them in
// sorted order, spilling sorted runs to a SpillFile whenever the entries in
// memory reach a byte budget, and merging the runs when read back. The bulk
// loader's index entries go through it, so its memory stays bounded however
// large the input is.
//
// T must be trivially copyable with a 128-bit sort key `RadixKey(const T&)`
// (radix_sort.h); entries of equal keys come back in the order added when
// they share a run. The budget covers the entries held; sorting them needs
// a second buffer of their size while it runs, which the caller leaves room
// for. Not thread-safe; different instances may be used on different
// threads.

#ifndef QUIVER_GRAPH_SORTED_RUNS_H_
#define QUIVER_GRAPH_SORTED_RUNS_H_

#include <algorithm>
#include <cstdint>
#include <memory>
#include <queue>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "graph/radix_sort.h"
#include "graph/spill_file.h"
#include "util/status_macros.h"

namespace quiver::graph {

template <typename T>
class SortedRuns {
  static_assert(std::is_trivially_copyable_v<T>);

 public:
  // Runs go to a file created in `dir` when first needed.
  SortedRuns(std::string dir, size_t budget_bytes) : dir_(std::move(dir)) {
    set_budget(budget_bytes);
  }

  // The lowest `bits` (a multiple of 8) of the key take no part in sorting
  // a run (RadixSort's `ignored_bits`). REQUIRES: entries equal in the
  // other bits are added in the order of these bits, or none are equal.
  // Default: 0.
  void set_ignored_bits(int bits) { ignored_bits_ = bits; }

  // Takes effect at the next Add.
  void set_budget(size_t budget_bytes) {
    capacity_ = std::max<size_t>(1, budget_bytes / sizeof(T));
  }

  absl::Status Add(const T& entry) {
    if (memory_.size() >= capacity_) QUIVER_RETURN_IF_ERROR(Spill());
    // Reserving the budget up front spares the copy (and the doubled peak)
    // of a growing vector; pages not yet written cost no memory.
    if (memory_.capacity() == 0) memory_.reserve(std::min<size_t>(capacity_, 1 << 16));
    if (memory_.size() == memory_.capacity()) memory_.reserve(capacity_);
    memory_.push_back(entry);
    ++size_;
    return absl::OkStatus();
  }

  // Entries added so far.
  uint64_t size() const { return size_; }
  // Runs on disk so far.
  size_t runs() const { return runs_.size(); }
  // Bytes of entries held in memory.
  size_t memory_bytes() const { return memory_.size() * sizeof(T); }

  // Frees the entries, in memory and spilled, once the caller is done with
  // them: neither Add nor ForEach may follow. runs() still counts the runs
  // spilled.
  void Release() {
    memory_ = std::vector<T>();
    file_.reset();
  }

  // Sorts the entries in memory and writes them out as a run (frees them).
  absl::Status Spill() {
    if (memory_.empty()) return absl::OkStatus();
    SortMemory();
    if (!file_) {
      QUIVER_ASSIGN_OR_RETURN(file_, SpillFile::Create(dir_));
    }
    QUIVER_ASSIGN_OR_RETURN(
        uint64_t offset,
        file_->Append(std::string_view(reinterpret_cast<const char*>(memory_.data()),
                                       memory_.size() * sizeof(T))));
    runs_.push_back({offset, memory_.size()});
    memory_.clear();
    memory_.shrink_to_fit();
    return absl::OkStatus();
  }

  // Calls `fn(const T&) -> absl::Status` for every entry in order, stopping
  // at the first error. May be called more than once; Add after it is not
  // allowed.
  template <typename Fn>
  absl::Status ForEach(Fn&& fn) {
    SortMemory();
    if (runs_.empty()) {
      for (const T& entry : memory_) QUIVER_RETURN_IF_ERROR(fn(entry));
      return absl::OkStatus();
    }
    return Merge(fn);
  }

 private:
  // One source of the merge: a run read back a block at a time, or the
  // entries in memory.
  struct Cursor {
    const T* at = nullptr;
    const T* end = nullptr;
    std::vector<T> block;
    uint64_t next_offset = 0;
    uint64_t left = 0;  // Entries of the run not yet read into `block`.
  };

  void SortMemory() {
    // Often already in order (entries made in key order): a scan is cheaper
    // than a sort.
    auto less = [](const T& a, const T& b) { return RadixKey(a) < RadixKey(b); };
    if (std::is_sorted(memory_.begin(), memory_.end(), less)) return;
    std::vector<T> scratch;
    RadixSort(memory_, scratch, ignored_bits_);
  }

  absl::Status Refill(Cursor& c) {
    size_t n = size_t(std::min<uint64_t>(c.left, c.block.size()));
    QUIVER_RETURN_IF_ERROR(
        file_->ReadAt(c.next_offset, n * sizeof(T), reinterpret_cast<char*>(c.block.data())));
    c.next_offset += n * sizeof(T);
    c.left -= n;
    c.at = c.block.data();
    c.end = c.at + n;
    return absl::OkStatus();
  }

  template <typename Fn>
  absl::Status Merge(Fn& fn) {
    // 1 MiB of read buffer per run: few enough runs that this stays small
    // next to the budget, large enough that reads are sequential.
    const size_t block = std::max<size_t>(1, (1 << 20) / sizeof(T));
    std::vector<Cursor> cursors(runs_.size() + 1);
    for (size_t i = 0; i < runs_.size(); ++i) {
      cursors[i].block.resize(size_t(std::min<uint64_t>(block, runs_[i].second)));
      cursors[i].next_offset = runs_[i].first;
      cursors[i].left = runs_[i].second;
      QUIVER_RETURN_IF_ERROR(Refill(cursors[i]));
    }
    cursors.back().at = memory_.data();
    cursors.back().end = memory_.data() + memory_.size();
    // Among equal keys the earlier run first, as entries were added.
    auto later = [&](size_t a, size_t b) {
      Packed ka = RadixKey(*cursors[a].at), kb = RadixKey(*cursors[b].at);
      return kb < ka || (kb == ka && b < a);
    };
    std::priority_queue<size_t, std::vector<size_t>, decltype(later)> heap(later);
    for (size_t i = 0; i < cursors.size(); ++i)
      if (cursors[i].at != cursors[i].end) heap.push(i);
    while (!heap.empty()) {
      size_t i = heap.top();
      heap.pop();
      Cursor& c = cursors[i];
      QUIVER_RETURN_IF_ERROR(fn(*c.at));
      if (++c.at == c.end && c.left > 0) QUIVER_RETURN_IF_ERROR(Refill(c));
      if (c.at != c.end) heap.push(i);
    }
    return absl::OkStatus();
  }

  std::string dir_;
  int ignored_bits_ = 0;
  size_t capacity_ = 1;
  uint64_t size_ = 0;
  std::vector<T> memory_;
  std::unique_ptr<SpillFile> file_;
  std::vector<std::pair<uint64_t, uint64_t>> runs_;  // (byte offset, entries)
};

}  // namespace quiver::graph

#endif  // QUIVER_GRAPH_SORTED_RUNS_H_
