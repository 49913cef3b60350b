#pragma once
// The program's heap in transparent huge pages, where the kernel gives them
// on request (Linux's THP set to "madvise", Debian's default, or "always").
namespace casesim::cli {

// Called first thing in main: grows the main heap by one large step, advised
// MADV_HUGEPAGE, so that what a short run first touches (some 4 MB, most of it
// HDF5's while the results file is laid out) costs a few 2 MB page faults
// rather than a thousand 4 KB ones, at about 1.4 us each a seventh of a
// one-replication run (benchmarks/README.md, issue 19). The OpenMP threads'
// allocations come from arenas of their own, which this leaves alone. Where
// huge pages are off, or memory is short, the kernel just gives 4 KB pages.
// Returns whether a step was advised (not when the heap already had more than
// 128 KB free, or the kernel refused the advice).
bool put_heap_in_huge_pages();

}  // namespace casesim::cli
