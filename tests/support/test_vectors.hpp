// The files of shared/test-vectors (known answers published with the specifications and kits).
#pragma once

#include <fstream>
#include <sstream>
#include <string>

namespace mobility::testing {

// The whole content of shared/test-vectors/`name`; empty when the file cannot be read.
inline std::string test_vector(const std::string& name) {
  std::ifstream in(std::string(MOBILITY_SHARED_DIR) + "/test-vectors/" + name);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace mobility::testing
