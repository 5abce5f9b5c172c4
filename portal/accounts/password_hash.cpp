#include "portal/accounts/password_hash.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <charconv>
#include <optional>
#include <vector>

#include "base/log.hpp"
#include "base/secure_random.hpp"
#include "base/sha256.hpp"

namespace mobility::portal {
namespace {

constexpr size_t kSaltBytes = 16;
constexpr size_t kHashBytes = 32;
constexpr uint64_t kMaxMemory = 256ull << 20;  // refuses parameters that would need more

struct StoredHash {
  ScryptCost cost;
  std::string salt;
  std::string hash;
};

std::optional<int> small_number(std::string_view text) {
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < 1 || value > 64) return std::nullopt;
  return value;
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  for (size_t start = 0;;) {
    size_t end = text.find(separator, start);
    parts.push_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

std::optional<StoredHash> parse(std::string_view stored) {
  auto parts = split(stored, '$');
  if (parts.size() != 6 || parts[0] != "scrypt") return std::nullopt;
  auto log2_n = small_number(parts[1]), r = small_number(parts[2]), p = small_number(parts[3]);
  auto salt = from_hex(parts[4]), hash = from_hex(parts[5]);
  if (!log2_n || !r || !p || !salt || !hash || hash->size() != kHashBytes || *log2_n > 30) return std::nullopt;
  return StoredHash{{*log2_n, *r, *p}, *salt, *hash};
}

Result<std::string> scrypt(std::string_view password, std::string_view salt, ScryptCost cost) {
  std::string key(kHashBytes, '\0');
  if (EVP_PBE_scrypt(password.data(), password.size(), reinterpret_cast<const unsigned char*>(salt.data()), salt.size(),
                     uint64_t{1} << cost.log2_n, static_cast<uint64_t>(cost.r), static_cast<uint64_t>(cost.p), kMaxMemory,
                     reinterpret_cast<unsigned char*>(key.data()), key.size()) != 1) {
    return Status::internal("scrypt failed (parameters out of range?)");
  }
  return key;
}

}  // namespace

Result<std::string> hash_password(std::string_view password, ScryptCost cost) {
  std::string salt = random_bytes(kSaltBytes);
  auto key = scrypt(password, salt, cost);
  if (!key) return key.status();
  return "scrypt$" + std::to_string(cost.log2_n) + "$" + std::to_string(cost.r) + "$" + std::to_string(cost.p) + "$" +
         to_hex(salt) + "$" + to_hex(*key);
}

bool verify_password(std::string_view password, std::string_view stored) {
  auto parsed = parse(stored);
  if (!parsed) {
    log::warn("password_hash_unreadable", {});
    return false;
  }
  auto key = scrypt(password, parsed->salt, parsed->cost);
  return key && CRYPTO_memcmp(key->data(), parsed->hash.data(), kHashBytes) == 0;
}

bool needs_rehash(std::string_view stored, ScryptCost cost) {
  auto parsed = parse(stored);
  return !parsed || parsed->cost.log2_n < cost.log2_n || parsed->cost.r < cost.r || parsed->cost.p < cost.p;
}

}  // namespace mobility::portal
