//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_SRC_HPP
#define SO_ERPSYNC_SRC_HPP

/// @file
/// Separate compilation: include this file in exactly one translation unit of a program whose
/// translation units all define `SO_ERPSYNC_SEPARATE_COMPILATION`. It compiles every non-template
/// function of the client once (the `impl/*.ipp` files: the transport state machine, the JSON
/// parser driver, time, errors, URL and header preparation, ...); other translation units then
/// only compile the per-operation glue. With CMake:
/// `target_compile_definitions(app PRIVATE SO_ERPSYNC_SEPARATE_COMPILATION)` and a source file
/// holding `#include <superoffice/erpsync/src.hpp>`. The SOAP encoding has its own counterpart,
/// `<superoffice/erpsync/soap_src.hpp>`, so that a REST-only program needs no pugixml.

#ifndef SO_ERPSYNC_SEPARATE_COMPILATION
#error                                                                                                       \
    "superoffice/erpsync/src.hpp is for separate compilation: define SO_ERPSYNC_SEPARATE_COMPILATION in every translation unit"
#endif

#include <superoffice/erpsync/impl/base64.ipp>
#include <superoffice/erpsync/impl/bulk_core.ipp>
#include <superoffice/erpsync/impl/bulk_journal.ipp>
#include <superoffice/erpsync/impl/call_fsm.ipp>
#include <superoffice/erpsync/impl/concurrency_controller.ipp>
#include <superoffice/erpsync/impl/connection.ipp>
#include <superoffice/erpsync/impl/connection_pool.ipp>
#include <superoffice/erpsync/impl/deadline_watch.ipp>
#include <superoffice/erpsync/impl/diagnostics.ipp>
#include <superoffice/erpsync/impl/error.ipp>
#include <superoffice/erpsync/impl/error_with_diagnostics.ipp>
#include <superoffice/erpsync/impl/exchange.ipp>
#include <superoffice/erpsync/impl/field_path.ipp>
#include <superoffice/erpsync/impl/http_request.ipp>
#include <superoffice/erpsync/impl/io_error.ipp>
#include <superoffice/erpsync/impl/json.ipp>
#include <superoffice/erpsync/impl/json_reader.ipp>
#include <superoffice/erpsync/impl/json_writer.ipp>
#include <superoffice/erpsync/impl/jwt.ipp>
#include <superoffice/erpsync/impl/limiter.ipp>
#include <superoffice/erpsync/impl/login_messages.ipp>
#include <superoffice/erpsync/impl/plugin_response.ipp>
#include <superoffice/erpsync/impl/prepared_config.ipp>
#include <superoffice/erpsync/impl/proxy.ipp>
#include <superoffice/erpsync/impl/proxy_route.ipp>
#include <superoffice/erpsync/impl/query_params.ipp>
#include <superoffice/erpsync/impl/request_builder.ipp>
#include <superoffice/erpsync/impl/response_decoder.ipp>
#include <superoffice/erpsync/impl/response_reader.ipp>
#include <superoffice/erpsync/impl/retry.ipp>
#include <superoffice/erpsync/impl/rsa_key.ipp>
#include <superoffice/erpsync/impl/session.ipp>
#include <superoffice/erpsync/impl/session_core.ipp>
#include <superoffice/erpsync/impl/system_user_token.ipp>
#include <superoffice/erpsync/impl/tenant.ipp>
#include <superoffice/erpsync/impl/time.ipp>

#endif
