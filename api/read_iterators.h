// The iterators of a ReadSnapshot (quiver/iterator.h) over its state.

#ifndef QUIVER_API_READ_ITERATORS_H_
#define QUIVER_API_READ_ITERATORS_H_

#include <memory>
#include <optional>

#include "api/read_state.h"
#include "quiver/iterator.h"

namespace quiver::internal {

std::unique_ptr<NodeIterator> NewNodeIterator(std::shared_ptr<const ReadState> state);
std::unique_ptr<EdgeIterator> NewEdgeIterator(std::shared_ptr<const ReadState> state);
std::unique_ptr<DocumentIterator> NewDocumentIterator(std::shared_ptr<const ReadState> state);
// Every statement, or those of `edge` only.
std::unique_ptr<EvidenceIterator> NewEvidenceIterator(std::shared_ptr<const ReadState> state,
                                                      std::optional<EdgeId> edge);

}  // namespace quiver::internal

#endif  // QUIVER_API_READ_ITERATORS_H_
