#include "ingest/tuple_features.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace quiver::ingest {

namespace {

int Words(const std::string& s) {
  int n = 0;
  bool in = false;
  for (char ch : s) {
    const bool space = ch == ' ' || ch == '\t';
    if (!space && !in) ++n;
    in = !space;
  }
  return n;
}

// Counts grow with diminishing weight: the tenth word of an argument says
// less than the second.
double Log1(double x) { return std::log1p(std::max(0.0, x)); }

}  // namespace

std::string ClauseKind(const SentenceView& g, const Clause& c) {
  if (c.apposition) return "apposition";
  if (c.quote_before) return "quote_before";
  if (c.clausal_object) return "clausal_object";
  if (c.object_as_written < 0) return "intransitive_opener";
  if (c.relation == "be")
    return g.pos(c.object_as_written) == WordPos::kAdjective ? "copula_adjective" : "copula";
  if (c.passive && c.object_prep_word >= 0 && g.word(c.object_prep_word).text == "by")
    return "passive_agent";
  if (c.passive) return "passive_prep";
  if (c.object_prep_word >= 0) return "prep_object";
  return "svo";
}

Features ParseFeatures(const SentenceView& g, bool partial) {
  const ParseTree& t = g.tree();
  return {{"partial", partial ? 1.0 : 0.0},
          {"null_words", static_cast<double>(t.null_count)},
          {"linkage_rank", Log1(t.linkage_rank)},
          {"linkages", Log1(t.linkages)},
          {"disjunct_cost", t.disjunct_cost},
          {"chunked", t.chunks > 1 ? 1.0 : 0.0},
          {"sentence_words", Log1(g.size())}};
}

Features ClauseFeatures(const SentenceView& g, const Clause& c) {
  Features f;
  f.push_back({std::string("modality=") + ModalityName(c.modality), 1});
  f.push_back({"negated", c.negated ? 1.0 : 0.0});
  f.push_back({"passive", c.passive ? 1.0 : 0.0});
  f.push_back({"from_modifier", c.from_modifier ? 1.0 : 0.0});
  f.push_back({"graph_worthy", c.graph_worthy ? 1.0 : 0.0});
  f.push_back({"preps", static_cast<double>(c.preps.size())});
  if (c.subject_as_written > 0)
    f.push_back({std::string("arg1_pos=") + WordPosName(g.pos(c.subject_as_written)), 1});
  if (c.object_as_written > 0 && !c.clausal_object)
    f.push_back({std::string("arg2_pos=") + WordPosName(g.pos(c.object_as_written)), 1});
  if (c.object_as_written > 0)
    f.push_back({"arg_distance", Log1(std::abs(c.object_as_written - c.subject_as_written))});
  if (c.verb > 0 && c.subject_as_written > 0)
    f.push_back({"subject_after_verb", c.subject_as_written > c.verb ? 1.0 : 0.0});
  return f;
}

Features TupleWordFeatures(const std::string& kind, const std::string& relation,
                           const std::vector<std::string>& args, double hand_confidence) {
  Features f;
  f.push_back({"kind=" + kind, 1});
  f.push_back({"hand_confidence", hand_confidence});
  f.push_back({"relation_words", Log1(Words(relation))});
  f.push_back({"arg1_words", args.empty() ? 0.0 : Log1(Words(args[0]))});
  f.push_back({"arg2_words", args.size() < 2 ? 0.0 : Log1(Words(args[1]))});
  f.push_back({"extra_args", static_cast<double>(args.size() > 2 ? args.size() - 2 : 0)});
  return f;
}

std::string FormatFeatures(const Features& f) {
  std::string out;
  for (const auto& [name, value] : f) {
    char buf[32];
    std::snprintf(buf, sizeof(buf), "%.4f", value);
    if (!out.empty()) out += ';';
    out += name + "=" + buf;
  }
  return out;
}

}  // namespace quiver::ingest
