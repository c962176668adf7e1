//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
// erpsync <Operation>: one call, its reply printed as JSON.

#include <superoffice/erpsync/client.hpp>
#include <superoffice/erpsync/json.hpp>
#include <superoffice/erpsync/operations.hpp>

#include <boost/asio/io_context.hpp>
#include <boost/mp11/algorithm.hpp>

#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "input.hpp"
#include "text.hpp"

namespace erpsync_cli {

namespace {

namespace asio = boost::asio;

/// Calls `Op` and prints its reply. Returns the exit status.
template <class Op>
int call(arguments const& a) {
    only_options(a, {"--select", "--body", "--body-file", "--seed"}, Op::name);
    if (a.get("--seed") && !a.sandbox)
        throw usage_error("--seed needs --sandbox");
    if (a.progress || a.no_progress || a.resume || a.adaptive || a.no_blank_values)
        throw usage_error("--progress, --no-progress, --resume, --adaptive and --no-blank-values are for "
                          "resync-bulk");
    auto const request = make_request<Op>(a);

    auto const sandbox = start_sandbox(a);
    asio::io_context io;
    erp::client client(io, make_config(a, sandbox.get()));
    erp::diagnostics diag;
    check_config(client.config_error(&diag), diag);
    erp::call_options options;
    options.diag = &diag;
    if (auto s = a.get("--select"))
        options.select = *s;

    int status = exit_failed;
    client.async_call<Op>(request, options, [&](erp::error_code ec, auto const&... result) {
        if (ec) {
            std::string details = diag.to_string();
            std::cerr << "error: " << Op::name << ": " << ec.message()
                      << (details.empty() ? "" : " (" + details + ")") << '\n';
            // no answer at all (refused, unreachable, TLS, timeout): nothing could be done
            status = diag.http_status == 0 ? exit_nothing_done : exit_failed;
            return;
        }
        std::string out = "null";
        if constexpr (sizeof...(result) == 1) {
            erp::diagnostics wd;
            auto json = erp::to_json(result..., &wd);
            if (!json) {
                std::cerr << "error: the reply cannot be written as JSON: " << json.error().message() << " ("
                          << wd.to_string() << ")\n";
                return;
            }
            out = std::move(*json);
            if (!options.select.empty())
                out = keep_selected(out, options.select);
        }
        std::cout << (a.pretty ? indent_json(out) : out) << std::endl;
        status = exit_ok;
    });
    io.run();
    return status;
}

/// One small function per operation, reached through this table rather than one function holding
/// every operation's code, which GCC's optimizer handles badly (tens of GiB at -O3).
std::vector<int (*)(arguments const&)> const& calls() {
    static std::vector<int (*)(arguments const&)> const table = [] {
        std::vector<int (*)(arguments const&)> t;
        boost::mp11::mp_for_each<erp::ops::all>([&](auto op) { t.push_back(&call<decltype(op)>); });
        return t;
    }();
    return table;
}

} // namespace

int call_operation(std::size_t op, arguments const& a) {
    return calls().at(op)(a);
}

} // namespace erpsync_cli
