// Runs a program (usually the built `mobility` binary) as a child process for tests.
//
// The child inherits the environment without any MOBILITY_* variable, plus the ones given, so a
// developer's shell settings cannot change a test. Its standard output and error go to files
// that the test reads while it runs; standard input is /dev/null.
#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace mobility::testing {

using Environment = std::map<std::string, std::string>;

class ChildProcess {
 public:
  ChildProcess(const std::vector<std::string>& argv, const Environment& environment);
  ~ChildProcess();  // kills the child if it still runs
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  // Waits until standard error or output contains `text`; false on timeout or exit.
  bool wait_for_output(const std::string& text, std::chrono::milliseconds timeout);
  std::string out() const;
  std::string err() const;
  void send_signal(int signal);
  int pid() const { return pid_; }  // e.g. to read /proc/<pid>/status
  // The exit code (128 + signal when killed by a signal), or nullopt on timeout.
  std::optional<int> wait(std::chrono::milliseconds timeout);

 private:
  bool running();

  int pid_ = -1;
  std::optional<int> exit_code_;
  std::string out_path_;
  std::string err_path_;
};

struct ProgramResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs to completion (killed after `timeout`).
ProgramResult run_program(const std::vector<std::string>& argv, const Environment& environment = {},
                          std::chrono::milliseconds timeout = std::chrono::seconds(60));

}  // namespace mobility::testing
