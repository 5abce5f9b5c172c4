// A file compiled into the binary (SQL migrations, seed data, templates): see
// ops/cmake/embed_files.cmake. `name` is the path relative to the folder it was embedded from.
#pragma once

#include <string_view>
#include <vector>

namespace mobility {

struct EmbeddedFile {
  std::string_view name;
  std::string_view content;
};

}  // namespace mobility
