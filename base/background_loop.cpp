#include "base/background_loop.hpp"

#include "base/log.hpp"

namespace mobility {

BackgroundLoop::BackgroundLoop(std::string failure_event, std::chrono::milliseconds idle, Round round)
    : failure_event_(std::move(failure_event)), idle_(idle), round_(std::move(round)) {}

BackgroundLoop::~BackgroundLoop() { stop(); }

void BackgroundLoop::start() {
  std::lock_guard lock(mutex_);
  if (thread_.joinable()) return;
  stopping_ = false;
  thread_ = std::thread([this] { run(); });
}

void BackgroundLoop::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void BackgroundLoop::wake() {
  {
    std::lock_guard lock(mutex_);
    woken_ = true;
  }
  wake_.notify_all();
}

void BackgroundLoop::run() {
  while (true) {
    auto worked = round_();
    if (!worked) log::warn(failure_event_, {{"error", worked.status().to_string()}});
    std::unique_lock lock(mutex_);
    if (stopping_) return;
    if (worked && *worked > 0) continue;
    wake_.wait_for(lock, idle_, [this] { return stopping_ || woken_; });
    woken_ = false;
    if (stopping_) return;
  }
}

}  // namespace mobility
