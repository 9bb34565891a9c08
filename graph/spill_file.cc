#include "graph/spill_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "absl/strings/str_cat.h"

namespace quiver::graph {

absl::StatusOr<std::unique_ptr<SpillFile>> SpillFile::Create(const std::string& dir) {
  std::string path = absl::StrCat(dir, "/quiver-spill-XXXXXX");
  int fd = mkstemp(path.data());
  if (fd < 0) {
    return absl::InternalError(
        absl::StrCat("cannot create a spill file in ", dir, ": ", std::strerror(errno)));
  }
  // Unlinked at once: nothing to clean up after an error or a crash.
  unlink(path.c_str());
  return std::unique_ptr<SpillFile>(new SpillFile(fd, std::move(path)));
}

SpillFile::~SpillFile() { close(fd_); }

absl::Status SpillFile::Error(const char* what) const {
  return absl::InternalError(
      absl::StrCat("spill file ", path_, ": ", what, ": ", std::strerror(errno)));
}

absl::StatusOr<uint64_t> SpillFile::Append(std::string_view bytes) {
  const uint64_t start = size_;
  while (!bytes.empty()) {
    ssize_t n = pwrite(fd_, bytes.data(), bytes.size(), off_t(size_));
    if (n < 0) {
      if (errno == EINTR) continue;
      return Error("write failed");
    }
    bytes.remove_prefix(size_t(n));
    size_ += uint64_t(n);
  }
  return start;
}

absl::Status SpillFile::ReadAt(uint64_t offset, size_t size, char* out) const {
  while (size > 0) {
    ssize_t n = pread(fd_, out, size, off_t(offset));
    if (n < 0) {
      if (errno == EINTR) continue;
      return Error("read failed");
    }
    if (n == 0) {
      errno = 0;
      return absl::InternalError(absl::StrCat("spill file ", path_, ": ends early at ", offset));
    }
    out += n;
    offset += uint64_t(n);
    size -= size_t(n);
  }
  return absl::OkStatus();
}

}  // namespace quiver::graph
