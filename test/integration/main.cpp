#define BOOST_TEST_MODULE superoffice_erpsync_integration
#include <boost/test/unit_test.hpp>
