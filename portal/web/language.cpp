#include "portal/web/language.hpp"

#include <charconv>

#include "base/text.hpp"

namespace mobility::portal {
namespace {

// The q value of one Accept-Language entry's parameters ("q=0.8"); 1 when absent, 0 when broken.
double quality(std::string_view parameters) {
  size_t q = parameters.find("q=");
  if (q == std::string_view::npos) return 1.0;
  std::string_view number = trim_blanks(parameters.substr(q + 2));
  double value = 0;
  auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), value);
  return error == std::errc() && value >= 0 && value <= 1 ? value : 0;
}

// The supported language the browser ranks highest (first wins among equals).
std::optional<Language> from_accept_language(std::string_view header) {
  std::optional<Language> best;
  double best_quality = 0;
  while (!header.empty()) {
    size_t comma = header.find(',');
    std::string_view entry = trim_blanks(header.substr(0, comma));
    header = comma == std::string_view::npos ? std::string_view() : header.substr(comma + 1);
    size_t semicolon = entry.find(';');
    auto language = language_from_code(trim_blanks(entry.substr(0, semicolon)));
    double weight = semicolon == std::string_view::npos ? 1.0 : quality(entry.substr(semicolon + 1));
    if (language && weight > best_quality) {
      best = language;
      best_quality = weight;
    }
  }
  return best;
}

}  // namespace

std::string language_code(Language language) {
  switch (language) {
    case Language::kNynorsk: return "nn";
    case Language::kEnglish: return "en";
    case Language::kBokmal: break;
  }
  return "nb";
}

std::optional<Language> language_from_code(std::string_view code) {
  std::string lower = ascii_lower(code);
  std::string_view primary = std::string_view(lower).substr(0, lower.find_first_of("-_"));
  if (primary == "nb" || primary == "no" || primary == "nob") return Language::kBokmal;
  if (primary == "nn" || primary == "nno") return Language::kNynorsk;
  if (primary == "en") return Language::kEnglish;
  return std::nullopt;
}

Language choose_language(const std::optional<std::string>& account_language, const std::optional<std::string>& cookie,
                         const std::optional<std::string>& accept_language) {
  for (const auto& choice : {account_language, cookie}) {
    if (choice) {
      if (auto language = language_from_code(*choice)) return *language;
    }
  }
  if (accept_language) {
    if (auto language = from_accept_language(*accept_language)) return *language;
  }
  return Language::kBokmal;
}

}  // namespace mobility::portal
