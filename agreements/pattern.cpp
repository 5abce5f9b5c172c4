#include "agreements/pattern.hpp"

#include <map>
#include <regex>

namespace mobility::agreements {

bool matches(const std::string& text, const char* pattern) {
  thread_local std::map<std::string, std::regex, std::less<>> compiled;
  auto found = compiled.find(pattern);
  if (found == compiled.end()) found = compiled.emplace(pattern, std::regex(pattern)).first;
  return std::regex_match(text, found->second);
}

}  // namespace mobility::agreements
