//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_IMPL_SOAP_IPP
#define SO_ERPSYNC_IMPL_SOAP_IPP

// The SOAP encoding's non-template parts, out of line: the envelope helpers, the response checks,
// and `soap_protocol` (the codec behind `soap::protocol()`, which instantiates every operation's
// SOAP writer and reader). Included by `soap.hpp` in header-only builds, compiled once by
// `superoffice/erpsync/soap_src.hpp` with SO_ERPSYNC_SEPARATE_COMPILATION.

#include <superoffice/erpsync/soap.hpp>

#include <boost/beast/http/field.hpp>
#include <boost/mp11/algorithm.hpp>

#include <memory>
#include <string>
#include <string_view>
#include <utility>

namespace superoffice::erpsync::detail {

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

SO_ERPSYNC_DECL std::string_view superoffice::erpsync::detail::soap_envelope_ns(soap::version v) noexcept {
    return v == soap::version::v1_1 ? xml_ns::soap11 : xml_ns::soap12;
}

SO_ERPSYNC_DECL void superoffice::erpsync::detail::soap_open_envelope(std::string& out, soap::version v) {
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

SO_ERPSYNC_DECL bool superoffice::erpsync::detail::soap_envelope(pugi::xml_document const& doc,
                                                                 pugi::xml_node& env, pugi::xml_node& body,
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

SO_ERPSYNC_DECL pugi::xml_node
superoffice::erpsync::detail::soap_fault_child(pugi::xml_node n, std::string_view env_ns,
                                               std::string_view local) noexcept {
    for (pugi::xml_node c : n.children())
        if (c.type() == pugi::node_element && xml_local_name(c.name()) == local) {
            auto ns = xml_ns_of(c);
            if (ns.empty() || ns == env_ns)
                return c;
        }
    return {};
}

SO_ERPSYNC_DECL std::string superoffice::erpsync::detail::soap_bounded(std::string_view s) {
    return std::string(s.substr(0, diagnostics::max_excerpt));
}

SO_ERPSYNC_DECL std::string_view superoffice::erpsync::detail::soap_qname_local(std::string_view q) noexcept {
    q = trim(q);
    auto c = q.find(':');
    return c == std::string_view::npos ? q : q.substr(c + 1);
}

SO_ERPSYNC_DECL superoffice::erpsync::error_code
superoffice::erpsync::detail::soap_open_response(std::string_view op_name, unsigned status,
                                                 std::string_view body, pugi::xml_document& doc,
                                                 pugi::xml_node& wrapper, diagnostics* diag) {
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

SO_ERPSYNC_DECL void superoffice::erpsync::detail::soap_write_exception(
    soap::version v, std::string_view op_name, std::string_view type, std::string_view message,
    std::string_view detail, std::string_view source, std::string& out) {
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

SO_ERPSYNC_DECL void superoffice::erpsync::detail::soap_write_fault(soap::version v, bool sender,
                                                                    std::string_view reason,
                                                                    std::string& out) {
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

SO_ERPSYNC_DECL superoffice::erpsync::error_code
superoffice::erpsync::detail::soap_read_incoming(std::string_view body, pugi::xml_document& doc,
                                                 soap_incoming& in, diagnostics* diag) {
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

SO_ERPSYNC_DECL superoffice::erpsync::call_protocol superoffice::erpsync::soap::protocol(version v) {
    return detail::protocol_access::make(std::make_shared<detail::soap_protocol const>(v),
                                         v == version::v1_1 ? "SOAP 1.1" : "SOAP 1.2");
}

#endif
