#include "base/retry_policy.hpp"

#include <algorithm>
#include <cmath>

namespace mobility {

std::chrono::milliseconds RetryPolicy::delay_after(int attempts, double jitter) const {
  double doubled = static_cast<double>(first.count()) * std::pow(2.0, std::clamp(attempts - 1, 0, 40));
  double capped = std::min(doubled, static_cast<double>(longest.count()));
  return std::chrono::milliseconds(static_cast<long long>(capped * (0.75 + 0.5 * jitter)));
}

}  // namespace mobility
