// When a failed notification is tried again: after `first`, then twice as long each time up to
// `longest`, each wait spread by ±25 % so that many failures do not come back in step; after
// `give_up_after` since it was queued, it is given up.
#pragma once

#include <chrono>

namespace mobility {

struct RetryPolicy {
  std::chrono::milliseconds first{10'000};
  std::chrono::milliseconds longest{3'600'000};
  std::chrono::milliseconds give_up_after{24 * 3'600'000};

  // The wait after the `attempts`-th failed try (1 for the first), with `jitter` in [0, 1).
  std::chrono::milliseconds delay_after(int attempts, double jitter) const;
  bool gives_up(double age_seconds) const { return age_seconds * 1000 >= static_cast<double>(give_up_after.count()); }
};

}  // namespace mobility
