// The one translation unit that compiles the library's out-of-line parts.
#include <superoffice/erpsync/src.hpp>
