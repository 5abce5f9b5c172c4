// NameCache (portal/web/name_cache.hpp) over the demo data in a real PostgreSQL: the preferred
// language, the fallbacks, and when a changed name shows.
#include <gtest/gtest.h>

#include "portal/web/name_cache.hpp"
#include "tests/support/test_database.hpp"

namespace mobility::portal {
namespace {

using std::chrono::hours;
using std::chrono::milliseconds;

class NameCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = testing::open_demo_database();
    ASSERT_TRUE(opened) << opened.status().to_string();
    connection_ = std::move(*opened);
  }

  std::string hei(const NameCache& cache, const std::string& hei_id, const std::string& language) {
    auto name = cache.hei_name(*connection_, hei_id, language);
    EXPECT_TRUE(name) << name.status().to_string();
    return name && *name ? **name : "(none)";
  }

  std::unique_ptr<db::Connection> connection_;
};

TEST_F(NameCacheTest, NamesComeInTheWantedLanguageElseEnglishElseAny) {
  NameCache cache(hours(1));
  EXPECT_EQ(hei(cache, "fjordland.example", "nb"), "Universitetet i Fjordland");
  EXPECT_EQ(hei(cache, "fjordland.example", "en"), "University of Fjordland");
  EXPECT_EQ(hei(cache, "fjordland.example", "fi"), "University of Fjordland") << "English when the language is missing";
  auto unit = cache.ounit_name(*connection_, "fjordland.example", "ou-mn", "nb");
  ASSERT_TRUE(unit && *unit);
  EXPECT_EQ(**unit, "Det matematisk-naturvitenskapelige fakultet");
  ASSERT_TRUE(
      connection_->exec_script("INSERT INTO hei (hei_id) VALUES ('only-german.example');"
                               "INSERT INTO hei_name (hei_id, lang, name) VALUES ('only-german.example', 'de', 'Nur Deutsch')"));
  cache.forget();
  EXPECT_EQ(hei(cache, "only-german.example", "nb"), "Nur Deutsch") << "any name rather than none";
  EXPECT_EQ(hei(cache, "nowhere.example", "nb"), "(none)");
  auto no_unit = cache.ounit_name(*connection_, "fjordland.example", "ou-none", "nb");
  ASSERT_TRUE(no_unit);
  EXPECT_FALSE(*no_unit);
}

TEST_F(NameCacheTest, AChangedNameShowsAfterForgetOrOnceTheCopyIsOld) {
  NameCache kept(hours(1)), fresh(milliseconds(0));
  EXPECT_EQ(hei(kept, "fjordland.example", "en"), "University of Fjordland");
  ASSERT_TRUE(
      connection_->exec("UPDATE hei_name SET name = 'Fjordland University' WHERE hei_id = 'fjordland.example' AND lang = 'en'"));
  EXPECT_EQ(hei(kept, "fjordland.example", "en"), "University of Fjordland") << "the copy is kept for an hour";
  EXPECT_EQ(hei(fresh, "fjordland.example", "en"), "Fjordland University") << "a copy that is always old is read again";
  kept.forget();
  EXPECT_EQ(hei(kept, "fjordland.example", "en"), "Fjordland University");
}

}  // namespace
}  // namespace mobility::portal
