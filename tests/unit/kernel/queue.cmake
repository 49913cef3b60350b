# Event queue, simulator and random streams: one executable, kernel only (no
# model headers), so the kernel is proven to stand on its own.
casesim_gtest(kernel_tests
  SOURCES
    ${CMAKE_CURRENT_SOURCE_DIR}/test_event_queue.cpp
    ${CMAKE_CURRENT_SOURCE_DIR}/test_fifo_queue.cpp
    ${CMAKE_CURRENT_SOURCE_DIR}/test_simulator.cpp
    ${CMAKE_CURRENT_SOURCE_DIR}/test_random_streams.cpp
  LIBS casesim_kernel)
