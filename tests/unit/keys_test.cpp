#include "ewp-node/security/keys.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "tests/support/test_vectors.hpp"

namespace mobility::ewp {
namespace {

namespace fs = std::filesystem;

class KeysTest : public ::testing::Test {
 protected:
  void SetUp() override { fs::remove_all(dir_); }
  void TearDown() override { fs::remove_all(dir_); }
  std::string dir_ = "/tmp/mobility-keys-" + std::to_string(getpid());
};

mode_t mode_of(const std::string& path) {
  struct stat info {};
  stat(path.c_str(), &info);
  return info.st_mode & 0777;
}

TEST_F(KeysTest, GeneratesPrivateKeyReadableOnlyByOwner) {
  auto key = generate_key(dir_, "node-1", 2048);
  ASSERT_TRUE(key) << key.status().to_string();
  EXPECT_EQ(key->bits, 2048);
  EXPECT_EQ(mode_of(key->private_key_path), 0600u);
  EXPECT_EQ(mode_of(dir_), 0700u);
  EXPECT_EQ(key->key_id.size(), 64u);

  auto listed = list_keys(dir_);
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ((*listed)[0].key_id, key->key_id);
  EXPECT_EQ((*listed)[0].name, "node-1");
}

TEST_F(KeysTest, KeyIdIsSha256OfDerPublicKeyPerEwpSpec) {
  // Known answer published with the draft-cavage test key in shared/test-vectors/README.md.
  std::string pem = testing::test_vector("draft-cavage-test-key.pub.pem");
  ASSERT_FALSE(pem.empty()) << "shared/test-vectors is missing";
  auto key_id = key_id_of_public_pem(pem);
  ASSERT_TRUE(key_id) << key_id.status().to_string();
  EXPECT_EQ(*key_id, "6abc29c310d9c042fd93e21828b8178161400a3b78adf0f09d62ac13712eb5fe");
}

TEST_F(KeysTest, RefusesWeakKeysBadNamesAndOverwrites) {
  EXPECT_EQ(generate_key(dir_, "weak", 1024).status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(generate_key(dir_, "../escape", 2048).status().code(), Status::Code::kInvalidArgument);
  ASSERT_TRUE(generate_key(dir_, "once", 2048));
  EXPECT_EQ(generate_key(dir_, "once", 2048).status().code(), Status::Code::kConflict);
}

TEST_F(KeysTest, ListOfMissingDirectoryIsEmpty) {
  auto listed = list_keys(dir_ + "/absent");
  ASSERT_TRUE(listed);
  EXPECT_TRUE(listed->empty());
}

}  // namespace
}  // namespace mobility::ewp
