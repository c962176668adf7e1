//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_SOAP_HPP
#define SO_ERPSYNC_SOAP_HPP

/// @file
/// Every operation over the SOAP endpoint `{base}/Remote/Services88/ErpSync.svc` (NetServer
/// Services88), with the same client, calls, carriers and results as REST:
///
/// @code
/// #include <superoffice/erpsync/soap.hpp>
/// cfg.protocol = erpsync::soap::protocol();                          // SOAP 1.1
/// cfg.protocol = erpsync::soap::protocol(erpsync::soap::version::v1_2); // SOAP 1.2
/// @endcode
///
/// This header needs pugixml (link `superoffice::erpsync_soap`); REST-only programs do not
/// include it and do not pay for it.
///
/// @par The request
/// - SOAP 1.1 (the default, as the WSDL's `BasicHttpBinding` says): `Content-Type: text/xml;
///   charset=utf-8` and `SOAPAction:
///   "http://www.superoffice.net/ws/crm/NetServer/Services88/ErpSync/{Operation}"`, envelope namespace
///   `http://schemas.xmlsoap.org/soap/envelope/`. SOAP 1.2 (the namespace of the documentation's samples):
///   `Content-Type: application/soap+xml; charset=utf-8; action="..."`, envelope namespace
///   `http://www.w3.org/2003/05/soap-envelope`.
/// - `soap:Header` holds `ApplicationToken` (`client_config::app_token`) and `Credentials/Ticket`
///   (the ticket of `credentials::so_ticket`), as the WSDL declares them. The HTTP headers are
///   those of REST except `SO-AppToken` and, for tickets, `Authorization`, which travel in the
///   envelope instead; Basic and Bearer credentials stay in `Authorization` (the endpoint's
///   HTTP authentication). The time zone (`so_time_zone`) becomes the `TimeZone` header part
///   (`SoTimeZoneId` for a number, `SoTimeZoneLocationCode` for a code). `call_options::select`
///   (`$select`) does not exist in SOAP and is ignored.
/// - `soap:Body` holds one element named like the operation whose children are the parameters
///   (REST's names with an upper-case first letter: `ErpSyncConnectorEntityId`);
///   `SaveErpSyncConnectorEntity` sends its carrier as an `ErpSyncConnectorEntity` element.
///   Values as described in `detail/xml_writer.hpp`: `xsi:type` on every element, arrays in the
///   Serialization/Arrays namespace (`ArrayOfstring`, `ArrayOfint`), dictionaries as key/value
///   items, `xsi:nil`, enums and flag masks as text.
///
/// @par The response
/// Either SOAP version is accepted whatever was sent. In this order:
/// - not XML, or refused XML (a DTD, entities, deeper than 128 levels): for a non-2xx status the
///   status's error (`http_*`, with an excerpt of the body), else `error::invalid_xml`;
/// - a `Fault` in the body: `error::soap_fault`; the diagnostics' `server` holds the code's local
///   name (`ErrorType`: `Client`, `Sender/ActionNotSupported` with a SOAP 1.2 subcode) and the
///   reason (`ErrorMessage`); any HTTP status;
/// - any other non-2xx status: its `http_*` error;
/// - an `ExceptionInfo` header (or one placed directly in the envelope) with a message or a type,
///   unless `Succeeded` says true: `error::agent_error`,
///   `server` holding `ExceptionType` (`ErrorType`), `Message` (`ErrorMessage`), `Source`
///   (`ErrorSource`), `FriendlyText` (`Message`, or the message when empty) and the inner
///   exception's message (`MessageDetail`); a `Succeeded` header that is `false`: the same code;
/// - the body's `{Operation}Response` element, then its `Response` child: decoded into the
///   result type; unknown elements ignored; no `Response` or `xsi:nil` is an empty list or map,
///   `error::null_response` for other results; operations without a result ignore it.
/// Namespaces are matched by URI, never by prefix; our elements must be in the Services88
/// namespace. Server text reaches the diagnostics only in `server` and the excerpt, each field at
/// most `diagnostics::max_excerpt` bytes; `client_message` is the library's own words.
///
/// @par Thread safety
/// The objects returned by `protocol()` are immutable: share one among clients and threads.

#include <superoffice/erpsync/call_protocol.hpp>
#include <superoffice/erpsync/detail/config.hpp>
#include <superoffice/erpsync/detail/protocol_codec.hpp>
#include <superoffice/erpsync/detail/response_decoder.hpp>
#include <superoffice/erpsync/detail/xml_reader.hpp>
#include <superoffice/erpsync/detail/xml_writer.hpp>
#include <superoffice/erpsync/operations.hpp>

#include <memory>
#include <string>
#include <string_view>

namespace superoffice::erpsync::soap {

/// The SOAP version of requests.
enum class version {
    /// SOAP 1.1: `text/xml` and a `SOAPAction` header (the WSDL's binding). The default.
    v1_1,
    /// SOAP 1.2: `application/soap+xml` with an `action` parameter (the docs' sample envelopes).
    v1_2,
};

/// The path of the endpoint below the base URL.
inline constexpr std::string_view endpoint_path = "/Remote/Services88/ErpSync.svc";

/// The SOAP actions are this followed by the operation's wire name.
inline constexpr std::string_view action_prefix =
    "http://www.superoffice.net/ws/crm/NetServer/Services88/ErpSync/";

/// The SOAP action of `Op`.
template <class Op>
std::string action() {
    std::string a(action_prefix);
    a += Op::name;
    return a;
}

/// The envelope's settings.
struct envelope_options {
    /// The SOAP version.
    version ver = version::v1_1;
    /// `ApplicationToken` (left out when empty).
    std::string application_token{};
    /// `Credentials/Ticket` (left out when empty).
    std::string ticket{};
    /// `TimeZone`: an `SO-TimeZone` value, a zone id (`261`, sent as `SoTimeZoneId`) or code
    /// (`NO`, `US-NY`, sent as `SoTimeZoneLocationCode`); REST's `, includeTZOffset` suffix has
    /// no SOAP form and is dropped. Left out when empty.
    std::string time_zone{};
};

} // namespace superoffice::erpsync::soap

namespace superoffice::erpsync::detail {

SO_ERPSYNC_DECL std::string_view soap_envelope_ns(soap::version v) noexcept;

SO_ERPSYNC_DECL void soap_open_envelope(std::string& out, soap::version v);

/// Writes the request envelope of operation `op_name` with parameters `req`. On failure `out` is
/// left empty (a partial envelope could hold the ticket).
template <class Req>
error_code soap_write_request(std::string_view op_name, Req const& req, soap::envelope_options const& o,
                              std::string& out, diagnostics* diag) {
    out.clear();
    auto failed = [&](error_code ec) {
        out.clear();
        return ec;
    };
    xml_writer w(out, diag);
    soap_open_envelope(out, o.ver);
    auto header_text = [&](std::string_view what, std::string_view v) {
        if (w.text(v))
            return true;
        if (diag)
            diag->client_message =
                std::string("the ") + std::string(what) + " holds a character XML cannot hold";
        return false;
    };
    std::string_view zone = trim(std::string_view(o.time_zone).substr(0, o.time_zone.find(',')));
    if (!o.application_token.empty() || !o.ticket.empty() || !zone.empty()) {
        out += "<soap:Header>";
        if (!o.application_token.empty()) {
            out += "<es:ApplicationToken xsi:type=\"xsd:string\">";
            if (!header_text("application token", o.application_token))
                return failed(error::invalid_header_value);
            out += "</es:ApplicationToken>";
        }
        if (!o.ticket.empty()) {
            out += "<es:Credentials xsi:type=\"es:SoCredentials\"><es:Ticket xsi:type=\"xsd:string\">";
            if (!header_text("ticket", o.ticket))
                return failed(error::invalid_header_value);
            out += "</es:Ticket></es:Credentials>";
        }
        if (!zone.empty()) {
            bool const id =
                zone.find_first_not_of("0123456789") == std::string_view::npos && zone.size() < 10;
            out += id ? "<es:TimeZone xsi:type=\"es:SoTimeZone\"><es:SoTimeZoneId xsi:type=\"xsd:int\">"
                      : "<es:TimeZone xsi:type=\"es:SoTimeZone\"><es:SoTimeZoneLocationCode "
                        "xsi:type=\"xsd:string\">";
            if (!header_text("time zone", zone))
                return failed(error::invalid_header_value);
            out += id ? "</es:SoTimeZoneId></es:TimeZone>" : "</es:SoTimeZoneLocationCode></es:TimeZone>";
        }
        out += "</soap:Header>";
    }
    out += "<soap:Body><es:";
    out += op_name;
    out += '>';
    bool ok = true;
    if constexpr (is_carrier_v<Req>)
        ok = w.element(es_name<Req>(), req); // a carrier as the parameter: wrapped in its type name
    else
        ok = w.members(req, true);
    if (!ok)
        return failed(error::unencodable_value);
    out += "</es:";
    out += op_name;
    out += "></soap:Body></soap:Envelope>";
    return {};
}

/// Finds the envelope's `Body`; false when `doc` is not a SOAP envelope.
SO_ERPSYNC_DECL bool soap_envelope(pugi::xml_document const& doc, pugi::xml_node& env, pugi::xml_node& body,
                                   soap::version& ver);

/// A child of a `Fault`: in the envelope's namespace (1.2, and qualified 1.1) or in none (1.1's
/// `faultcode` and `faultstring` are unqualified).
SO_ERPSYNC_DECL pugi::xml_node soap_fault_child(pugi::xml_node n, std::string_view env_ns,
                                                std::string_view local) noexcept;

/// Server text for the diagnostics: at most `diagnostics::max_excerpt` bytes.
SO_ERPSYNC_DECL std::string soap_bounded(std::string_view s);

/// The local part of a QName written as text (`s:Client` -> `Client`).
SO_ERPSYNC_DECL std::string_view soap_qname_local(std::string_view q) noexcept;

/// The checks every response goes through before its result is read (see soap.hpp). On success
/// `wrapper` is the `{Operation}Response` element.
SO_ERPSYNC_DECL error_code soap_open_response(std::string_view op_name, unsigned status,
                                              std::string_view body, pugi::xml_document& doc,
                                              pugi::xml_node& wrapper, diagnostics* diag);

/// Reads the response to operation `op_name` into `*out` (null for operations without a result).
template <class R>
error_code soap_read_response(std::string_view op_name, unsigned status, std::string_view body, R* out,
                              diagnostics* diag) {
    pugi::xml_document doc;
    pugi::xml_node wrapper;
    if (auto ec = soap_open_response(op_name, status, body, doc, wrapper, diag))
        return ec;
    if constexpr (!std::is_void_v<R>) {
        pugi::xml_node r = xml_reader::child_named(wrapper, "Response");
        if (!r || xml_is_nil(r)) {
            *out = R{};
            if constexpr (is_vector_v<R> || is_string_map_v<R>) {
                return {}; // a null list is an empty one, as in REST
            } else {
                if (diag) {
                    diag->http_status = status;
                    diag->client_message = "the server answered null: nothing was found";
                }
                return error::null_response;
            }
        }
        xml_reader reader(diag);
        if (!reader.read(r, *out)) {
            if (diag) {
                diag->http_status = status;
                set_excerpt(*diag, body);
            }
            return reader.ec();
        }
    }
    return {};
}

/// Writes a response envelope: `Succeeded` true and `{op}Response` holding `Response` (none for
/// `R = void`). What the sandbox answers.
template <class R>
error_code soap_write_response(soap::version v, std::string_view op_name, R const* value, std::string& out,
                               diagnostics* diag) {
    out.clear();
    soap_open_envelope(out, v);
    out += "<soap:Header><es:Succeeded "
           "xsi:type=\"xsd:boolean\">true</es:Succeeded></soap:Header><soap:Body><es:";
    out += op_name;
    out += "Response>";
    if constexpr (!std::is_void_v<R>) {
        xml_writer w(out, diag);
        if (!w.element("Response", *value))
            return error::unencodable_value;
    }
    out += "</es:";
    out += op_name;
    out += "Response></soap:Body></soap:Envelope>";
    return {};
}

/// Writes the envelope of a failed call: `ExceptionInfo` and `Succeeded` false in the header and
/// an empty `{op}Response`.
SO_ERPSYNC_DECL void soap_write_exception(soap::version v, std::string_view op_name, std::string_view type,
                                          std::string_view message, std::string_view detail,
                                          std::string_view source, std::string& out);

/// Writes a SOAP fault. `sender`: the request was at fault (`Client` / `Sender`), else the
/// server (`Server` / `Receiver`).
SO_ERPSYNC_DECL void soap_write_fault(soap::version v, bool sender, std::string_view reason,
                                      std::string& out);

/// A request as the server side sees it.
struct soap_incoming {
    soap::version ver = soap::version::v1_1;
    pugi::xml_node operation; // the Body's element named like the operation
    std::string application_token;
    std::string ticket;
};

/// Parses a request envelope. `ApplicationToken` and `Credentials` are looked for in the
/// `Header` and, as the documentation's samples place them, directly in the `Envelope`.
SO_ERPSYNC_DECL error_code soap_read_incoming(std::string_view body, pugi::xml_document& doc,
                                              soap_incoming& in, diagnostics* diag);

/// Reads the parameters of an operation from its element.
template <class Req>
error_code soap_read_parameters(pugi::xml_node operation, Req& req, diagnostics* diag) {
    xml_reader reader(diag);
    bool ok = true;
    if constexpr (is_carrier_v<Req>) {
        pugi::xml_node c = xml_reader::child_named(operation, es_name<Req>());
        req = Req{};
        if (c)
            ok = reader.read(c, req);
    } else {
        ok = reader.read(operation, req);
    }
    return ok ? error_code() : reader.ec();
}

} // namespace superoffice::erpsync::detail

namespace superoffice::erpsync::soap {

/// The SOAP encoding of version `v`, for `client_config::protocol`. Immutable; share it freely.
SO_ERPSYNC_DECL call_protocol protocol(version v = version::v1_1);

/// Writes the request envelope of `Op` (what the client sends), for tests and tools.
template <class Op>
error_code write_request(request_t<Op> const& request, envelope_options const& options, std::string& out,
                         diagnostics* diag = nullptr) {
    return detail::soap_write_request(Op::name, request, options, out, diag);
}

/// Decodes a response to `Op` (see the file comment for the rules).
template <class Op>
requires(!std::is_void_v<response_t<Op>>) error_code
    read_response(unsigned status, std::string_view body, response_t<Op>& out, diagnostics* diag = nullptr) {
    return detail::soap_read_response<response_t<Op>>(Op::name, status, body, &out, diag);
}

/// Checks a response to an operation without a result (faults, `ExceptionInfo`, `Succeeded`).
template <class Op>
requires(std::is_void_v<response_t<Op>>) error_code
    read_response(unsigned status, std::string_view body, diagnostics* diag = nullptr) {
    return detail::soap_read_response<void>(Op::name, status, body, nullptr, diag);
}

} // namespace superoffice::erpsync::soap

#ifdef SO_ERPSYNC_HEADER_ONLY
#include <superoffice/erpsync/impl/soap.ipp>
#endif

#endif
