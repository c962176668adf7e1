//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_SANDBOX_SOAP_HPP
#define SO_ERPSYNC_SANDBOX_SOAP_HPP

/// @file
/// The sandbox's SOAP endpoint, `{base_path}/Remote/Services88/ErpSync.svc`, serving every
/// operation on the same emulator state as the REST endpoint:
///
/// @code
/// sandbox::options o;
/// o.soap = sandbox::soap_endpoint();
/// sandbox::server sb(o); // REST and SOAP
/// @endcode
///
/// Served by the sandbox library (`superoffice::erpsync_sandbox`) when it was built with
/// `SO_ERPSYNC_SOAP` (pugixml is then linked by the library, not needed by this header).
///
/// @par What it accepts and answers
/// - POST only (405 otherwise). SOAP 1.1 (`text/xml`) and 1.2 (`application/soap+xml`) on the
///   one endpoint (a real `BasicHttpBinding` speaks 1.1 only); the envelope's namespace must match
///   the media type (415 otherwise).
/// - The operation is the Body's element (Services88 namespace); a `SOAPAction` header or
///   `action` parameter, when present, must name the same operation.
/// - Authentication: `Credentials/Ticket` equal to `options::ticket`, or a valid `Authorization`
///   header (Basic, Bearer, SOTicket) or XSRF token as for REST; when `options::app_token` is set,
///   `ApplicationToken` (or the `SO-AppToken` header) must carry it. Both are read from the
///   `Header` or, as the documentation's samples place them, directly from the `Envelope`.
/// - Faults (HTTP 500, `Client`/`Sender`): XML that is not well-formed or is refused (DTD,
///   entities, nesting deeper than 128), no envelope, an unknown operation, an action mismatch,
///   failed authentication, parameters of the wrong type (with the field path).
/// - The agent's refusals (REST's 200 `{Message, MessageDetail}`) become an `ExceptionInfo`
///   header with `Succeeded` false; results are `{Operation}Response/Response`, `xsi:nil` for
///   nothing found, an empty `{Operation}Response` for operations without a result.
/// - `options::observer` sees every call, its request written as JSON and the XML answer.

#include <superoffice/erpsync/sandbox/server.hpp>

#include <memory>

#ifdef SO_ERPSYNC_SANDBOX_NO_SOAP
#error "This sandbox library was built without SOAP (SO_ERPSYNC_SOAP=OFF): sandbox/soap.hpp is not available"
#endif

namespace superoffice::erpsync::sandbox {

/// The SOAP endpoint for `options::soap`; see the file comment. Immutable: one object may serve
/// several servers.
std::shared_ptr<soap_handler const> soap_endpoint();

} // namespace superoffice::erpsync::sandbox

#endif
