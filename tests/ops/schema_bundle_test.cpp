// ops/schema-bundle: the EWP schema bundle a node needs, assembled from the pinned list
// (ops/schemas/pinned.txt) by download from a mirror on loopback (in place of the specification
// repositories), from an archive on a machine without network, and refused, installing nothing,
// when a file differs from its pinned SHA-256.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "http/server.hpp"
#include "tests/support/child_process.hpp"

namespace mobility {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

const std::string kScript = std::string(MOBILITY_SOURCE_DIR) + "/ops/schema-bundle";
const fs::path kShared = fs::path(MOBILITY_SHARED_DIR) / "ewp-specs";

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// "PATH SHA256 SOURCE" of every pinned file.
std::vector<std::array<std::string, 3>> pinned() {
  std::vector<std::array<std::string, 3>> files;
  std::istringstream list(read_file(fs::path(MOBILITY_SOURCE_DIR) / "ops/schemas/pinned.txt"));
  for (std::string line; std::getline(list, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::array<std::string, 3> file;
    fields >> file[0] >> file[1] >> file[2];
    files.push_back(file);
  }
  return files;
}

class SchemaBundleTest : public ::testing::Test {
 protected:
  void SetUp() override {
    directory_ = fs::temp_directory_path() / ("mobility-schemas-" + std::to_string(::getpid()));
    fs::remove_all(directory_);
    fs::create_directories(directory_);
    // The mirror answers /<owner>/<repository>/<tag>/<path> as the repositories would.
    for (const auto& [path, sha, source] : pinned()) {
      if (source != "project") mirror_["/" + source] = read_file(kShared / path);
    }
    auto router = std::make_shared<http::Router>();
    router->add_fallback("/", [this](const http::Request& request) {
      ++requests_;
      auto found = mirror_.find(request.path);
      if (found == mirror_.end()) return http::Response::text(404, "no such file");
      return http::Response::text(200, found->second);
    });
    server_ = std::make_unique<http::Server>(http::ServerOptions{"127.0.0.1", 0, 2, 1 << 20}, router);
    ASSERT_TRUE(server_->start());
  }

  void TearDown() override {
    server_.reset();
    fs::remove_all(directory_);
  }

  // Runs the script for `dest` with no sibling ../shared and downloads from the loopback mirror.
  testing::ProgramResult assemble(const fs::path& dest, testing::Environment extra = {}) {
    testing::Environment environment = {{"MOBILITY_SCHEMA_SHARED", (directory_ / "no-shared").string()},
                                        {"MOBILITY_SCHEMA_MIRROR", "http://127.0.0.1:" + std::to_string(server_->port())}};
    for (const auto& [name, value] : extra) environment[name] = value;
    return testing::run_program({kScript, dest.string()}, environment, std::chrono::seconds(120));
  }

  fs::path directory_;
  std::map<std::string, std::string> mirror_;
  std::atomic<int> requests_{0};
  std::unique_ptr<http::Server> server_;
};

TEST_F(SchemaBundleTest, EveryPinnedFileIsDownloadedCheckedAndInstalledOnce) {
  fs::path dest = directory_ / "schemas";
  auto first = assemble(dest);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_THAT(first.err,
              HasSubstr("(" + std::to_string(pinned().size()) + " files, " + std::to_string(mirror_.size()) + " downloaded)"));
  for (const auto& [path, sha, source] : pinned()) EXPECT_TRUE(fs::exists(dest / path)) << path;
  EXPECT_TRUE(fs::exists(dest / "catalog.xml"));
  int downloads = requests_;
  auto again = assemble(dest);
  EXPECT_EQ(again.exit_code, 0);
  EXPECT_EQ(again.err, "") << "a complete bundle is left as it is";
  EXPECT_EQ(requests_, downloads);
}

TEST_F(SchemaBundleTest, AFileThatDiffersFromItsPinnedDigestInstallsNothing) {
  mirror_["/erasmus-without-paper/ewp-specs-architecture/v1.15.0/common-types.xsd"] += "<!-- altered -->";
  fs::path dest = directory_ / "schemas";
  auto refused = assemble(dest);
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_THAT(refused.err, HasSubstr("1 of the pinned schema files could not be had"));
  EXPECT_THAT(refused.err, HasSubstr("architecture/stable-v1/common-types.xsd (downloaded, but its SHA-256 is "));
  EXPECT_THAT(refused.err, HasSubstr("nothing installed in " + dest.string()));
  EXPECT_FALSE(fs::exists(dest));
}

TEST_F(SchemaBundleTest, AnArchiveServesAMachineWithoutNetwork) {
  fs::path layout = directory_ / "copy/ewp-specs";
  for (const auto& [path, sha, source] : pinned()) {
    if (source == "project") continue;
    fs::create_directories((layout / path).parent_path());
    fs::copy_file(kShared / path, layout / path);
  }
  fs::path archive = directory_ / "ewp-specs.tar.gz";
  auto packed = testing::run_program({"/bin/tar", "-czf", archive.string(), "-C", (directory_ / "copy").string(), "ewp-specs"});
  ASSERT_EQ(packed.exit_code, 0) << packed.err;
  fs::path dest = directory_ / "schemas";
  auto offline = assemble(dest, {{"MOBILITY_SCHEMA_SOURCE", archive.string()}, {"MOBILITY_SCHEMA_MIRROR", "http://127.0.0.1:1"}});
  ASSERT_EQ(offline.exit_code, 0) << offline.err;
  EXPECT_THAT(offline.err, HasSubstr(" 0 downloaded)"));
  EXPECT_EQ(requests_, 0);

  auto not_an_archive = assemble(directory_ / "other", {{"MOBILITY_SCHEMA_SOURCE", (directory_ / "nothing.zip").string()}});
  EXPECT_EQ(not_an_archive.exit_code, 1);
  EXPECT_THAT(not_an_archive.err, HasSubstr("is not a readable .zip archive"));
}

}  // namespace
}  // namespace mobility
