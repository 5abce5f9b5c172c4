#include "base/pattern.hpp"

#include <re2/re2.h>

#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "base/log.hpp"

namespace mobility {
namespace {

// Compiled patterns by text. RE2 objects are safe to match from many threads at once, so one
// copy serves the process; the lock guards only the map.
const RE2& compiled(const char* pattern) {
  static std::mutex lock;
  static std::map<std::string, std::unique_ptr<RE2>, std::less<>> patterns;
  std::scoped_lock guard(lock);
  auto found = patterns.find(std::string_view(pattern));
  if (found == patterns.end()) {
    RE2::Options options;
    options.set_log_errors(false);
    auto regex = std::make_unique<RE2>(pattern, options);
    if (!regex->ok()) log::error("pattern_invalid", {{"pattern", pattern}, {"error", regex->error()}});
    found = patterns.emplace(pattern, std::move(regex)).first;
  }
  return *found->second;
}

}  // namespace

bool matches(std::string_view text, const char* pattern) {
  const RE2& regex = compiled(pattern);
  return regex.ok() && RE2::FullMatch(text, regex);
}

}  // namespace mobility
