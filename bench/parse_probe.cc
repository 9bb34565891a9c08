// parse_probe: where link-grammar's time goes for a file of sentences (one
// per line), under given parse options. Measures thread CPU time of
// tokenising (sentence_split) and parsing (sentence_parse) and groups the
// parse time by the null count of the linkage found, so option changes
// (null cap, linkage limit, short_length, disjunct cost) can be weighed
// without the rest of the pipeline. Figures in bench/README.md.
//
// Usage: parse_probe FILE [--limit N] [--short N] [--max-nulls N]
//                         [--disjunct-cost X] [--keep-quotes]
//                         [--show-slower-than SECONDS]  (prints those sentences)
//        parse_probe FILE --session [--one-pass] [--null-pass-max-words N]
//                         [--piece-null-pass-max-words N] [--chunk-min-words N]
//                         [--max-nulls N] [--show-slower-than S]
//   --session runs quiver's own ParserSession::Parse (chunking, fallback)
//   with ParserSettings' defaults or the values given, and groups the time
//   by outcome; --one-pass is the earlier strategy (one pass allowing
//   max-nulls unlinked words, no fallback chunks).

#include <time.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <string>

#include <link-grammar/link-includes.h>

#include "ingest/link_parser.h"

namespace {

double ThreadCpuSeconds() {
  timespec t;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return double(t.tv_sec) + double(t.tv_nsec) * 1e-9;
}

void Quiet(lg_errinfo*, void*) {}

struct Bucket {
  int sentences = 0;
  double seconds = 0;
};

const char* OutcomeName(quiver::ingest::ParseOutcome o) {
  using quiver::ingest::ParseOutcome;
  switch (o) {
    case ParseOutcome::kComplete: return "complete";
    case ParseOutcome::kPartial: return "partial";
    case ParseOutcome::kTooLong: return "too long";
    case ParseOutcome::kNoParse: return "no parse";
  }
  return "?";
}

// ParserSession::Parse on every line: thread CPU time by outcome.
int RunSession(std::ifstream& in, const quiver::ingest::ParserSettings& settings,
               double show_slower_than) {
  auto dict = quiver::ingest::LinkDictionary::Load();
  if (!dict.ok()) { std::fprintf(stderr, "%s\n", dict.status().ToString().c_str()); return 1; }
  quiver::ingest::ParserSession session(*dict, settings);
  std::map<std::string, Bucket> by_outcome;
  double total = 0, worst = 0;
  int n = 0;
  long nulls = 0;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    ++n;
    quiver::ingest::ParseTree tree;
    const double t0 = ThreadCpuSeconds();
    const quiver::ingest::ParseOutcome o = session.Parse(line, &tree);
    const double t = ThreadCpuSeconds() - t0;
    total += t;
    worst = std::max(worst, t);
    Bucket& b = by_outcome[OutcomeName(o)];
    ++b.sentences;
    b.seconds += t;
    if (o == quiver::ingest::ParseOutcome::kPartial) nulls += tree.null_count;
    if (show_slower_than >= 0 && t > show_slower_than) {
      std::printf("%.2f s  %s  %s\n", t, OutcomeName(o), line.c_str());
    }
  }
  std::printf("%d sentences: parse %.2f s CPU -> %.0f sentences per CPU-second; slowest %.2f s; "
              "%ld null words in partial parses\n",
              n, total, n / std::max(1e-9, total), worst, nulls);
  for (const auto& [name, b] : by_outcome) {
    std::printf("  %-10s %4d sentences  %6.2f s  %6.1f ms each\n", name.c_str(), b.sentences,
                b.seconds, 1000 * b.seconds / b.sentences);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s FILE [--limit N] [--short N] [--max-nulls N] "
                         "[--disjunct-cost X] [--keep-quotes] [--show-slower-than S]\n", argv[0]);
    return 2;
  }
  int limit = 300, short_length = 6, max_nulls = 3;
  double disjunct_cost = -1, show_slower_than = -1;
  bool keep_quotes = false, session = false;
  quiver::ingest::ParserSettings settings;
  for (int i = 2; i < argc; ++i) {
    auto next = [&]() -> const char* {
      if (i + 1 >= argc) { std::fprintf(stderr, "%s needs a value\n", argv[i]); std::exit(2); }
      return argv[++i];
    };
    if (!std::strcmp(argv[i], "--limit")) limit = std::atoi(next());
    else if (!std::strcmp(argv[i], "--short")) short_length = std::atoi(next());
    else if (!std::strcmp(argv[i], "--max-nulls")) max_nulls = std::atoi(next());
    else if (!std::strcmp(argv[i], "--disjunct-cost")) disjunct_cost = std::atof(next());
    else if (!std::strcmp(argv[i], "--keep-quotes")) keep_quotes = true;
    else if (!std::strcmp(argv[i], "--show-slower-than")) show_slower_than = std::atof(next());
    else if (!std::strcmp(argv[i], "--session")) session = true;
    else if (!std::strcmp(argv[i], "--one-pass")) settings.fallback_chunks = false;
    else if (!std::strcmp(argv[i], "--null-pass-max-words")) settings.null_pass_max_words = std::atoi(next());
    else if (!std::strcmp(argv[i], "--piece-null-pass-max-words")) settings.piece_null_pass_max_words = std::atoi(next());
    else if (!std::strcmp(argv[i], "--chunk-min-words")) settings.chunk_min_words = std::atoi(next());
    else { std::fprintf(stderr, "unknown option %s\n", argv[i]); return 2; }
  }
  std::ifstream in(argv[1]);
  if (!in) { std::fprintf(stderr, "%s: cannot be read\n", argv[1]); return 1; }
  if (session) {
    settings.linkage_limit = limit;
    settings.short_length = short_length;
    settings.max_null_words = max_nulls;
    return RunSession(in, settings, show_slower_than);
  }
  lg_error_set_handler(Quiet, nullptr);
  Dictionary dict = dictionary_create_lang("en");
  if (dict == nullptr) { std::fprintf(stderr, "no English dictionary\n"); return 1; }
  Parse_Options o = parse_options_create();
  parse_options_set_linkage_limit(o, limit);
  parse_options_set_short_length(o, short_length);
  parse_options_set_repeatable_rand(o, 1);
  parse_options_set_verbosity(o, 0);
  parse_options_set_islands_ok(o, 0);
  parse_options_set_min_null_count(o, 0);
  parse_options_set_max_null_count(o, max_nulls);
  if (disjunct_cost >= 0) parse_options_set_disjunct_cost(o, disjunct_cost);

  std::map<int, Bucket> by_nulls;  // -1: no linkage.
  double split_s = 0, parse_s = 0, worst = 0;
  int n = 0;
  long linkages = 0;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    if (!keep_quotes) line = quiver::ingest::BlankQuotes(line);
    ++n;
    const double t0 = ThreadCpuSeconds();
    Sentence s = sentence_create(line.c_str(), dict);
    sentence_split(s, o);
    const double t1 = ThreadCpuSeconds();
    const int found = sentence_parse(s, o);
    const double t2 = ThreadCpuSeconds();
    split_s += t1 - t0;
    parse_s += t2 - t1;
    worst = std::max(worst, t2 - t0);
    const int valid = found > 0 ? sentence_num_valid_linkages(s) : 0;
    Bucket& b = by_nulls[valid > 0 ? sentence_null_count(s) : -1];
    ++b.sentences;
    b.seconds += t2 - t1;
    linkages += valid;
    if (show_slower_than >= 0 && t2 - t0 > show_slower_than) {
      std::printf("%.2f s  %d nulls  %s\n", t2 - t0, valid > 0 ? sentence_null_count(s) : -1,
                  line.c_str());
    }
    sentence_delete(s);
  }
  std::printf("%d sentences: tokenise %.2f s, parse %.2f s CPU -> %.0f sentences per CPU-second; "
              "slowest %.2f s; %.0f valid linkages per parsed sentence\n",
              n, split_s, parse_s, n / std::max(1e-9, split_s + parse_s), worst,
              double(linkages) / std::max(1, n - by_nulls[-1].sentences));
  for (const auto& [nulls, b] : by_nulls) {
    if (b.sentences == 0) continue;
    std::printf("  %-10s %4d sentences  %6.2f s  %6.1f ms each\n",
                nulls < 0 ? "no linkage" : (std::to_string(nulls) + " nulls").c_str(), b.sentences,
                b.seconds, 1000 * b.seconds / b.sentences);
  }
  parse_options_delete(o);
  dictionary_delete(dict);
  return 0;
}
