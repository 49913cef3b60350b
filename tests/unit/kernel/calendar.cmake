casesim_gtest(calendar_tests
  SOURCES
    ${CMAKE_CURRENT_SOURCE_DIR}/test_date.cpp
    ${CMAKE_CURRENT_SOURCE_DIR}/test_working_calendar.cpp
    ${CMAKE_CURRENT_SOURCE_DIR}/test_bank_holidays.cpp
  LIBS casesim_kernel casesim_scenario
)
