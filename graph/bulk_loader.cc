#include "graph/bulk_loader.h"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <filesystem>
#include <functional>
#include <thread>

#include "absl/strings/str_cat.h"
#include "graph/coding.h"
#include "graph/content_hash.h"
#include "graph/internal/bulk_entries.h"
#include "graph/key_format.h"
#include "graph/records.h"
#include "graph/rocksdb_status.h"
#include "graph/sst_sink.h"
#include "graph/write_txn.h"
#include "rocksdb/db.h"
#include "util/status_macros.h"
#include "util/strings.h"

namespace quiver::graph {

BulkLoader::BulkLoader(Store* store, BulkLoadOptions options)
    : store_(store), options_(std::move(options)) {
  entries_ = std::make_unique<Entries>(SpillDir(), options_.memory_budget);
  // 16,384 statements' names a batch (32,768 slots; starting a thread per
  // batch is then nothing beside its lookups), but never more statements
  // than the budget holds in memory, so a spill error comes from the call
  // that caused it.
  const size_t held = std::max<size_t>(1, options_.memory_budget / 2 / sizeof(Wide));
  batch_limit_ = 2 * std::min<size_t>(size_t{1} << 14, held);
}

BulkLoader::~BulkLoader() {
  if (!intern_thread_.joinable()) return;
  {
    MutexLock lock(&intern_mu_);
    intern_mu_.Await(absl::Condition(
        +[](InternStage* stage) { return *stage == InternStage::kIdle; }, &intern_stage_));
    intern_stage_ = InternStage::kStopping;
  }
  intern_thread_.join();
}

std::string BulkLoader::SpillDir() const {
  if (!options_.spill_dir.empty()) return options_.spill_dir;
  std::error_code ec;
  if (std::filesystem::is_directory(store_->path(), ec)) return store_->path();
  return std::filesystem::temp_directory_path(ec).string();
}

size_t BulkLoader::spilled_runs() const {
  const Entries& e = *entries_;
  return e.statements.runs() + e.out.runs() + e.in.runs() + e.by_type.runs() + e.edges.runs() +
         e.evidence.runs();
}

void BulkLoader::SetDocument(const Document& doc, std::string_view content) {
  doc_ = doc;
  hash_ = ContentHash(content);
  document_set_ = true;
  Evidence ev;
  ev.source = doc_.source;
  evidence_values_ = {EncodeEvidence(ev)};
}

namespace {

std::vector<SstSink*> Pointers(const std::vector<std::unique_ptr<SstSink>>& sinks) {
  std::vector<SstSink*> pointers;
  for (const auto& sink : sinks) pointers.push_back(sink.get());
  return pointers;
}

}  // namespace

uint32_t BulkLoader::InternText(std::string_view text) {
  auto [it, inserted] = text_ids_.try_emplace(util::Absl(text), uint32_t(texts_.size()));
  if (inserted) texts_.emplace_back(text);
  return it->second;
}

namespace {

// CheckText for a name, with a shortcut for the common case: short ASCII
// is valid UTF-8 (the check runs on every mention, before the batch is
// interned, so that a bad name is refused by the call that brought it).
absl::Status CheckName(std::string_view name) {
  if (!name.empty() && name.size() <= kMaxNameBytes) {
    uint64_t high = 0;
    size_t i = 0;
    for (; i + 8 <= name.size(); i += 8) {
      uint64_t word;
      std::memcpy(&word, name.data() + i, 8);
      high |= word;
    }
    for (; i < name.size(); ++i) high |= uint8_t(name[i]);
    if ((high & 0x8080808080808080ULL) == 0) return absl::OkStatus();
  }
  return CheckText("name", name, kMaxNameBytes);
}

}  // namespace

absl::Status BulkLoader::AddNode(std::string_view name) {
  QUIVER_RETURN_IF_ERROR(CheckName(name));
  AddSlot(name, kNoMention);
  if (batch_.slots() >= batch_limit_) return HandOff();
  return absl::OkStatus();
}

absl::Status BulkLoader::AddStatement(std::string_view subject, std::string_view relation,
                                      std::string_view object, uint32_t line,
                                      std::string_view relation_text,
                                      std::string_view sentence_text,
                                      std::string_view source) {
  if (!document_set_) SetDocument(doc_, "");
  if (statements_ >= UINT32_MAX) {
    return absl::ResourceExhaustedError(
        "bulk load: more than 2^32 - 1 statements in one document");
  }
  // Both names are checked before anything counts, as on the ordinary
  // path, where a bad statement changes nothing.
  QUIVER_RETURN_IF_ERROR(CheckName(subject));
  QUIVER_RETURN_IF_ERROR(CheckName(object));
  // Few distinct relations recur across many statements: check and intern
  // a relation (and its text, when written the same) once, not per line.
  uint32_t term;
  auto known = term_ids_.find(util::Absl(relation));
  if (known != term_ids_.end()) {
    term = known->second;
  } else {
    QUIVER_RETURN_IF_ERROR(CheckText("relationship type", relation, kMaxTypeBytes));
    term = uint32_t(terms_.size() + 1);
    term_ids_.emplace(std::string(relation), term);
    terms_.emplace_back(relation);
    term_text_.push_back(kNoText);
  }
  uint32_t text;
  if (relation_text.empty() || relation_text == relation) {
    uint32_t& same = term_text_[term - 1];
    if (same == kNoText) same = InternText(relation);
    text = same;
  } else {
    text = InternText(relation_text);
  }
  uint32_t evidence = 0;
  if (!sentence_text.empty() || (!source.empty() && source != doc_.source)) {
    Evidence ev;
    ev.text = std::string(sentence_text);
    ev.source = std::string(source.empty() ? std::string_view(doc_.source) : source);
    evidence = uint32_t(evidence_values_.size());
    evidence_values_.push_back(EncodeEvidence(ev));
  }
  const uint32_t index = uint32_t(statements_++);
  batch_.statements.push_back({uint32_t(batch_.slots()), term, line, text, evidence, index});
  AddSlot(subject, 2 * uint64_t(index));
  AddSlot(object, 2 * uint64_t(index) + 1);
  if (batch_.slots() >= batch_limit_) return HandOff();
  return absl::OkStatus();
}

void BulkLoader::SetContentHash(std::string hash) { hash_ = std::move(hash); }

std::string BulkLoader::SinkPath(std::string_view name) const {
  return absl::StrCat(store_->path(), "/bulk-", util::Absl(name), ".sst");
}

absl::Status BulkLoader::IngestAndPublish(
    Store* store, const std::vector<std::unique_ptr<SstSink>>& sinks, const Counters& counters,
    const std::vector<std::pair<std::string, TermId>>& new_terms) {
  // One argument per column family, whose files' key ranges do not overlap
  // (the loader writes provenance in two files: the statements' keys and
  // the nodes').
  std::vector<rocksdb::IngestExternalFileArg> args;
  for (const auto& sink : sinks) {
    QUIVER_ASSIGN_OR_RETURN(bool written, sink->Finish());
    if (!written) continue;
    auto same = std::find_if(args.begin(), args.end(), [&](const auto& a) {
      return a.column_family == store->handle(sink->cf());
    });
    if (same == args.end()) {
      rocksdb::IngestExternalFileArg arg;
      arg.column_family = store->handle(sink->cf());
      arg.options.move_files = true;
      same = args.insert(args.end(), std::move(arg));
    }
    same->external_files.push_back(sink->path());
  }
  if (!args.empty()) {
    QUIVER_RETURN_IF_ERROR(
        FromRocksDb(store->db()->IngestExternalFiles(args),
                    absl::StrCat("store ", store->path(), ": ingesting bulk files")));
  }
  store->PublishCommit(counters, new_terms);
  return absl::OkStatus();
}

absl::StatusOr<AddResult> BulkLoader::Finish() {
  // Holding the write transaction keeps every other writer out meanwhile.
  QUIVER_ASSIGN_OR_RETURN(auto txn, store_->BeginWrite());
  Counters c = txn->counters();
  if (c.nodes != 0 || c.edges != 0 || c.docs != 0 || c.next_term != 1) {
    return absl::FailedPreconditionError(absl::StrCat(
        "store ", store_->path(), " is not empty; the bulk loader only fills new stores"));
  }
  if (!document_set_) SetDocument(doc_, "");
  QUIVER_RETURN_IF_ERROR(WaitForBatch());
  QUIVER_RETURN_IF_ERROR(InternBatch(batch_));

  // The node families need nothing from the edges: they are written while
  // this thread groups the statements into edges. Then the edge families
  // are written by two threads, each taking the next family as it is free
  // (the costliest first).
  using Sinks = std::vector<std::unique_ptr<SstSink>>;
  std::vector<std::function<absl::Status(Sinks&)>> tasks = {
      [&](Sinks& sinks) { return WriteEdges(sinks); },
      [&](Sinks& sinks) { return WriteEvidence(sinks); },
      [&](Sinks& sinks) { return WriteIndex(Cf::kOut, sinks); },
      [&](Sinks& sinks) { return WriteIndex(Cf::kIn, sinks); },
      [&](Sinks& sinks) { return WriteIndex(Cf::kByType, sinks); },
  };
  Sinks node_sinks;
  std::vector<Sinks> task_sinks(tasks.size());
  // Each task's files are finished (and synced) as soon as they are
  // written, beside the writing of the others, not all after it. Declared
  // after the sinks, so that its threads are done before they go.
  SinkCloser closer;
  absl::Status node_status;
  std::thread node_worker([&] {
    node_status = WriteNodeFamilies(node_sinks);
    if (node_status.ok()) closer.Close(Pointers(node_sinks));
  });
  absl::StatusOr<EdgeTotals> totals = GroupEdges();
  std::vector<absl::Status> task_status(tasks.size());
  if (totals.ok()) {
    std::atomic<size_t> next{0};
    auto work = [&] {
      for (size_t i; (i = next++) < tasks.size();) {
        task_status[i] = tasks[i](task_sinks[i]);
        if (task_status[i].ok()) closer.Close(Pointers(task_sinks[i]));
      }
    };
    std::thread helper(work);
    work();
    helper.join();
  }
  node_worker.join();
  QUIVER_RETURN_IF_ERROR(node_status);
  QUIVER_RETURN_IF_ERROR(totals.status());
  for (const auto& s : task_status) QUIVER_RETURN_IF_ERROR(s);
  QUIVER_RETURN_IF_ERROR(closer.Wait());

  Counters after = c;
  after.next_node = nodes_.size() + 1;
  after.next_edge = totals->edges + 1;
  after.next_doc = kDocId + 1;
  after.next_term = terms_.size() + 1;
  after.nodes = int64_t(nodes_.size());
  after.edges = int64_t(totals->edges);
  after.docs = 1;
  after.evidence = int64_t(totals->evidence);
  std::vector<std::pair<std::string_view, uint64_t>> meta_entries = {
      {meta::kNodeCount, uint64_t(after.nodes)},   {meta::kDocCount, uint64_t(after.docs)},
      {meta::kEdgeCount, uint64_t(after.edges)},   {meta::kEvidenceCount, uint64_t(after.evidence)},
      {meta::kNextDocId, after.next_doc},          {meta::kNextEdgeId, after.next_edge},
      {meta::kNextNodeId, after.next_node},        {meta::kNextTermId, after.next_term}};
  std::sort(meta_entries.begin(), meta_entries.end());
  auto& meta_sink = *node_sinks.emplace_back(
      std::make_unique<SstSink>(store_, Cf::kMeta, SinkPath(CfName(Cf::kMeta))));
  for (const auto& [k, v] : meta_entries) {
    std::string value;
    PutFixed64BE(&value, v);
    QUIVER_RETURN_IF_ERROR(meta_sink.Add(k, value));
  }

  std::vector<std::unique_ptr<SstSink>> all;
  for (auto& sinks : task_sinks)
    for (auto& sink : sinks) all.push_back(std::move(sink));
  for (auto& sink : node_sinks) all.push_back(std::move(sink));
  std::vector<std::pair<std::string, TermId>> new_terms;
  for (size_t i = 0; i < terms_.size(); ++i) new_terms.emplace_back(terms_[i], TermId(i + 1));
  QUIVER_RETURN_IF_ERROR(IngestAndPublish(store_, all, after, new_terms));

  AddResult result;
  result.doc = kDocId;
  result.nodes_created = after.nodes;
  result.edges_created = after.edges;
  result.evidence_added = after.evidence;
  return result;
}

}  // namespace quiver::graph
