#include "ewp-node/security/keys.hpp"

#include <fcntl.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "ewp-node/security/rsa_signer.hpp"

namespace mobility::ewp {
namespace {

namespace fs = std::filesystem;

using PkeyPtr = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using BioPtr = std::unique_ptr<BIO, decltype(&BIO_free)>;

std::string openssl_error() {
  unsigned long code = ERR_get_error();
  char buffer[256];
  ERR_error_string_n(code, buffer, sizeof buffer);
  return code ? buffer : "unknown OpenSSL error";
}

std::string bio_text(BIO* bio) {
  char* data = nullptr;
  long length = BIO_get_mem_data(bio, &data);
  return std::string(data, static_cast<size_t>(length));
}

bool valid_name(const std::string& name) {
  return !name.empty() && name.size() <= 64 && name[0] != '.' && std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-';
  });
}

// Creates the file with `mode` from the start, so the private key is never readable by others.
Status write_new_file(const fs::path& path, const std::string& content, mode_t mode) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
  if (fd < 0) return Status::invalid_argument("cannot create " + path.string() + ": " + std::strerror(errno));
  ssize_t written = ::write(fd, content.data(), content.size());
  bool ok = written == static_cast<ssize_t>(content.size()) && ::fsync(fd) == 0;
  ::close(fd);
  if (!ok) return Status::internal("cannot write " + path.string());
  return Status::ok();
}

Result<KeyInfo> describe_public_key(const fs::path& public_path) {
  std::ifstream in(public_path);
  std::stringstream pem;
  pem << in.rdbuf();
  auto key = RsaPublicKey::from_pem(pem.str());
  if (!key) return key.status().with_context(public_path.string());
  std::string name = public_path.filename().string();
  name = name.substr(0, name.size() - std::string(".pub.pem").size());
  fs::path private_path = public_path.parent_path() / (name + ".key.pem");
  struct stat file_status {};
  auto published =
      ::stat(public_path.c_str(), &file_status) == 0
          ? std::chrono::system_clock::time_point(std::chrono::duration_cast<std::chrono::system_clock::duration>(
                std::chrono::seconds(file_status.st_mtim.tv_sec) + std::chrono::nanoseconds(file_status.st_mtim.tv_nsec)))
          : std::chrono::system_clock::now();
  return KeyInfo{name, key->key_id(), key->bits(), private_path.string(), public_path.string(), published};
}

}  // namespace

Result<std::string> key_id_of_public_pem(const std::string& pem) {
  auto key = RsaPublicKey::from_pem(pem);
  if (!key) return key.status();
  return key->key_id();
}

Result<KeyInfo> generate_key(const std::string& key_dir, const std::string& name, int bits) {
  if (!valid_name(name)) return Status::invalid_argument("key name '" + name + "' may only use A-Z a-z 0-9 . _ -");
  if (bits < kMinimumKeyBits || bits > 16384) {
    return Status::invalid_argument("key size " + std::to_string(bits) + " bits is outside 2048..16384");
  }
  std::error_code error;
  fs::create_directories(key_dir, error);
  if (error) return Status::invalid_argument("cannot create key directory " + key_dir + ": " + error.message());
  ::chmod(key_dir.c_str(), 0700);
  fs::path private_path = fs::path(key_dir) / (name + ".key.pem");
  fs::path public_path = fs::path(key_dir) / (name + ".pub.pem");
  if (fs::exists(private_path) || fs::exists(public_path)) {
    return Status::conflict("a key named '" + name + "' already exists in " + key_dir);
  }

  PkeyPtr key(EVP_RSA_gen(static_cast<unsigned int>(bits)), EVP_PKEY_free);
  if (!key) return Status::internal("RSA key generation failed: " + openssl_error());
  BioPtr private_pem(BIO_new(BIO_s_mem()), BIO_free);
  BioPtr public_pem(BIO_new(BIO_s_mem()), BIO_free);
  if (PEM_write_bio_PrivateKey(private_pem.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1 ||
      PEM_write_bio_PUBKEY(public_pem.get(), key.get()) != 1) {
    return Status::internal("cannot encode the key: " + openssl_error());
  }
  std::string public_text = bio_text(public_pem.get());
  auto public_key = RsaPublicKey::from_pem(public_text);
  if (!public_key) return public_key.status();
  if (Status status = write_new_file(private_path, bio_text(private_pem.get()), 0600); !status) return status;
  if (Status status = write_new_file(public_path, public_text, 0644); !status) {
    fs::remove(private_path);
    return status;
  }
  return KeyInfo{name, public_key->key_id(), bits, private_path.string(), public_path.string(), std::chrono::system_clock::now()};
}

Status retire_key(const std::string& key_dir, const std::string& name) {
  fs::path directory(key_dir);
  fs::path retired = directory / "retired";
  std::error_code error;
  fs::create_directories(retired, error);
  if (error) return Status::internal("cannot create " + retired.string() + ": " + error.message());
  fs::permissions(retired, fs::perms::owner_all, error);
  for (const char* suffix : {".pub.pem", ".key.pem"}) {
    fs::rename(directory / (name + suffix), retired / (name + suffix), error);
    if (error) return Status::not_found("cannot retire key " + name + ": " + error.message());
  }
  return Status::ok();
}

Result<std::vector<KeyInfo>> list_keys(const std::string& key_dir) {
  std::vector<KeyInfo> keys;
  std::error_code error;
  if (!fs::exists(key_dir, error)) return keys;
  for (const auto& entry : fs::directory_iterator(key_dir, error)) {
    std::string file = entry.path().filename().string();
    if (!file.ends_with(".pub.pem")) continue;
    auto info = describe_public_key(entry.path());
    if (!info) return info.status();
    keys.push_back(*info);
  }
  if (error) return Status::invalid_argument("cannot read key directory " + key_dir + ": " + error.message());
  std::sort(keys.begin(), keys.end(), [](const KeyInfo& a, const KeyInfo& b) { return a.name < b.name; });
  return keys;
}

}  // namespace mobility::ewp
