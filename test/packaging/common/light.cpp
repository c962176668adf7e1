// A light consumer (two small headers, a second to compile): the version and the error
// categories, for the consumer builds whose point is the CMake wiring (add_subdirectory,
// FetchContent) rather than the client, which the other consumers compile.

#include <superoffice/erpsync/error.hpp>
#include <superoffice/erpsync/version.hpp>

#include <iostream>
#include <string_view>

namespace erp = superoffice::erpsync;

static_assert(SO_ERPSYNC_VERSION ==
              SO_ERPSYNC_VERSION_MAJOR * 10000 + SO_ERPSYNC_VERSION_MINOR * 100 + SO_ERPSYNC_VERSION_PATCH);

int main() {
    erp::error_code ec = erp::error::connect_failed;
    std::string_view const version = SO_ERPSYNC_VERSION_STRING;
    std::cout << "superoffice-erpsync " << version << ": " << ec.message() << '\n';
    return ec == erp::condition::transport_failed && !ec.message().empty() && !version.empty() ? 0 : 1;
}
