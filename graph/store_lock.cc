#include "graph/store_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace quiver::graph {

std::string DefaultHolder() {
  std::ifstream in("/proc/self/cmdline", std::ios::binary);
  std::string first;
  std::getline(in, first, '\0');
  auto slash = first.rfind('/');
  return slash == std::string::npos ? first : first.substr(slash + 1);
}

absl::StatusOr<std::unique_ptr<StoreLock>> StoreLock::Acquire(
    const std::string& dir, std::string_view holder) {
  std::string path = dir + "/QUIVER_LOCK";
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    return absl::UnavailableError(absl::StrCat(
        "store ", dir, ": cannot open its lock file: ", std::strerror(errno)));
  }
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    int err = errno;
    char buf[512];
    ssize_t n = ::pread(fd, buf, sizeof(buf) - 1, 0);
    ::close(fd);
    if (err != EWOULDBLOCK) {
      return absl::UnavailableError(absl::StrCat(
          "store ", dir, ": cannot lock it: ", std::strerror(err)));
    }
    std::string content(buf, n > 0 ? size_t(n) : 0);
    std::vector<std::string> lines = absl::StrSplit(content, '\n');
    std::string pid = lines.size() > 0 ? lines[0] : "";
    std::string who = lines.size() > 1 ? lines[1] : "";
    std::string detail = pid.empty() ? "another process"
                                     : absl::StrCat("process ", pid);
    if (pid == std::to_string(::getpid())) detail += ", this process";
    if (!who.empty()) detail += absl::StrCat(" (", who, ")");
    return absl::UnavailableError(
        absl::StrCat("store ", dir, " is in use by ", detail));
  }
  std::string content =
      absl::StrCat(::getpid(), "\n", holder.empty() ? DefaultHolder() : std::string(holder), "\n");
  if (::ftruncate(fd, 0) != 0 ||
      ::pwrite(fd, content.data(), content.size(), 0) != ssize_t(content.size())) {
    // The lock itself is held; only the holder's description is missing, which
    // makes a refused writer's message vaguer but is no reason to fail.
  }
  return std::unique_ptr<StoreLock>(new StoreLock(fd));
}

StoreLock::~StoreLock() {
  // Clear the holder text first so a stale file names no one.
  if (::ftruncate(fd_, 0) != 0) {
  }
  ::flock(fd_, LOCK_UN);
  ::close(fd_);
}

}  // namespace quiver::graph
