//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_SRC_HPP
#define SO_ERPSYNC_SRC_HPP

/// @file
/// Separate compilation: include this file in exactly one translation unit of a program whose
/// translation units all define `SO_ERPSYNC_SEPARATE_COMPILATION`. It compiles the parts of the
/// library that do not depend on the operation called (the transport state machine, the JSON
/// parser driver) once; other translation units then only compile the per-operation glue. With
/// CMake: `target_compile_definitions(app PRIVATE SO_ERPSYNC_SEPARATE_COMPILATION)` and a source
/// file holding `#include <superoffice/erpsync/src.hpp>`.

#ifndef SO_ERPSYNC_SEPARATE_COMPILATION
#error                                                                                                       \
    "superoffice/erpsync/src.hpp is for separate compilation: define SO_ERPSYNC_SEPARATE_COMPILATION in every translation unit"
#endif

#include <superoffice/erpsync/impl/call_fsm.ipp>
#include <superoffice/erpsync/impl/exchange.ipp>
#include <superoffice/erpsync/impl/json.ipp>

#endif
