// Finding a document's publication date where its format keeps one: HTML
// <meta> and <time>, Markdown front matter, a dateline or "Published …" line
// at the top of plain text; and normalising what is found to ISO 8601.

#ifndef QUIVER_INGEST_DOCUMENT_READER_DATES_H_
#define QUIVER_INGEST_DOCUMENT_READER_DATES_H_

#include <optional>
#include <string>
#include <string_view>

struct GumboInternalNode;  // gumbo's GumboNode.

namespace quiver::ingest {

// A date as documents write it, in ISO 8601: "2016-10-11", or
// "2016-10-11T14:30:00+02:00" when a time with an offset (or `Z`) is given;
// a time without an offset is dropped (its zone is unknown). Reads ISO dates
// and date-times, `2016/10/11`, `11 October 2016`, `October 11, 2016`,
// `Oct. 11, 2016`, `Tue, 11 Oct 2016 14:30:00 GMT` (RFC 822), each with an
// optional leading weekday. Nullopt when `text` is not one whole date (or
// names a day that does not exist, or a year outside 1000–2999).
std::optional<std::string> NormalizeDocumentDate(std::string_view text);

// 1-12 for an English month name or its abbreviation ("Oct", "Oct.",
// "Sept"), case-insensitive; nullopt otherwise.
std::optional<int> MonthFromName(std::string_view word);

// Why `text` is not a --date value (YYYY-MM-DD, a day that exists), or ""
// when it is one.
std::string CheckDateOption(std::string_view text);

// What a reader found: the date as written (`raw`, empty when none) and its
// normalised form (empty when `raw` did not normalise: a malformed date).
struct FoundDate {
  std::string raw;
  std::string iso;
};

// In an HTML tree: the first of `article:published_time`, `og:published_time`,
// `datePublished` (itemprop, or a JSON-LD script), `pubdate`, `date`,
// `DC.date` metas, else the first `<time datetime>`.
FoundDate FindHtmlDate(const GumboInternalNode* root);

// Markdown front matter (`---` lines at the very start): the `date:` value.
// Sets `*body` to where the text after the front matter begins (0 when there
// is none).
FoundDate FindFrontMatterDate(std::string_view markdown, size_t* body);

// Plain text: among the first 8 non-blank lines, a "Published …" / "Posted …"
// / "Date: …" line (an "Updated …" line only when none of those), a line that
// is a date alone, or a dateline (`PARIS, Oct. 11, 2016 —`).
FoundDate FindTextDate(std::string_view text);

}  // namespace quiver::ingest

#endif  // QUIVER_INGEST_DOCUMENT_READER_DATES_H_
