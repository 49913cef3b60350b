// Linked into a test build of casesim (casesim_allocation_cap): any single
// allocation larger than CASESIM_LARGEST_ALLOCATION bytes fails with
// std::bad_alloc, as it does when memory runs out, so a test can make the
// program run out of memory where it chooses (reading a results file, writing
// a report) without starving the machine it runs on.
#include <cstdint>
#include <cstdlib>
#include <new>

namespace {

std::size_t largest_allocation() {
  static const std::size_t largest = [] {
    const char* text = std::getenv("CASESIM_LARGEST_ALLOCATION");
    return text != nullptr ? static_cast<std::size_t>(std::strtoull(text, nullptr, 10)) : SIZE_MAX;
  }();
  return largest;
}

void* allocate(std::size_t size) {
  if (size > largest_allocation()) throw std::bad_alloc();
  if (void* memory = std::malloc(size == 0 ? 1 : size)) return memory;
  throw std::bad_alloc();
}

}  // namespace

void* operator new(std::size_t size) {
  return allocate(size);
}
void* operator new[](std::size_t size) {
  return allocate(size);
}
void operator delete(void* memory) noexcept {
  std::free(memory);
}
void operator delete[](void* memory) noexcept {
  std::free(memory);
}
void operator delete(void* memory, std::size_t) noexcept {
  std::free(memory);
}
void operator delete[](void* memory, std::size_t) noexcept {
  std::free(memory);
}
