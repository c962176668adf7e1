//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_SANDBOX_SRC_HPP
#define SO_ERPSYNC_SANDBOX_SRC_HPP

/// @file
/// The sandbox library in one translation unit: include this file in exactly one source file of
/// the program (CMake builds it as `superoffice::erpsync_sandbox`, or with
/// `so_erpsync_add_sandbox_sources`, which compiles the same `.ipp` files in three units). Define
/// `SO_ERPSYNC_SANDBOX_NO_SOAP` to leave the SOAP endpoint (and pugixml) out.

#include <superoffice/erpsync/sandbox/impl/state.ipp>
// after state.ipp: the explicit instantiations of emulator::run come before their uses
#include <superoffice/erpsync/sandbox/impl/emulator.ipp>
#include <superoffice/erpsync/sandbox/impl/online.ipp>
#include <superoffice/erpsync/sandbox/impl/server.ipp>
#include <superoffice/erpsync/sandbox/impl/request_handler.ipp>
#ifndef SO_ERPSYNC_SANDBOX_NO_SOAP
#include <superoffice/erpsync/sandbox/impl/soap.ipp>
#endif

#endif
