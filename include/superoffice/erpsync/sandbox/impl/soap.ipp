//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_SANDBOX_IMPL_SOAP_IPP
#define SO_ERPSYNC_SANDBOX_IMPL_SOAP_IPP

/// @file
/// The sandbox's SOAP endpoint (see `sandbox/soap.hpp`): pugixml and the SOAP codec, compiled
/// once in the sandbox library.

#include <superoffice/erpsync/sandbox/impl/server_impl.hpp>
#include <superoffice/erpsync/sandbox/soap.hpp>
#include <superoffice/erpsync/soap.hpp>

#include <boost/mp11/algorithm.hpp>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

namespace superoffice::erpsync::sandbox {

/// The SOAP endpoint; see `sandbox/soap.hpp`. Immutable: one object may serve several servers.
class soap_service final : public soap_handler {
public:
    using request = boost::beast::http::request<boost::beast::http::string_body>;
    using response = boost::beast::http::response<boost::beast::http::string_body>;

    soap_service() {
        boost::mp11::mp_for_each<ops::all>([this](auto op) {
            using Op = decltype(op);
            table_.emplace(std::string(Op::name), &serve<Op>);
        });
    }

    response handle(server::impl& srv, request const& req) const override {
        namespace http = boost::beast::http;
        using erpsync::detail::iequals;
        using erpsync::detail::trim;
        auto ct = req[http::field::content_type];
        auto media = trim(ct.substr(0, ct.find(';')));
        soap::version expected = soap::version::v1_1;
        if (iequals(media, "application/soap+xml"))
            expected = soap::version::v1_2;
        else if (!iequals(media, "text/xml"))
            return fault(req, expected, 415,
                         "The request must be text/xml (SOAP 1.1) or application/soap+xml "
                         "(SOAP 1.2), not '" +
                             std::string(media) + "'");
        if (req.method() != http::verb::post)
            return fault(req, expected, 405, "SOAP operations are called with POST");
        pugi::xml_document doc;
        erpsync::detail::soap_incoming in;
        diagnostics d;
        if (auto ec = erpsync::detail::soap_read_incoming(req.body(), doc, in, &d))
            return fault(req, expected, 400, "The message is refused: " + d.client_message);
        if (in.ver != expected)
            return fault(req, expected, 415,
                         expected == soap::version::v1_1
                             ? "A SOAP 1.2 envelope must be sent as application/soap+xml"
                             : "A SOAP 1.1 envelope must be sent as text/xml");
        std::string_view const name = erpsync::detail::xml_local_name(in.operation.name());
        auto it = table_.find(std::string(name));
        if (it == table_.end())
            return fault(req, in.ver, 500,
                         "The ErpSync service has no operation '" + std::string(name) + "'");
        std::string action = requested_action(req, in.ver);
        std::string const wanted = std::string(soap::action_prefix) + std::string(name);
        if (!action.empty() && action != wanted)
            return fault(req, in.ver, 500,
                         "The SOAP action '" + action + "' does not match the operation element '" +
                             std::string(name) + "'");
        bool const app_ok = srv.opt_.app_token.empty() || in.application_token == srv.opt_.app_token ||
                            req["SO-AppToken"] == srv.opt_.app_token;
        bool const cred_ok =
            (!srv.opt_.ticket.empty() && in.ticket == srv.opt_.ticket) || srv.credentials_ok(req);
        // a ticket issued by the Online emulation, with the application token as header or SO-AppToken
        bool const online_ok =
            srv.online_ && (srv.online_->ticket_ok(in.ticket, in.application_token.empty()
                                                                  ? std::string_view(req["SO-AppToken"])
                                                                  : std::string_view(in.application_token)) ||
                            srv.online_->credentials_ok(req));
        if ((!app_ok || !cred_ok) && !online_ok)
            return fault(req, in.ver, 500,
                         "Authentication failed: missing or invalid Credentials/Ticket, credentials or "
                         "ApplicationToken");
        return it->second(srv, req, in);
    }

    /// The operation named by the action (`SOAPAction` or `action`), else by the Body's element.
    std::string operation(request const& req) const override {
        auto ct = req[boost::beast::http::field::content_type];
        auto media = erpsync::detail::trim(ct.substr(0, ct.find(';')));
        auto const v = erpsync::detail::iequals(media, "application/soap+xml") ? soap::version::v1_2
                                                                               : soap::version::v1_1;
        std::string action = requested_action(req, v);
        if (action.size() > soap::action_prefix.size() &&
            std::string_view(action).substr(0, soap::action_prefix.size()) == soap::action_prefix)
            return action.substr(soap::action_prefix.size());
        pugi::xml_document doc;
        erpsync::detail::soap_incoming in;
        if (erpsync::detail::soap_read_incoming(req.body(), doc, in, nullptr))
            return {};
        return std::string(erpsync::detail::xml_local_name(in.operation.name()));
    }

private:
    using fn = response (*)(server::impl&, request const&, erpsync::detail::soap_incoming const&);

    static response xml_response(request const& req, soap::version v, unsigned status, std::string body) {
        namespace http = boost::beast::http;
        response res(static_cast<http::status>(status), req.version());
        res.set(http::field::server, "superoffice-erpsync-sandbox");
        res.set(http::field::content_type,
                v == soap::version::v1_1 ? "text/xml; charset=utf-8" : "application/soap+xml; charset=utf-8");
        res.body() = std::move(body);
        res.keep_alive(req.keep_alive());
        res.prepare_payload();
        return res;
    }

    /// A fault from the sender's side; `status` is 500 as SOAP says, or the HTTP-level refusal.
    static response fault(request const& req, soap::version v, unsigned status, std::string const& reason) {
        std::string body;
        erpsync::detail::soap_write_fault(v, true, reason, body);
        return xml_response(req, v, status, std::move(body));
    }

    /// The action named by the `SOAPAction` header (1.1) or the `action` parameter (1.2), unquoted.
    static std::string requested_action(request const& req, soap::version v) {
        std::string_view a;
        if (v == soap::version::v1_1) {
            a = req["SOAPAction"];
        } else {
            std::string_view ct = req[boost::beast::http::field::content_type];
            for (std::size_t i = ct.find(';'); i != std::string_view::npos; i = ct.find(';', i + 1)) {
                auto param = erpsync::detail::trim(ct.substr(i + 1, ct.find(';', i + 1) - i - 1));
                if (param.size() > 7 && erpsync::detail::iequals(param.substr(0, 7), "action=")) {
                    a = param.substr(7);
                    break;
                }
            }
        }
        a = erpsync::detail::trim(a);
        if (a.size() >= 2 && a.front() == '"' && a.back() == '"')
            a = a.substr(1, a.size() - 2);
        return std::string(a);
    }

    template <class Op>
    static response serve(server::impl& srv, request const& req, erpsync::detail::soap_incoming const& in) {
        request_t<Op> params{};
        diagnostics d;
        response res;
        if (erpsync::detail::soap_read_parameters(in.operation, params, &d)) {
            res = fault(req, in.ver, 500, "The parameters are not valid: " + d.client_message);
        } else {
            auto out = srv.run_op<Op>(params);
            std::string body;
            if (out.fault) {
                erpsync::detail::soap_write_exception(in.ver, Op::name, "ArgumentException",
                                                      out.fault->what(), out.fault->detail,
                                                      "SuperOffice.ErpSync.Sandbox", body);
                res = xml_response(req, in.ver, 200, std::move(body));
            } else {
                using R = typename server::impl::outcome<Op>::value_type;
                error_code ec;
                if constexpr (std::is_void_v<R>)
                    ec = erpsync::detail::soap_write_response<void>(in.ver, Op::name, nullptr, body, nullptr);
                else
                    ec = erpsync::detail::soap_write_response<R>(in.ver, Op::name, &out.value, body, nullptr);
                if (ec) {
                    body.clear();
                    erpsync::detail::soap_write_fault(in.ver, false, "could not encode the result", body);
                    res = xml_response(req, in.ver, 500, std::move(body));
                } else {
                    res = xml_response(req, in.ver, 200, std::move(body));
                }
            }
        }
        srv.observe<Op>(params, res.result_int(), res.body());
        return res;
    }

    std::unordered_map<std::string, fn> table_;
};

std::shared_ptr<soap_handler const> soap_endpoint() {
    return std::make_shared<soap_service const>();
}

} // namespace superoffice::erpsync::sandbox

#endif
