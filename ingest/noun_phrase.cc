#include "ingest/noun_phrase.h"

#include <algorithm>
#include <set>

#include "ingest/link_parser.h"

namespace quiver::ingest {

LinkGraph::LinkGraph(const ParseTree& tree) : tree_(tree), adj_(tree.words.size()) {
  for (const ParseLink& l : tree.links) {
    if (l.left < 0 || l.right < 0 || l.left >= size() || l.right >= size()) continue;
    adj_[l.left].push_back({l.right, &l, true});
    adj_[l.right].push_back({l.left, &l, false});
  }
}

int LinkGraph::Find(int word, const char* family, bool to_right) const {
  for (const Adjacent& a : adj_[word])
    if (a.to_right == to_right && LinkIs(a.link->label, family)) return a.other;
  return -1;
}

std::vector<int> LinkGraph::FindAll(int word, const char* family, bool to_right) const {
  std::vector<int> out;
  for (const Adjacent& a : adj_[word])
    if (a.to_right == to_right && LinkIs(a.link->label, family)) out.push_back(a.other);
  return out;
}

namespace {

void CollectConjuncts(const LinkGraph& g, int head, int depth, std::vector<int>* out) {
  const std::string& tag = g.word(head).tag;
  if (depth > 8 || tag.empty() || tag[0] != 'j') {
    out->push_back(head);
    return;
  }
  bool any = false;
  for (const Adjacent& a : g.at(head)) {
    const std::string& label = a.link->label;
    if (!LinkIs(label, "SJ") || label.size() < 3) continue;
    // The coordinator is the right end of SJl (left conjunct) and the left
    // end of SJr (right conjunct).
    const bool left_conjunct = label[2] == 'l' && !a.to_right;
    const bool right_conjunct = label[2] == 'r' && a.to_right;
    if (!left_conjunct && !right_conjunct) continue;
    any = true;
    CollectConjuncts(g, a.other, depth + 1, out);
  }
  if (!any) out->push_back(head);
}

}  // namespace

std::vector<int> Conjuncts(const LinkGraph& g, int head) {
  std::vector<int> out;
  CollectConjuncts(g, head, 0, &out);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

namespace {

// Links inside a noun phrase, by the side of the head they lie on.
bool LeftModifier(const std::string& label) {
  return LinkIs(label, "D") || LinkIs(label, "A") || LinkIs(label, "AN") ||
         LinkIs(label, "G") || LinkIs(label, "GN") || LinkIs(label, "YS") ||
         LinkIs(label, "YP") || LinkIs(label, "DG") || LinkIs(label, "NM") ||
         LinkIs(label, "EA") || LinkIs(label, "DD") || LinkIs(label, "NIa") ||
         LinkIs(label, "ND") || LinkIs(label, "NN") || LinkIs(label, "AL") ||
         LinkIs(label, "EN") || LinkIs(label, "EC") || LinkIs(label, "H");
}

bool RightModifier(const std::string& label) {
  return LinkIs(label, "M") || LinkIs(label, "Mp") || LinkIs(label, "Mf") ||
         LinkIs(label, "Mg") || LinkIs(label, "Mv") || LinkIs(label, "Ma") ||
         LinkIs(label, "J") || LinkIs(label, "G") || LinkIs(label, "MX") ||
         LinkIs(label, "SJ") || LinkIs(label, "O") || LinkIs(label, "MV") ||
         LinkIs(label, "R") || LinkIs(label, "RS") || LinkIs(label, "B") ||
         LinkIs(label, "Xd") || LinkIs(label, "Xc") || LinkIs(label, "I") ||
         LinkIs(label, "TO") || LinkIs(label, "NM") || LinkIs(label, "TH") ||
         LinkIs(label, "C") || LinkIs(label, "Ce") || LinkIs(label, "S") ||
         LinkIs(label, "Pv") || LinkIs(label, "Pa") || LinkIs(label, "PP") ||
         LinkIs(label, "K");
}

// `inner`: w is inside a modifier (a preposition, participle or relative
// clause), whose own arguments belong to the phrase; otherwise w is a noun
// head, whose clause (its verb, its subject link) does not.
void Collect(const LinkGraph& g, int w, bool full, bool inner, int depth, std::set<int>* seen) {
  if (depth > 30 || !seen->insert(w).second) return;
  for (const Adjacent& a : g.at(w)) {
    const std::string& label = a.link->label;
    if (g.word(a.other).begin == g.word(a.other).end) continue;  // walls
    if (!a.to_right && a.link->right == w && LeftModifier(label)) {
      Collect(g, a.other, full, false, depth + 1, seen);
    } else if (LinkIs(label, "SJ") || (a.to_right && LinkIs(label, "G"))) {
      Collect(g, a.other, full, false, depth + 1, seen);
    } else if (!full || !a.to_right) {
      continue;
    } else if (!inner && (LinkIs(label, "M") || LinkIs(label, "R") || LinkIs(label, "TO") ||
                          LinkIs(label, "IV"))) {
      Collect(g, a.other, full, true, depth + 1, seen);
    } else if (LinkIs(label, "J")) {
      Collect(g, a.other, full, false, depth + 1, seen);
    } else if (inner && RightModifier(label) && !LinkIs(label, "S")) {
      Collect(g, a.other, full, true, depth + 1, seen);
    }
  }
}

}  // namespace

std::vector<int> PhraseWords(const LinkGraph& g, int head, bool full) {
  std::set<int> seen;
  Collect(g, head, full, /*inner=*/false, 0, &seen);
  std::vector<int> out(seen.begin(), seen.end());
  // A phrase as written ends before a trailing comma.
  while (out.size() > 1 && (g.word(out.back()).text == "," || g.word(out.back()).text == "."))
    out.pop_back();
  return out;
}

std::string SpanText(const LinkGraph& g, const std::vector<int>& words,
                     const std::string& sentence) {
  if (words.empty()) return "";
  uint32_t b = UINT32_MAX, e = 0;
  for (int w : words) {
    const ParseWord& pw = g.word(w);
    if (pw.begin == pw.end) continue;
    b = std::min(b, pw.begin);
    e = std::max(e, pw.end);
  }
  if (b >= e || e > sentence.size()) return "";
  return sentence.substr(b, e - b);
}

bool IsCapitalized(const std::string& word) {
  if (word.empty()) return false;
  unsigned char c = static_cast<unsigned char>(word[0]);
  if (c >= 'A' && c <= 'Z') return true;
  // "al-Assad", "bin-Salman": a lower-case particle before a capital.
  size_t dash = word.find('-');
  if (dash != std::string::npos && dash <= 3 && dash + 1 < word.size() &&
      word[dash + 1] >= 'A' && word[dash + 1] <= 'Z')
    return true;
  // Accented capitals (É, Ö, ...) in UTF-8: C3 80..9E.
  return c == 0xC3 && word.size() > 1 && static_cast<unsigned char>(word[1]) < 0x9F;
}

}  // namespace quiver::ingest
