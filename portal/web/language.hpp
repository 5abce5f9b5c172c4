// The three languages of the pages (Norwegian in both written standards, and English), and how a
// visitor's language is chosen: the account's, else the `lang` cookie set by the language switch,
// else the browser's Accept-Language, else bokmål.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace mobility::portal {

enum class Language { kBokmal, kNynorsk, kEnglish };

// Every language, in the order the language switch offers them; kLanguages[i] is Language(i), so
// per-language tables can be indexed by language_index.
inline constexpr Language kLanguages[] = {Language::kBokmal, Language::kNynorsk, Language::kEnglish};
constexpr size_t language_index(Language language) { return static_cast<size_t>(language); }
static_assert(language_index(kLanguages[0]) == 0 && language_index(kLanguages[1]) == 1 && language_index(kLanguages[2]) == 2);

// "nb", "nn" or "en", as in <html lang>, the catalogue's file name and the account's language column.
std::string language_code(Language language);
// nb, no, nob and their regional forms → bokmål (Norwegian without a standard named is written in
// bokmål); nn, nno and theirs → nynorsk; en* → English; anything else → nullopt.
std::optional<Language> language_from_code(std::string_view code);

Language choose_language(const std::optional<std::string>& account_language, const std::optional<std::string>& cookie,
                         const std::optional<std::string>& accept_language);

}  // namespace mobility::portal
