//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_HPP
#define SO_ERPSYNC_HPP

/// @file
/// Convenience header: the client, the carriers, the operations, the codec and the time types.
/// The sandbox is separate: `<superoffice/erpsync/sandbox/server.hpp>`.

#include <superoffice/erpsync/adaptive_concurrency.hpp>
#include <superoffice/erpsync/bulk.hpp>
#include <superoffice/erpsync/bulk_journal.hpp>
#include <superoffice/erpsync/call_options.hpp>
#include <superoffice/erpsync/carriers/common.hpp>
#include <superoffice/erpsync/carriers/connection.hpp>
#include <superoffice/erpsync/carriers/connector.hpp>
#include <superoffice/erpsync/carriers/engine_status.hpp>
#include <superoffice/erpsync/carriers/field_value.hpp>
#include <superoffice/erpsync/carriers/mapping.hpp>
#include <superoffice/erpsync/carriers/plugin_response.hpp>
#include <superoffice/erpsync/carriers/requests.hpp>
#include <superoffice/erpsync/client.hpp>
#include <superoffice/erpsync/client_config.hpp>
#include <superoffice/erpsync/credentials.hpp>
#include <superoffice/erpsync/diagnostics.hpp>
#include <superoffice/erpsync/enums.hpp>
#include <superoffice/erpsync/error.hpp>
#include <superoffice/erpsync/error_with_diagnostics.hpp>
#include <superoffice/erpsync/flags.hpp>
#include <superoffice/erpsync/json.hpp>
#include <superoffice/erpsync/jwt.hpp>
#include <superoffice/erpsync/key_outcome.hpp>
#include <superoffice/erpsync/logger.hpp>
#include <superoffice/erpsync/open_enum.hpp>
#include <superoffice/erpsync/operations.hpp>
#include <superoffice/erpsync/proxy.hpp>
#include <superoffice/erpsync/rate_limit.hpp>
#include <superoffice/erpsync/retry.hpp>
#include <superoffice/erpsync/rsa_key.hpp>
#include <superoffice/erpsync/system_user_token.hpp>
#include <superoffice/erpsync/tenant.hpp>
#include <superoffice/erpsync/time.hpp>
#include <superoffice/erpsync/version.hpp>

#endif
