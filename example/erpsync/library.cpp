//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
// The library's out-of-line parts (the transport, the JSON parser driver, the SOAP codec, ...),
// compiled once for the whole program instead of in each translation unit that uses them: every
// source of erpsync is built with SO_ERPSYNC_SEPARATE_COMPILATION (see CMakeLists.txt).

#include <superoffice/erpsync/soap_src.hpp>
#include <superoffice/erpsync/src.hpp>
