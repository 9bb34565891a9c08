// BulkLoader's interning of names: a batch of mentions, looked up on two
// threads (the caller and the batch's own thread), each in its half of the
// forms (by a bit of the name's hash), then one pass in statement order, on
// the batch's thread while the caller fills the next batch, that gives the
// forms new in the batch their nodes, so that node ids, aliases and counts
// are what one thread interning each mention in turn would give (as
// AddDocument does).

#include <algorithm>
#include <thread>
#include <tuple>

#include "absl/hash/hash.h"
#include "absl/strings/str_cat.h"
#include "graph/bulk_loader.h"
#include "graph/internal/bulk_entries.h"
#include "graph/name_normalizer.h"
#include "util/status_macros.h"
#include "util/strings.h"

namespace quiver::graph {

namespace {

// Which half of the forms a name is in. Bit 40 of the hash the maps use
// themselves: their slot and control bytes come from bits 0-35 or so, which
// stay evenly spread within each half.
int PartOf(std::string_view name) {
  return int((absl::Hash<absl::string_view>{}(util::Absl(name)) >> 40) & 1);
}

// Below this many slots a second thread costs more than it saves.
constexpr size_t kThreadedSlots = 2048;

}  // namespace

void BulkLoader::AddSlot(std::string_view name, uint64_t position) {
  batch_.names.append(name);
  batch_.name_end.push_back(uint32_t(batch_.names.size()));
  batch_.position.push_back(position);
  // Hashed here, once, rather than by each lookup thread to find its half.
  batch_.part.push_back(uint8_t(PartOf(name)));
}

void BulkLoader::Lookups::Reset(size_t slots) {
  node.assign(slots, 0);
  made_by.assign(slots, 0);
  made.assign(slots, 0);
  keys.clear();
  keys.resize(slots);
}

absl::Status BulkLoader::WaitForBatch() {
  MutexLock lock(&intern_mu_);
  intern_mu_.Await(absl::Condition(
      +[](InternStage* stage) { return *stage == InternStage::kIdle; }, &intern_stage_));
  return intern_status_;
}

absl::Status BulkLoader::HandOff() {
  // Interning a batch and reading the next overlap. The caller looks up
  // half of the full batch's names itself, beside the interning thread's
  // half, rather than a third thread: with the caller reading meanwhile,
  // a third thread waited for a core (2.5 ms a batch, 0.15 s at 1M edges,
  // the two halves then mostly one after the other).
  QUIVER_RETURN_IF_ERROR(WaitForBatch());
  std::swap(batch_, interning_);
  interning_found_.Reset(interning_.slots());
  if (!intern_thread_.joinable()) intern_thread_ = std::thread([this] { InternLoop(); });
  {
    MutexLock lock(&intern_mu_);
    intern_stage_ = InternStage::kHanded;
  }
  LookUp(interning_, 1, interning_found_);
  MutexLock lock(&intern_mu_);
  intern_stage_ = InternStage::kCallerHalfDone;
  return absl::OkStatus();
}

void BulkLoader::InternLoop() {
  for (;;) {
    {
      MutexLock lock(&intern_mu_);
      intern_mu_.Await(absl::Condition(
          +[](InternStage* stage) {
            return *stage == InternStage::kHanded || *stage == InternStage::kStopping ||
                   *stage == InternStage::kCallerHalfDone;
          },
          &intern_stage_));
      if (intern_stage_ == InternStage::kStopping) return;
    }
    LookUp(interning_, 0, interning_found_);
    {
      // Resolve reads both halves of the forms.
      MutexLock lock(&intern_mu_);
      intern_mu_.Await(absl::Condition(
          +[](InternStage* stage) { return *stage == InternStage::kCallerHalfDone; },
          &intern_stage_));
    }
    absl::Status status = Resolve(interning_, interning_found_);
    MutexLock lock(&intern_mu_);
    intern_status_ = std::move(status);
    intern_stage_ = InternStage::kIdle;
  }
}

void BulkLoader::LookUp(const Batch& batch, int part, Lookups& found) {
  auto& forms = forms_[part];
  for (size_t i = 0; i < batch.slots(); ++i) {
    if (batch.part[i] != part) continue;
    const std::string_view name = batch.name(i);
    auto [it, inserted] = forms.try_emplace(util::Absl(name));
    Form& form = it->second;
    if (inserted) {
      form.id = uint32_t(i);
      found.made[i] = 1;
      found.keys[i] = NormalizeName(name);
    } else if (form.node == 0) {
      found.made_by[i] = form.id;  // Made earlier in this batch.
    }
    found.node[i] = form.node;
    const uint64_t position = batch.position[i];
    if (position == kNoMention) continue;
    ++form.count;
    if (form.first == kNoMention) {
      form.first = position;
    } else if (form.second == kNoMention) {
      form.second = position;
    }
  }
}

absl::Status BulkLoader::InternBatch(Batch& batch) {
  const size_t slots = batch.slots();
  if (slots == 0) return absl::OkStatus();
  Lookups found;
  found.Reset(slots);
  if (slots >= kThreadedSlots) {
    std::thread other([&] { LookUp(batch, 1, found); });
    LookUp(batch, 0, found);
    other.join();
  } else {
    LookUp(batch, 0, found);
    LookUp(batch, 1, found);
  }
  return Resolve(batch, found);
}

absl::Status BulkLoader::Resolve(Batch& batch, Lookups& found) {
  const size_t slots = batch.slots();
  std::vector<uint32_t>& node = found.node;
  // In order: a new form joins the node of its normalised name, or makes
  // one; the slots that repeat it follow.
  for (size_t i = 0; i < slots; ++i) {
    if (node[i] != 0) continue;
    if (!found.made[i]) {
      node[i] = node[found.made_by[i]];
      continue;
    }
    if (form_count_ >= UINT32_MAX - 1) {
      return absl::ResourceExhaustedError("bulk load: more than 2^32 - 2 distinct names");
    }
    const std::string_view name = batch.name(i);
    auto [it, inserted] =
        node_by_key_.try_emplace(std::move(found.keys[i]), uint32_t(nodes_.size() + 1));
    if (inserted) {
      NodeEntry entry;
      entry.name = std::string(name);
      entry.aliases.push_back(entry.name);
      nodes_.push_back(std::move(entry));
    } else {
      auto& aliases = nodes_[it->second - 1].aliases;
      if (std::find(aliases.begin(), aliases.end(), name) == aliases.end())
        aliases.emplace_back(name);
    }
    Form& form = forms_[batch.part[i]].find(util::Absl(name))->second;
    form.node = it->second;
    form.id = form_count_++;
    node[i] = form.node;
  }
  for (const Batch::Statement& st : batch.statements) {
    QUIVER_RETURN_IF_ERROR(entries_->statements.Add(
        {Pack(node[st.slot], st.term, node[st.slot + 1], st.index), st.line, st.text,
         st.evidence, 0}));
  }
  batch.names.clear();
  batch.name_end.clear();
  batch.position.clear();
  batch.part.clear();
  batch.statements.clear();
  return absl::OkStatus();
}

std::vector<std::pair<const std::string*, int64_t>> BulkLoader::CountMentions() {
  // Mention by mention, the node's first is its own name; each later one
  // counts for its form, which joins the node's list when first seen there
  // (AddDocument's order). From the forms' counts and first two positions:
  // the form holding the node's earliest mention has one later mention
  // fewer, and its list place is its second mention's.
  std::vector<uint64_t> earliest(nodes_.size(), kNoMention);
  std::vector<uint32_t> earliest_form(nodes_.size(), UINT32_MAX);
  std::vector<std::pair<const std::string*, int64_t>> by_id(form_count_);
  for (const auto& forms : forms_) {
    for (const auto& [name, form] : forms) {
      const uint32_t n = form.node - 1;
      nodes_[n].mentions += form.count;
      if (form.first < earliest[n]) {
        earliest[n] = form.first;
        earliest_form[n] = form.id;
      }
    }
  }
  std::vector<std::tuple<uint32_t, uint64_t, uint32_t>> later;  // (node, place, form)
  for (const auto& forms : forms_) {
    for (const auto& [name, form] : forms) {
      const uint32_t n = form.node - 1;
      const bool holds_earliest = earliest_form[n] == form.id;
      const int64_t count = form.count - (holds_earliest ? 1 : 0);
      by_id[form.id] = {&name, count};
      if (count > 0) later.emplace_back(n, holds_earliest ? form.second : form.first, form.id);
    }
  }
  std::sort(later.begin(), later.end());
  for (const auto& [n, place, form] : later) nodes_[n].later_forms.push_back(form);
  return by_id;
}

}  // namespace quiver::graph
