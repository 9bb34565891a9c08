#include "ingest/internal/html_scan.h"

#include <algorithm>
#include <vector>

#include "absl/strings/ascii.h"

namespace quiver::ingest {

namespace {

bool IsVoid(std::string_view tag) {
  for (const char* v : {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                        "meta", "param", "source", "track", "wbr"})
    if (tag == v) return true;
  return false;
}

bool IsBlock(std::string_view tag) {
  for (const char* b : {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr",
                        "blockquote", "article", "section", "pre"})
    if (tag == b) return true;
  return false;
}

// Calls text(chunk) for the text between tags and
// tag(lower-case name, closing, self_closing) for each tag. Comments,
// declarations (<!DOCTYPE>, <?xml?>), an unterminated tag at the end and
// the text of script and style elements are skipped; a '<' that starts no
// tag is text. Each byte is looked at a bounded number of times: every
// search starts where the last one ended, and one that fails ends the scan.
template <typename Text, typename Tag>
void ScanTags(std::string_view html, Text text, Tag tag) {
  const std::string lower = absl::AsciiStrToLower(absl::string_view(html.data(), html.size()));
  const size_t npos = std::string_view::npos;
  size_t i = 0;
  while (i < html.size()) {
    const size_t lt = html.find('<', i);
    if (lt == npos) {
      text(html.substr(i));
      return;
    }
    text(html.substr(i, lt - i));
    if (html.compare(lt, 4, "<!--") == 0) {
      const size_t end = html.find("-->", lt + 4);
      if (end == npos) return;
      i = end + 3;
      continue;
    }
    size_t p = lt + 1;
    const bool closing = p < html.size() && html[p] == '/';
    if (closing) ++p;
    size_t name_end = p;
    while (name_end < html.size() && absl::ascii_isalnum(static_cast<unsigned char>(html[name_end])))
      ++name_end;
    if (name_end == p) {
      if (!closing && p < html.size() && (html[p] == '!' || html[p] == '?')) {
        const size_t gt = html.find('>', p);
        if (gt == npos) return;
        i = gt + 1;
        continue;
      }
      text(html.substr(lt, 1));
      i = lt + 1;
      continue;
    }
    const size_t gt = html.find('>', name_end);
    if (gt == npos) return;
    const std::string_view name = std::string_view(lower).substr(p, name_end - p);
    tag(name, closing, html[gt - 1] == '/');
    i = gt + 1;
    if (!closing && (name == "script" || name == "style")) {
      const size_t end = lower.find(std::string("</") + std::string(name), i);
      if (end == npos) return;
      i = end;
    }
  }
}

// Appends `chunk` with &amp; &lt; &gt; &quot; &#39; and &nbsp; decoded;
// other references stay as written.
void AppendDecoded(std::string_view chunk, std::string* out) {
  static constexpr std::pair<std::string_view, char> kRefs[] = {
      {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''},
      {"&nbsp;", ' '}};
  size_t i = 0;
  while (i < chunk.size()) {
    const size_t amp = chunk.find('&', i);
    if (amp == std::string_view::npos) break;
    out->append(chunk.substr(i, amp - i));
    i = amp + 1;
    char decoded = '&';
    for (const auto& [ref, c] : kRefs) {
      if (chunk.compare(amp, ref.size(), ref) == 0) {
        decoded = c;
        i = amp + ref.size();
        break;
      }
    }
    out->push_back(decoded);
  }
  out->append(chunk.substr(std::min(i, chunk.size())));
}

}  // namespace

size_t HtmlNestingEstimate(std::string_view html) {
  // An end tag closes the nearest open element of its name, as in HTML, and
  // those opened after it; one that matches none of the innermost
  // kEndTagReach is taken for a stray and changes nothing. Bounding the
  // search keeps the scan linear and can only over-estimate: a parser pops
  // at least as much.
  constexpr size_t kEndTagReach = 16;
  std::vector<std::string_view> open;
  size_t deepest = 0;
  ScanTags(
      html, [](std::string_view) {},
      [&](std::string_view name, bool closing, bool self_closing) {
        if (!closing) {
          if (self_closing || IsVoid(name)) return;
          open.push_back(name);
          deepest = std::max(deepest, open.size());
          return;
        }
        for (size_t k = 1; k <= std::min(kEndTagReach, open.size()); ++k) {
          if (open[open.size() - k] == name) {
            open.resize(open.size() - k);
            return;
          }
        }
      });
  return deepest;
}

std::string StripHtmlTags(std::string_view html, std::string* title) {
  std::string text, title_text;
  bool in_title = false;
  ScanTags(
      html, [&](std::string_view chunk) { AppendDecoded(chunk, in_title ? &title_text : &text); },
      [&](std::string_view name, bool closing, bool) {
        if (name == "title") in_title = !closing;
        if (IsBlock(name)) text.push_back('\n');
      });
  if (title != nullptr && title->empty()) *title = title_text;
  return text;
}

}  // namespace quiver::ingest
