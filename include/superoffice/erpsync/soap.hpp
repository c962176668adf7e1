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

#include <superoffice/erpsync/detail/response_decoder.hpp>
#include <superoffice/erpsync/detail/xml_reader.hpp>
#include <superoffice/erpsync/detail/xml_writer.hpp>
#include <superoffice/erpsync/operations.hpp>
#include <superoffice/erpsync/protocol_codec.hpp>

#include <boost/beast/http/field.hpp>
#include <boost/mp11/algorithm.hpp>

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

inline std::string_view soap_envelope_ns(soap::version v) noexcept {
    return v == soap::version::v1_1 ? xml_ns::soap11 : xml_ns::soap12;
}

inline void soap_open_envelope(std::string& out, soap::version v) {
    out += "<?xml version=\"1.0\" encoding=\"utf-8\"?><soap:Envelope xmlns:soap=\"";
    out += soap_envelope_ns(v);
    out += "\" xmlns:es=\"";
    out += xml_ns::services88;
    out += "\" xmlns:arr=\"";
    out += xml_ns::arrays;
    out += "\" xmlns:ser=\"";
    out += xml_ns::serialization;
    out += "\" xmlns:xsi=\"";
    out += xml_ns::xsi;
    out += "\" xmlns:xsd=\"";
    out += xml_ns::xsd;
    out += "\">";
}

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
inline bool soap_envelope(pugi::xml_document const& doc, pugi::xml_node& env, pugi::xml_node& body,
                          soap::version& ver) {
    env = doc.document_element();
    if (!env)
        return false;
    std::string_view const ns = xml_ns_of(env);
    if (ns == xml_ns::soap11)
        ver = soap::version::v1_1;
    else if (ns == xml_ns::soap12)
        ver = soap::version::v1_2;
    else
        return false;
    if (xml_local_name(env.name()) != "Envelope")
        return false;
    body = xml_child(env, ns, "Body");
    return static_cast<bool>(body);
}

/// A child of a `Fault`: in the envelope's namespace (1.2, and qualified 1.1) or in none (1.1's
/// `faultcode` and `faultstring` are unqualified).
inline pugi::xml_node soap_fault_child(pugi::xml_node n, std::string_view env_ns,
                                       std::string_view local) noexcept {
    for (pugi::xml_node c : n.children())
        if (c.type() == pugi::node_element && xml_local_name(c.name()) == local) {
            auto ns = xml_ns_of(c);
            if (ns.empty() || ns == env_ns)
                return c;
        }
    return {};
}

/// Server text for the diagnostics: at most `diagnostics::max_excerpt` bytes.
inline std::string soap_bounded(std::string_view s) {
    return std::string(s.substr(0, diagnostics::max_excerpt));
}

/// The local part of a QName written as text (`s:Client` -> `Client`).
inline std::string_view soap_qname_local(std::string_view q) noexcept {
    q = trim(q);
    auto c = q.find(':');
    return c == std::string_view::npos ? q : q.substr(c + 1);
}

/// The checks every response goes through before its result is read (see soap.hpp). On success
/// `wrapper` is the `{Operation}Response` element.
inline error_code soap_open_response(std::string_view op_name, unsigned status, std::string_view body,
                                     pugi::xml_document& doc, pugi::xml_node& wrapper, diagnostics* diag) {
    bool const ok_status = status >= 200 && status <= 299;
    // `msg` is library text only: what the server said goes to `server` and the excerpt, bounded.
    auto fail = [&](error_code ec, std::string msg) -> error_code {
        if (diag) {
            diag->http_status = status;
            set_excerpt(*diag, body);
            if (!msg.empty())
                diag->client_message = std::move(msg);
        }
        return ec;
    };
    auto status_failure = [&]() {
        return fail(status_error(status), "the server answered HTTP " + std::to_string(status));
    };
    if (diag)
        diag->client_message.clear();
    if (auto ec = parse_xml(body, doc, diag))
        return ok_status ? fail(ec, {}) : status_failure(); // parse_xml wrote the reason
    pugi::xml_node env, b;
    soap::version ver{};
    if (!soap_envelope(doc, env, b, ver))
        return ok_status ? fail(error::invalid_xml, "the body is not a SOAP envelope with a Body")
                         : status_failure();
    std::string_view const env_ns = xml_ns_of(env);
    std::string scratch;
    if (pugi::xml_node fault = xml_child(b, env_ns, "Fault")) {
        server_error e;
        e.Error = true;
        if (ver == soap::version::v1_1) {
            e.ErrorType = soap_qname_local(xml_text(soap_fault_child(fault, env_ns, "faultcode"), scratch));
            e.ErrorMessage = soap_bounded(xml_text(soap_fault_child(fault, env_ns, "faultstring"), scratch));
        } else {
            pugi::xml_node code = soap_fault_child(fault, env_ns, "Code");
            e.ErrorType = soap_qname_local(xml_text(soap_fault_child(code, env_ns, "Value"), scratch));
            // WCF puts the useful code in the subcode (`a:ActionNotSupported`)
            if (pugi::xml_node sub = soap_fault_child(code, env_ns, "Subcode"))
                e.ErrorType +=
                    "/" +
                    std::string(soap_qname_local(xml_text(soap_fault_child(sub, env_ns, "Value"), scratch)));
            e.ErrorMessage = soap_bounded(xml_text(
                soap_fault_child(soap_fault_child(fault, env_ns, "Reason"), env_ns, "Text"), scratch));
        }
        e.ErrorType = soap_bounded(e.ErrorType);
        if (diag)
            diag->server = std::move(e);
        return fail(error::soap_fault, "the server answered with a SOAP fault (code and reason in server)");
    }
    if (!ok_status)
        return status_failure();
    pugi::xml_node header = xml_child(env, env_ns, "Header");
    auto header_part = [&](std::string_view name) {
        pugi::xml_node h = header ? xml_child(header, xml_ns::services88, name) : pugi::xml_node();
        return h ? h : xml_child(env, xml_ns::services88, name); // or directly in the envelope
    };
    pugi::xml_node succeeded = header_part("Succeeded");
    std::string_view const succeeded_text =
        succeeded && !xml_is_nil(succeeded) ? trim(xml_text(succeeded, scratch)) : std::string_view{};
    bool const said_true = succeeded_text == "true" || succeeded_text == "1";
    bool const said_false = succeeded_text == "false" || succeeded_text == "0";
    // An ExceptionInfo counts when it says something (a message or a type), unless Succeeded is true.
    pugi::xml_node info = header_part("ExceptionInfo");
    if (info && !xml_is_nil(info) && !said_true) {
        server_error e;
        e.Error = true;
        auto field = [&](pugi::xml_node n, std::string_view name) {
            return soap_bounded(xml_text(xml_reader::child_named(n, name), scratch));
        };
        e.ErrorType = field(info, "ExceptionType");
        e.ErrorMessage = field(info, "Message");
        e.ErrorSource = field(info, "Source");
        e.Message = field(info, "FriendlyText");
        if (e.Message.empty())
            e.Message = e.ErrorMessage;
        if (pugi::xml_node inner = xml_reader::child_named(info, "InnerException"))
            e.MessageDetail = field(inner, "Message");
        if (!trim(e.ErrorMessage).empty() || !trim(e.ErrorType).empty() || said_false) {
            if (diag)
                diag->server = std::move(e);
            return fail(error::agent_error, "the agent reported an exception (message and type in server)");
        }
    }
    if (said_false)
        return fail(error::agent_error, "the server reported Succeeded = false without an exception");
    std::string const wrapper_name = std::string(op_name) + "Response";
    wrapper = xml_reader::child_named(b, wrapper_name);
    if (!wrapper)
        return fail(error::invalid_xml, "the SOAP body has no " + wrapper_name + " element");
    return {};
}

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
inline void soap_write_exception(soap::version v, std::string_view op_name, std::string_view type,
                                 std::string_view message, std::string_view detail, std::string_view source,
                                 std::string& out) {
    out.clear();
    soap_open_envelope(out, v);
    xml_writer w(out, nullptr);
    auto text_element = [&](std::string_view name, std::string_view value) {
        out += "<es:";
        out += name;
        out += " xsi:type=\"xsd:string\">";
        if (!w.text(value))
            out += "(text not representable in XML)";
        out += "</es:";
        out += name;
        out += '>';
    };
    out += "<soap:Header><es:ExceptionInfo xsi:type=\"es:SoExceptionInfo\">";
    text_element("Message", message);
    text_element("FriendlyText", message);
    text_element("ExceptionType", type);
    text_element("Source", source);
    if (!detail.empty()) {
        out += "<es:InnerException xsi:type=\"es:SoExceptionInfo\">";
        text_element("Message", detail);
        out += "</es:InnerException>";
    }
    out += "</es:ExceptionInfo><es:Succeeded "
           "xsi:type=\"xsd:boolean\">false</es:Succeeded></soap:Header><soap:Body><es:";
    out += op_name;
    out += "Response/></soap:Body></soap:Envelope>";
}

/// Writes a SOAP fault. `sender`: the request was at fault (`Client` / `Sender`), else the
/// server (`Server` / `Receiver`).
inline void soap_write_fault(soap::version v, bool sender, std::string_view reason, std::string& out) {
    out.clear();
    soap_open_envelope(out, v);
    xml_writer w(out, nullptr);
    out += "<soap:Body><soap:Fault>";
    if (v == soap::version::v1_1) {
        out += sender ? "<faultcode>soap:Client</faultcode><faultstring>"
                      : "<faultcode>soap:Server</faultcode><faultstring>";
        if (!w.text(reason))
            out += "(text not representable in XML)";
        out += "</faultstring>";
    } else {
        out += sender ? "<soap:Code><soap:Value>soap:Sender</soap:Value></soap:Code>"
                      : "<soap:Code><soap:Value>soap:Receiver</soap:Value></soap:Code>";
        out += "<soap:Reason><soap:Text xml:lang=\"en\">";
        if (!w.text(reason))
            out += "(text not representable in XML)";
        out += "</soap:Text></soap:Reason>";
    }
    out += "</soap:Fault></soap:Body></soap:Envelope>";
}

/// A request as the server side sees it.
struct soap_incoming {
    soap::version ver = soap::version::v1_1;
    pugi::xml_node operation; // the Body's element named like the operation
    std::string application_token;
    std::string ticket;
};

/// Parses a request envelope. `ApplicationToken` and `Credentials` are looked for in the
/// `Header` and, as the documentation's samples place them, directly in the `Envelope`.
inline error_code soap_read_incoming(std::string_view body, pugi::xml_document& doc, soap_incoming& in,
                                     diagnostics* diag) {
    if (auto ec = parse_xml(body, doc, diag))
        return ec;
    pugi::xml_node env, b;
    if (!soap_envelope(doc, env, b, in.ver)) {
        if (diag)
            diag->client_message = "the body is not a SOAP 1.1 or 1.2 envelope with a Body";
        return error::invalid_xml;
    }
    std::string scratch;
    pugi::xml_node header = xml_child(env, xml_ns_of(env), "Header");
    for (pugi::xml_node scope : {header, env}) {
        if (!scope)
            continue;
        if (pugi::xml_node t = xml_child(scope, xml_ns::services88, "ApplicationToken");
            t && in.application_token.empty())
            in.application_token = trim(xml_text(t, scratch));
        if (pugi::xml_node c = xml_child(scope, xml_ns::services88, "Credentials"); c && in.ticket.empty())
            in.ticket = trim(xml_text(xml_reader::child_named(c, "Ticket"), scratch));
    }
    for (pugi::xml_node c : b.children())
        if (c.type() == pugi::node_element) {
            in.operation = c;
            break;
        }
    if (!in.operation || xml_ns_of(in.operation) != xml_ns::services88) {
        if (diag)
            diag->client_message = "the SOAP Body holds no operation element in the Services88 namespace";
        return error::invalid_xml;
    }
    return {};
}

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

/// The `protocol_codec` of SOAP.
class soap_protocol final : public protocol_codec {
public:
    explicit soap_protocol(soap::version v) : v_(v) {}

    std::string_view name() const noexcept override {
        return v_ == soap::version::v1_1 ? "SOAP 1.1" : "SOAP 1.2";
    }

    error_code build_request(std::size_t op, void const* request, client_config const& cfg,
                             prepared_config const& pc, call_options const& opt, http_request& req,
                             diagnostics* diag) const override {
        namespace http = boost::beast::http;
        if (pc.error) {
            if (diag)
                *diag = pc.error_diag;
            return pc.error;
        }
        soap::envelope_options eo;
        eo.ver = v_;
        eo.application_token = cfg.app_token;
        eo.time_zone = opt.so_time_zone.empty() ? pc.so_time_zone : opt.so_time_zone;
        bool const ticket = cfg.auth.kind() == credentials::scheme::so_ticket;
        if (ticket)
            eo.ticket = cfg.auth.secret();
        std::string body;
        std::string_view op_name;
        error_code ec =
            boost::mp11::mp_with_index<boost::mp11::mp_size<ops::all>::value>(op, [&](auto I) -> error_code {
                using Op = boost::mp11::mp_at_c<ops::all, I>;
                op_name = Op::name;
                return soap_write_request(Op::name, *static_cast<request_t<Op> const*>(request), eo, body,
                                          diag);
            });
        if (ec)
            return ec;
        req.begin("POST");
        req.target_buffer() += pc.endpoint.path_prefix;
        req.target_buffer() += soap::endpoint_path;
        req.end_target();
        req.set(http::field::host, pc.endpoint.host_header);
        std::string act(soap::action_prefix);
        act += op_name;
        if (v_ == soap::version::v1_1) {
            req.set(http::field::accept, "text/xml");
            req.set(http::field::content_type, "text/xml; charset=utf-8");
            req.set("SOAPAction", "\"" + act + "\"");
        } else {
            req.set(http::field::accept, "application/soap+xml");
            req.set(http::field::content_type, "application/soap+xml; charset=utf-8; action=\"" + act + "\"");
        }
        for (auto const& [n, v] : pc.headers) {
            if (iequals(n, "SO-AppToken") || (ticket && iequals(n, "Authorization")))
                continue; // in the envelope instead
            req.set(n, v);
        }
        // SO-TimeZone goes in the envelope instead
        if (auto e = add_call_headers(pc, opt, req, diag, /*time_zone_header=*/false))
            return e;
        req.body() = std::move(body);
        req.finish();
        return {};
    }

    error_code decode_response(std::size_t op, unsigned status, std::string_view body, void* result,
                               diagnostics* diag) const override {
        return boost::mp11::mp_with_index<boost::mp11::mp_size<ops::all>::value>(
            op, [&](auto I) -> error_code {
                using Op = boost::mp11::mp_at_c<ops::all, I>;
                using R = response_t<Op>;
                return soap_read_response<R>(Op::name, status, body, static_cast<R*>(result), diag);
            });
    }

private:
    soap::version v_;
};

} // namespace superoffice::erpsync::detail

namespace superoffice::erpsync::soap {

/// The SOAP encoding, for `client_config::protocol`. Immutable; share it freely.
inline std::shared_ptr<protocol_codec const> protocol(version v = version::v1_1) {
    return std::make_shared<detail::soap_protocol const>(v);
}

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

#endif
