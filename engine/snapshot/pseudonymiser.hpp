#pragma once
// Child ids and worker names are personal data: they are replaced on load by
// keyed hashes (BLAKE2b, libsodium's crypto_generichash with a key), so the
// same person always gets the same pseudonym under the same salt, and nobody
// without the salt can test a guessed id or name against a pseudonym.
#include <array>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace casesim::snapshot {

inline constexpr std::size_t kMinSaltBytes = 16;
// A pseudonym's length. 32 bits were too few: among an authority's 100,000
// children two share a 32-bit pseudonym more often than not (the birthday
// bound, n^2 / 2^33), so every salt failed. With 64 bits that chance is about
// 1 in 3.7 billion. The first 32 bits are the old pseudonym, so an old
// "W-1a2b3c4d" is the start of the new one.
inline constexpr std::size_t kPseudonymBits = 64;

// The chance that `ids` different ids give at least two the same pseudonym:
// 1 - exp(-ids (ids - 1) / 2^(kPseudonymBits + 1)).
double pseudonym_collision_chance(std::size_t ids);
// That chance for a message: "about 1 in 3.7 billion" (100,000 ids).
std::string collision_chance_in_words(std::size_t ids);
// A salt is a line or two of random text; a bigger file is not a salt.
inline constexpr std::size_t kMaxSaltFileBytes = 64 * 1024;

class Pseudonymiser {
 public:
  // The key is a hash of the salt, so a salt of any length (at least
  // kMinSaltBytes; throws std::invalid_argument otherwise) gives a full key.
  explicit Pseudonymiser(std::string_view salt);
  ~Pseudonymiser();
  Pseudonymiser(const Pseudonymiser&) = delete;
  Pseudonymiser& operator=(const Pseudonymiser&) = delete;

  // "C-" / "W-" and 16 lowercase hex digits (kPseudonymBits), from the
  // identifier as normalised by normalise_key. Children and workers hash in
  // separate domains, so a child id equal to a worker id gives unrelated
  // pseudonyms.
  std::string child(std::string_view normalised_id) const;
  std::string worker(std::string_view normalised_name) const;

 private:
  std::string pseudonym(std::string_view domain, std::string_view prefix, std::string_view normalised) const;
  std::array<unsigned char, 32> key_{};
};

// A salt made from the snapshot's own data files (their bytes, in the given
// order): the same snapshot always gives the same pseudonyms, and a changed
// extract gives new ones. Never stored.
std::string salt_from_files(const std::vector<std::string_view>& file_bytes);

// The salt in `path`, trailing white space (an editor's final newline)
// removed. Throws SnapshotError when the file cannot be read, is not a
// regular file (a FIFO, /dev/zero), is larger than kMaxSaltFileBytes or holds
// fewer than kMinSaltBytes bytes.
std::string read_salt_file(const std::filesystem::path& path);

}  // namespace casesim::snapshot
