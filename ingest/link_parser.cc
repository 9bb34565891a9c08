#include "ingest/link_parser.h"
#include "ingest/sentence_view.h"

#include <algorithm>
#include <cstdio>
#include <mutex>

#include <link-grammar/link-includes.h>

#include "absl/status/status.h"
#include "ingest/sentence_chunker.h"

namespace quiver::ingest {

namespace {

// "vetoed.v-d" -> ("vetoed", "v-d"); "Hollande[!<CAPITALIZED-WORDS>]" ->
// ("Hollande", guessed); "al-Assad[!<HYPHENATED-WORDS>].n" -> ("al-Assad", "n").
void SplitWord(const char* raw, ParseWord* w) {
  std::string s(raw);
  if (!s.empty() && s[0] == '[') {  // A word the linkage left unlinked.
    w->text = s;
    w->tag = "null";
    return;
  }
  size_t bracket = s.find('[');
  if (bracket != std::string::npos && bracket > 0) {
    size_t close = s.find(']', bracket);
    w->guessed = true;
    std::string rest = close == std::string::npos ? "" : s.substr(close + 1);
    s = s.substr(0, bracket) + rest;
  }
  size_t dot = s.rfind('.');
  if (dot != std::string::npos && dot > 0 && dot + 1 < s.size()) {
    w->text = s.substr(0, dot);
    w->tag = s.substr(dot + 1);
  } else {
    w->text = s;
  }
}

// A linkage whose main clause has a verb beats a noun-phrase fragment reading
// of the same words ("Fabius met Lavrov" as one long name).
int ScoreLinkage(Linkage linkage) {
  // Presence, not counts: more subject links is not a better reading, and
  // among equals the cheaper (earlier) linkage wins.
  bool wv = false, subject = false, fragment = false, verb_object = false;
  for (int k = 0; k < int(linkage_get_num_links(linkage)); ++k) {
    const Rel rel = RelOfLabel(linkage_get_link_label(linkage, k));
    if (rel == Rel::kWallVerb) wv = true;
    if (rel == Rel::kSubject) subject = true;
    if (rel == Rel::kWallFragment) fragment = true;
    // A verb form as the object of "be" ("is being(n) administered") is a
    // noun reading of an auxiliary.
    if (rel == Rel::kObject) {
      std::string word = linkage_get_word(linkage, linkage_get_link_rword(linkage, k));
      if (word.find(".v") != std::string::npos) verb_object = true;
    }
  }
  return (wv ? 4 : 0) + (subject ? 2 : 0) - (fragment ? 4 : 0) - (verb_object ? 3 : 0);
}

// link-grammar reports through this handler; its notes about the locale and
// timeouts would land on stdout, which carries our output (CaRB, JSON).
void QuietHandler(lg_errinfo* info, void*) {
  if (info->severity <= lg_Error) {
    std::fprintf(stderr, "link-grammar: %s", info->text);
  }
}


// Chunk trees (each with its own walls) as one tree of the sentence: one
// LEFT-WALL, the words of all chunks in sentence order, one RIGHT-WALL; a
// chunk's links to its walls go to the shared ones. Null counts add up.
void MergeTrees(const std::vector<ParseTree>& parts, ParseTree* tree) {
  struct Ref {
    uint32_t begin;
    size_t part;
    int word;
  };
  std::vector<Ref> refs;
  bool right_wall = false;
  for (size_t p = 0; p < parts.size(); ++p) {
    const std::vector<ParseWord>& words = parts[p].words;
    for (int i = 1; i < static_cast<int>(words.size()); ++i) {
      if (words[i].begin == words[i].end) {
        right_wall = true;
      } else {
        refs.push_back({words[i].begin, p, i});
      }
    }
  }
  std::stable_sort(refs.begin(), refs.end(),
                   [](const Ref& a, const Ref& b) { return a.begin < b.begin; });
  std::vector<std::vector<int>> index(parts.size());
  for (size_t p = 0; p < parts.size(); ++p) index[p].assign(parts[p].words.size(), -1);
  tree->words.clear();
  tree->links.clear();
  tree->null_count = 0;
  tree->linkage_rank = tree->linkages = 0;
  tree->disjunct_cost = 0;
  tree->chunks = static_cast<int>(parts.size());
  tree->words.push_back(parts[0].words[0]);
  for (const Ref& r : refs) {
    index[r.part][r.word] = static_cast<int>(tree->words.size());
    tree->words.push_back(parts[r.part].words[r.word]);
  }
  const int right = static_cast<int>(tree->words.size());
  if (right_wall) {
    ParseWord wall;
    wall.text = "RIGHT-WALL";
    wall.begin = wall.end = refs.empty() ? 0 : tree->words.back().end;
    tree->words.push_back(wall);
  }
  for (size_t p = 0; p < parts.size(); ++p) {
    index[p][0] = 0;
    for (size_t i = 1; i < index[p].size(); ++i) {
      if (index[p][i] < 0) index[p][i] = right;
    }
    tree->null_count += parts[p].null_count;
    tree->linkage_rank = std::max(tree->linkage_rank, parts[p].linkage_rank);
    tree->linkages = std::max(tree->linkages, parts[p].linkages);
    tree->disjunct_cost += parts[p].disjunct_cost;
    for (const ParseLink& link : parts[p].links) {
      ParseLink l = link;
      l.left = index[p][link.left];
      l.right = index[p][link.right];
      tree->links.push_back(std::move(l));
    }
  }
}

}  // namespace

// On CaRB dev blanking the Penn Treebank's quotes raised complete linkages
// from 416 to 483 of 641 (F1 +0.004).
std::string BlankQuotes(std::string_view s) {
  std::string out(s);
  for (size_t i = 0; i < out.size(); ++i) {
    if (i + 1 < out.size() && ((out[i] == '`' && out[i + 1] == '`') ||
                               (out[i] == '\'' && out[i + 1] == '\''))) {
      out[i] = out[i + 1] = ' ';
      ++i;
    } else if (out[i] == '"') {
      out[i] = ' ';
    } else if (i + 2 < out.size() && static_cast<unsigned char>(out[i]) == 0xE2 &&
               static_cast<unsigned char>(out[i + 1]) == 0x80 &&
               (static_cast<unsigned char>(out[i + 2]) == 0x9C ||
                static_cast<unsigned char>(out[i + 2]) == 0x9D)) {
      out[i] = out[i + 1] = out[i + 2] = ' ';
      i += 2;
    }
  }
  return out;
}


absl::StatusOr<std::shared_ptr<LinkDictionary>> LinkDictionary::Load() {
  // Dictionary loading is not documented as thread-safe.
  static std::mutex mu;
  std::lock_guard<std::mutex> lock(mu);
  lg_error_set_handler(QuietHandler, nullptr);
  // Verbosity is global in link-grammar; quiet the dictionary's notes.
  Parse_Options quiet = parse_options_create();
  parse_options_set_verbosity(quiet, 0);
  parse_options_delete(quiet);
  Dictionary dict = dictionary_create_lang("en");
  if (dict == nullptr) {
    return absl::FailedPreconditionError(
        "link-grammar: the English dictionary could not be loaded "
        "(install link-grammar-dictionaries-en)");
  }
  return std::shared_ptr<LinkDictionary>(new LinkDictionary(dict));
}

LinkDictionary::~LinkDictionary() { dictionary_delete(static_cast<Dictionary>(dict_)); }

ParserSession::ParserSession(std::shared_ptr<LinkDictionary> dict,
                             const ParserSettings& settings)
    : dict_(std::move(dict)), settings_(settings) {
  Parse_Options o = parse_options_create();
  parse_options_set_linkage_limit(o, settings.linkage_limit);
  parse_options_set_short_length(o, settings.short_length);
  // No max_parse_time (link-grammar's default is none): see ParserSettings.
  parse_options_set_repeatable_rand(o, 1);
  parse_options_set_verbosity(o, 0);
  parse_options_set_islands_ok(o, 0);
  options_ = o;
}

ParserSession::~ParserSession() { parse_options_delete(static_cast<Parse_Options>(options_)); }

ParseOutcome ParserSession::Parse(std::string_view sentence, ParseTree* tree) {
  std::string text = BlankQuotes(sentence);
  // link-grammar takes a C string: a NUL byte (JSON's \u0000 gets one into
  // a document) would end the sentence early, and one at the start makes
  // it empty, which aborts (see ParseText). Blank them, byte for byte.
  std::replace(text.begin(), text.end(), '\0', ' ');
  const std::vector<SentenceChunk> chunks =
      settings_.chunk_min_words > 0 ? ChunkSentence(text, settings_.chunk_min_words)
                                    : std::vector<SentenceChunk>(1);
  if (chunks.size() <= 1) return ParsePiece(text, sentence, /*depth=*/0, tree);
  return ParseChunks(text, chunks, sentence, /*depth=*/0, tree);
}

ParseOutcome ParserSession::ParseChunks(const std::string& text,
                                        const std::vector<SentenceChunk>& chunks,
                                        std::string_view sentence,
                                        int depth,
                                        ParseTree* tree) {
  // Each chunk alone: everything else blanked byte for byte, so its word
  // spans index the sentence and the trees merge by position.
  std::vector<ParseTree> parts;
  bool all_complete = true, too_long = false;
  for (const SentenceChunk& chunk : chunks) {
    std::string blanked(text.size(), ' ');
    for (const auto& [b, e] : chunk.ranges) blanked.replace(b, e - b, text, b, e - b);
    ParseTree part;
    const ParseOutcome outcome = ParsePiece(blanked, sentence, depth, &part);
    if (outcome == ParseOutcome::kComplete || outcome == ParseOutcome::kPartial) {
      all_complete = all_complete && outcome == ParseOutcome::kComplete;
      parts.push_back(std::move(part));
    } else {
      all_complete = false;
      too_long = too_long || outcome == ParseOutcome::kTooLong;
    }
  }
  if (parts.empty()) {
    return too_long ? ParseOutcome::kTooLong : ParseOutcome::kNoParse;
  }
  MergeTrees(parts, tree);
  return all_complete ? ParseOutcome::kComplete : ParseOutcome::kPartial;
}

ParseOutcome ParserSession::ParsePiece(const std::string& text, std::string_view sentence,
                                       int depth,
                                       ParseTree* tree) {
  if (!settings_.fallback_chunks) {
    return ParseText(text, sentence, 0, settings_.max_null_words, tree);
  }
  // Complete linkages only: a failed zero-null search is cheap (~8 ms); the
  // null-link search on a whole long sentence is not (20-90 ms at 30-60
  // words, and "… of the dogma of the Immaculate Conception of the B. V. M ."
  // runs into link-grammar's 1 s limit). So a short sentence that fails gets
  // the null-link pass, a long one is split (FallbackChunks) and its pieces
  // parsed the same way; only pieces (or unsplittable sentences) of at most
  // piece_null_pass_max_words words get a null-link pass.
  const ParseOutcome whole = ParseText(text, sentence, 0, 0, tree);
  if (whole != ParseOutcome::kNoParse) return whole;
  const int words = CountWords(text);
  if (settings_.max_null_words > 0 && words <= settings_.null_pass_max_words) {
    return ParseText(text, sentence, 1, settings_.max_null_words, tree);
  }
  if (depth == 0) {
    const std::vector<SentenceChunk> chunks = FallbackChunks(text);
    if (chunks.size() > 1) return ParseChunks(text, chunks, sentence, depth + 1, tree);
  }
  if (settings_.max_null_words <= 0 || words > settings_.piece_null_pass_max_words) {
    return ParseOutcome::kNoParse;
  }
  return ParseText(text, sentence, 1, settings_.max_null_words, tree);
}

ParseOutcome ParserSession::ParseText(const std::string& text, std::string_view sentence,
                                      int min_nulls, int max_nulls, ParseTree* tree) {
  // link-grammar 5.12 corrupts its heap inside sentence_split on input of
  // more than 32,767 bytes ("malloc(): invalid size", measured by bisection
  // on one sentence of clauses joined by "and"). The sentence splitter cuts
  // sentences far shorter (kMaxSentenceBytes); this guards other callers.
  if (text.size() > kMaxParserInputBytes) return ParseOutcome::kTooLong;
  Parse_Options o = static_cast<Parse_Options>(options_);
  // link-grammar aborts the process on an empty sentence (an assertion in
  // sentence_split: "Empty-string subword"); found by fuzz_sentence.
  if (text.empty()) return ParseOutcome::kNoParse;
  Sentence sent = sentence_create(text.c_str(), static_cast<Dictionary>(dict_->handle()));
  if (sent == nullptr) return ParseOutcome::kNoParse;
  if (sentence_split(sent, o) != 0) {
    sentence_delete(sent);
    return ParseOutcome::kNoParse;
  }
  if (sentence_length(sent) > settings_.max_words + 2) {
    sentence_delete(sent);
    return ParseOutcome::kTooLong;
  }
  // link-grammar tries min_nulls first and then each further null count,
  // each a pruning and counting pass of its own.
  parse_options_set_min_null_count(o, min_nulls);
  parse_options_set_max_null_count(o, max_nulls);
  int found = sentence_parse(sent, o);
  if (found <= 0 || sentence_num_valid_linkages(sent) <= 0) {
    sentence_delete(sent);
    return ParseOutcome::kNoParse;
  }
  // Choose among the best few linkages (they come sorted by cost). The
  // chosen one is kept rather than created again: link-grammar 5.12 leaks
  // part of a linkage created twice (LeakSanitizer on ingest_tests).
  const int candidates = std::min(sentence_num_valid_linkages(sent), 8);
  Linkage linkage = nullptr;
  int best_score = -1000, best_rank = 0;
  for (int i = 0; i < candidates; ++i) {
    Linkage l = linkage_create(i, sent, o);
    if (l == nullptr) continue;
    const int score = ScoreLinkage(l);
    if (score > best_score) {
      if (linkage != nullptr) linkage_delete(linkage);
      linkage = l;
      best_score = score;
      best_rank = i;
    } else {
      linkage_delete(l);
    }
  }
  if (linkage == nullptr) {
    sentence_delete(sent);
    return ParseOutcome::kNoParse;
  }
  tree->words.clear();
  tree->links.clear();
  tree->null_count = sentence_null_count(sent);
  tree->linkage_rank = best_rank;
  tree->linkages = sentence_num_valid_linkages(sent);
  tree->disjunct_cost = linkage_disjunct_cost(linkage);
  tree->chunks = 1;
  const int n = linkage_get_num_words(linkage);
  tree->words.resize(n);
  for (int i = 0; i < n; ++i) {
    ParseWord& w = tree->words[i];
    SplitWord(linkage_get_word(linkage, i), &w);
    w.begin = static_cast<uint32_t>(linkage_get_word_byte_start(linkage, i));
    w.end = static_cast<uint32_t>(linkage_get_word_byte_end(linkage, i));
    if (w.end > text.size()) w.begin = w.end = static_cast<uint32_t>(text.size());
    // Keep the sentence's own spelling (the parser may lower-case or mark).
    if (w.end > w.begin) w.text = std::string(sentence.substr(w.begin, w.end - w.begin));
  }
  for (int k = 0; k < int(linkage_get_num_links(linkage)); ++k) {
    ParseLink link;
    link.left = linkage_get_link_lword(linkage, k);
    link.right = linkage_get_link_rword(linkage, k);
    link.label = linkage_get_link_label(linkage, k);
    tree->links.push_back(std::move(link));
  }
  linkage_delete(linkage);
  sentence_delete(sent);
  return tree->null_count > 0 ? ParseOutcome::kPartial : ParseOutcome::kComplete;
}

}  // namespace quiver::ingest
