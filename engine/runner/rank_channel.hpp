#pragma once
// Messages between the ranks of one MPI job: all that casesim asks of MPI
// (docs/cluster.md). Its one implementation lives in the MPI module
// (mpi_channel.cpp, built as casesim_mpi.so), which the program loads only
// when a launcher started it, so that a casesim run from a shell neither
// loads nor relocates the MPI libraries. The messages are plain bytes:
// casesim packs its numbers itself, in a fixed byte order (rank_message.hpp).
#include <climits>
#include <cstddef>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

namespace casesim::runner {

class RankChannel {
 public:
  static constexpr int kAnyRank = -1;
  static constexpr int kAnyTag = -1;
  // The longest message one send carries (MPI counts bytes in an int).
  static constexpr std::size_t kMaxMessageBytes = INT_MAX;

  // A message that has arrived and not yet been received.
  struct Arrival {
    int source = 0;
    int tag = 0;
    std::size_t bytes = 0;
  };

  // Ends this process's part in the job (MPI_Finalize).
  virtual ~RankChannel() = default;

  virtual int rank() const noexcept = 0;
  virtual int size() const noexcept = 0;

  // Blocks until `message` may be reused (MPI_Send). Throws std::length_error
  // for a message longer than kMaxMessageBytes.
  void send(int destination, int tag, std::span<const std::byte> message) {
    check_length(message.size());
    send_bytes(destination, tag, message);
  }
  // Never blocks: the first message from `source` with `tag` (kAnyRank,
  // kAnyTag: any) that has arrived, if one has (MPI_Iprobe).
  virtual std::optional<Arrival> arrived(int source, int tag) noexcept = 0;
  // The message `arrival` announced.
  std::vector<std::byte> receive(const Arrival& arrival) {
    check_length(arrival.bytes);
    std::vector<std::byte> message(arrival.bytes);
    receive_into(arrival, message);
    return message;
  }

 protected:
  RankChannel() = default;
  RankChannel(const RankChannel&) = default;
  RankChannel& operator=(const RankChannel&) = default;

 private:
  // What the module implements: nothing that can throw or allocate, so that
  // nothing crosses between the program and the module but plain values (the
  // program has its own copy of the C++ library, cmake/static_libraries.cmake).
  virtual void send_bytes(int destination, int tag, std::span<const std::byte> message) noexcept = 0;
  virtual void receive_into(const Arrival& arrival, std::span<std::byte> message) noexcept = 0;

  static void check_length(std::size_t bytes) {
    if (bytes > kMaxMessageBytes)
      throw std::length_error("a message of " + std::to_string(bytes) + " bytes is more than MPI can send at once");
  }
};

// The module's one entry point, looked up by this name: a module built for
// another version of this interface lacks it, and is refused as such. Joins
// the job (MPI_Init) and returns a channel for this process's rank that the
// caller owns; or, when MPI cannot start, nothing, with the reason written
// into `why` (cut to `why_size` bytes, ending in '\0'). Throws nothing.
inline constexpr const char* kMpiModuleEntry = "casesim_join_mpi_ranks_v2";
using JoinMpiRanks = RankChannel*(char* why, std::size_t why_size) noexcept;

}  // namespace casesim::runner
