#include "apps/casesim/huge_page_heap.hpp"

#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>

namespace casesim::cli {

namespace {

// A huge page (x86-64's transparent ones); the heap's step, in which the
// kernel can place whole huge pages.
constexpr std::uintptr_t kHugePage = std::uintptr_t{2} << 20;
constexpr int kHeapStep = 16 << 20;

}  // namespace

bool put_heap_in_huge_pages() {
  // Every growth of the heap at least kHeapStep beyond what it needs; then
  // one small allocation grows it now (volatile: a compiler may otherwise
  // drop an allocation freed unread), and the new part is advised. malloc
  // keeps that much free at the top rather than giving it back.
  if (mallopt(M_TOP_PAD, kHeapStep) == 0) return false;
  const auto before = reinterpret_cast<std::uintptr_t>(sbrk(0));
  // More than the heap has free anywhere, so that it must grow; at the start
  // of a program a few kilobytes. (Beyond malloc's threshold for a mapping of
  // its own, 128 KB, it would not come from the heap: nothing is advised.)
  void* volatile grown = std::malloc(mallinfo2().fordblks + 4096);
  std::free(grown);
  const auto after = reinterpret_cast<std::uintptr_t>(sbrk(0));
  const std::uintptr_t from = (before + kHugePage - 1) & ~(kHugePage - 1);
  const std::uintptr_t to = after & ~(kHugePage - 1);
  // Advice only: refused (a kernel without huge pages), it changes nothing.
  return to > from && madvise(reinterpret_cast<void*>(from), to - from, MADV_HUGEPAGE) == 0;
}

}  // namespace casesim::cli
