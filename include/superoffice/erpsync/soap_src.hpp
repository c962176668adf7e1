//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_SOAP_SRC_HPP
#define SO_ERPSYNC_SOAP_SRC_HPP

/// @file
/// Separate compilation of the SOAP encoding: the counterpart of `<superoffice/erpsync/src.hpp>`
/// for `<superoffice/erpsync/soap.hpp>`. A program that uses SOAP and defines
/// `SO_ERPSYNC_SEPARATE_COMPILATION` includes this file in exactly one translation unit (the same
/// one as `src.hpp`, or another) and links pugixml (CMake: `superoffice::erpsync_soap`). A
/// REST-only program does not include it and needs no pugixml.

#ifndef SO_ERPSYNC_SEPARATE_COMPILATION
#error                                                                                                       \
    "superoffice/erpsync/soap_src.hpp is for separate compilation: define SO_ERPSYNC_SEPARATE_COMPILATION in every translation unit"
#endif

#include <superoffice/erpsync/impl/soap.ipp>
#include <superoffice/erpsync/impl/xml_reader.ipp>
#include <superoffice/erpsync/impl/xml_writer.ipp>

#endif
