#include "render/svg_image.h"

#include <stdlib.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_replace.h"
#include "render/graphviz.h"

namespace quiver::render {

namespace {

// Removes the temporary file however the render ends.
struct TempFile {
  std::string path;
  ~TempFile() {
    if (!path.empty()) unlink(path.c_str());
  }
};

// Cairo stamps the PDF with the time it was written; this keeps its length
// (so the cross-reference offsets stay right) and drops the time.
void FixPdfDate(std::string* pdf) {
  constexpr std::string_view kKey = "/CreationDate (D:";
  size_t at = pdf->find(kKey);
  if (at == std::string::npos) return;
  size_t begin = at + kKey.size();
  for (size_t i = begin; i < pdf->size() && i < begin + 14; ++i) {
    if ((*pdf)[i] < '0' || (*pdf)[i] > '9') return;
  }
  if (begin + 14 <= pdf->size()) pdf->replace(begin, 14, "19700101000000");
}

}  // namespace

absl::StatusOr<std::string> RenderSvgImage(const std::string& svg, double width,
                                           double height,
                                           std::string_view format) {
  if (format != "png" && format != "pdf") {
    return absl::InvalidArgumentError(
        absl::StrCat("cannot draw an SVG as '", std::string(format), "'"));
  }
  std::error_code ec;
  std::string dir = std::filesystem::temp_directory_path(ec).string();
  if (ec) dir = "/tmp";
  TempFile file;
  std::string pattern = dir + "/quiver-svg-XXXXXX.svg";
  int fd = mkstemps(pattern.data(), 4);
  if (fd < 0)
    return absl::InternalError(
        absl::StrCat(dir, ": cannot create a temporary file"));
  close(fd);
  file.path = pattern;
  {
    std::ofstream out(file.path, std::ios::binary | std::ios::trunc);
    // Graphviz 2.43 takes a file for SVG only when it starts with the XML
    // declaration; without it the image is silently "not found".
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n"
        << svg;
    out.close();
    if (!out)
      return absl::InternalError(absl::StrCat(file.path, ": cannot write"));
  }
  // Graphviz sizes nodes in inches at 96 px to the inch for PNG.
  std::string image =
      absl::StrReplaceAll(file.path, {{"\\", "\\\\"}, {"\"", "\\\""}});
  std::string dot = absl::StrFormat(
      "digraph timeline { pad=0; margin=0; bgcolor=white;\n"
      "  n [shape=none, label=\"\", margin=0, fixedsize=true, width=%.4f, "
      "height=%.4f, "
      "image=\"%s\", imagescale=true];\n}\n",
      width / 96, height / 96, image);
  LayoutOptions layout;
  auto rendered = RenderDot(dot, format, layout);
  if (!rendered.ok()) return rendered.status();
  std::string data = std::move(rendered->data);
  if (format == "pdf") FixPdfDate(&data);
  return data;
}

}  // namespace quiver::render
