// A background thread that works in rounds, for the node's workers (the CNR worker, the reference
// refresher, the mail worker): after a round that did something it starts the next at once (more may be due);
// after an idle round, or a failed one (logged as `failure_event`), it waits `idle`, or until
// woken. stop() (and destruction) lets the round in progress finish, then ends the thread.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "base/status.hpp"

namespace mobility {

class BackgroundLoop {
 public:
  // A round returns how much it did (0: idle).
  using Round = std::function<Result<int>()>;

  BackgroundLoop(std::string failure_event, std::chrono::milliseconds idle, Round round);
  ~BackgroundLoop();
  BackgroundLoop(const BackgroundLoop&) = delete;
  BackgroundLoop& operator=(const BackgroundLoop&) = delete;

  void start();  // no-op when running
  void stop();
  void wake();  // an idle loop starts its next round now

 private:
  void run();

  std::string failure_event_;
  std::chrono::milliseconds idle_;
  Round round_;
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  bool woken_ = false;
};

}  // namespace mobility
