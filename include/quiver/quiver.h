// Umbrella header: everything a program embedding Quiver needs.

#ifndef QUIVER_QUIVER_H_
#define QUIVER_QUIVER_H_

#include "quiver/algorithms.h"
#include "quiver/cancellation.h"
#include "quiver/check.h"
#include "quiver/database.h"
#include "quiver/diagram.h"
#include "quiver/export.h"
#include "quiver/extraction_file.h"
#include "quiver/extractor.h"
#include "quiver/graph_types.h"
#include "quiver/iterator.h"
#include "quiver/open_tuples.h"
#include "quiver/options.h"
#include "quiver/read_snapshot.h"
#include "quiver/timeline.h"
#include "quiver/value.h"
#include "quiver/version.h"

#endif  // QUIVER_QUIVER_H_
