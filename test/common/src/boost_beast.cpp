// Beast compiled once for every test executable (BOOST_BEAST_SEPARATE_COMPILATION).
#include <boost/beast/src.hpp>
