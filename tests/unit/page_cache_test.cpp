// The cache of rendered pages (portal/web/page_cache.hpp): a page is served again only under the
// revision it was rendered at and while young enough; only plain 200 answers are kept; bounded.
#include "portal/web/page_cache.hpp"

#include <gtest/gtest.h>

namespace mobility::portal {
namespace {

using std::chrono::milliseconds;

http::Response page(std::string body, int status = 200) {
  http::Response response = http::Response::text(status, std::move(body));
  response.content_type = "text/html; charset=utf-8";
  return response;
}

TEST(PageCache, APageIsServedOnlyUnderItsRevisionAndWhileYoung) {
  PageCache cache(PageCache::Limits{16, 1 << 20, 1 << 16, milliseconds(60000)});
  auto t0 = PageCache::Clock::now();
  EXPECT_FALSE(cache.find("view", "hei:1", t0));
  cache.store("view", "hei:1", page("<p>first</p>"), t0);
  auto kept = cache.find("view", "hei:1", t0 + milliseconds(59999));
  ASSERT_TRUE(kept);
  EXPECT_EQ(kept->body, "<p>first</p>");
  EXPECT_EQ(kept->content_type, "text/html; charset=utf-8");
  EXPECT_FALSE(cache.find("view", "hei:2", t0)) << "the data changed since";
  EXPECT_FALSE(cache.find("other view", "hei:1", t0)) << "another visitor or page";
  EXPECT_FALSE(cache.find("view", "hei:1", t0 + milliseconds(60000))) << "too old";
  cache.store("view", "hei:2", page("<p>second</p>"), t0);
  EXPECT_FALSE(cache.find("view", "hei:1", t0)) << "replaced";
  EXPECT_EQ(cache.find("view", "hei:2", t0)->body, "<p>second</p>");
  PageCache::Counts counts = cache.counts();
  EXPECT_EQ(counts.hits, 2);
  EXPECT_EQ(counts.misses, 5);
  EXPECT_EQ(counts.entries, 1u);
}

TEST(PageCache, OnlyPlainSuccessfulAnswersOfModestSizeAreKept) {
  PageCache cache(PageCache::Limits{16, 1 << 20, 100, milliseconds(60000)});
  auto t0 = PageCache::Clock::now();
  cache.store("not found", "r", page("gone", 404), t0);
  http::Response with_cookie = page("hello");
  with_cookie.headers.emplace_back("Set-Cookie", "csrf=abc");
  cache.store("cookie", "r", with_cookie, t0);
  cache.store("big", "r", page(std::string(101, 'x')), t0);
  cache.store("fits", "r", page(std::string(100, 'x')), t0);
  EXPECT_FALSE(cache.find("not found", "r", t0));
  EXPECT_FALSE(cache.find("cookie", "r", t0));
  EXPECT_FALSE(cache.find("big", "r", t0));
  EXPECT_TRUE(cache.find("fits", "r", t0));
}

TEST(PageCache, WhenFullItStartsAfresh) {
  PageCache cache(PageCache::Limits{3, 250, 200, milliseconds(60000)});
  auto t0 = PageCache::Clock::now();
  cache.store("a", "r", page(std::string(100, 'a')), t0);
  cache.store("b", "r", page(std::string(100, 'b')), t0);
  cache.store("c", "r", page("c"), t0);
  EXPECT_EQ(cache.counts().entries, 3u);
  cache.store("d", "r", page(std::string(100, 'd')), t0);
  EXPECT_EQ(cache.counts().entries, 1u) << "a fourth page is one too many";
  EXPECT_FALSE(cache.find("a", "r", t0));
  EXPECT_TRUE(cache.find("d", "r", t0));
  cache.store("e", "r", page(std::string(100, 'e')), t0);
  EXPECT_EQ(cache.counts().entries, 2u);
  cache.store("f", "r", page(std::string(100, 'f')), t0);
  EXPECT_EQ(cache.counts().entries, 1u) << "300 bytes of bodies is over 250";
  EXPECT_TRUE(cache.find("f", "r", t0));
  cache.store("f", "r", page(std::string(200, 'g')), t0);
  cache.store("h", "r", page(std::string(50, 'h')), t0);
  EXPECT_EQ(cache.counts().entries, 2u) << "a replaced page no longer counts";
}

}  // namespace
}  // namespace mobility::portal
