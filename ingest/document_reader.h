// Reading documents from files, folders and stdin: plain text, Markdown,
// HTML and JSON Lines. Whatever cannot be read is reported and skipped.

#ifndef QUIVER_INGEST_DOCUMENT_READER_H_
#define QUIVER_INGEST_DOCUMENT_READER_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace quiver::ingest {

// The largest document read: a file (other than JSON Lines), one JSON
// Lines record, or stdin. A larger one is skipped with its size named.
// 32 MiB is a few thousand times a long news article; a document is held
// whole while it is parsed.
inline constexpr size_t kMaxDocumentBytes = size_t(32) << 20;
// The largest JSON Lines file (many documents, read whole).
inline constexpr size_t kMaxJsonLinesFileBytes = size_t(1) << 30;

struct SourceDocument {
  std::string source;  // Path, "path#id" for a JSON Lines record, or "-".
  std::string title;
  std::string url;
  // Publication date in ISO 8601 ("2016-10-11", or with time and offset:
  // "2016-10-11T14:30:00+02:00"), found by the reader for the format
  // (ingest/document_reader_dates.h); empty when none was found.
  std::string date;
  std::string text;  // Plain text, markup removed; valid UTF-8.
};

struct SkippedInput {
  std::string path;
  std::string reason;  // "binary file", "invalid UTF-8 at byte 12", ...
};

struct ReadResult {
  std::vector<SourceDocument> documents;
  std::vector<SkippedInput> skipped;
  // Read, but with something ignored: a date that does not parse (the
  // document is kept undated).
  std::vector<SkippedInput> warnings;
};

// Reads every path in order; "-" is stdin (plain text). Folders are walked
// recursively in sorted order, taking .txt, .md, .markdown, .html, .htm and
// .jsonl files; a file named explicitly is read whatever its extension (as
// plain text unless the extension says otherwise). Thread-compatible.
ReadResult ReadInputs(const std::vector<std::string>& paths);

// Whether ReadInputs takes `path` from a folder it walks (by its extension,
// ignoring case): .txt, .md, .markdown, .html, .htm, .jsonl.
bool IsDocumentFile(const std::string& path);
// The extension of `path` in lower case, with its dot (".jsonl"), or "".
std::string LowerExtension(const std::string& path);

// Turns one file's bytes into documents, by the format its name implies.
// Appends to `out` (documents and skips). Exposed for tests.
void ParseContent(const std::string& path, std::string_view bytes, ReadResult* out);

// Gives `date` (a YYYY-MM-DD date, as --date takes it) to every document
// that has none; a date a document gives wins.
void FillMissingDates(std::string_view date, std::vector<SourceDocument>* documents);

// Plain text of an HTML page without scripts, styles and navigation; sets
// `title` from <title> when present.
std::string HtmlToText(std::string_view html, std::string* title);

// Plain text of Markdown: headings, emphasis and link targets removed.
std::string MarkdownToText(std::string_view markdown, std::string* title);

}  // namespace quiver::ingest

#endif  // QUIVER_INGEST_DOCUMENT_READER_H_
