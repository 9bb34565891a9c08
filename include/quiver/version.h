// Quiver's version: the headers' (macros) and the linked library's
// (quiver::Version()).
//
// Policy (docs/library.md, "Versions"): while the major
// version is 0, a minor release may change the API; from 1.0, a minor
// release adds and never removes, and a patch release changes no header.
// The store format has its own version, checked when a store is opened.
// CMakeLists.txt reads the project version from the macros below.

#ifndef QUIVER_VERSION_H_
#define QUIVER_VERSION_H_

#define QUIVER_VERSION_MAJOR 0
#define QUIVER_VERSION_MINOR 1
#define QUIVER_VERSION_PATCH 0

namespace quiver {

// The version of the library linked in, "MAJOR.MINOR.PATCH": a program can
// compare it with the QUIVER_VERSION_* macros it was compiled against.
const char* Version();

}  // namespace quiver

#endif  // QUIVER_VERSION_H_
