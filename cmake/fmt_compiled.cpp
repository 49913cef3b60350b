// fmt's compiled half, built into casesim from the headers Debian's
// libfmt-dev installs, instead of loaded from its libfmt.so: that library
// needs the shared C++ library, and binding the shared C++ library's symbols
// was a tenth of a one-replication run's start-up (benchmarks/README.md,
// issue 19). With fmt compiled in, the program links the C++ library
// statically (cmake/static_libraries.cmake).
//
// <fmt/format-inl.h> defines fmt's functions; the templates among them that
// <fmt/format.h> declares `extern` (or only declares) are instantiated here,
// for the types casesim formats: char text, float and double.
#include <fmt/format-inl.h>

FMT_BEGIN_NAMESPACE
namespace detail {

template auto dragonbox::to_decimal(float x) noexcept -> dragonbox::decimal_fp<float>;
template auto dragonbox::to_decimal(double x) noexcept -> dragonbox::decimal_fp<double>;
template locale_ref::locale_ref(const std::locale& loc);
template auto locale_ref::get<std::locale>() const -> std::locale;
template auto thousands_sep_impl(locale_ref) -> thousands_sep_result<char>;
template auto decimal_point_impl(locale_ref) -> char;

}  // namespace detail
FMT_END_NAMESPACE
