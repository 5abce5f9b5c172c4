// The two languages of the pages, and how a visitor's language is chosen: the account's, else
// the `lang` cookie set by the language switch, else the browser's Accept-Language, else bokmål.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace mobility::portal {

enum class Language { kBokmal, kEnglish };

// "nb" or "en", as in <html lang> and the account's language column.
std::string language_code(Language language);
// nb, no, nn and their regional forms → bokmål; en* → English; anything else → nullopt.
std::optional<Language> language_from_code(std::string_view code);

Language choose_language(const std::optional<std::string>& account_language, const std::optional<std::string>& cookie,
                         const std::optional<std::string>& accept_language);

}  // namespace mobility::portal
