// A shallow extraction for sentences the parser could not handle (timed
// out, too long, no linkage): the first verb group splits the sentence into
// subject and object. Much less precise than the parse; callers give its
// results a low confidence and count the sentences.

#ifndef QUIVER_INGEST_SHALLOW_EXTRACTOR_H_
#define QUIVER_INGEST_SHALLOW_EXTRACTOR_H_

#include <optional>
#include <string>

namespace quiver::ingest {

struct ShallowTuple {
  std::string arg1;      // Words before the verb group, as written.
  std::string relation;  // The verb group ("has been blocked").
  std::string arg2;      // Words after it, up to a clause boundary.
  std::string verb_lemma;
  // The capitalised run right before / right after the verb group (after
  // an article; ending at a boundary or preposition), or "" when there is
  // none; subject_name is "" when the group is only auxiliaries.
  std::string subject_name;
  std::string object_name;
};

// nullopt when no verb group with words on both sides is found.
std::optional<ShallowTuple> ShallowExtract(const std::string& sentence);

}  // namespace quiver::ingest

#endif  // QUIVER_INGEST_SHALLOW_EXTRACTOR_H_
