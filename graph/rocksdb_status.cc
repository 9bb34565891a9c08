#include "graph/rocksdb_status.h"

#include "absl/strings/str_cat.h"
#include "util/strings.h"

namespace quiver::graph {

absl::Status FromRocksDb(const rocksdb::Status& s, std::string_view context_sv) {
  absl::string_view context = util::Absl(context_sv);
  if (s.ok()) return absl::OkStatus();
  std::string message = absl::StrCat(context, ": ", s.ToString());
  switch (s.code()) {
    case rocksdb::Status::kNotFound:
      return absl::NotFoundError(message);
    case rocksdb::Status::kCorruption:
      return absl::DataLossError(absl::StrCat(
          context, ": the store is corrupted (", s.ToString(), ")"));
    case rocksdb::Status::kNotSupported:
      return absl::UnimplementedError(message);
    case rocksdb::Status::kInvalidArgument:
      return absl::InvalidArgumentError(message);
    case rocksdb::Status::kIOError:
      if (s.subcode() == rocksdb::Status::kNoSpace)
        return absl::ResourceExhaustedError(message);
      return absl::UnavailableError(message);
    case rocksdb::Status::kBusy:
    case rocksdb::Status::kTryAgain:
    case rocksdb::Status::kTimedOut:
      return absl::UnavailableError(message);
    case rocksdb::Status::kAborted:
      return absl::AbortedError(message);
    case rocksdb::Status::kIncomplete:
    case rocksdb::Status::kShutdownInProgress:
      return absl::CancelledError(message);
    default:
      return absl::InternalError(message);
  }
}

}  // namespace quiver::graph
