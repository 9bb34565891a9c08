// quiver::Extractor (quiver/extractor.h): the public face of ingest/'s
// pipeline, so the CLI and embedding programs share one way to extract.

#include "quiver/extractor.h"

#include <optional>
#include <utility>

#include "absl/strings/str_cat.h"
#include "api/extraction_inputs.h"
#include "api/sentence_tuples.h"
#include "ingest/document_reader_dates.h"
#include "ingest/link_parser.h"
#include "ingest/pipeline.h"
#include "ingest/sentence_splitter.h"
#include "util/status_macros.h"

namespace quiver {

struct Extractor::Impl {
  ExtractorOptions options;
  ingest::ParserSettings settings;
  // ExtractText's and ExtractOpenTuples(sentence)'s, loaded on first use:
  // the schedulers of the many-input calls load their own, and the load
  // costs a moment.
  std::shared_ptr<ingest::LinkDictionary> dictionary;

  absl::Status LoadDictionary() {
    if (!dictionary) {
      QUIVER_ASSIGN_OR_RETURN(dictionary, ingest::LinkDictionary::Load());
    }
    return absl::OkStatus();
  }
};

Extractor::Extractor(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Extractor::~Extractor() = default;

int Extractor::MaxSentenceWords() { return ingest::kMaxSentenceWords; }
int Extractor::MaxSentenceBytes() { return int(ingest::kMaxSentenceBytes); }

std::string Extractor::CheckDefaultDate(std::string_view date) {
  return ingest::CheckDateOption(date);
}

absl::StatusOr<std::unique_ptr<Extractor>> Extractor::Create(const ExtractorOptions& options) {
  if (options.jobs < 1 || options.jobs > 256)
    return absl::InvalidArgumentError(absl::StrCat("jobs ", options.jobs, " is not 1 to 256"));
  if (options.linkage_limit < 1)
    return absl::InvalidArgumentError(
        absl::StrCat("linkage_limit ", options.linkage_limit, " is not positive"));
  if (options.first_line < 1 || options.last_line < options.first_line)
    return absl::InvalidArgumentError(absl::StrCat(
        "lines ", options.first_line, "-", options.last_line, ": need 1 <= first <= last"));
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  impl->settings.linkage_limit = options.linkage_limit;
  return std::unique_ptr<Extractor>(new Extractor(std::move(impl)));
}

absl::StatusOr<ExtractSummary> Extractor::ExtractPaths(
    const std::vector<std::string>& paths,
    const std::function<void(ExtractionRecord&&)>& sink) {
  const ExtractorOptions& o = impl_->options;
  PlacedInputs placed = ReadPlacedInputs(paths, LineRange{o.first_line, o.last_line});
  ingest::ReadResult& read = placed.read;
  if (!o.default_date.empty()) ingest::FillMissingDates(o.default_date, &read.documents);
  ExtractSummary summary;
  summary.documents = read.documents.size();
  for (auto& s : read.skipped) summary.skipped.emplace_back(std::move(s.path), std::move(s.reason));
  for (auto& w : read.warnings) summary.warnings.emplace_back(std::move(w.path), std::move(w.reason));
  ingest::ExtractStats total;
  ExtractProgress progress;
  progress.total = read.documents.size();
  QUIVER_RETURN_IF_ERROR(ingest::ExtractAll(
      read.documents, o.jobs, impl_->settings, [&](size_t i, ingest::ExtractedDocument&& d) {
        total.Add(d.stats);
        if (o.progress) {
          progress.done = i + 1;
          progress.sentences = total.sentences;
          progress.triples = total.triples;
          o.progress(progress);
        }
        ExtractionRecord record;
        record.document = std::move(d.input);
        record.document.content_hash = ContentHashHex(record.document.content);
        record.input_file = placed.places[i].file;
        record.input_line = placed.places[i].line;
        sink(std::move(record));
      }));
  summary.sentences = total.sentences;
  summary.fallback = total.fallback;
  summary.too_long = total.too_long;
  summary.long_cut = total.long_cut;
  summary.no_triple = total.no_triple;
  summary.triples = total.triples;
  return summary;
}

absl::StatusOr<DocumentInput> Extractor::ExtractText(const DocumentInput& document) {
  ingest::SourceDocument source;
  source.source = document.source;
  source.title = document.title;
  source.url = document.url;
  const std::string& date =
      document.date.empty() ? impl_->options.default_date : document.date;
  if (!date.empty()) {
    std::optional<std::string> normal = ingest::NormalizeDocumentDate(date);
    if (!normal) {
      return absl::InvalidArgumentError(absl::StrCat(
          "document ", document.source, ": date \"", date,
          "\" is not a date (write it as 2016-10-12 or 12 October 2016)"));
    }
    source.date = *normal;
  }
  source.text = document.content;
  QUIVER_RETURN_IF_ERROR(impl_->LoadDictionary());
  ingest::ParserSession parser(impl_->dictionary, impl_->settings);
  ingest::ExtractedDocument extracted = ingest::ExtractDocument(source, parser);
  DocumentInput out = std::move(extracted.input);
  // As Database::Ingest: the extracted triples, then the ones given.
  for (const Triple& t : document.triples) out.triples.push_back(t);
  out.content_hash = ContentHashHex(out.content);
  return out;
}

absl::StatusOr<SentenceTuples> Extractor::ExtractOpenTuples(const std::string& sentence) {
  QUIVER_RETURN_IF_ERROR(impl_->LoadDictionary());
  ingest::ParserSession parser(impl_->dictionary, impl_->settings);
  return internal::SentenceTuplesOf(sentence, parser);
}

absl::Status Extractor::ExtractOpenTuples(
    const std::vector<std::string>& sentences,
    const std::function<void(size_t, SentenceTuples&&)>& sink) {
  // Each result waits in its slot until every one before it is out; the
  // scheduler keeps only a window of sentences in flight.
  std::vector<SentenceTuples> done(sentences.size());
  return ingest::RunInOrder(
      sentences.size(), impl_->options.jobs, impl_->settings,
      [&](size_t i, ingest::ParserSession& parser) {
        done[i] = internal::SentenceTuplesOf(sentences[i], parser);
      },
      [&](size_t i) {
        sink(i, std::move(done[i]));
        done[i] = SentenceTuples();
      });
}

}  // namespace quiver
