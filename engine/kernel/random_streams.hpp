#pragma once
// Independent random-number streams, derived from (seed, replication, stream)
// and never from a shared generator, so a result does not depend on which
// thread ran which replication, and two policies run with the same seed see
// the same referrals (common random numbers).
//
// Two kinds of stream:
//  - StreamEngine (Boost's mt19937_64): one per named source of randomness in a
//    replication (referral arrivals, absence, ...), drawn in event order.
//  - KeyedEngine (SplitMix64): a short, cheap stream keyed on an entity (the
//    k-th referral, the j-th worker). Whatever happens to referral k under a
//    policy, its own attributes come from (stream, k), so they stay the same when
//    a policy changes the order in which things happen.
#include <cstdint>
#include <limits>

#include <boost/random/mersenne_twister.hpp>

namespace casesim::kernel {

// Bump when the derivation of seeds below changes: recorded in results files,
// because it changes every number a scenario produces.
inline constexpr int kStreamSchemeVersion = 1;

// SplitMix64's finaliser (Steele, Lea and Flood 2014): a bijective avalanche
// mix, so distinct keys give unrelated seeds.
constexpr std::uint64_t mix64(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// The part of derive_seed that does not depend on the key.
constexpr std::uint64_t stream_key_base(std::uint64_t seed, std::uint64_t replication, std::uint64_t stream) {
  std::uint64_t h = mix64(seed);
  h = mix64(h ^ replication);
  return mix64(h ^ (stream + 0x632be59bd9b4e019ULL));
}

// Mixes each component in turn, so (1, 2) and (2, 1) differ.
constexpr std::uint64_t derive_seed(std::uint64_t seed, std::uint64_t replication, std::uint64_t stream,
                                    std::uint64_t key = 0) {
  return mix64(stream_key_base(seed, replication, stream) ^ key);
}

using StreamEngine = boost::random::mt19937_64;

inline StreamEngine make_stream(std::uint64_t seed, std::uint64_t replication, std::uint32_t stream) {
  return StreamEngine(derive_seed(seed, replication, stream));
}

// A UniformRandomBitGenerator over SplitMix64, usable with Boost distributions.
class KeyedEngine {
 public:
  using result_type = std::uint64_t;
  constexpr explicit KeyedEngine(std::uint64_t state) : state_(state) {}
  static constexpr result_type min() { return 0; }
  static constexpr result_type max() { return std::numeric_limits<result_type>::max(); }
  constexpr result_type operator()() {
    state_ += 0x9e3779b97f4a7c15ULL;
    std::uint64_t z = state_;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }

 private:
  std::uint64_t state_;
};

inline KeyedEngine make_keyed(std::uint64_t seed, std::uint64_t replication, std::uint32_t stream, std::uint64_t key) {
  return KeyedEngine(derive_seed(seed, replication, stream, key));
}

// make_keyed for many keys of one (seed, replication, stream): the three mixes
// that do not depend on the key are done once, here, instead of at every draw
// (a model draws keyed values per worker per working day). Gives exactly
// make_keyed's engines.
class KeyedStream {
 public:
  constexpr KeyedStream(std::uint64_t seed, std::uint64_t replication, std::uint32_t stream)
      : base_(stream_key_base(seed, replication, stream)) {}
  constexpr KeyedEngine engine(std::uint64_t key) const { return KeyedEngine(mix64(base_ ^ key)); }

 private:
  std::uint64_t base_;
};

// A uniform double in [0, 1) from the top 53 bits: identical on every platform,
// unlike std::generate_canonical.
// The engine must produce 64 random bits: with a 32-bit engine (mt19937) the
// shift would leave 21 bits and every draw would fall below 2^-32.
template <class Engine>
double uniform01(Engine& engine) {
  static_assert(std::numeric_limits<typename Engine::result_type>::digits == 64,
                "uniform01 needs a 64-bit engine (StreamEngine or KeyedEngine)");
  return static_cast<double>(engine() >> 11) * 0x1.0p-53;
}

}  // namespace casesim::kernel
