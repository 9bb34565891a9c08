#include "graph/curation.h"

#include "absl/strings/str_cat.h"
#include "graph/coding.h"
#include "graph/key_format.h"
#include "graph/reader.h"
#include "graph/store.h"
#include "util/status_macros.h"

namespace quiver::graph {

const char* CurationKindName(CurationKind kind) {
  return kind == CurationKind::kSplit ? "split" : "merge";
}

std::string CurationLogPrefix() { return "l"; }

std::string CurationLogKey(uint64_t seq) {
  std::string k = CurationLogPrefix();
  PutFixed64BE(&k, seq);
  return k;
}

namespace {

// As in `names`: "putin" must not match "putina".
std::string NameBlockPrefix(std::string_view normalised) { return "b" + NamePrefix(normalised); }

}  // namespace

std::string NameBlockKey(std::string_view normalised, NodeId node) {
  std::string k = NameBlockPrefix(normalised);
  PutFixed64BE(&k, node);
  return k;
}

std::string EncodeCuration(const CurationRecord& r) {
  std::string out(1, char(kRecordFormat));
  out.push_back(char(r.kind));
  PutVarsint64(&out, r.time_micros);
  PutFixed64BE(&out, r.node);
  PutFixed64BE(&out, r.other);
  PutVarint64(&out, r.names.size());
  for (const auto& n : r.names) PutLengthPrefixed(&out, n);
  PutLengthPrefixed(&out, r.reason);
  PutVarint64(&out, uint64_t(r.edges));
  return out;
}

bool DecodeCuration(std::string_view key, std::string_view in, CurationRecord* r) {
  if (key.size() != 9 || key[0] != 'l') return false;
  r->seq = DecodeFixed64BE(key.data() + 1);
  if (in.size() < 2 || uint8_t(in[0]) != kRecordFormat) return false;
  uint8_t kind = uint8_t(in[1]);
  if (kind != uint8_t(CurationKind::kMerge) && kind != uint8_t(CurationKind::kSplit))
    return false;
  r->kind = CurationKind(kind);
  in.remove_prefix(2);
  uint64_t n, edges;
  if (!GetVarsint64(&in, &r->time_micros) || !GetFixed64BE(&in, &r->node) ||
      !GetFixed64BE(&in, &r->other) || !GetVarint64(&in, &n) || n > in.size()) {
    return false;
  }
  r->names.clear();
  for (uint64_t i = 0; i < n; ++i) {
    std::string_view s;
    if (!GetLengthPrefixed(&in, &s)) return false;
    r->names.emplace_back(s);
  }
  std::string_view reason;
  if (!GetLengthPrefixed(&in, &reason) || !GetVarint64(&in, &edges) || !in.empty())
    return false;
  r->reason.assign(reason);
  r->edges = int64_t(edges);
  return true;
}

absl::StatusOr<std::vector<CurationRecord>> CurationLog(const Reader& reader) {
  std::vector<CurationRecord> log;
  auto cursor = reader.Scan(Cf::kCuration, CurationLogPrefix());
  for (; cursor->Valid(); cursor->Next()) {
    CurationRecord r;
    if (!DecodeCuration(cursor->key(), cursor->value(), &r)) {
      return absl::DataLossError(absl::StrCat(
          "store ", reader.store().path(), ": corrupted record in column family curation"));
    }
    log.push_back(std::move(r));
  }
  QUIVER_RETURN_IF_ERROR(cursor->status());
  return log;
}

absl::StatusOr<bool> NameBlocked(const Reader& reader, std::string_view normalised,
                                 NodeId node) {
  QUIVER_ASSIGN_OR_RETURN(auto v, reader.Get(Cf::kCuration, NameBlockKey(normalised, node)));
  return v.has_value();
}

absl::StatusOr<bool> NameEverSplitOff(const Reader& reader, std::string_view normalised) {
  auto cursor = reader.Scan(Cf::kCuration, NameBlockPrefix(normalised));
  bool any = cursor->Valid();
  QUIVER_RETURN_IF_ERROR(cursor->status());
  return any;
}

}  // namespace quiver::graph
