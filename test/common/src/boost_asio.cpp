// Asio, its SSL part included, compiled once for every test executable
// (BOOST_ASIO_SEPARATE_COMPILATION is defined for all of them by so_erpsync_test_support).
#include <boost/asio/impl/src.hpp>
#include <boost/asio/ssl/impl/src.hpp>
