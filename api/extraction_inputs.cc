#include "api/extraction_inputs.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <system_error>

#include "absl/strings/str_cat.h"

namespace quiver {

namespace {

namespace fs = std::filesystem;

bool IsBlank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c); });
}

// Everything ingest::ReadInputs makes of `path`, at `line` 0: a whole file,
// stdin, or a path that cannot be read (ReadInputs words the skip).
void ReadWhole(const std::string& path, PlacedInputs* out) {
  ingest::ReadResult one = ingest::ReadInputs({path});
  for (auto& d : one.documents) {
    out->places.push_back({path, 0});
    out->read.documents.push_back(std::move(d));
  }
  for (auto& s : one.skipped) out->read.skipped.push_back(std::move(s));
  for (auto& w : one.warnings) out->read.warnings.push_back(std::move(w));
}

// A JSON Lines file one record at a time: ingest::ParseContent on the line
// alone gives the record ingest would read, named "PATH:1" where ingest says
// "PATH:LINE", which is put right here.
void ReadJsonLines(const std::string& path, const LineRange& lines, PlacedInputs* out) {
  std::error_code ec;
  const uintmax_t size = fs::file_size(path, ec);
  std::ifstream in(path, std::ios::binary);
  if (ec || size > ingest::kMaxJsonLinesFileBytes || !in) return ReadWhole(path, out);
  const std::string first = absl::StrCat(path, ":1");
  auto place = [&](std::string* where, int64_t line) {
    if (*where == first) *where = absl::StrCat(path, ":", line);
  };
  const size_t docs_before = out->read.documents.size();
  const size_t skips_before = out->read.skipped.size();
  const size_t warnings_before = out->read.warnings.size();
  std::string line;
  for (int64_t line_no = 1; std::getline(in, line); ++line_no) {
    if (line_no < lines.first || IsBlank(line)) continue;
    if (line_no > lines.last) break;
    ingest::ReadResult one;
    ingest::ParseContent(path, line, &one);
    for (auto& s : one.skipped) {
      if (s.path == path) {
        // Not text (a NUL byte, bad UTF-8): ingest skips the whole file for
        // it, so this file gives nothing here either.
        out->read.documents.resize(docs_before);
        out->places.resize(docs_before);
        out->read.skipped.resize(skips_before);
        out->read.warnings.resize(warnings_before);
        out->read.skipped.push_back(std::move(s));
        return;
      }
      place(&s.path, line_no);
      out->read.skipped.push_back(std::move(s));
    }
    for (auto& w : one.warnings) {
      place(&w.path, line_no);
      out->read.warnings.push_back(std::move(w));
    }
    for (auto& d : one.documents) {
      place(&d.source, line_no);
      out->places.push_back({path, line_no});
      out->read.documents.push_back(std::move(d));
    }
  }
  if (in.bad()) {
    out->read.skipped.push_back({path, "read error"});
    return;
  }
  const bool whole = lines.first <= 1 && lines.last == LineRange().last;
  if (whole && out->read.documents.size() == docs_before &&
      out->read.skipped.size() == skips_before)
    out->read.skipped.push_back({path, "no JSON records"});
}

void ReadFileAt(const std::string& path, const LineRange& lines, PlacedInputs* out) {
  if (ingest::LowerExtension(path) == ".jsonl") return ReadJsonLines(path, lines, out);
  ReadWhole(path, out);
}

}  // namespace

PlacedInputs ReadPlacedInputs(const std::vector<std::string>& paths, const LineRange& lines) {
  PlacedInputs out;
  for (const std::string& path : paths) {
    std::error_code ec;
    if (path == "-" || !fs::is_directory(path, ec)) {
      if (path != "-" && fs::is_regular_file(path, ec)) {
        ReadFileAt(path, lines, &out);
      } else {
        ReadWhole(path, &out);  // stdin, or what ingest says of the path.
      }
      continue;
    }
    // As ingest::ReadInputs walks a folder: recursively, files sorted.
    std::vector<std::string> files;
    for (auto it = fs::recursive_directory_iterator(
             path, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_regular_file(ec) && ingest::IsDocumentFile(it->path().string()))
        files.push_back(it->path().string());
    }
    if (ec) out.read.skipped.push_back({path, absl::StrCat("cannot list: ", ec.message())});
    std::sort(files.begin(), files.end());
    for (const auto& f : files) ReadFileAt(f, lines, &out);
  }
  return out;
}

}  // namespace quiver
