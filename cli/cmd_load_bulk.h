// quiver load STORE FILES_OR_DIRS... --bulk: merges extraction files
// (quiver/extraction_file.h) into a store, building the graph quiver ingest
// builds from the same documents.

#ifndef QUIVER_CLI_CMD_LOAD_BULK_H_
#define QUIVER_CLI_CMD_LOAD_BULK_H_

#include <string>
#include <vector>

namespace quiver::cli {

// Reads every extraction file in `paths` (a folder: each *.jsonl inside,
// recursively, sorted), orders the documents canonically
// (ExtractionOrderLess), and adds them to the store at `store` in one atomic
// write; documents stored already (same content hash) are skipped. On a bad
// line (reported as FILE:LINE: FIELD: reason) or any failure nothing is
// written. Prints a summary to stdout; fails as commands.h says.
void RunBulkLoad(const std::string& store, const std::vector<std::string>& paths);

}  // namespace quiver::cli

#endif  // QUIVER_CLI_CMD_LOAD_BULK_H_
