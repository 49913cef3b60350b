#include "engine/runner/progress.hpp"

#include <unistd.h>

#include <cmath>
#include <cstdio>

namespace casesim::runner {

namespace {

std::string duration_text(double seconds) {
  const auto s = static_cast<long long>(std::ceil(seconds));
  if (s < 60) return std::to_string(s) + "s";
  if (s < 3600) return std::to_string(s / 60) + "m" + (s % 60 < 10 ? "0" : "") + std::to_string(s % 60) + "s";
  return std::to_string(s / 3600) + "h" + (s / 60 % 60 < 10 ? "0" : "") + std::to_string(s / 60 % 60) + "m";
}

}  // namespace

std::string format_progress(std::size_t done, std::size_t total, std::size_t done_this_run, double elapsed_seconds,
                            bool at_most) {
  char text[160];
  const double percent = total > 0 ? 100.0 * static_cast<double>(done) / static_cast<double>(total) : 100.0;
  int length = std::snprintf(text, sizeof text,
                             at_most ? "  %zu of at most %zu replications (%.1f%%)" : "  %zu/%zu replications (%.1f%%)",
                             done, total, percent);
  std::string line(text, static_cast<std::size_t>(length));
  if (elapsed_seconds > 0 && done_this_run > 0) {
    const double rate = static_cast<double>(done_this_run) / elapsed_seconds;
    length = std::snprintf(text, sizeof text, "  %.1f/s", rate);
    line.append(text, static_cast<std::size_t>(length));
    line += std::string("  ") + (at_most ? "at most " : "") +
            duration_text(static_cast<double>(total > done ? total - done : 0) / rate) + " left";
  }
  return line;
}

bool stderr_is_terminal() {
  return isatty(STDERR_FILENO) == 1;
}

ProgressStyle standard_error_progress_style() {
  return stderr_is_terminal() ? ProgressStyle::rewritten_line : ProgressStyle::plain_lines;
}

Progress::Progress(std::ostream& out, ProgressStyle style, std::size_t total, std::size_t already_done,
                   std::chrono::seconds every)
    : out_(out),
      style_(style),
      enabled_(style == ProgressStyle::rewritten_line),
      every_(every),
      total_(total),
      already_done_(already_done) {
  start();
}

void Progress::start() {
  if (style_ == ProgressStyle::plain_lines) plain_line();
  if (enabled_) {
    out_ << '\r' << format_progress(already_done_, total_, 0, 0.0, at_most_) << std::flush;
    shown_ = true;
  }
}

Progress Progress::at_most(std::ostream& out, ProgressStyle style, std::size_t most, std::size_t already_done) {
  // Made quiet and then started, so that its first line already says "at most".
  Progress progress(out, ProgressStyle::none, most, already_done);
  progress.at_most_ = true;
  progress.style_ = style;
  progress.enabled_ = style == ProgressStyle::rewritten_line;
  progress.start();
  return progress;
}

Progress::Progress(std::ostream& out, bool enabled, std::size_t total, std::size_t already_done)
    : Progress(out, enabled ? ProgressStyle::rewritten_line : ProgressStyle::none, total, already_done) {}

void Progress::plain_line() {
  const auto now = std::chrono::steady_clock::now();
  const double elapsed = std::chrono::duration<double>(now - started_).count();
  out_ << "casesim: progress:" << format_progress(already_done_ + done_, total_, done_, elapsed, at_most_).substr(1)
       << '\n'
       << std::flush;
  last_line_ = now;
}

void Progress::set_total(std::size_t total) {
  total_ = total;
}

void Progress::advance(std::size_t newly_done) {
  done_ += newly_done;
  if (style_ == ProgressStyle::plain_lines && std::chrono::steady_clock::now() - last_line_ >= every_) plain_line();
  if (!enabled_) return;
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
  out_ << '\r' << format_progress(already_done_ + done_, total_, done_, elapsed, at_most_) << "\x1b[K" << std::flush;
  shown_ = true;
}

void Progress::finish() {
  if (style_ == ProgressStyle::plain_lines && done_ > 0) plain_line();
  style_ = ProgressStyle::none;
  if (enabled_ && shown_) out_ << '\n' << std::flush;
  shown_ = false;
}

}  // namespace casesim::runner
