//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_DETAIL_QUERY_PARAMS_HPP
#define SO_ERPSYNC_DETAIL_QUERY_PARAMS_HPP

// Query strings: percent-encoding, and described requests as `name=value&...` (the `query`
// operations). Members must be scalars: integers, bool, std::string or described enums.

#include <superoffice/erpsync/detail/enum_names.hpp>
#include <superoffice/erpsync/detail/type_traits.hpp>
#include <superoffice/erpsync/diagnostics.hpp>
#include <superoffice/erpsync/error.hpp>

#include <boost/mp11/algorithm.hpp>

#include <charconv>
#include <optional>
#include <string>
#include <string_view>

namespace superoffice::erpsync::detail {

/// Percent-encodes a query value (RFC 3986 unreserved characters, ',' and '/' kept).
SO_ERPSYNC_DECL std::string encode_query_value(std::string_view v);

/// Decodes `%XX` and `+`; malformed escapes are kept as they are.
SO_ERPSYNC_DECL std::string percent_decode(std::string_view s);

/// Calls `f(key, value)` (both decoded) for each `key=value` of a query string.
template <class F>
void for_each_query_param(std::string_view query, F&& f) {
    for (std::string_view rest = query; !rest.empty();) {
        auto amp = rest.find('&');
        auto kv = rest.substr(0, amp);
        rest = amp == std::string_view::npos ? std::string_view{} : rest.substr(amp + 1);
        if (kv.empty())
            continue;
        auto eq = kv.find('=');
        f(percent_decode(kv.substr(0, eq)),
          percent_decode(eq == std::string_view::npos ? std::string_view{} : kv.substr(eq + 1)));
    }
}

template <class T>
inline constexpr bool is_query_scalar_v =
    std::is_same_v<T, bool> || is_integer_v<T> || std::is_same_v<T, std::string> || is_described_enum_v<T> ||
    is_open_enum_v<T>;

/// Appends `name=value` for each member of `req` to `target` (which has no '?' yet).
template <class T>
error_code append_query(T const& req, std::string& target, diagnostics* diag) {
    error_code ec;
    char sep = '?';
    boost::mp11::mp_for_each<members_t<T>>([&](auto D) {
        using M = std::remove_cvref_t<decltype(req.*D.pointer)>;
        static_assert(is_query_scalar_v<M>, "query parameters must be scalars");
        if (ec)
            return;
        auto const& v = req.*D.pointer;
        std::string text;
        if constexpr (std::is_same_v<M, bool>) {
            text = v ? "true" : "false";
        } else if constexpr (is_integer_v<M>) {
            char buf[24];
            text.assign(buf, std::to_chars(buf, buf + sizeof buf, v).ptr);
        } else if constexpr (std::is_same_v<M, std::string>) {
            text = v;
        } else {
            std::optional<std::string_view> name;
            if constexpr (is_open_enum_v<M>) {
                if (!v.name().empty()) // a known name, or one kept verbatim
                    name = v.name();
            } else {
                name = enum_name(v);
            }
            if (!name) {
                ec = error::unencodable_value;
                if (diag) {
                    diag->field_path = D.name;
                    diag->client_message = std::string("the enum value has no wire name at ") + D.name;
                }
                return;
            }
            text = *name;
        }
        target += sep;
        sep = '&';
        target += D.name;
        target += '=';
        target += encode_query_value(text);
    });
    return ec;
}

/// Fills `out` from the query parameters named like its members (ASCII case-insensitively, as
/// ASP.NET binds them). Every member is required. On failure `why` says which and false returns.
template <class T>
bool read_query(std::string_view query, T& out, std::string& why) {
    bool ok = true;
    boost::mp11::mp_for_each<members_t<T>>([&](auto D) {
        if (!ok)
            return;
        using M = std::remove_cvref_t<decltype(out.*D.pointer)>;
        static_assert(is_query_scalar_v<M>, "query parameters must be scalars");
        bool seen = false;
        std::string text;
        for_each_query_param(query, [&](std::string const& k, std::string const& v) {
            if (!seen && iequals(k, D.name)) {
                seen = true;
                text = v;
            }
        });
        auto& m = out.*D.pointer;
        if (!seen) {
            ok = false;
            why = std::string("the query parameter '") + D.name + "' is required";
            return;
        }
        if constexpr (std::is_same_v<M, bool>) {
            if (iequals(text, "true"))
                m = true;
            else if (iequals(text, "false"))
                m = false;
            else
                ok = false;
        } else if constexpr (is_integer_v<M>) {
            auto r = std::from_chars(text.data(), text.data() + text.size(), m);
            ok = r.ec == std::errc() && r.ptr == text.data() + text.size() && !text.empty();
        } else if constexpr (std::is_same_v<M, std::string>) {
            m = text;
        } else if constexpr (is_open_enum_v<M>) {
            m = M::from_name(text);
        } else {
            auto e = enum_from_name<M>(text);
            ok = e.has_value();
            if (ok)
                m = *e;
        }
        if (!ok)
            why = std::string("the query parameter '") + D.name + "' has an invalid value '" + text + "'";
    });
    return ok;
}

} // namespace superoffice::erpsync::detail

#ifdef SO_ERPSYNC_HEADER_ONLY
#include <superoffice/erpsync/impl/query_params.ipp>
#endif

#endif
