#pragma once
// Messages between the ranks of one MPI job: all that casesim asks of MPI
// (docs/cluster.md). Its one implementation lives in the MPI module
// (mpi_channel.cpp, built as casesim_mpi.so), which the program loads only
// when a launcher started it, so that a casesim run from a shell neither
// loads nor relocates the MPI libraries. The messages are plain bytes:
// casesim packs its numbers itself, in a fixed byte order (rank_message.hpp).
#include <cstddef>
#include <optional>
#include <span>
#include <vector>

namespace casesim::runner {

class RankChannel {
 public:
  static constexpr int kAnyRank = -1;
  static constexpr int kAnyTag = -1;

  // A message that has arrived and not yet been received.
  struct Arrival {
    int source = 0;
    int tag = 0;
    std::size_t bytes = 0;
  };

  // Ends this process's part in the job (MPI_Finalize).
  virtual ~RankChannel() = default;

  virtual int rank() const = 0;
  virtual int size() const = 0;

  // Blocks until `message` may be reused (MPI_Send).
  virtual void send(int destination, int tag, std::span<const std::byte> message) = 0;
  // Never blocks: the first message from `source` with `tag` (kAnyRank,
  // kAnyTag: any) that has arrived, if one has (MPI_Iprobe).
  virtual std::optional<Arrival> arrived(int source, int tag) = 0;
  // The message `arrival` announced.
  virtual std::vector<std::byte> receive(const Arrival& arrival) = 0;

 protected:
  RankChannel() = default;
  RankChannel(const RankChannel&) = default;
  RankChannel& operator=(const RankChannel&) = default;
};

// The module's one entry point, looked up by this name: a module built for
// another version of this interface lacks it, and is refused as such.
// Returns a channel for this process's rank (MPI_Init) that the caller owns,
// or throws std::exception saying why MPI cannot start.
inline constexpr const char* kMpiModuleEntry = "casesim_join_mpi_ranks_v1";
using JoinMpiRanks = RankChannel*();

}  // namespace casesim::runner
