// quiver::Result (quiver/result.h): rows held, and pages pulled from the
// engine's ResultSource (query/result_source.h) as they are read.

#include "query/result_source.h"

namespace quiver {

Result::Result() = default;
Result::Result(std::vector<std::string> columns, std::vector<ValueList> rows)
    : columns_(std::move(columns)), rows_(std::move(rows)) {
  produced_ = int64_t(rows_.size());
}
Result::Result(const Result&) = default;
Result& Result::operator=(const Result&) = default;
Result::Result(Result&&) noexcept = default;
Result& Result::operator=(Result&&) noexcept = default;
Result::~Result() = default;

bool Result::Next(ValueList* row) {
  while (next_ >= rows_.size()) {
    if (!source_) return false;
    // The rows handed out so far are released before the next page.
    handed_out_ += int64_t(rows_.size());
    rows_.clear();
    next_ = 0;
    FetchPage();
  }
  *row = std::move(rows_[next_++]);
  return true;
}

size_t Result::size() const {
  FetchAll();
  return size_t(handed_out_) + rows_.size();
}

bool Result::empty() const {
  while (source_ && handed_out_ + int64_t(rows_.size()) == 0) FetchPage();
  return handed_out_ + int64_t(rows_.size()) == 0;
}

const ValueList& Result::row(size_t i) const {
  FetchAll();
  return rows_[next_ + i];
}

const std::vector<ValueList>& Result::rows() const {
  FetchAll();
  if (next_ > 0) {
    rows_.erase(rows_.begin(), rows_.begin() + std::ptrdiff_t(next_));
    handed_out_ += int64_t(next_);
    next_ = 0;
  }
  return rows_;
}

void Result::FetchPage() const {
  if (!source_) return;
  size_t before = rows_.size();
  absl::Status status;
  bool more = source_->Fetch(&rows_, &status);
  produced_ += int64_t(rows_.size() - before);
  if (!more) {
    source_.reset();
    status_ = std::move(status);
  }
}

void Result::FetchAll() const {
  while (source_) FetchPage();
}

}  // namespace quiver
