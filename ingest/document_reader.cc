#include "ingest/document_reader.h"

#include <gumbo.h>

#include <algorithm>
#include <deque>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "absl/strings/str_cat.h"
#include "ingest/document_reader_dates.h"
#include "ingest/html_depth.h"
#include "util/strings.h"
#include "util/utf8.h"

namespace quiver::ingest {

namespace fs = std::filesystem;

namespace {

bool KnownExtension(const std::string& ext) {
  return ext == ".txt" || ext == ".md" || ext == ".markdown" || ext == ".html" ||
         ext == ".htm" || ext == ".jsonl";
}

bool IsBlank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c); });
}

// Why `bytes` is not text, or "" when it is.
std::string NotTextReason(std::string_view bytes) {
  if (bytes.find('\0') != std::string_view::npos) return "binary file (contains NUL bytes)";
  size_t bad = util::FindInvalidUtf8(bytes);
  if (bad != std::string_view::npos) return absl::StrCat("invalid UTF-8 at byte ", bad);
  if (IsBlank(bytes)) return "empty file";
  return "";
}

// The first line stands for a title when it is short and ends without a
// full stop, as headlines do.
std::string TitleFromFirstLine(std::string_view text) {
  size_t nl = text.find('\n');
  if (nl == std::string_view::npos || nl == 0 || nl > 200) return "";
  std::string_view line = text.substr(0, nl);
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
  if (line.empty() || line.back() == '.' || line.back() == '?' || line.back() == '!') return "";
  return std::string(line);
}

// Iterative, with an explicit stack: gumbo builds a page of 100,000 nested
// <div>s as a tree that deep, and a recursive walk would exhaust the stack.
void Walk(GumboNode* root, std::string* out, std::string* title) {
  struct Step {
    GumboNode* node;     // Visit this node; null: append `text` to `out`.
    std::string* out;
    const char* text;
  };
  std::deque<std::string> titles;  // Text of <title> elements (stable addresses).
  std::vector<Step> stack{{root, out, nullptr}};
  while (!stack.empty()) {
    const Step step = stack.back();
    stack.pop_back();
    if (step.node == nullptr) {
      if (step.text != nullptr) {
        step.out->append(step.text);
      } else if (title != nullptr && title->empty()) {
        *title = *step.out;  // The end of a <title>: its text is complete.
      }
      continue;
    }
    GumboNode* node = step.node;
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE) {
      step.out->append(node->v.text.text);
      continue;
    }
    if (node->type != GUMBO_NODE_ELEMENT) continue;
    const GumboTag tag = node->v.element.tag;
    if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_NAV ||
        tag == GUMBO_TAG_NOSCRIPT || tag == GUMBO_TAG_TEMPLATE || tag == GUMBO_TAG_FOOTER) {
      continue;
    }
    const GumboVector& kids = node->v.element.children;
    std::string* target = step.out;
    if (tag == GUMBO_TAG_TITLE) {
      target = &titles.emplace_back();
      stack.push_back({nullptr, target, nullptr});  // Runs after the children.
    }
    const bool block = tag == GUMBO_TAG_P || tag == GUMBO_TAG_DIV || tag == GUMBO_TAG_BR ||
                       tag == GUMBO_TAG_LI || tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2 ||
                       tag == GUMBO_TAG_H3 || tag == GUMBO_TAG_H4 || tag == GUMBO_TAG_H5 ||
                       tag == GUMBO_TAG_H6 || tag == GUMBO_TAG_TR || tag == GUMBO_TAG_BLOCKQUOTE ||
                       tag == GUMBO_TAG_ARTICLE || tag == GUMBO_TAG_SECTION || tag == GUMBO_TAG_PRE;
    if (block) {
      step.out->append("\n");
      stack.push_back({nullptr, step.out, "\n"});
    }
    for (unsigned i = kids.length; i-- > 0;)
      stack.push_back({static_cast<GumboNode*>(kids.data[i]), target, nullptr});
  }
}

std::string JsonString(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return "";
  return it->get<std::string>();
}

std::string TooLarge(uintmax_t size, size_t limit, std::string_view prefix = "") {
  return absl::StrCat("too large (", util::Absl(prefix), size,
                      " bytes; a document may have at most ", limit,
                      ")");
}

// Keeps a found date that normalises; warns about one that does not.
void SetDate(const std::string& where, FoundDate found, SourceDocument* doc, ReadResult* out) {
  if (found.raw.empty()) return;
  if (found.iso.empty()) found.iso = NormalizeDocumentDate(found.raw).value_or("");
  if (found.iso.empty()) {
    out->warnings.push_back(
        {where, absl::StrCat("date \"", found.raw, "\" is not a date we can read; document kept undated")});
    return;
  }
  doc->date = std::move(found.iso);
}

std::string HtmlText(std::string_view html, std::string* title, FoundDate* date) {
  GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
  std::string text;
  Walk(output->root, &text, title);
  if (date != nullptr) *date = FindHtmlDate(output->root);
  gumbo_destroy_output(&kGumboDefaultOptions, output);
  // Collapse the runs of blank lines that block elements leave.
  std::string out;
  int newlines = 0;
  for (char c : text) {
    if (c == '\n') {
      if (++newlines <= 1) out.push_back('\n');
    } else if (c == '\r') {
      continue;
    } else {
      if (newlines == 0 || c != ' ') newlines = 0;
      if (c == ' ' && newlines > 0) continue;
      out.push_back(c);
    }
  }
  return out;
}

void ParseJsonLines(const std::string& path, std::string_view bytes, ReadResult* out) {
  std::istringstream in{std::string(bytes)};
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (IsBlank(line)) continue;
    const std::string where = absl::StrCat(path, ":", line_no);
    if (line.size() > kMaxDocumentBytes) {
      out->skipped.push_back({where, TooLarge(line.size(), kMaxDocumentBytes)});
      continue;
    }
    nlohmann::json j;
    try {
      j = nlohmann::json::parse(line);
    } catch (const nlohmann::json::exception& e) {
      out->skipped.push_back({where, absl::StrCat("bad JSON: ", e.what())});
      continue;
    }
    if (!j.is_object() || JsonString(j, "text").empty()) {
      out->skipped.push_back({where, "no \"text\" string"});
      continue;
    }
    SourceDocument doc;
    std::string id = JsonString(j, "id");
    if (id.empty() && j.contains("id") && j["id"].is_number()) id = j["id"].dump();
    doc.source = id.empty() ? where : absl::StrCat(path, "#", id);
    doc.title = JsonString(j, "title");
    doc.url = JsonString(j, "url");
    SetDate(where, FoundDate{JsonString(j, "date"), ""}, &doc, out);
    doc.text = JsonString(j, "text");
    if (!doc.title.empty()) doc.text = absl::StrCat(doc.title, "\n", doc.text);
    out->documents.push_back(std::move(doc));
  }
}

void ReadFile(const std::string& path, ReadResult* out) {
  // Checked before reading: a document is held whole, so a 50 GB log file
  // named by mistake must not be.
  std::error_code ec;
  const uintmax_t size = fs::file_size(path, ec);
  const size_t limit = LowerExtension(path) == ".jsonl" ? kMaxJsonLinesFileBytes : kMaxDocumentBytes;
  if (!ec && size > limit) {
    out->skipped.push_back({path, TooLarge(size, limit)});
    return;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    out->skipped.push_back({path, "cannot be read"});
    return;
  }
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) {
    out->skipped.push_back({path, "read error"});
    return;
  }
  ParseContent(path, bytes, out);
}

}  // namespace

std::string HtmlToText(std::string_view html, std::string* title) {
  return HtmlText(html, title, nullptr);
}

std::string MarkdownToText(std::string_view markdown, std::string* title) {
  std::istringstream in{std::string(markdown)};
  std::string line, out;
  while (std::getline(in, line)) {
    size_t hashes = 0;
    while (hashes < line.size() && line[hashes] == '#') ++hashes;
    if (hashes > 0 && hashes < line.size() && line[hashes] == ' ') {
      line = line.substr(hashes + 1);
      if (title != nullptr && title->empty()) *title = line;
    }
    std::string clean;
    for (size_t i = 0; i < line.size(); ++i) {
      char c = line[i];
      if (c == '*' || c == '_' || c == '`') continue;
      if (c == ']' && i + 1 < line.size() && line[i + 1] == '(') {  // [text](url)
        size_t close = line.find(')', i);
        if (close != std::string::npos) {
          i = close;
          continue;
        }
      }
      if (c == '[') continue;
      clean.push_back(c);
    }
    out += clean;
    out += '\n';
  }
  return out;
}

void ParseContent(const std::string& path, std::string_view bytes, ReadResult* out) {
  std::string reason = NotTextReason(bytes);
  if (!reason.empty()) {
    out->skipped.push_back({path, reason});
    return;
  }
  const std::string ext = LowerExtension(path);
  if (ext == ".jsonl") {
    size_t before = out->documents.size() + out->skipped.size();
    ParseJsonLines(path, bytes, out);
    if (out->documents.size() + out->skipped.size() == before)
      out->skipped.push_back({path, "no JSON records"});
    return;
  }
  SourceDocument doc;
  doc.source = path;
  if (ext == ".html" || ext == ".htm") {
    if (HtmlNestingDepth(bytes) > kMaxHtmlDepth) {
      out->skipped.push_back({path, absl::StrCat("HTML nests elements more than ", kMaxHtmlDepth,
                                                  " deep (too deep to parse in good time)")});
      return;
    }
    FoundDate date;
    doc.text = HtmlText(bytes, &doc.title, &date);
    SetDate(path, date, &doc, out);
  } else if (ext == ".md" || ext == ".markdown") {
    size_t body = 0;
    FoundDate date = FindFrontMatterDate(bytes, &body);
    doc.text = MarkdownToText(bytes.substr(body), &doc.title);
    SetDate(path, date.raw.empty() ? FindTextDate(doc.text) : date, &doc, out);
  } else {
    doc.text = std::string(bytes);
    doc.title = TitleFromFirstLine(doc.text);
    SetDate(path, FindTextDate(doc.text), &doc, out);
  }
  if (IsBlank(doc.text)) {
    out->skipped.push_back({path, "no text"});
    return;
  }
  out->documents.push_back(std::move(doc));
}

void FillMissingDates(std::string_view date, std::vector<SourceDocument>* documents) {
  for (SourceDocument& doc : *documents)
    if (doc.date.empty()) doc.date = std::string(date);
}

ReadResult ReadInputs(const std::vector<std::string>& paths) {
  ReadResult result;
  for (const std::string& path : paths) {
    if (path == "-") {
      std::string bytes;
      char buffer[1 << 16];
      while (bytes.size() <= kMaxDocumentBytes &&
             std::cin.read(buffer, sizeof buffer).gcount() > 0) {
        bytes.append(buffer, size_t(std::cin.gcount()));
      }
      if (bytes.size() > kMaxDocumentBytes) {
        result.skipped.push_back({"-", TooLarge(bytes.size(), kMaxDocumentBytes, "at least ")});
        continue;
      }
      ParseContent("-", bytes, &result);
      continue;
    }
    std::error_code ec;
    fs::file_status st = fs::status(path, ec);
    if (ec || !fs::exists(st)) {
      result.skipped.push_back({path, "does not exist"});
      continue;
    }
    if (fs::is_directory(st)) {
      std::vector<std::string> files;
      for (auto it = fs::recursive_directory_iterator(
               path, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec) && IsDocumentFile(it->path().string()))
          files.push_back(it->path().string());
      }
      if (ec) result.skipped.push_back({path, absl::StrCat("cannot list: ", ec.message())});
      std::sort(files.begin(), files.end());
      for (const auto& f : files) ReadFile(f, &result);
      continue;
    }
    ReadFile(path, &result);
  }
  return result;
}

std::string LowerExtension(const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext;
}

bool IsDocumentFile(const std::string& path) { return KnownExtension(LowerExtension(path)); }

}  // namespace quiver::ingest
