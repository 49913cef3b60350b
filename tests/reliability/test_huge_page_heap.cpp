// put_heap_in_huge_pages (apps/casesim/huge_page_heap.hpp): the heap's new
// step carries the advice, which the kernel shows as "hg" among the mapping's
// VmFlags in /proc/self/smaps.
#include <gtest/gtest.h>
#include <malloc.h>
#include <unistd.h>

#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>

#include "apps/casesim/huge_page_heap.hpp"

namespace {

// The VmFlags line of the mapping that holds `address`; empty if none does.
std::string flags_of_mapping_holding(std::uintptr_t address) {
  std::ifstream smaps("/proc/self/smaps");
  std::string line;
  bool inside = false;
  while (std::getline(smaps, line)) {
    std::uintptr_t from = 0, to = 0;
    char dash = 0;
    std::istringstream range(line);
    if (range >> std::hex >> from >> dash >> to && dash == '-') {
      inside = from <= address && address < to;
    } else if (inside && line.starts_with("VmFlags:")) {
      return line;
    }
  }
  return "";
}

// The step is advised from the heap's first 2 MB boundary to its last (the
// kernel places huge pages only whole and aligned): the mapping just below
// the last boundary carries the advice.
TEST(HugePageHeap, TheHeapsNewStepIsAdvisedForHugePages) {
#if defined(__SANITIZE_ADDRESS__)
  GTEST_SKIP() << "under AddressSanitizer malloc is the sanitizer's, not glibc's heap";
#endif
  // As at the start of the program: little free in the heap.
  malloc_trim(0);
  ASSERT_TRUE(casesim::cli::put_heap_in_huge_pages()) << "free in the heap: " << mallinfo2().fordblks;
  constexpr std::uintptr_t kHugePage = std::uintptr_t{2} << 20;
  const auto last_boundary = reinterpret_cast<std::uintptr_t>(sbrk(0)) & ~(kHugePage - 1);
  const std::string flags = flags_of_mapping_holding(last_boundary - 1);
  ASSERT_FALSE(flags.empty()) << "no mapping holds the heap";
  EXPECT_NE((flags + " ").find(" hg "), std::string::npos) << flags;
}

}  // namespace
