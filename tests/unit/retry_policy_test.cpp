// When a failed change notification is tried again (base/retry_policy.hpp): the first
// wait, doubling, the longest wait, the ±25 % spread and giving up.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>

#include "base/config.hpp"
#include "base/retry_policy.hpp"

namespace mobility {
namespace {

using std::chrono::hours;
using std::chrono::milliseconds;
using std::chrono::seconds;

// Jitter 0.5 is the middle of the spread: the wait without it.
constexpr double kNoSpread = 0.5;

TEST(RetryPolicy, DefaultsAreTheConfigurationDefaults) {
  Config config;
  RetryPolicy policy;
  EXPECT_EQ(policy.first, seconds(config.cnr_retry_first_seconds));
  EXPECT_EQ(policy.longest, seconds(config.cnr_retry_max_seconds));
  EXPECT_EQ(policy.give_up_after, hours(config.cnr_give_up_hours));
  EXPECT_EQ(policy.first, seconds(10));
  EXPECT_EQ(policy.longest, seconds(3600));
  EXPECT_EQ(policy.give_up_after, hours(24));
}

TEST(RetryPolicy, TheFirstWaitIsFirst) {
  RetryPolicy policy{seconds(10), seconds(3600), hours(24)};
  EXPECT_EQ(policy.delay_after(1, kNoSpread), milliseconds(10'000));
}

TEST(RetryPolicy, EachWaitIsTwiceThePrevious) {
  RetryPolicy policy{seconds(10), seconds(3600), hours(24)};
  EXPECT_EQ(policy.delay_after(2, kNoSpread), milliseconds(20'000));
  EXPECT_EQ(policy.delay_after(3, kNoSpread), milliseconds(40'000));
  EXPECT_EQ(policy.delay_after(4, kNoSpread), milliseconds(80'000));
  EXPECT_EQ(policy.delay_after(9, kNoSpread), milliseconds(2'560'000));
}

TEST(RetryPolicy, NoWaitIsLongerThanTheLongest) {
  RetryPolicy policy{seconds(10), seconds(3600), hours(24)};
  // 10 s · 2^9 = 5120 s would be next: the longest (cnr_retry_max_seconds) applies instead.
  EXPECT_EQ(policy.delay_after(10, kNoSpread), milliseconds(3'600'000));
  EXPECT_EQ(policy.delay_after(11, kNoSpread), milliseconds(3'600'000));
  EXPECT_EQ(policy.delay_after(100, kNoSpread), milliseconds(3'600'000));
  EXPECT_EQ(policy.delay_after(1'000'000, kNoSpread), milliseconds(3'600'000));
}

TEST(RetryPolicy, TheLongestAppliesEvenToTheFirstWait) {
  RetryPolicy policy{seconds(60), seconds(30), hours(1)};
  EXPECT_EQ(policy.delay_after(1, kNoSpread), milliseconds(30'000));
}

TEST(RetryPolicy, AnAttemptCountBelowOneIsTheFirstWait) {
  RetryPolicy policy{seconds(10), seconds(3600), hours(24)};
  EXPECT_EQ(policy.delay_after(0, kNoSpread), milliseconds(10'000));
  EXPECT_EQ(policy.delay_after(-5, kNoSpread), milliseconds(10'000));
}

TEST(RetryPolicy, EachWaitIsSpreadByAQuarterEitherWay) {
  RetryPolicy policy{seconds(10), seconds(3600), hours(24)};
  EXPECT_EQ(policy.delay_after(1, 0.0), milliseconds(7'500));
  EXPECT_EQ(policy.delay_after(1, 0.25), milliseconds(8'750));
  EXPECT_EQ(policy.delay_after(1, 0.75), milliseconds(11'250));
  EXPECT_EQ(policy.delay_after(2, 0.0), milliseconds(15'000));
  EXPECT_EQ(policy.delay_after(2, 0.75), milliseconds(22'500));
  for (double jitter = 0; jitter < 1; jitter += 0.001) {
    EXPECT_GE(policy.delay_after(1, jitter), milliseconds(7'500)) << jitter;
    EXPECT_LE(policy.delay_after(1, jitter), milliseconds(12'500)) << jitter;
  }
  EXPECT_LE(policy.delay_after(1, std::nextafter(1.0, 0.0)), milliseconds(12'500));
}

TEST(RetryPolicy, TheSpreadAppliesAfterTheLongest) {
  RetryPolicy policy{seconds(10), seconds(3600), hours(24)};
  EXPECT_EQ(policy.delay_after(20, 0.0), milliseconds(2'700'000));
  EXPECT_EQ(policy.delay_after(20, 0.75), milliseconds(4'050'000));
  EXPECT_LE(policy.delay_after(20, std::nextafter(1.0, 0.0)), milliseconds(4'500'000));
}

TEST(RetryPolicy, ANotificationIsGivenUpOnceItIsAsOldAsGiveUpAfter) {
  RetryPolicy policy{seconds(10), seconds(3600), hours(24)};
  EXPECT_FALSE(policy.gives_up(0));
  EXPECT_FALSE(policy.gives_up(24 * 3600 - 1));
  EXPECT_FALSE(policy.gives_up(24 * 3600 - 0.001));
  EXPECT_TRUE(policy.gives_up(24 * 3600));
  EXPECT_TRUE(policy.gives_up(24 * 3600 + 1));
  EXPECT_TRUE(policy.gives_up(365.0 * 24 * 3600));
}

TEST(RetryPolicy, GiveUpAfterIsTheConfiguredHours) {
  RetryPolicy policy{seconds(10), seconds(3600), hours(1)};
  EXPECT_FALSE(policy.gives_up(3599.5));
  EXPECT_TRUE(policy.gives_up(3600));
}

}  // namespace
}  // namespace mobility
