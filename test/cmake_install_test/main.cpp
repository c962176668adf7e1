// Consumer of an installed superoffice-erpsync: only the public umbrella
// header and the exported CMake target are used. Runs without a network.

#include <superoffice/erpsync.hpp>

#include <iostream>
#include <string>

int main() {
    std::string const message =
        superoffice::erpsync::make_error_code(superoffice::erpsync::error::timeout).message();
    std::cout << "superoffice::erpsync::error::timeout: " << message << '\n';
    return message.empty() ? 1 : 0;
}
