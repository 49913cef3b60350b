#include "apps/casesim/stop_signals.hpp"

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>

namespace casesim::cli {

namespace {

// A signal handler can only reach the program through globals of this kind.
std::atomic<bool> stop_requested{false};
volatile std::sig_atomic_t stop_signal = 0;

constexpr int kStopSignals[] = {SIGINT, SIGTERM, SIGHUP};
using Handler = void (*)(int);
Handler previous_handlers[std::size(kStopSignals)];

extern "C" void request_stop(int signal_number) {
  stop_signal = signal_number;
  stop_requested.store(true);
}

}  // namespace

StopOnSignals::StopOnSignals() {
  // A signal its starter ignores (nohup's SIGHUP, SIGINT of a background job)
  // stays ignored: the run was meant to survive it.
  for (std::size_t i = 0; i < std::size(kStopSignals); ++i) {
    previous_handlers[i] = std::signal(kStopSignals[i], request_stop);
    if (previous_handlers[i] == SIG_IGN) std::signal(kStopSignals[i], SIG_IGN);
  }
}

StopOnSignals::~StopOnSignals() {
  for (std::size_t i = 0; i < std::size(kStopSignals); ++i) std::signal(kStopSignals[i], previous_handlers[i]);
}

const std::atomic<bool>* StopOnSignals::requested() const {
  return &stop_requested;
}

void StopOnSignals::end_as_signalled() {
  std::cout.flush();
  std::cerr.flush();
  std::fflush(nullptr);
  const int signal_number = stop_signal != 0 ? static_cast<int>(stop_signal) : SIGINT;
  std::signal(signal_number, SIG_DFL);
  std::raise(signal_number);
  std::_Exit(128 + signal_number);  // the signal was blocked or ignored by whoever started us
}

}  // namespace casesim::cli
