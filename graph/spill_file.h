// graph::SpillFile: a temporary file for data that does not fit the memory
// budget of a bulk load (sorted runs), appended to and read back by offset.
//
// The file is unlinked as soon as it is created, so it disappears when the
// object is destroyed or the process dies, whatever happened in between.
// Not thread-safe for Append; ReadAt may be called from several threads once
// appending is over.

#ifndef QUIVER_GRAPH_SPILL_FILE_H_
#define QUIVER_GRAPH_SPILL_FILE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace quiver::graph {

class SpillFile {
 public:
  // Creates the file in directory `dir`. Errors: kInternal with the path and
  // the system's reason.
  static absl::StatusOr<std::unique_ptr<SpillFile>> Create(const std::string& dir);
  ~SpillFile();
  SpillFile(const SpillFile&) = delete;
  SpillFile& operator=(const SpillFile&) = delete;

  // Appends `bytes`; returns the offset they start at.
  absl::StatusOr<uint64_t> Append(std::string_view bytes);
  // Reads `size` bytes at `offset` into `out` (REQUIRES: within what was
  // appended).
  absl::Status ReadAt(uint64_t offset, size_t size, char* out) const;

  uint64_t size() const { return size_; }

 private:
  SpillFile(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}
  absl::Status Error(const char* what) const;

  int fd_;
  std::string path_;  // For messages only: the name is gone from the directory.
  uint64_t size_ = 0;
};

}  // namespace quiver::graph

#endif  // QUIVER_GRAPH_SPILL_FILE_H_
