// Every user-visible text of the pages, from one catalogue per language
// (templates/messages/<code>.txt, "key = value" lines, compiled into the binary).
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "portal/web/language.hpp"

namespace mobility::portal {

class Messages {
 public:
  // The catalogue of `language`, parsed once.
  static const Messages& of(Language language);

  // The text for `key`; the key itself when missing (a test keeps the catalogues complete).
  std::string text(std::string_view key) const;
  const std::map<std::string, std::string, std::less<>>& all() const { return texts_; }

 private:
  explicit Messages(std::map<std::string, std::string, std::less<>> texts);
  std::map<std::string, std::string, std::less<>> texts_;
};

// Parses a catalogue file; lines that are blank or start with '#' are skipped.
std::map<std::string, std::string, std::less<>> parse_messages(std::string_view text);

}  // namespace mobility::portal
