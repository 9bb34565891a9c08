#include "ingest/parse_scheduler.h"

#include <algorithm>
#include <map>
#include <memory>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "util/mutex.h"
#include "util/status_macros.h"

namespace quiver::ingest {

namespace {

// The shared state of one multi-threaded run. Workers take the next step
// under the mutex and run it outside; the absl::Mutex inside quiver::Mutex
// re-evaluates the waiters' conditions on every unlock, so no explicit
// signalling is needed.
class Scheduler {
 public:
  Scheduler(size_t n, int jobs, const SentenceSteps& steps, const SchedulerWindow& window)
      : n_(n),
        jobs_(static_cast<size_t>(jobs)),
        max_documents_(std::max<size_t>(1, window.documents_per_job * jobs_)),
        max_sentences_(window.max_sentences),
        steps_(steps),
        done_(new bool[n]()) {}

  // One worker: split, parse and finish until every document is finished.
  void Work(ParserSession& parser) {
    quiver::MutexLock lock(&mu_);
    for (;;) {
      mu_.Await(absl::Condition(this, &Scheduler::HasWork));
      // Split ahead while fewer sentences wait than there are workers, so
      // nobody idles at a document boundary; otherwise parse, oldest
      // document first, so documents finish (and leave the window) in order.
      if (CanTake() && unclaimed_ < jobs_) {
        Split();
      } else if (unclaimed_ > 0) {
        Parse(parser);
      } else if (CanTake()) {
        Split();
      } else {
        return;  // Finished(): every document is split and every sentence taken.
      }
    }
  }

  // The calling thread: each document, in order, once it is finished.
  void Deliver() {
    for (size_t d = 0; d < n_; ++d) {
      mu_.LockWhen(absl::Condition(&done_[d]));
      mu_.Unlock();
      steps_.deliver(d);
      quiver::MutexLock lock(&mu_);
      auto it = docs_.find(d);
      in_flight_sentences_ -= it->second.sentences;
      docs_.erase(it);
    }
  }

 private:
  struct Doc {
    size_t sentences = 0;  // Known once split.
    size_t next = 0;       // Next sentence to hand out.
    size_t parsed = 0;
  };

  // One split at a time once anything is in flight: a document's size is
  // unknown until it is split, so two concurrent splits could both pass the
  // sentence budget. Splitting is quick next to parsing.
  bool CanTake() const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    if (next_doc_ == n_) return false;
    if (docs_.empty()) return true;
    return splitting_ == 0 && docs_.size() < max_documents_ &&
           in_flight_sentences_ < max_sentences_;
  }
  bool Finished() const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    return next_doc_ == n_ && splitting_ == 0 && unclaimed_ == 0;
  }
  bool HasWork() const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    return unclaimed_ > 0 || CanTake() || Finished();
  }

  void Split() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    const size_t d = next_doc_++;
    docs_.emplace(d, Doc());
    ++splitting_;
    mu_.Unlock();
    const size_t count = steps_.split(d);
    mu_.Lock();
    --splitting_;
    docs_[d].sentences = count;
    in_flight_sentences_ += count;
    unclaimed_ += count;
    if (count == 0) Finish(d);
  }

  void Parse(ParserSession& parser) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    auto it = docs_.begin();
    while (it->second.next == it->second.sentences) ++it;  // unclaimed_ > 0: one exists.
    const size_t d = it->first;
    const size_t s = it->second.next++;
    --unclaimed_;
    mu_.Unlock();
    steps_.parse(d, s, parser);
    mu_.Lock();
    Doc& doc = docs_[d];
    if (++doc.parsed == doc.sentences) Finish(d);
  }

  void Finish(size_t d) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    mu_.Unlock();
    steps_.finish(d);
    mu_.Lock();
    done_[d] = true;
  }

  const size_t n_;
  const size_t jobs_;
  const size_t max_documents_;
  const size_t max_sentences_;
  const SentenceSteps& steps_;

  quiver::Mutex mu_;
  size_t next_doc_ ABSL_GUARDED_BY(mu_) = 0;   // Next document to split.
  size_t splitting_ ABSL_GUARDED_BY(mu_) = 0;  // Documents being split now.
  size_t unclaimed_ ABSL_GUARDED_BY(mu_) = 0;  // Sentences split, not handed out.
  size_t in_flight_sentences_ ABSL_GUARDED_BY(mu_) = 0;
  std::map<size_t, Doc> docs_ ABSL_GUARDED_BY(mu_);  // Split, not yet delivered.
  std::unique_ptr<bool[]> done_ ABSL_GUARDED_BY(mu_);  // Finished.
};

}  // namespace

absl::Status ParseSentencesInOrder(size_t n, int jobs, const ParserSettings& settings,
                                   const SentenceSteps& steps, const SchedulerWindow& window) {
  if (n == 0) return absl::OkStatus();
  QUIVER_ASSIGN_OR_RETURN(std::shared_ptr<LinkDictionary> dict, LinkDictionary::Load());
  jobs = std::max(1, jobs);
  // Parse options are created before the workers start (issue 4).
  std::vector<std::unique_ptr<ParserSession>> sessions;
  for (int j = 0; j < jobs; ++j)
    sessions.push_back(std::make_unique<ParserSession>(dict, settings));
  if (jobs == 1) {
    for (size_t d = 0; d < n; ++d) {
      const size_t count = steps.split(d);
      for (size_t s = 0; s < count; ++s) steps.parse(d, s, *sessions[0]);
      steps.finish(d);
      steps.deliver(d);
    }
    return absl::OkStatus();
  }
  Scheduler scheduler(n, jobs, steps, window);
  std::vector<std::thread> workers;
  for (int j = 0; j < jobs; ++j)
    workers.emplace_back([&scheduler, &sessions, j] { scheduler.Work(*sessions[j]); });
  scheduler.Deliver();
  for (auto& w : workers) w.join();
  return absl::OkStatus();
}

}  // namespace quiver::ingest
