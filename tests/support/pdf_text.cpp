#include "tests/support/pdf_text.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "tests/support/child_process.hpp"

namespace mobility::testing {
namespace {

// Runs /usr/bin/`tool` `options`… FILE `after`… on a temporary copy of `pdf`; its standard output.
std::string run_on_file(const std::string& tool, const std::vector<std::string>& options, const std::string& pdf,
                        const std::vector<std::string>& after = {}) {
  char path[] = "/tmp/mobility-pdf-XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0) {
    ADD_FAILURE() << "cannot make a temporary file";
    return "";
  }
  close(fd);
  std::ofstream(path, std::ios::binary) << pdf;
  std::vector<std::string> argv{"/usr/bin/" + tool};
  argv.insert(argv.end(), options.begin(), options.end());
  argv.emplace_back(path);
  argv.insert(argv.end(), after.begin(), after.end());
  ProgramResult result = run_program(argv);
  std::remove(path);
  EXPECT_EQ(result.exit_code, 0) << tool << ": " << result.err;
  return result.out;
}

}  // namespace

std::string pdf_text(const std::string& pdf) {
  std::string raw = run_on_file("pdftotext", {"-enc", "UTF-8"}, pdf, {"-"});
  std::string text;
  for (char c : raw) {
    bool blank = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
    if (!blank) {
      text += c;
    } else if (!text.empty() && text.back() != ' ') {
      text += ' ';
    }
  }
  return text;
}

std::string pdf_info(const std::string& pdf) { return run_on_file("pdfinfo", {"-isodates"}, pdf); }

}  // namespace mobility::testing
