#define BOOST_TEST_MODULE superoffice_erpsync_unit
#include <boost/test/unit_test.hpp>
