#include "agreements/names.hpp"

#include <gtest/gtest.h>

namespace mobility::agreements {
namespace {

TEST(PreferredName, RequestedLanguageThenEnglishThenUntaggedThenFirst) {
  LocalizedNames names = {{"nb", "Universitetet i Fjordland"}, {"en", "University of Fjordland"}};
  EXPECT_EQ(preferred_name(names, "nb", "x"), "Universitetet i Fjordland");
  EXPECT_EQ(preferred_name(names, "de", "x"), "University of Fjordland");
  EXPECT_EQ(preferred_name({{"fi", "Pohjolan yliopisto"}, {"", "Pohjola"}}, "nb", "x"), "Pohjola");
  EXPECT_EQ(preferred_name({{"fi", "Pohjolan yliopisto"}}, "nb", "x"), "Pohjolan yliopisto");
  EXPECT_EQ(preferred_name({}, "nb", "pohjola.example"), "pohjola.example");
}

}  // namespace
}  // namespace mobility::agreements
