// The pages' languages: every catalogue complete, language negotiation, the layout's escaping.
#include <gtest/gtest.h>

#include <algorithm>

#include "portal/templates.hpp"
#include "portal/web/language.hpp"
#include "portal/web/messages.hpp"
#include "portal/web/page.hpp"

namespace mobility::portal {
namespace {

TEST(Messages, EveryCatalogueHasTheSameKeysAndNoEmptyText) {
  const auto& bokmal = Messages::of(Language::kBokmal).all();
  ASSERT_GT(bokmal.size(), 50u);
  for (Language language : kLanguages) {
    const std::string file = language_code(language) + ".txt";
    const auto& texts = Messages::of(language).all();
    for (const auto& [key, text] : bokmal) EXPECT_TRUE(texts.count(key)) << key << " is missing in " << file;
    for (const auto& [key, text] : texts) {
      EXPECT_TRUE(bokmal.count(key)) << key << " is missing in nb.txt (it is in " << file << ")";
      EXPECT_FALSE(text.empty()) << key << " is empty in " << file;
    }
  }
  EXPECT_EQ(Messages::of(Language::kBokmal).text("login_title"), "Logg inn");
  EXPECT_EQ(Messages::of(Language::kNynorsk).text("error_404_title"), "Fann ikkje sida");
  EXPECT_EQ(Messages::of(Language::kBokmal).text("error_404_title"), "Fant ikke siden");
  EXPECT_EQ(Messages::of(Language::kEnglish).text("no_such_key"), "no_such_key");
}

TEST(Messages, CatalogueLinesAreKeyEqualsValueWithComments) {
  auto texts = parse_messages("# comment\n\n a = one = two \nbroken line\nb=\xc3\xa6\r\n");
  EXPECT_EQ(texts.size(), 2u);
  EXPECT_EQ(texts["a"], "one = two");
  EXPECT_EQ(texts["b"], "\xc3\xa6");
}

TEST(Language, AccountThenCookieThenBrowserThenBokmal) {
  EXPECT_EQ(choose_language("en", "nb", "nb"), Language::kEnglish);
  EXPECT_EQ(choose_language(std::nullopt, "en", "nb"), Language::kEnglish);
  EXPECT_EQ(choose_language(std::nullopt, "xx", "en-US,en;q=0.9"), Language::kEnglish);
  EXPECT_EQ(choose_language(std::nullopt, std::nullopt, std::nullopt), Language::kBokmal);
  EXPECT_EQ(choose_language(std::nullopt, std::nullopt, "de-DE,de;q=0.9"), Language::kBokmal);
}

TEST(Language, CodesOfBothNorwegianStandards) {
  for (const char* code : {"nb", "NB-no", "nb_NO", "no", "no-NO", "nob"})
    EXPECT_EQ(language_from_code(code), Language::kBokmal) << code;
  for (const char* code : {"nn", "nn-NO", "NN_no", "nno"}) EXPECT_EQ(language_from_code(code), Language::kNynorsk) << code;
  for (const char* code : {"en", "en-GB"}) EXPECT_EQ(language_from_code(code), Language::kEnglish) << code;
  for (const char* code : {"", "n", "nnn", "nor-x", "sv", "nbx", "-nn"})
    EXPECT_EQ(language_from_code(code), std::nullopt) << code;
  for (Language language : kLanguages) EXPECT_EQ(language_from_code(language_code(language)), language);
  EXPECT_EQ(language_code(Language::kNynorsk), "nn");
}

TEST(Language, NynorskIsChosenByAccountCookieOrBrowser) {
  EXPECT_EQ(choose_language("nn", "en", "nb"), Language::kNynorsk);
  EXPECT_EQ(choose_language("nb", "nn", "nn"), Language::kBokmal) << "the account's choice wins";
  EXPECT_EQ(choose_language(std::nullopt, "nn", "en"), Language::kNynorsk);
  EXPECT_EQ(choose_language(std::nullopt, "xx", "nn-NO,nn;q=0.9,en;q=0.5"), Language::kNynorsk);
  EXPECT_EQ(choose_language("nn", std::nullopt, std::nullopt), Language::kNynorsk);
}

TEST(Language, AcceptLanguageHonoursQualityAndNorwegianVariants) {
  auto browser = [](const char* header) { return choose_language(std::nullopt, std::nullopt, std::string(header)); };
  EXPECT_EQ(browser("en;q=0.4, nn-NO;q=0.8"), Language::kNynorsk);
  EXPECT_EQ(browser("nn;q=0.5, nb;q=0.8"), Language::kBokmal);
  EXPECT_EQ(browser("no, en;q=0.9"), Language::kBokmal);
  EXPECT_EQ(browser("nb;q=0.2, EN-gb;q=0.7"), Language::kEnglish);
  EXPECT_EQ(browser("fr, en;q=0"), Language::kBokmal) << "q=0 means not acceptable";
  for (const char* broken : {"", ",,,", ";q=", "en;q=abc", "en;q=2", "\xff\xfe", "*"}) {
    EXPECT_NO_THROW(browser(broken)) << broken;
  }
  EXPECT_EQ(browser("en;q=abc"), Language::kBokmal);
}

TEST(Page, LayoutEscapesTheDisplayNameAndNamesItsLanguage) {
  PageFrame frame{Language::kEnglish, "/x?a=\"b\"", "token", "<script>alert(1)</script>", "/admin"};
  auto html = render_page(frame, "error", "error_404_title");
  ASSERT_TRUE(html) << html.status().to_string();
  EXPECT_NE(html->find("<html lang=\"en\">"), std::string::npos);
  EXPECT_NE(html->find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_EQ(html->find("<script>"), std::string::npos);
  EXPECT_NE(html->find("value=\"/x?a=&quot;b&quot;\""), std::string::npos);
  EXPECT_NE(html->find("<title>Page not found – Mobility</title>"), std::string::npos);
  EXPECT_NE(html->find("<nav aria-label=\"Main navigation\">"), std::string::npos);
  frame.language = Language::kBokmal;
  EXPECT_NE(render_page(frame, "error", "error_404_title")->find("<html lang=\"nb\">"), std::string::npos);
  frame.language = Language::kNynorsk;
  auto nynorsk = render_page(frame, "error", "error_404_title");
  ASSERT_TRUE(nynorsk);
  EXPECT_NE(nynorsk->find("<html lang=\"nn\">"), std::string::npos);
  EXPECT_NE(nynorsk->find("<title>Fann ikkje sida – Mobility</title>"), std::string::npos);
}

TEST(Page, TheLanguageSwitchOffersAllThreeWithTheCurrentOneSelected) {
  for (Language language : kLanguages) {
    auto html = render_page({language, "/", "token", std::nullopt, std::nullopt}, "error", "error_404_title");
    ASSERT_TRUE(html) << html.status().to_string();
    for (const char* option :
         {"<option value=\"nb\" lang=\"nb\"", "<option value=\"nn\" lang=\"nn\"", "<option value=\"en\" lang=\"en\""}) {
      EXPECT_NE(html->find(option), std::string::npos) << option;
    }
    std::string selected = "<option value=\"" + language_code(language) + "\" lang=\"" + language_code(language) + "\" selected>";
    EXPECT_NE(html->find(selected), std::string::npos) << selected;
    EXPECT_NE(html->find(">Norsk (nynorsk)</option>"), std::string::npos);
  }
}

TEST(Templates, PreparedWithPartialsWrittenInAndTextsEscaped) {
  auto layout = prepared_template("layout", Messages::of(Language::kEnglish));
  ASSERT_TRUE(layout) << layout.status().to_string();
  EXPECT_EQ(layout->find("{{>"), std::string::npos) << "the header partial is written in";
  EXPECT_EQ(layout->find("{{t."), std::string::npos) << "every text is written in";
  EXPECT_NE(layout->find("<nav aria-label=\"Main navigation\">"), std::string::npos);
  EXPECT_NE(layout->find("{{display_name}}"), std::string::npos) << "page data stays a tag";
  // Every template prepares in every language (a {{t.key}} that a catalogue lacks fails it), and
  // every text in it comes out escaped.
  auto names = page_template_names();
  EXPECT_GT(names.size(), 20u);
  EXPECT_NE(std::find(names.begin(), names.end(), "agreements/list"), names.end());
  for (Language language : kLanguages) {
    for (const std::string& name : names) {
      auto prepared = prepared_template(name, Messages::of(language));
      ASSERT_TRUE(prepared) << name << ": " << prepared.status().to_string();
      EXPECT_EQ(prepared->find("{{t."), std::string::npos) << name;
    }
  }
  EXPECT_EQ(prepared_template("no_such_page", Messages::of(Language::kEnglish)).status().code(), Status::Code::kNotFound);
}

}  // namespace
}  // namespace mobility::portal
