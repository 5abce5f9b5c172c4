// The files of shared/test-vectors (known answers published with the specifications and kits)
// and of shared/ewp-specs (the official examples).
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

// The whole content of shared/ewp-specs/`relative` (an official schema or example); empty when
// the file cannot be read.
inline std::string ewp_spec_file(const std::string& relative) {
  std::ifstream in(std::string(MOBILITY_SHARED_DIR) + "/ewp-specs/" + relative);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace mobility::testing
