//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
// generate_operations: writes the files that follow from the operation list `ops::all`:
//
//   include/superoffice/erpsync/operation_members.hpp   the client's named members, documented
//   docs/operations.md                                   the operation reference
//
//   generate_operations <root>     writes both under <root> (the source tree, or a scratch folder
//                                  that CTest compares with the committed files)
//
// Type names come from boost::core::type_name with the library's namespace removed; the member
// name is the wire name in snake_case (`ForceResyncNoBlankValues` -> `force_resync_no_blank_values`),
// which is also the name of the operation's type: the generated header names `ops::<member>`, so a
// type named otherwise fails to compile.

#include <superoffice/erpsync/operations.hpp>

#include <boost/core/type_name.hpp>
#include <boost/mp11/algorithm.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>

namespace erp = superoffice::erpsync;

namespace {

std::string snake_case(std::string_view camel) {
    std::string out;
    for (char c : camel) {
        if (c >= 'A' && c <= 'Z') {
            if (!out.empty())
                out += '_';
            out += static_cast<char>(c - 'A' + 'a');
        } else {
            out += c;
        }
    }
    return out;
}

template <class T>
std::string type_name() {
    std::string s = boost::core::type_name<T>();
    static constexpr std::string_view ns = "superoffice::erpsync::";
    for (auto pos = s.find(ns); pos != std::string::npos; pos = s.find(ns))
        s.erase(pos, ns.size());
    return s;
}

template <class Op>
std::string signature() {
    using R = erp::response_t<Op>;
    if constexpr (std::is_void_v<R>)
        return "void(error_code)";
    else
        return "void(error_code, " + type_name<R>() + ")";
}

template <class Op>
std::string_view travels() {
    switch (Op::request_travels) {
    case erp::request_kind::body:
        return "the JSON body";
    case erp::request_kind::query:
        return "query parameters";
    case erp::request_kind::none:
        break;
    }
    return "nothing (`no_request`)";
}

// --- operation_members.hpp --------------------------------------------------------------------

template <class Op>
void write_members(std::ostream& os) {
    std::string const id = snake_case(Op::name);
    std::string const req = type_name<erp::request_t<Op>>();
    std::string const call = "        return self().template async_call<ops::" + id + ">(";
    std::string const fwd = "std::forward<CompletionToken>(token));\n";
    std::string const retry =
        Op::retry_safe ? "Safe to retry." : "Not safe to retry: not sent twice on its own.";
    bool const none = Op::request_travels == erp::request_kind::none;

    os << "    /// @name " << Op::name << "\n    /// @{\n\n";
    os << "    /// `" << Op::name << "`: " << Op::summary << ".\n"
       << "    ///\n"
       << "    /// See `ops::" << id << "`. " << retry << "\n";
    os << "    /// @param request The request, sent as " << travels<Op>() << ".\n";
    os << "    /// @param token A completion token (`default_token_t` by default: `co_await` throws "
          "`error_with_diagnostics`). Signature: `"
       << signature<Op>() << "`.\n";
    os << "    template <class CompletionToken = default_token_t>\n"
       << "    requires(!std::is_same_v<std::remove_cvref_t<CompletionToken>, call_options>)\n"
       << "    auto async_" << id << "(" << req << " const& request, CompletionToken&& token = {}) {\n"
       << call << "request, call_options{}, " << fwd << "    }\n\n";

    os << "    /// `" << Op::name
       << "` with options for this call (timeout, headers, `$select`, diagnostics).\n"
       << "    ///\n"
       << "    /// See `ops::" << id << "`. " << retry << "\n";
    os << "    /// @param request The request, sent as " << travels<Op>() << ".\n";
    os << "    /// @param options Options for this call.\n"
       << "    /// @param token A completion token (`default_token_t` by default: `co_await` throws "
          "`error_with_diagnostics`). Signature: `"
       << signature<Op>() << "`.\n";
    os << "    template <class CompletionToken = default_token_t>\n"
       << "    auto async_" << id << "(" << req
       << " const& request, call_options const& options, CompletionToken&& token = {}) {\n"
       << call << "request, options, " << fwd << "    }\n\n";

    if (none) {
        os << "    /// `" << Op::name << "`, which sends no request.\n"
           << "    ///\n"
           << "    /// See `ops::" << id << "`. " << retry << "\n"
           << "    /// @param token A completion token (`default_token_t` by default: `co_await` throws "
              "`error_with_diagnostics`). Signature: `"
           << signature<Op>() << "`.\n"
           << "    template <class CompletionToken = default_token_t>\n"
           << "    requires(!std::is_same_v<std::remove_cvref_t<CompletionToken>, call_options>)\n"
           << "    auto async_" << id << "(CompletionToken&& token = {}) {\n"
           << call << "no_request{}, call_options{}, " << fwd << "    }\n\n";
        os << "    /// `" << Op::name << "`, which sends no request, with options for this call.\n"
           << "    ///\n"
           << "    /// See `ops::" << id << "`. " << retry << "\n"
           << "    /// @param options Options for this call.\n"
           << "    /// @param token A completion token (`default_token_t` by default: `co_await` throws "
              "`error_with_diagnostics`). Signature: `"
           << signature<Op>() << "`.\n"
           << "    template <class CompletionToken = default_token_t>\n"
           << "    auto async_" << id << "(call_options const& options, CompletionToken&& token = {}) {\n"
           << call << "no_request{}, options, " << fwd << "    }\n\n";
    }
    os << "    /// @}\n\n";
}

std::string members_header() {
    std::ostringstream os;
    os << R"(//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
// GENERATED from ops::all by test/tools/generate_operations.cpp: do not edit. Regenerate with
// `cmake --build <build dir> --target so_erpsync_generate_operations`; CTest checks it is current.
//
#ifndef SO_ERPSYNC_OPERATION_MEMBERS_HPP
#define SO_ERPSYNC_OPERATION_MEMBERS_HPP

/// @file
/// `operation_members`: the client's named member per operation (`async_force_resync`, ...).

#include <superoffice/erpsync/call_options.hpp>
#include <superoffice/erpsync/operations.hpp>
#include <superoffice/erpsync/with_diagnostics.hpp>

#include <type_traits>
#include <utility>

namespace superoffice::erpsync {

// clang-format off

/// The named members of `client`, one group per operation of `ops::all`.
///
/// Each forwards to `Client::async_call<ops::X>(request, options, token)`; the completion,
/// cancellation, error and thread-safety rules are `client`'s. Operations that send no request
/// also have members without one. A `call_options` is never taken for a token.
///
/// @tparam Client The class deriving from it (`client`).
template <class Client>
class operation_members {
public:
)";
    boost::mp11::mp_for_each<erp::ops::all>([&](auto op) { write_members<decltype(op)>(os); });
    os << R"(private:
    Client& self() noexcept { return static_cast<Client&>(*this); }
};

// clang-format on

} // namespace superoffice::erpsync

#endif
)";
    return os.str();
}

// --- docs/operations.md -----------------------------------------------------------------------

std::string escape_md(std::string s) {
    std::string out;
    for (char c : s) {
        if (c == '|')
            out += '\\';
        out += c;
    }
    return out;
}

std::string operations_md() {
    std::ostringstream os;
    os << "# Operations\n\n"
       << "<!-- GENERATED from ops::all by test/tools/generate_operations.cpp: do not edit. -->\n\n"
       << "The ErpSync agent's " << boost::mp11::mp_size<erp::ops::all>::value
       << " operations, in the order of `ops::all`. Each is an HTTP POST to\n"
       << "`{base}/api/v1/Agents/ErpSync/{Operation}` (REST) or the SOAP action of that name, and\n"
       << "a type in `superoffice::erpsync::ops` called by the client member in the second column\n"
       << "(with a `call_options` overload; operations that send nothing also take no request).\n"
       << "The completion signature is `void(error_code, Response)`, `void(error_code)` for `void`.\n\n"
       << "*Request*: the carrier and how it travels (JSON body, query parameters, nothing).\n"
       << "*Retry*: whether the client may send it again on its own after a transient failure\n"
       << "(see `retry_policy`).\n\n"
       << "| Operation | Member | Request | Response | Retry | Summary |\n"
       << "|---|---|---|---|---|---|\n";
    boost::mp11::mp_for_each<erp::ops::all>([&](auto op) {
        using Op = decltype(op);
        std::string req =
            Op::request_travels == erp::request_kind::none
                ? std::string("none")
                : "`" + type_name<erp::request_t<Op>>() + "` (" + std::string(travels<Op>()) + ")";
        os << "| `" << Op::name << "` | `async_" << snake_case(Op::name) << "` | " << escape_md(req) << " | `"
           << escape_md(type_name<erp::response_t<Op>>()) << "` | " << (Op::retry_safe ? "safe" : "no")
           << " | " << escape_md(std::string(Op::summary)) << " |\n";
    });
    return os.str();
}

bool write_file(std::filesystem::path const& path, std::string const& text) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) {
        std::cerr << "generate_operations: cannot write " << path << "\n";
        return false;
    }
    return true;
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: generate_operations <root>\n"
                  << "  writes <root>/include/superoffice/erpsync/operation_members.hpp and "
                     "<root>/docs/operations.md\n";
        return 2;
    }
    std::filesystem::path root = argv[1];
    bool ok = write_file(root / "include/superoffice/erpsync/operation_members.hpp", members_header());
    ok = write_file(root / "docs/operations.md", operations_md()) && ok;
    return ok ? 0 : 1;
}
