#include "tests/support/child_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>

#include "base/config.hpp"

namespace mobility::testing {
namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string temp_path(const char* suffix) {
  static int counter = 0;
  return "/tmp/mobility-child-" + std::to_string(getpid()) + "-" + std::to_string(++counter) + suffix;
}

std::vector<std::string> child_environment(const Environment& extra) {
  std::vector<std::string> entries;
  for (const auto& [name, value] : process_environment()) {
    if (name.rfind("MOBILITY_", 0) == 0 || extra.count(name)) continue;
    entries.push_back(name + "=" + value);
  }
  for (const auto& [name, value] : extra) entries.push_back(name + "=" + value);
  return entries;
}

std::vector<char*> c_strings(std::vector<std::string>& strings) {
  std::vector<char*> pointers;
  for (auto& text : strings) pointers.push_back(text.data());
  pointers.push_back(nullptr);
  return pointers;
}

}  // namespace

ChildProcess::ChildProcess(const std::vector<std::string>& argv, const Environment& environment)
    : out_path_(temp_path(".out")), err_path_(temp_path(".err")) {
  std::vector<std::string> args = argv;
  std::vector<std::string> env = child_environment(environment);
  std::vector<char*> arg_pointers = c_strings(args);
  std::vector<char*> env_pointers = c_strings(env);
  pid_ = fork();
  if (pid_ == 0) {
    int in = open("/dev/null", O_RDONLY);
    int out = open(out_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    int err = open(err_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    dup2(in, 0);
    dup2(out, 1);
    dup2(err, 2);
    execve(arg_pointers[0], arg_pointers.data(), env_pointers.data());
    std::fprintf(stderr, "exec %s failed: %s\n", arg_pointers[0], std::strerror(errno));
    _exit(127);
  }
}

ChildProcess::~ChildProcess() {
  if (running()) {
    kill(pid_, SIGKILL);
    wait(std::chrono::seconds(10));
  }
  unlink(out_path_.c_str());
  unlink(err_path_.c_str());
}

bool ChildProcess::running() {
  if (pid_ <= 0 || exit_code_) return false;
  int status = 0;
  if (waitpid(pid_, &status, WNOHANG) == pid_) {
    exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return false;
  }
  return true;
}

bool ChildProcess::wait_for_output(const std::string& text, std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (err().find(text) != std::string::npos || out().find(text) != std::string::npos) return true;
    if (!running()) return err().find(text) != std::string::npos || out().find(text) != std::string::npos;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return false;
}

std::string ChildProcess::out() const { return read_file(out_path_); }
std::string ChildProcess::err() const { return read_file(err_path_); }

void ChildProcess::send_signal(int signal) {
  if (running()) kill(pid_, signal);
}

std::optional<int> ChildProcess::wait(std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (running()) {
    if (std::chrono::steady_clock::now() >= deadline) return std::nullopt;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return exit_code_;
}

ProgramResult run_program(const std::vector<std::string>& argv, const Environment& environment,
                          std::chrono::milliseconds timeout) {
  ChildProcess child(argv, environment);
  auto code = child.wait(timeout);
  if (!code) child.send_signal(SIGKILL);
  return {code.value_or(-1), child.out(), child.err()};
}

}  // namespace mobility::testing
