#include "portal/web/messages.hpp"

#include <array>

#include "base/text.hpp"
#include "portal/templates.hpp"

namespace mobility::portal {
namespace {

std::string_view catalogue_file(Language language) {
  return template_file("messages/" + language_code(language) + ".txt").value_or(std::string_view());
}

}  // namespace

std::map<std::string, std::string, std::less<>> parse_messages(std::string_view text) {
  std::map<std::string, std::string, std::less<>> texts;
  while (!text.empty()) {
    size_t end = text.find('\n');
    std::string_view line = trim_blanks(text.substr(0, end));
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    size_t equals = line.find('=');
    if (line.empty() || line.front() == '#' || equals == std::string_view::npos) continue;
    texts.emplace(std::string(trim_blanks(line.substr(0, equals))), std::string(trim_blanks(line.substr(equals + 1))));
  }
  return texts;
}

Messages::Messages(std::map<std::string, std::string, std::less<>> texts) : texts_(std::move(texts)) {}

const Messages& Messages::of(Language language) {
  static const std::array<Messages, std::size(kLanguages)> catalogues = {
      Messages(parse_messages(catalogue_file(Language::kBokmal))),
      Messages(parse_messages(catalogue_file(Language::kNynorsk))),
      Messages(parse_messages(catalogue_file(Language::kEnglish))),
  };
  return catalogues[language_index(language)];
}

std::string Messages::text(std::string_view key) const {
  auto found = texts_.find(key);
  return found == texts_.end() ? std::string(key) : found->second;
}

}  // namespace mobility::portal
