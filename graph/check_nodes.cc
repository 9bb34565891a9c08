// The checker's pass over `nodes` and the two indexes built from them:
// `names` (each node's name and aliases, normalised) and `labels`.

#include <algorithm>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "graph/coding.h"
#include "graph/internal/check_context.h"
#include "graph/reader.h"
#include "graph/records.h"
#include "graph/write_txn.h"
#include "util/status_macros.h"

namespace quiver::graph {

absl::Status CheckNodes(CheckContext& ctx) {
  absl::flat_hash_map<std::string, TermId> term_ids;
  for (const auto& [id, text] : ctx.terms) term_ids.emplace(text, id);
  std::vector<std::string> names;
  std::vector<std::string> labels;
  auto cursor = ctx.reader().Scan(Cf::kNodes, "");
  for (; cursor->Valid(); cursor->Next()) {
    ctx.CountEntry(Cf::kNodes);
    std::string_view key = cursor->key();
    if (key.size() != kIdSize) {
      ctx.Problem(Cf::kNodes, key, "a key that is not a node id");
      continue;
    }
    const uint64_t id = DecodeIdKey(key);
    ctx.nodes.push_back(id);
    Node node;
    if (!DecodeNode(cursor->value(), &node)) {
      ctx.Problem(Cf::kNodes, key, "the node record does not decode");
      continue;
    }
    for (const auto& name : NameKeysOf(node)) names.push_back(NameKey(name, id));
    for (const auto& label : node.labels) {
      auto term = term_ids.find(label);
      if (term == term_ids.end()) {
        ctx.Problem(Cf::kNodes, key,
                    absl::StrCat("label \"", absl::CHexEscape(label), "\" is no term"));
        continue;
      }
      labels.push_back(LabelKey(term->second, id));
    }
  }
  QUIVER_RETURN_IF_ERROR(cursor->status());

  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  QUIVER_RETURN_IF_ERROR(ctx.MergeKeys(
      Cf::kNames, "", names.size(), [&](size_t i) { return names[i]; },
      [&](size_t i) {
        ctx.Problem(Cf::kNames, names[i],
                    absl::StrCat("missing: node ", NodeFromNameKey(names[i]),
                                 " has this name or alias"));
      },
      [&](std::string_view key, std::string_view) {
        if (key.size() < 9 || key[key.size() - 9] != '\0') {
          ctx.Problem(Cf::kNames, key, "a key that is not name 0x00 node");
          return;
        }
        uint64_t node = NodeFromNameKey(key);
        ctx.Problem(Cf::kNames, key,
                    ctx.HasNode(node)
                        ? absl::StrCat("node ", node, " has no name or alias that normalises so")
                        : absl::StrCat("no node ", node));
      },
      [](size_t, std::string_view) {}));

  std::sort(labels.begin(), labels.end());
  labels.erase(std::unique(labels.begin(), labels.end()), labels.end());
  return ctx.MergeKeys(
      Cf::kLabels, "", labels.size(), [&](size_t i) { return labels[i]; },
      [&](size_t i) {
        ctx.Problem(Cf::kLabels, labels[i],
                    absl::StrCat("missing: node ", DecodeFixed64BE(labels[i].data() + kTermSize),
                                 " has label ",
                                 ctx.TermName(DecodeFixed32BE(labels[i].data()))));
      },
      [&](std::string_view key, std::string_view) {
        if (key.size() != kTermSize + kIdSize) {
          ctx.Problem(Cf::kLabels, key, "a key that is not label term + node id");
          return;
        }
        uint64_t node = DecodeFixed64BE(key.data() + kTermSize);
        ctx.Problem(Cf::kLabels, key,
                    ctx.HasNode(node)
                        ? absl::StrCat("node ", node, " has no label ",
                                       ctx.TermName(DecodeFixed32BE(key.data())))
                        : absl::StrCat("no node ", node));
      },
      [](size_t, std::string_view) {});
}

}  // namespace quiver::graph
