// report_diagram: ingest a folder of articles and draw one entity's
// neighbourhood for a report: the nodes within two hops, styled by label,
// with a legend. The format follows the output's extension (svg, png, pdf,
// dot, or html with each fact's evidence on hover).
//
//   report_diagram FOLDER ENTITY OUTPUT [STORE]
//   report_diagram examples/articles "Erik Dahl" dahl.svg

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "quiver/quiver.h"

namespace fs = std::filesystem;

int main(int argc, char** argv) {
  if (argc < 4 || argc > 5) {
    std::cerr << "usage: report_diagram FOLDER ENTITY OUTPUT [STORE]\n";
    return 2;
  }
  const fs::path folder = argv[1];
  const std::string entity = argv[2];
  const fs::path output = argv[3];

  quiver::Options options;
  options.in_memory = argc < 5;
  auto db = quiver::Database::Open(argc < 5 ? "/report" : argv[4], options);
  if (!db.ok()) {
    std::cerr << "cannot open the store: " << db.status() << "\n";
    return 1;
  }

  // Every .txt and .md file of the folder, in name order so the store is the
  // same on every run.
  std::error_code ec;
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(folder, ec)) {
    const std::string ext = entry.path().extension().string();
    if (entry.is_regular_file() && (ext == ".txt" || ext == ".md")) files.push_back(entry.path());
  }
  if (ec) {
    std::cerr << folder << ": " << ec.message() << "\n";
    return 1;
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    quiver::DocumentInput doc;
    doc.source = file.filename().string();
    doc.content = text.str();
    auto added = (*db)->Ingest(doc);
    if (!added.ok()) {
      std::cerr << file << ": " << added.status() << "\n";
      return 1;
    }
  }
  auto stats = (*db)->GetStats();
  if (!stats.ok()) {
    std::cerr << stats.status() << "\n";
    return 1;
  }
  std::cout << "ingested " << files.size() << " documents: " << stats->nodes << " nodes, "
            << stats->edges << " facts\n";

  quiver::DiagramOptions diagram;
  diagram.format = output.extension().string().substr(std::min<size_t>(
      1, output.extension().string().size()));  // ".svg" -> "svg"
  diagram.title = "Around " + entity;
  auto drawn = quiver::diagram::Around(**db, {entity}, 2, diagram);
  if (!drawn.ok()) {
    std::cerr << "cannot draw around " << entity << ": " << drawn.status() << "\n";
    return 1;
  }
  std::ofstream out(output, std::ios::binary);
  out << drawn->data;
  out.close();
  if (!out) {
    std::cerr << output << ": cannot write\n";
    return 1;
  }
  std::cout << "drew " << drawn->nodes << " nodes and " << drawn->edges << " facts around "
            << entity << " to " << output.string() << "\n";
  if (!drawn->note.empty()) std::cout << drawn->note << "\n";
  return 0;
}
