#include "engine/snapshot/pseudonymiser.hpp"

#include <sodium.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <iterator>
#include <stdexcept>

#include "engine/snapshot/snapshot_error.hpp"

namespace casesim::snapshot {

namespace {

void ensure_sodium() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
}

void update_with_length(crypto_generichash_state& state, std::uint64_t length) {
  unsigned char bytes[8];
  for (int i = 0; i < 8; ++i) bytes[i] = static_cast<unsigned char>(length >> (8 * i));
  crypto_generichash_update(&state, bytes, sizeof bytes);
}

void update(crypto_generichash_state& state, std::string_view text) {
  update_with_length(state, text.size());
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(text.data()), text.size());
}

}  // namespace

Pseudonymiser::Pseudonymiser(std::string_view salt) {
  if (salt.size() < kMinSaltBytes) {
    throw std::invalid_argument("a pseudonym salt needs at least " + std::to_string(kMinSaltBytes) + " bytes");
  }
  ensure_sodium();
  crypto_generichash_state state;
  crypto_generichash_init(&state, nullptr, 0, key_.size());
  update(state, "casesim snapshot pseudonym key v1");
  update(state, salt);
  crypto_generichash_final(&state, key_.data(), key_.size());
}

Pseudonymiser::~Pseudonymiser() {
  sodium_memzero(key_.data(), key_.size());
}

std::string Pseudonymiser::pseudonym(std::string_view domain, std::string_view prefix,
                                     std::string_view normalised) const {
  crypto_generichash_state state;
  unsigned char digest[crypto_generichash_BYTES_MIN];
  crypto_generichash_init(&state, key_.data(), key_.size(), sizeof digest);
  update(state, domain);
  update(state, normalised);
  crypto_generichash_final(&state, digest, sizeof digest);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(prefix);
  for (int i = 0; i < 4; ++i) {
    out.push_back(kHex[digest[i] >> 4]);
    out.push_back(kHex[digest[i] & 0xF]);
  }
  return out;
}

std::string Pseudonymiser::child(std::string_view normalised_id) const {
  return pseudonym("child", "C-", normalised_id);
}

std::string Pseudonymiser::worker(std::string_view normalised_name) const {
  return pseudonym("worker", "W-", normalised_name);
}

std::string salt_from_files(const std::vector<std::string_view>& file_bytes) {
  ensure_sodium();
  crypto_generichash_state state;
  unsigned char digest[32];
  crypto_generichash_init(&state, nullptr, 0, sizeof digest);
  update(state, "casesim snapshot salt from data v1");
  for (const auto bytes : file_bytes) update(state, bytes);
  crypto_generichash_final(&state, digest, sizeof digest);
  std::string salt(reinterpret_cast<const char*>(digest), sizeof digest);
  sodium_memzero(digest, sizeof digest);
  return salt;
}

std::string read_salt_file(const std::filesystem::path& path) {
  const std::string name = path.string();
  std::error_code error;
  if (std::filesystem::is_directory(path, error))
    throw SnapshotError(name, 0, "", "cannot read salt file: it is a directory");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw SnapshotError(name, 0, "", std::string("cannot read salt file: ") + std::strerror(errno));
  std::string salt((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  while (!salt.empty() && (salt.back() == '\n' || salt.back() == '\r' || salt.back() == ' ' || salt.back() == '\t')) {
    salt.pop_back();
  }
  if (salt.size() < kMinSaltBytes) {
    throw SnapshotError(name, 0, "",
                        "salt too short: " + std::to_string(salt.size()) + " bytes, need at least " +
                            std::to_string(kMinSaltBytes) + " (e.g. openssl rand -hex 32 > " + name + ")");
  }
  return salt;
}

}  // namespace casesim::snapshot
