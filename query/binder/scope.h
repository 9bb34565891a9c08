// Scope: the variables visible at one point of a query and their row slots.
// Private to the binder.

#ifndef QUIVER_QUERY_BINDER_SCOPE_H_
#define QUIVER_QUERY_BINDER_SCOPE_H_

#include <map>
#include <string>
#include <vector>

namespace quiver::query {

// kValue: known not to be a graph element (a literal, a list...).
enum class VarKind { kAny, kNode, kRel, kRelList, kPath, kValue };

class Scope {
 public:
  // A new slot; `name` empty for hidden (anonymous) slots.
  int Add(const std::string& name, VarKind kind) {
    int slot = int(kinds_.size());
    kinds_.push_back(kind);
    names_.push_back(name);
    if (!name.empty()) visible_[name] = slot;
    return slot;
  }
  int Find(const std::string& name) const {
    auto it = visible_.find(name);
    return it == visible_.end() ? -1 : it->second;
  }
  VarKind KindOf(int slot) const { return kinds_[size_t(slot)]; }
  void SetKind(int slot, VarKind kind) { kinds_[size_t(slot)] = kind; }
  int width() const { return int(kinds_.size()); }
  // Visible variables, by name.
  const std::map<std::string, int>& visible() const { return visible_; }
  // For temporaries (comprehension variables): hide and restore.
  void Hide(const std::string& name, int previous) {
    if (previous < 0) visible_.erase(name);
    else visible_[name] = previous;
  }

 private:
  std::vector<VarKind> kinds_;
  std::vector<std::string> names_;
  std::map<std::string, int> visible_;
};

}  // namespace quiver::query

#endif  // QUIVER_QUERY_BINDER_SCOPE_H_
