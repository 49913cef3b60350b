#include "engine/runner/mpi_session.hpp"

#include <dlfcn.h>

#include <array>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <system_error>

namespace casesim::runner {

namespace {

std::string cannot_load(const std::filesystem::path& module, const std::string& reason) {
  return std::string("started by an MPI launcher (") + mpi_launcher_variable() +
         " is set) but cannot load its MPI module " + module.string() + ": " + reason;
}

JoinMpiRanks* load_mpi_module(const std::filesystem::path& module) {
  // RTLD_GLOBAL: Open MPI loads its own plugins, which look for its symbols
  // among the global ones. The module stays loaded to the end: MPI_Finalize
  // runs in it, and MPI's libraries do not expect to be unloaded.
  void* handle = dlopen(module.c_str(), RTLD_NOW | RTLD_GLOBAL);
  if (handle == nullptr) {
    // dlerror() names the file too; the message names it once.
    std::string reason = dlerror();
    if (const std::string named = module.string() + ": "; reason.starts_with(named)) reason.erase(0, named.size());
    throw MpiStartError(cannot_load(module, reason));
  }
  void* entry = dlsym(handle, kMpiModuleEntry);
  if (entry == nullptr)
    throw MpiStartError(
        cannot_load(module, std::string("it has no ") + kMpiModuleEntry + " (a module of another casesim version?)"));
  return reinterpret_cast<JoinMpiRanks*>(entry);
}

// The program's real path (/proc/self/exe: symbolic links followed), then
// the module's place relative to its directory.
std::filesystem::path mpi_module_path() {
  std::error_code failed;
  const std::filesystem::path program = std::filesystem::read_symlink("/proc/self/exe", failed);
  if (failed)
    throw MpiStartError(cannot_load(CASESIM_MPI_MODULE, "cannot find this program's path: " + failed.message()));
  return (program.parent_path() / CASESIM_MPI_MODULE).lexically_normal();
}

}  // namespace

const char* mpi_launcher_variable() {
  // Open MPI's mpirun sets OMPI_COMM_WORLD_SIZE; PMIx launchers (srun
  // --mpi=pmix, Open MPI 5's prterun) set PMIX_RANK; MPICH's hydra and
  // Slurm's PMI-2 set PMI_RANK.
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_RANK"})
    if (std::getenv(name) != nullptr) return name;
  return nullptr;
}

MpiSession::MpiSession() {
  JoinMpiRanks* join = load_mpi_module(mpi_module_path());
  std::array<char, 512> why{};
  channel_.reset(join(why.data(), why.size()));
  if (!channel_) throw MpiStartError(why.data());
}

}  // namespace casesim::runner
