// Waiting for a condition instead of sleeping for a guessed time: a test polls until what it
// waits for holds, and fails only when it still does not after a generous deadline.
#pragma once

#include <chrono>
#include <functional>
#include <thread>

namespace mobility::testing {

// Calls `done` every `poll` until it returns true (then true) or `limit` has passed (then one
// last call decides). `done` may have effects, e.g. work a queue once.
inline bool wait_until(const std::function<bool()>& done, std::chrono::milliseconds limit,
                       std::chrono::milliseconds poll = std::chrono::milliseconds(20)) {
  for (auto until = std::chrono::steady_clock::now() + limit; std::chrono::steady_clock::now() < until;) {
    if (done()) return true;
    std::this_thread::sleep_for(poll);
  }
  return done();
}

}  // namespace mobility::testing
