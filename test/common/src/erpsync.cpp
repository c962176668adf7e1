// The library's out-of-line parts compiled once for every test executable
// (SO_ERPSYNC_SEPARATE_COMPILATION).
#include <superoffice/erpsync/src.hpp>
