//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
// The one translation unit of the program that compiles the library's out-of-line code
// (separate compilation). Every translation unit, this one included, is compiled with
// SO_ERPSYNC_SEPARATE_COMPILATION defined (see CMakeLists.txt); the others then see declarations
// only and compile faster. With SOAP, a second file would include <superoffice/erpsync/soap_src.hpp>.
#include <superoffice/erpsync/src.hpp>
