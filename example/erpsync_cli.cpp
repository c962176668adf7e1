//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
// erpsync: calls any ErpSync operation from the shell and prints the reply as JSON.
//
//   erpsync [options] <Operation> [--body JSON | --body-file PATH | --body -]
//   erpsync --sandbox [--seed FILE] <Operation> [...]     against an in-process sandbox
//   erpsync serve [--port N] [--seed FILE]                runs the sandbox (REST and SOAP) until
//                                                         SIGINT/SIGTERM
//
// `--protocol soap` (or soap12) makes the same calls over the SOAP endpoint.
//   erpsync help [<Operation>]                            every operation, or one in detail
//
// Everything per operation (names, summaries, request fields and their types, response types)
// comes from the operation list `ops::all`: nothing here is written per operation.
//
// Output: the reply as JSON on stdout, exit status 0. Yes/no answers print `true`/`false`, enum
// answers a quoted name, and operations answering 204 No Content print `null`, so stdout is always
// exactly one JSON document. Failures print `error: ...` on stderr with status 1; usage errors,
// including a request body that is refused before anything is sent, exit with status 2.

#include <superoffice/erpsync.hpp>
#include <superoffice/erpsync/bulk.hpp>
#include <superoffice/erpsync/sandbox/server.hpp>
#include <superoffice/erpsync/sandbox/soap.hpp>
#include <superoffice/erpsync/soap.hpp>

#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/describe/enumerators.hpp>
#include <boost/describe/members.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <boost/mp11/algorithm.hpp>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdlib>
#include <exception>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace asio = boost::asio;
namespace erp = superoffice::erpsync;
namespace mp11 = boost::mp11;

namespace {

// ---------------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------------

/// A command-line mistake: reported as `error: <what>` with exit status 2.
struct usage_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// The C++ name of an operation (`force_resync` for `ForceResync`): its wire name in snake_case
/// (every wire name is plain CamelCase words; the type `ops::force_resync` is named so).
std::string cpp_id_of(std::string_view wire) {
    std::string out;
    for (char c : wire) {
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

/// Lower case without underscores: `Force_Resync` and `forceresync` compare equal.
std::string fold(std::string_view s) {
    std::string out;
    for (char c : s)
        if (c != '_')
            out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    return out;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diag = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diag = up;
        }
    }
    return row[b.size()];
}

// ---------------------------------------------------------------------------------------------
// Type names for the help texts
// ---------------------------------------------------------------------------------------------

template <class T>
struct flag_enum {
    using type = void;
};
template <class E>
struct flag_enum<erp::flag_set<E>> {
    using type = E;
};

template <class T>
concept has_wire_type_name = requires(T const* p) {
    { wire_type_name(p) } -> std::convertible_to<std::string_view>;
};

/// The name of `T` as the help shows it: bool, int32, int64, double, string, timestamp,
/// time_span, an enum's or a carrier's wire name, `T?`, `array<T>`, `map<string,T>`.
template <class T>
std::string type_name() {
    using namespace erp::detail;
    if constexpr (std::is_same_v<T, bool>) {
        return "bool";
    } else if constexpr (std::is_same_v<T, std::string>) {
        return "string";
    } else if constexpr (std::is_integral_v<T>) {
        return (std::is_signed_v<T> ? "int" : "uint") + std::to_string(sizeof(T) * 8);
    } else if constexpr (std::is_floating_point_v<T>) {
        return "double";
    } else if constexpr (is_optional_v<T>) {
        return type_name<typename T::value_type>() + "?";
    } else if constexpr (is_vector_v<T>) {
        return "array<" + type_name<typename T::value_type>() + ">";
    } else if constexpr (is_string_map_v<T>) {
        return "map<string," + type_name<typename T::mapped_type>() + ">";
    } else if constexpr (!std::is_void_v<typename flag_enum<T>::type>) {
        return "flags<" + type_name<typename flag_enum<T>::type>() + ">";
    } else if constexpr (erp::is_open_enum_v<T>) { // an enum that also keeps a newer server's names
        return type_name<typename T::enum_type>();
    } else if constexpr (has_wire_type_name<T>) { // carriers and enums
        return std::string(wire_type_name(static_cast<T const*>(nullptr)));
    } else if constexpr (std::is_same_v<T, erp::timestamp>) {
        return "timestamp";
    } else if constexpr (std::is_same_v<T, erp::time_span>) {
        return "time_span";
    } else {
        static_assert(always_false_v<T>, "erpsync CLI: type_name() does not know this type");
    }
}

/// The member type behind a Boost.Describe member descriptor.
template <class T, class D>
using member_t = std::remove_cvref_t<decltype(std::declval<T const&>().*D::pointer)>;

/// `Name: type` for every described member of `T`.
template <class T>
std::vector<std::pair<std::string, std::string>> fields_of() {
    std::vector<std::pair<std::string, std::string>> out;
    if constexpr (erp::detail::is_described_struct_v<T>)
        mp11::mp_for_each<erp::detail::members_t<T>>(
            [&](auto D) { out.emplace_back(D.name, type_name<member_t<T, decltype(D)>>()); });
    return out;
}

template <class T>
std::string valid_keys() {
    std::string out;
    mp11::mp_for_each<erp::detail::members_t<T>>([&](auto D) {
        if (!out.empty())
            out += ", ";
        out += D.name;
    });
    return out.empty() ? "none" : out;
}

/// Describes every carrier and enum reachable from `T` (once each), for `help <Operation>`.
struct type_catalogue {
    std::vector<std::string> seen;
    std::string text;

    template <class T>
    void add() {
        using namespace erp::detail;
        if constexpr (is_optional_v<T> || is_vector_v<T>) {
            add<typename T::value_type>();
        } else if constexpr (erp::is_open_enum_v<T>) {
            add<typename T::enum_type>();
        } else if constexpr (is_string_map_v<T>) {
            add<typename T::mapped_type>();
        } else if constexpr (!std::is_void_v<typename flag_enum<T>::type>) {
            if (first_time(type_name<T>()))
                append_wrapped(text, "  " + type_name<T>() + ": a string of names joined by \", \", from",
                               enumerators<typename flag_enum<T>::type>(), ", ");
        } else if constexpr (requires { std::string_view(T::expected_text); }) {
            // a value with a text form (timestamp, time_span): a JSON string
            if (first_time(type_name<T>()))
                text += "  " + type_name<T>() + ": a string, " + std::string(T::expected_text) + '\n';
        } else if constexpr (is_described_struct_v<T> || is_described_enum_v<T>) {
            std::string const name = type_name<T>();
            if (!first_time(name))
                return;
            if constexpr (is_described_enum_v<T>) {
                append_wrapped(text, "  " + name + ": one of", enumerators<T>(), " | ");
            } else {
                text += "  " + name + '\n';
                append_fields(text, fields_of<T>(), "      ");
                mp11::mp_for_each<members_t<T>>([&](auto D) { add<member_t<T, decltype(D)>>(); });
            }
        }
    }

    bool first_time(std::string const& name) {
        for (auto const& s : seen)
            if (s == name)
                return false;
        seen.push_back(name);
        return true;
    }

    template <class E>
    static std::vector<std::string> enumerators() {
        std::vector<std::string> names;
        mp11::mp_for_each<boost::describe::describe_enumerators<E>>(
            [&](auto D) { names.emplace_back(D.name); });
        return names;
    }

    /// `line` followed by the items joined by `sep` (" | ", ", "), wrapped at 110 columns.
    static void append_wrapped(std::string& out, std::string line, std::vector<std::string> const& items,
                               std::string_view sep) {
        for (std::size_t i = 0; i < items.size(); ++i) {
            std::string_view const joiner = i == 0 ? std::string_view(" ") : sep;
            if (i > 0 && line.size() + joiner.size() + items[i].size() > 110) {
                out += line;
                out +=
                    sep.substr(0, sep.find_last_not_of(' ') + 1); // the separator without its trailing space
                out += '\n';
                line = "      " + items[i];
            } else {
                line += joiner;
                line += items[i];
            }
        }
        out += line;
        out += '\n';
    }

    static void append_fields(std::string& out, std::vector<std::pair<std::string, std::string>> const& f,
                              std::string_view indent) {
        std::size_t width = 0;
        for (auto const& [n, t] : f)
            width = std::max(width, n.size());
        for (auto const& [n, t] : f) {
            out += indent;
            out += n;
            out.append(width - n.size() + 2, ' ');
            out += t;
            out += '\n';
        }
    }
};

template <class R>
std::string response_name() {
    if constexpr (std::is_void_v<R>)
        return "nothing (204 No Content; prints null)";
    else
        return type_name<R>();
}

std::string_view kind_name(erp::request_kind k) {
    switch (k) {
    case erp::request_kind::body:
        return "body";
    case erp::request_kind::query:
        return "query";
    case erp::request_kind::none:
        break;
    }
    return "none";
}

// ---------------------------------------------------------------------------------------------
// JSON helpers
// ---------------------------------------------------------------------------------------------

/// Indents the compact JSON that `to_json` writes, two spaces a level, each line after the
/// first starting with `lead`.
std::string indent_json(std::string_view s, std::string_view lead = {}) {
    std::string out;
    std::size_t depth = 0;
    bool in_string = false, escaped = false;
    auto newline = [&] {
        out += '\n';
        out += lead;
        out.append(depth * 2, ' ');
    };
    for (std::size_t i = 0; i < s.size(); ++i) {
        char const c = s[i];
        if (in_string) {
            out += c;
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                in_string = false;
            continue;
        }
        switch (c) {
        case '"':
            in_string = true;
            out += c;
            break;
        case '{':
        case '[':
            out += c;
            if (i + 1 < s.size() && (s[i + 1] == '}' || s[i + 1] == ']')) {
                out += s[++i];
            } else {
                ++depth;
                newline();
            }
            break;
        case '}':
        case ']':
            depth = depth > 0 ? depth - 1 : 0;
            newline();
            out += c;
            break;
        case ',':
            out += c;
            newline();
            break;
        case ':':
            out += ": ";
            break;
        default:
            out += c;
        }
    }
    return out;
}

// (not `quoted`: std::quoted, found by argument-dependent lookup for a std::string, would win)
std::string json_quoted(std::string_view s) {
    return boost::json::serialize(boost::json::string(s));
}

std::string join(std::vector<std::string> const& items, std::string_view sep) {
    std::string out;
    for (auto const& i : items) {
        if (!out.empty())
            out += sep;
        out += i;
    }
    return out;
}

std::string join_path(std::string const& path, std::string_view key) {
    return path.empty() ? std::string(key) : path + "." + std::string(key);
}

/// Collects the keys of `v` that no member of `T` (or of the carriers nested in it) takes. Keys
/// match members as the codec matches them: ASCII case-insensitively.
template <class T>
void find_unknown_keys(boost::json::value const& v, std::string const& path, std::vector<std::string>& out) {
    using namespace erp::detail;
    if constexpr (is_optional_v<T>) {
        find_unknown_keys<typename T::value_type>(v, path, out);
    } else if constexpr (is_vector_v<T>) {
        if (auto const* a = v.if_array())
            for (std::size_t i = 0; i < a->size(); ++i)
                find_unknown_keys<typename T::value_type>((*a)[i], path + "[" + std::to_string(i) + "]", out);
    } else if constexpr (is_string_map_v<T>) {
        if (auto const* o = v.if_object())
            for (auto const& kv : *o)
                find_unknown_keys<typename T::mapped_type>(kv.value(), join_path(path, kv.key()), out);
    } else if constexpr (is_described_struct_v<T>) {
        auto const* o = v.if_object();
        if (!o)
            return;
        std::vector<std::string> unknown;
        for (auto const& kv : *o) {
            bool known = false;
            mp11::mp_for_each<members_t<T>>([&](auto D) {
                if (!known && iequals(D.name, kv.key())) {
                    known = true;
                    find_unknown_keys<member_t<T, decltype(D)>>(kv.value(), join_path(path, D.name), out);
                }
            });
            if (!known)
                unknown.push_back(json_quoted(kv.key()));
        }
        if (!unknown.empty())
            out.insert(out.begin(), (unknown.size() == 1 ? "unknown key " : "unknown keys ") +
                                        join(unknown, ", ") + (path.empty() ? "" : " in " + path) +
                                        " (valid keys: " + valid_keys<T>() + ")");
    }
}

/// Collects the enum values of `v` this version does not know (kept verbatim by `open_enum`).
template <class T>
void find_unknown_enums(T const& v, std::string const& path, std::vector<std::string>& out) {
    using namespace erp::detail;
    if constexpr (erp::is_open_enum_v<T>) {
        if (v.is_unknown())
            out.push_back((path.empty() ? std::string("the value") : path) + " " +
                          (v.is_number() ? std::string(v.name()) : json_quoted(v.name())) + " is not " +
                          type_name<T>() + " (" +
                          join(type_catalogue::enumerators<typename T::enum_type>(), ", ") + ")");
    } else if constexpr (is_optional_v<T>) {
        if (v)
            find_unknown_enums(*v, path, out);
    } else if constexpr (is_vector_v<T>) {
        for (std::size_t i = 0; i < v.size(); ++i)
            find_unknown_enums(v[i], path + "[" + std::to_string(i) + "]", out);
    } else if constexpr (is_string_map_v<T>) {
        for (auto const& [k, e] : v)
            find_unknown_enums(e, join_path(path, k), out);
    } else if constexpr (is_described_struct_v<T> && !erp::text_value<T>) {
        mp11::mp_for_each<members_t<T>>(
            [&](auto D) { find_unknown_enums(v.*D.pointer, join_path(path, D.name), out); });
    }
}

/// Reads `text` into `out` with the library's codec, refusing keys no member takes. Throws
/// `usage_error` naming the offset, the field path or the unknown keys. An enum name (or number)
/// this version does not know is a warning: it is sent as given, since a newer server may know it.
template <class T>
void read_json(std::string_view text, T& out, std::string const& what) {
    erp::diagnostics d;
    erp::json_read_options opt;
    if (auto ec = erp::from_json(text, out, &d, opt))
        throw usage_error(what + ": " + (d.client_message.empty() ? ec.message() : d.client_message));
    // The codec skips unknown keys; a typo must not silently become a default.
    boost::json::parse_options po;
    po.max_depth = opt.max_depth;
    po.allow_invalid_utf8 = true;
    boost::system::error_code ec;
    boost::json::value v = boost::json::parse(text, ec, {}, po);
    if (ec)
        throw usage_error(what + ": " + ec.message());
    std::vector<std::string> unknown;
    find_unknown_keys<T>(v, "", unknown);
    if (!unknown.empty())
        throw usage_error(what + ": " + join(unknown, "; "));
    std::vector<std::string> enums;
    find_unknown_enums(out, "", enums);
    for (auto const& e : enums)
        std::cerr << "warning: " << what << ": " << e << "; kept as given\n";
}

/// With `$select` the server sends only the chosen properties, but the reply is decoded into the
/// whole carrier: keep only the selected top-level properties (of the reply, or of each element of
/// an array reply), so that defaults do not pass for data. `Changes.AddedRecords` keeps `Changes`.
std::string keep_selected(std::string const& json, std::string_view select) {
    std::vector<std::string_view> keep;
    for (std::size_t i = 0; i <= select.size();) {
        std::size_t end = std::min(select.find(',', i), select.size());
        std::string_view item = select.substr(i, end - i);
        item.remove_prefix(std::min(item.find_first_not_of(' '), item.size()));
        item = item.substr(0, std::min(item.find_first_of(" ./"), item.size()));
        if (!item.empty())
            keep.push_back(item);
        i = end + 1;
    }
    boost::system::error_code ec;
    boost::json::value v = boost::json::parse(json, ec);
    if (ec || keep.empty())
        return json;
    auto filter = [&](boost::json::value& x) {
        auto const* o = x.if_object();
        if (!o)
            return;
        boost::json::object kept;
        for (auto const& kv : *o)
            for (auto k : keep)
                if (erp::detail::iequals(k, kv.key())) {
                    kept.emplace(kv.key(), kv.value());
                    break;
                }
        x = std::move(kept);
    };
    if (auto* a = v.if_array())
        for (auto& e : *a)
            filter(e);
    else
        filter(v);
    return boost::json::serialize(v);
}

std::string read_file(std::string const& path) {
    std::ifstream f(path, std::ios::binary);
    if (!f)
        throw usage_error("cannot open " + path);
    std::ostringstream ss;
    ss << f.rdbuf();
    if (f.bad())
        throw usage_error("cannot read " + path);
    return ss.str();
}

// ---------------------------------------------------------------------------------------------
// Help
// ---------------------------------------------------------------------------------------------

constexpr char const* usage_text =
    R"(usage: erpsync [options] <Operation> [--body JSON | --body-file PATH | --body -]
       erpsync --sandbox [--seed FILE] [options] <Operation> [--body ...]
       erpsync serve [--port N] [--seed FILE]
       erpsync resync-bulk --connection N --keys-file FILE [--actor-type T] [options]
       erpsync help [<Operation>]          (also: erpsync [<Operation>] --help)

Calls one operation of the SuperOffice WebAPI ErpSync agent (POST {base}/api/v1/Agents/ErpSync/<Operation>,
or with --protocol soap the Services88 SOAP endpoint {base}/Remote/Services88/ErpSync.svc)
and prints the reply as JSON. <Operation> is a wire name in any case (ForceResync, forceresync) or the
C++ name (force_resync).

Request:
  --body JSON          the request as JSON (for query operations too); --body - reads it from stdin
  --body-file PATH     the request from a file
                       Unknown keys are refused. Without a body an operation that takes a request
                       sends the default one (`erpsync help <Operation>` shows it) and warns.
Target:
  --url BASE           tenant base URL, e.g. https://sod.superoffice.com/Cust12345    [ERPSYNC_URL]
  --context CTX        SuperOffice Online: the tenant (e.g. Cust12345), located through the state
                       service of --environment instead of --url                       [ERPSYNC_CONTEXT]
  --environment ENV    online (default), sod, stage, or a URL (a sandbox's)        [ERPSYNC_ENVIRONMENT]
  --sandbox            start the built-in sandbox on 127.0.0.1 and call it; its own credentials are
                       used unless given as options (the ERPSYNC_ credential variables are ignored)
  --seed FILE          the sandbox's data (JSON of sandbox::seed; erpsync_sandbox --print-seed)
Authentication (an option overrides its variable; use one scheme):
  --user NAME          Basic, with --password                                          [ERPSYNC_USER]
  --password SECRET                                                                    [ERPSYNC_PASSWORD]
  --ticket TICKET      SOTicket                                                        [ERPSYNC_TICKET]
  --token TOKEN        Bearer access token                                             [ERPSYNC_TOKEN]
  --app-token SECRET   SO-AppToken (Online system users)                               [ERPSYNC_APP_TOKEN]
  --system-user-token T  Online system user: signed with the key, exchanged for a ticket that is
                       renewed as needed; needs --private-key-file, --client-secret and --context
                                                                         [ERPSYNC_SYSTEM_USER_TOKEN]
  --private-key-file PATH  the app's RSA private key (PEM or .NET XML)    [ERPSYNC_PRIVATE_KEY_FILE]
  --client-secret SECRET   the app's client secret (the application token)   [ERPSYNC_CLIENT_SECRET]
  --refresh-token T    OAuth: refreshed into access tokens; needs --client-id and --client-secret
                                                                             [ERPSYNC_REFRESH_TOKEN]
  --client-id ID       the app's client id                                     [ERPSYNC_CLIENT_ID]
  Options are visible to other local users (ps); prefer the variables for secrets.
  Proxies: HTTPS_PROXY / HTTP_PROXY (http://[user:password@]host:port) and NO_PROXY are honoured
  for real targets, as curl does; secrets in them are never printed.
Call:
  --select FIELDS      $select: comma separated properties of the reply (only they are printed; REST)
  --protocol P         rest (default), soap (SOAP 1.1, Services88 ErpSync.svc) or soap12  [ERPSYNC_PROTOCOL]
  --timeout SECONDS    time allowed for the call (default 30)
  --ca-file PATH       PEM file of trusted CA certificates, for https
  --language CODE      Accept-Language and SO-Language, e.g. en
  --pretty             indent the JSON reply
Serve:
  --port N             the sandbox's port on 127.0.0.1 (default: any free port)
Bulk resync (erpsync resync-bulk --connection N --keys-file FILE [--actor-type T]):
  --keys-file PATH     one key per line (- for stdin): ERP keys with --actor-type (ForceResyncExternal),
                       else internal key ids (ForceResync); blank lines are skipped
  --batch-size N       keys per call (default 100)      --concurrency N   calls at once (default 4)
  --no-blank-values    the ...NoBlankValues operations   --no-progress     no progress bar on stderr
  --adaptive           adapt the calls in flight to the server (cut on 429/503 or rising latency),
                       up to --concurrency
  --journal FILE       record every key's outcome in FILE (JSON lines, written as batches complete);
                       FILE must not exist unless --resume is given
  --resume             resume the run recorded in --journal: keys done (resynced, or refused alone)
                       are skipped, keys whose call failed or was in flight when it stopped are sent
                       again; the key file must be the same
                       The file is read as the run goes. A batch the agent refuses is split until
                       each refused key stands alone (the others are resynced). Prints a JSON
                       summary with every failed key and the agent's message; Ctrl-C stops after
                       the calls in flight and prints the partial result.

Output: the reply as JSON on stdout, exit status 0: true/false for yes/no answers, a quoted name for
enum answers, null for operations answering 204 No Content. A failed call prints `error: ...` and the
diagnostics on stderr, exit status 1. Usage errors, including a refused body, exit with status 2.
)";

/// One operation's entry in `erpsync --help`.
template <class Op>
void print_summary(std::ostream& os) {
    os << "  " << Op::name << " -> " << response_name<erp::response_t<Op>>() << "\n      " << Op::summary
       << '\n';
    std::string line = "      " + std::string(kind_name(Op::request_travels));
    if constexpr (Op::request_travels != erp::request_kind::none) {
        auto fields = fields_of<erp::request_t<Op>>();
        line += " {";
        for (std::size_t i = 0; i < fields.size(); ++i) {
            std::string item =
                fields[i].first + ": " + fields[i].second + (i + 1 < fields.size() ? "," : "}");
            if (line.size() + 1 + item.size() > 110) {
                os << line << '\n';
                line = "           ";
            } else if (i > 0) {
                line += ' ';
            }
            line += item;
        }
        if (fields.empty())
            line += "}";
    } else {
        line = "      no request";
    }
    os << line << '\n';
}

template <class Op>
void print_operation(std::ostream& os) {
    using req = erp::request_t<Op>;
    using resp = erp::response_t<Op>;
    os << Op::name << "  (C++: superoffice::erpsync::ops::" << cpp_id_of(Op::name) << ")\n"
       << "  " << Op::summary << "\n\n"
       << "  POST {base}/api/v1/Agents/ErpSync/" << Op::name << '\n'
       << "  SOAP {base}" << erp::soap::endpoint_path << ", action " << erp::soap::action<Op>() << '\n';
    if constexpr (Op::request_travels == erp::request_kind::none) {
        os << "  request:  none (nothing is sent; --body is refused)\n";
    } else {
        os << "  request:  " << type_name<req>()
           << (Op::request_travels == erp::request_kind::body
                   ? ", sent as the JSON body\n"
                   : ", sent as query parameters (?Name=value); give it as JSON like a body\n");
    }
    os << "  response: " << response_name<resp>() << '\n'
       << "  safe to retry: " << (Op::retry_safe ? "yes" : "no") << '\n';

    type_catalogue cat;
    if constexpr (Op::request_travels != erp::request_kind::none)
        cat.add<req>();
    if constexpr (!std::is_void_v<resp>)
        cat.add<resp>();
    if (!cat.text.empty())
        os << "\nTypes:\n" << cat.text;

    if constexpr (Op::request_travels != erp::request_kind::none) {
        std::string tmpl = erp::to_json(req{}).value();
        os << "\nRequest template (the default, sent when no --body is given):\n  " << indent_json(tmpl, "  ")
           << "\n\nExample:\n  erpsync --sandbox " << Op::name << " --body '" << tmpl << "'\n";
    } else {
        os << "\nExample:\n  erpsync --sandbox " << Op::name << '\n';
    }
}

// ---------------------------------------------------------------------------------------------
// Command line
// ---------------------------------------------------------------------------------------------

struct arguments {
    std::map<std::string, std::string, std::less<>> values; // options taking a value, by name
    bool sandbox = false;
    bool pretty = false;
    bool no_blank_values = false;
    bool no_progress = false;
    bool resume = false;
    bool adaptive = false;
    bool help = false;
    std::vector<std::string> positional;

    std::optional<std::string> get(std::string_view name) const {
        auto it = values.find(name);
        if (it == values.end())
            return std::nullopt;
        return it->second;
    }
};

constexpr std::string_view value_options[] = {"--url",
                                              "--user",
                                              "--password",
                                              "--ticket",
                                              "--token",
                                              "--app-token",
                                              "--select",
                                              "--timeout",
                                              "--ca-file",
                                              "--language",
                                              "--body",
                                              "--body-file",
                                              "--seed",
                                              "--port",
                                              "--protocol",
                                              "--connection",
                                              "--actor-type",
                                              "--keys-file",
                                              "--batch-size",
                                              "--concurrency",
                                              "--journal",
                                              "--context",
                                              "--environment",
                                              "--system-user-token",
                                              "--private-key-file",
                                              "--client-id",
                                              "--client-secret",
                                              "--refresh-token"};

/// The options of the target and its credentials, accepted by every command that calls.
constexpr std::string_view online_options[] = {"--context",          "--environment", "--system-user-token",
                                               "--private-key-file", "--client-id",   "--client-secret",
                                               "--refresh-token"};

arguments parse_arguments(int argc, char** argv) {
    arguments a;
    for (int i = 1; i < argc; ++i) {
        std::string_view arg = argv[i];
        if (arg.size() < 2 || arg[0] != '-' || arg == "-") {
            a.positional.emplace_back(arg);
            continue;
        }
        // --name=value; only the name is ever echoed back (the value may be a secret).
        std::string_view name = arg.substr(0, arg.find('='));
        std::optional<std::string_view> inline_value;
        if (name.size() < arg.size())
            inline_value = arg.substr(name.size() + 1);
        bool takes_value = false;
        for (auto o : value_options)
            takes_value |= o == name;
        if (takes_value) {
            std::string value;
            if (inline_value)
                value = *inline_value;
            else if (i + 1 < argc)
                value = argv[++i];
            else
                throw usage_error(std::string(name) + " needs a value");
            if (!a.values.emplace(std::string(name), std::move(value)).second)
                throw usage_error(std::string(name) + " is given twice");
            continue;
        }
        bool* flag = name == "--sandbox"                  ? &a.sandbox
                     : name == "--pretty"                 ? &a.pretty
                     : name == "--no-blank-values"        ? &a.no_blank_values
                     : name == "--no-progress"            ? &a.no_progress
                     : name == "--resume"                 ? &a.resume
                     : name == "--adaptive"               ? &a.adaptive
                     : (name == "--help" || name == "-h") ? &a.help
                                                          : nullptr;
        if (!flag)
            throw usage_error("unknown option " + std::string(name));
        if (inline_value)
            throw usage_error(std::string(name) + " takes no value");
        *flag = true;
    }
    return a;
}

/// An option, else its environment variable (unset or empty: nullopt).
std::optional<std::string> option_or_env(arguments const& a, std::string_view option, char const* variable,
                                         bool use_env = true) {
    if (auto v = a.get(option))
        return v;
    if (use_env)
        if (char const* e = std::getenv(variable); e && *e)
            return std::string(e);
    return std::nullopt;
}

template <class Int>
Int parse_integer(std::string_view option, std::string const& text, Int lo, Int hi) {
    long long v = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc{} || end != text.data() + text.size() || std::cmp_less(v, lo) ||
        std::cmp_greater(v, hi))
        throw usage_error(std::string(option) + " must be a whole number from " + std::to_string(lo) +
                          " to " + std::to_string(hi));
    return static_cast<Int>(v);
}

std::chrono::steady_clock::duration parse_timeout(std::string const& text) {
    double s = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), s);
    if (ec != std::errc{} || end != text.data() + text.size() || !(s > 0) || s > 86400)
        throw usage_error("--timeout must be a number of seconds above 0 and at most 86400");
    return std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(s));
}

/// Refuses options that mean nothing for the chosen command.
void only_options(arguments const& a, std::vector<std::string_view> allowed, std::string_view command,
                  bool calls = true) {
    if (calls) // the target's and its credentials' options apply to every command that calls
        allowed.insert(allowed.end(), std::begin(online_options), std::end(online_options));
    for (auto const& [name, value] : a.values) {
        bool ok = false;
        for (auto o : allowed)
            ok |= o == name;
        if (!ok)
            throw usage_error(name + " does not apply to " + std::string(command));
    }
}

erp::sandbox::seed load_seed(arguments const& a) {
    auto path = a.get("--seed");
    if (!path)
        return erp::sandbox::default_seed();
    erp::sandbox::seed data{};
    read_json(read_file(*path), data, *path);
    return data;
}

// ---------------------------------------------------------------------------------------------
// Commands
// ---------------------------------------------------------------------------------------------

/// The sandbox's settings: REST and SOAP endpoints.
erp::sandbox::options sandbox_options() {
    erp::sandbox::options opt;
    opt.soap = erp::sandbox::soap_endpoint();
    return opt;
}

int serve(arguments const& a) {
    only_options(a, {"--port", "--seed"}, "serve", false);
    if (a.sandbox || a.pretty || a.positional.size() > 1)
        throw usage_error("serve takes only --port and --seed");
    erp::sandbox::options opt = sandbox_options();
    if (auto p = a.get("--port"))
        opt.port = parse_integer<std::uint16_t>("--port", *p, 0, 65535);
    erp::sandbox::seed data = load_seed(a);
    erp::sandbox::server srv(opt, data);
    // The sandbox's test credentials are printed on purpose: they are what clients must send.
    std::cout << "ErpSync sandbox listening at " << srv.base_url() << "\n  REST " << srv.base_url()
              << "/api/v1/Agents/ErpSync/{Operation}\n  SOAP " << srv.base_url() << erp::soap::endpoint_path
              << " (1.1 and 1.2)\n  Basic user " << json_quoted(opt.user) << " password "
              << json_quoted(opt.password) << "\n  SOTicket " << json_quoted(opt.ticket) << "\n  Bearer "
              << json_quoted(opt.bearer) << "\nTry: ERPSYNC_URL=" << srv.base_url()
              << " ERPSYNC_USER=" << opt.user << " ERPSYNC_PASSWORD=" << opt.password
              << " erpsync GetEngineStatus\nStop with Ctrl-C (SIGINT) or SIGTERM." << std::endl;
    asio::io_context io;
    asio::signal_set signals(io, SIGINT, SIGTERM);
    signals.async_wait([](boost::system::error_code, int) {});
    io.run();
    std::cout << "stopping after " << srv.requests_served() << " requests" << std::endl;
    return 0;
}

/// Reads the request of `Op` from --body / --body-file, or makes the default one.
template <class Op>
erp::request_t<Op> make_request(arguments const& a) {
    using req = erp::request_t<Op>;
    auto body = a.get("--body");
    auto body_file = a.get("--body-file");
    if (body && body_file)
        throw usage_error("give either --body or --body-file, not both");
    if constexpr (Op::request_travels == erp::request_kind::none) {
        if (body || body_file)
            throw usage_error(std::string(Op::name) + " takes no request; drop --body");
        return req{};
    } else {
        req r{};
        std::string what = "the " + std::string(Op::name) + " request";
        if (body && *body == "-") {
            std::string text{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
            read_json(text, r, what + " (stdin)");
        } else if (body) {
            read_json(*body, r, what);
        } else if (body_file) {
            read_json(read_file(*body_file), r, what + " (" + *body_file + ")");
        } else {
            std::cerr << "warning: no --body given; sending the default " << Op::name
                      << " request: " << erp::to_json(r).value() << '\n';
        }
        return r;
    }
}

/// The client configuration from the options and environment. Secrets are never echoed.
erp::client_config make_config(arguments const& a, std::optional<erp::sandbox::server> const& sandbox) {
    erp::client_config cfg;
    bool const env = !sandbox; // the sandbox has its own credentials: the variables are for real targets
    if (sandbox) {
        if (a.get("--url"))
            throw usage_error("give either --url or --sandbox, not both");
        cfg.base_url = sandbox->base_url();
    } else if (auto url = option_or_env(a, "--url", "ERPSYNC_URL")) {
        cfg.base_url = *url;
    }
    auto context = option_or_env(a, "--context", "ERPSYNC_CONTEXT", env);
    auto environment = option_or_env(a, "--environment", "ERPSYNC_ENVIRONMENT", env);
    if (cfg.base_url.empty()) {
        if (!context)
            throw usage_error(
                "no target: give --url BASE or --context CTX, set ERPSYNC_URL or ERPSYNC_CONTEXT, or "
                "use --sandbox");
        cfg.tenant.context_identifier = *context;
        cfg.tenant.environment = environment.value_or("online");
    }
    auto user = option_or_env(a, "--user", "ERPSYNC_USER", env);
    auto password = option_or_env(a, "--password", "ERPSYNC_PASSWORD", env);
    auto ticket = option_or_env(a, "--ticket", "ERPSYNC_TICKET", env);
    auto token = option_or_env(a, "--token", "ERPSYNC_TOKEN", env);
    auto system_user_token = option_or_env(a, "--system-user-token", "ERPSYNC_SYSTEM_USER_TOKEN", env);
    auto refresh_token = option_or_env(a, "--refresh-token", "ERPSYNC_REFRESH_TOKEN", env);
    auto client_secret = option_or_env(a, "--client-secret", "ERPSYNC_CLIENT_SECRET", env);
    if (int(bool(user) || bool(password)) + int(bool(ticket)) + int(bool(token)) +
            int(bool(system_user_token)) + int(bool(refresh_token)) >
        1)
        throw usage_error("more than one kind of credentials (--user/--password, --ticket, --token, "
                          "--system-user-token, --refresh-token or their ERPSYNC_ variables): use one");
    if (user && !password)
        throw usage_error("--user needs --password (or ERPSYNC_PASSWORD)");
    if (password && !user)
        throw usage_error("--password needs --user (or ERPSYNC_USER)");
    if (user)
        cfg.auth = erp::credentials::basic(*user, *password);
    else if (ticket)
        cfg.auth = erp::credentials::so_ticket(*ticket);
    else if (token)
        cfg.auth = erp::credentials::bearer(*token);
    else if (system_user_token) {
        auto key_file = option_or_env(a, "--private-key-file", "ERPSYNC_PRIVATE_KEY_FILE", env);
        if (!key_file || !client_secret || !context)
            throw usage_error(
                "--system-user-token needs --private-key-file, --client-secret and --context (or "
                "their ERPSYNC_ variables)");
        erp::credentials::system_user su;
        su.system_user_token = *system_user_token;
        su.private_key = read_file(*key_file);
        su.application_token = *client_secret;
        su.context_identifier = *context;
        su.environment = environment.value_or("online");
        cfg.auth = std::move(su);
    } else if (refresh_token) {
        auto client_id = option_or_env(a, "--client-id", "ERPSYNC_CLIENT_ID", env);
        if (!client_id || !client_secret)
            throw usage_error(
                "--refresh-token needs --client-id and --client-secret (or their ERPSYNC_ variables)");
        erp::credentials::oauth o;
        o.client_id = *client_id;
        o.client_secret = *client_secret;
        o.refresh_token = *refresh_token;
        o.environment = environment.value_or("online");
        // A refresh token the server replaces is not printed (a secret): the old one may stop
        // working, which is said on stderr.
        o.on_refresh_token = [](std::string const&) {
            std::cerr << "note: the server issued a new refresh token; the one given may no longer work\n";
        };
        cfg.auth = std::move(o);
    } else if (sandbox)
        cfg.auth = erp::credentials::basic(erp::sandbox::options{}.user, erp::sandbox::options{}.password);
    if (env) { // a real target: the usual proxy variables apply (the sandbox is on loopback)
        auto var = [](char const* n) {
            char const* v = std::getenv(n);
            return std::string_view(v ? v : "");
        };
        erp::proxy_environment pe{var("https_proxy"), var("HTTPS_PROXY"), var("http_proxy"),
                                  var("HTTP_PROXY"),  var("no_proxy"),    var("NO_PROXY")};
        bool const https = cfg.base_url.empty()
                               ? erp::environment_url(cfg.tenant.environment).rfind("https:", 0) == 0
                               : cfg.base_url.rfind("https:", 0) == 0;
        if (erp::proxy_from_environment(pe, https, cfg.proxy))
            throw usage_error(std::string(https ? "HTTPS_PROXY" : "HTTP_PROXY") +
                              " (or its lower-case form) is not a usable http:// proxy URL");
    }
    if (auto app = option_or_env(a, "--app-token", "ERPSYNC_APP_TOKEN", env))
        cfg.app_token = *app;
    if (auto t = a.get("--timeout"))
        cfg.timeout = parse_timeout(*t);
    if (auto ca = a.get("--ca-file"))
        cfg.tls.ca_file = *ca;
    if (auto lang = a.get("--language")) {
        cfg.accept_language = *lang;
        cfg.so_language = *lang;
    }
    if (auto p = option_or_env(a, "--protocol", "ERPSYNC_PROTOCOL")) {
        if (*p == "soap" || *p == "soap11")
            cfg.protocol = erp::soap::protocol(erp::soap::version::v1_1);
        else if (*p == "soap12")
            cfg.protocol = erp::soap::protocol(erp::soap::version::v1_2);
        else if (*p != "rest")
            throw usage_error("--protocol must be rest, soap (SOAP 1.1), soap11 or soap12");
        if (!cfg.protocol.is_rest() && a.get("--select"))
            throw usage_error("--select is REST's $select; SOAP has no such parameter");
    }
    return cfg;
}

/// Calls `Op` and prints its reply. Returns the exit status.
template <class Op>
int call(arguments const& a) {
    only_options(a,
                 {"--url", "--user", "--password", "--ticket", "--token", "--app-token", "--select",
                  "--timeout", "--ca-file", "--language", "--body", "--body-file", "--seed", "--protocol"},
                 Op::name);
    if (a.get("--seed") && !a.sandbox)
        throw usage_error("--seed needs --sandbox");
    erp::request_t<Op> const request = make_request<Op>(a);

    std::optional<erp::sandbox::server> sandbox;
    if (a.sandbox)
        sandbox.emplace(sandbox_options(), load_seed(a));
    asio::io_context io;
    erp::client client(io, make_config(a, sandbox));
    erp::diagnostics diag;
    if (auto ec = client.config_error(&diag)) {
        std::cerr << "error: " << ec.message() << " (" << diag.to_string() << ")\n";
        return 2;
    }
    erp::call_options options;
    options.diag = &diag;
    if (auto s = a.get("--select"))
        options.select = *s;

    int status = 1;
    client.async_call<Op>(request, options, [&](erp::error_code ec, auto const&... result) {
        if (ec) {
            std::string details = diag.to_string();
            std::cerr << "error: " << Op::name << ": " << ec.message()
                      << (details.empty() ? "" : " (" + details + ")") << '\n';
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
        status = 0;
    });
    io.run();
    return status;
}

/// What the program can do with one operation. The operations are reached through this table
/// (one small function per operation and task) rather than one function holding every
/// operation's code, which GCC's optimizer handles badly (tens of GiB at -O3).
struct operation_entry {
    std::string_view name;
    void (*summary)(std::ostream&);
    void (*help)(std::ostream&);
    int (*call)(arguments const&);
};

/// Every operation, in list order, generated from `ops::all`.
std::vector<operation_entry> const& operations() {
    static std::vector<operation_entry> const table = [] {
        std::vector<operation_entry> t;
        mp11::mp_for_each<erp::ops::all>([&](auto op) {
            using Op = decltype(op);
            t.push_back({Op::name, &print_summary<Op>, &print_operation<Op>, &call<Op>});
        });
        return t;
    }();
    return table;
}

/// The operation named `name`: its wire name in any case or its C++ name. Unknown names are a
/// usage error that suggests near matches.
operation_entry const& find_operation(std::string_view name) {
    for (auto const& e : operations())
        if (erp::detail::iequals(name, e.name) || name == cpp_id_of(e.name))
            return e;
    std::string near;
    std::string const folded = fold(name);
    for (auto const& e : operations()) {
        std::string const candidate = fold(e.name);
        if (edit_distance(folded, candidate) <= 2 ||
            (folded.size() >= 4 && candidate.find(folded) != std::string::npos))
            near += std::string(near.empty() ? "" : ", ") + std::string(e.name);
    }
    throw usage_error("unknown operation " + json_quoted(name) +
                      (near.empty() ? "" : "; did you mean " + near + "?") + " (erpsync --help lists them)");
}

/// The keys of `--keys-file`, read a line at a time as the bulk run asks for them (never the
/// whole file in memory): blank lines skipped, white space trimmed.
class key_reader {
public:
    explicit key_reader(std::string const& path) : path_(path) {
        if (path != "-") {
            file_.open(path, std::ios::binary);
            if (!file_)
                throw usage_error("cannot read " + path);
        }
    }

    /// The next key's text, nullopt at the end; `line()` is its line number.
    std::optional<std::string> next(erp::error_code& ec) {
        std::istream& in = path_ == "-" ? std::cin : file_;
        std::string text;
        while (std::getline(in, text)) {
            ++line_;
            auto t = erp::detail::trim(text);
            if (!t.empty())
                return std::string(t);
        }
        if (in.bad())
            ec = make_error_code(boost::system::errc::io_error);
        return std::nullopt;
    }

    std::size_t line() const { return line_; }
    std::string const& path() const { return path_; }

    /// Non-blank lines of a regular file (for the progress bar), 0 for standard input.
    static std::uint64_t count(std::string const& path) {
        if (path == "-")
            return 0;
        std::ifstream f(path, std::ios::binary);
        std::uint64_t n = 0;
        std::string text;
        while (std::getline(f, text))
            n += !erp::detail::trim(text).empty();
        return n;
    }

private:
    std::string path_;
    std::ifstream file_;
    std::size_t line_ = 0;
};

/// `erpsync resync-bulk`: every key of a file through the streaming `async_resync_bulk`, with a
/// progress bar, an optional journal and its resume.
int resync_bulk(arguments const& a) {
    only_options(a,
                 {"--url", "--user", "--password", "--ticket", "--token", "--app-token", "--timeout",
                  "--ca-file", "--language", "--seed", "--protocol", "--connection", "--actor-type",
                  "--keys-file", "--batch-size", "--concurrency", "--journal"},
                 "resync-bulk");
    if (a.positional.size() > 1)
        throw usage_error("resync-bulk takes options only");
    auto conn = a.get("--connection");
    auto file = a.get("--keys-file");
    if (!conn || !file)
        throw usage_error("resync-bulk needs --connection N and --keys-file FILE");
    std::int32_t const connection = parse_integer<std::int32_t>("--connection", *conn, 0, 2147483647);
    erp::bulk_options bo;
    if (auto b = a.get("--batch-size"))
        bo.batch_size = parse_integer<std::size_t>("--batch-size", *b, 1, 100000);
    if (auto c = a.get("--concurrency"))
        bo.concurrency = parse_integer<std::size_t>("--concurrency", *c, 1, 256);
    bo.no_blank_values = a.no_blank_values;
    if (auto j = a.get("--journal"))
        bo.journal = *j;
    if (a.resume && bo.journal.empty())
        throw usage_error("--resume needs --journal FILE");
    bo.resume = a.resume;
    if (a.adaptive) {
        bo.adaptive.enabled = true;
        bo.adaptive.initial_limit = 1;
    }
    std::optional<erp::erp_actor_type> actor;
    if (auto t = a.get("--actor-type")) {
        actor = erp::detail::enum_from_name<erp::erp_actor_type>(*t);
        if (!actor)
            throw usage_error("--actor-type must be an ErpActorType name such as Customer or Supplier");
    }
    key_reader reader(*file);
    bo.expected_keys = key_reader::count(*file);

    std::optional<erp::sandbox::server> sandbox;
    if (a.sandbox)
        sandbox.emplace(sandbox_options(), load_seed(a));
    asio::io_context io;
    erp::client client(io, make_config(a, sandbox));
    erp::diagnostics diag;
    if (auto ec = client.config_error(&diag)) {
        std::cerr << "error: " << ec.message() << " (" << diag.to_string() << ")\n";
        return 2;
    }
    bool const bar = !a.no_progress;
    bo.progress = [bar](erp::bulk_progress const& p) {
        if (!bar)
            return;
        constexpr std::uint64_t width = 30;
        std::uint64_t const filled = p.keys ? std::min(width, p.done * width / p.keys) : 0;
        std::cerr << "\r[" << std::string(filled, '#') << std::string(width - filled, ' ') << "] ";
        if (p.keys)
            std::cerr << std::min<std::uint64_t>(100, p.done * 100 / p.keys) << "% ";
        std::cerr << p.done << '/' << p.keys << " ok " << p.succeeded << " failed " << p.failed << std::flush;
    };
    // failed keys, listed in the summary up to a bound (the journal has all of them)
    constexpr std::size_t max_listed = 10000;
    boost::json::array failures;
    std::uint64_t unlisted = 0;
    auto note = [&](boost::json::value key, erp::key_outcome const& o) {
        if (o.status != erp::key_status::refused && o.status != erp::key_status::failed)
            return;
        if (failures.size() == max_listed) {
            ++unlisted;
            return;
        }
        failures.push_back(boost::json::object{{"key", std::move(key)},
                                               {"error", o.ec.message()},
                                               {"refused", o.status == erp::key_status::refused},
                                               {"detail", o.message}});
    };
    std::string source_problem; // a line that is not a key
    asio::cancellation_signal stop;
    asio::signal_set signals(io, SIGINT, SIGTERM);
    signals.async_wait([&](boost::system::error_code ec, int) {
        if (!ec)
            stop.emit(asio::cancellation_type::terminal);
    });
    erp::error_code run_ec;
    erp::bulk_summary res;
    auto done = asio::bind_cancellation_slot(stop.slot(), [&](erp::error_code ec, erp::bulk_summary r) {
        run_ec = ec;
        res = std::move(r);
        signals.cancel();
    });
    if (actor) {
        erp::async_resync_bulk(
            client, connection, *actor, [&](erp::error_code& ec) { return reader.next(ec); },
            [&](std::uint64_t, std::string const& key, erp::key_outcome const& o) {
                note(boost::json::value(key), o);
            },
            bo, std::move(done));
    } else {
        erp::bulk_key_source<std::int32_t> ids = [&](erp::error_code& ec) -> std::optional<std::int32_t> {
            auto t = reader.next(ec);
            if (!t)
                return std::nullopt;
            std::int32_t v = 0;
            auto [end, pec] = std::from_chars(t->data(), t->data() + t->size(), v);
            if (pec != std::errc{} || end != t->data() + t->size()) {
                source_problem = "line " + std::to_string(reader.line()) + " of " + reader.path() +
                                 " is not an internal key id (a whole number): " + json_quoted(*t);
                ec = make_error_code(boost::system::errc::invalid_argument);
                return std::nullopt;
            }
            return v;
        };
        erp::async_resync_bulk(
            client, connection, std::move(ids),
            [&](std::uint64_t, std::int32_t const& key, erp::key_outcome const& o) { note(key, o); }, bo,
            std::move(done));
    }
    io.run();
    if (bar)
        std::cerr << '\n';
    boost::json::object out;
    out["keys"] = res.succeeded + res.failed + res.not_attempted;
    out["succeeded"] = res.succeeded;
    out["failed"] = res.failed;
    out["refused"] = res.refused;
    out["not_attempted"] = res.not_attempted;
    out["cancelled"] = res.cancelled;
    out["calls"] = res.batches_sent;
    out["isolation_calls"] = res.isolation_calls;
    out["overloaded_calls"] = res.overloaded_calls;
    out["attempts"] = res.attempts;
    if (a.adaptive)
        out["concurrency"] = boost::json::object{{"final", res.concurrency},
                                                 {"min", res.min_concurrency},
                                                 {"max", res.max_concurrency},
                                                 {"decreases", res.concurrency_decreases}};
    if (!bo.journal.empty()) {
        out["journal"] = bo.journal;
        out["skipped"] = res.skipped;
        if (bo.resume)
            out["resumed"] = boost::json::object{{"succeeded", res.resumed.succeeded},
                                                 {"refused", res.resumed.refused},
                                                 {"failed_sent_again", res.resumed.to_retry},
                                                 {"in_flight_sent_again", res.resumed.in_flight},
                                                 {"taken", res.resumed.taken},
                                                 {"torn_line_repaired", res.resumed.repaired}};
    }
    out["failures"] = std::move(failures);
    if (unlisted)
        out["failures_not_listed"] = unlisted;
    std::cout << boost::json::serialize(out) << '\n';
    if (run_ec && !res.cancelled) {
        std::cerr << "error: resync-bulk: "
                  << (!source_problem.empty() ? source_problem
                                              : (res.message.empty() ? run_ec.message() : res.message))
                  << '\n';
        return run_ec == boost::system::errc::invalid_argument && res.succeeded + res.failed == 0 ? 2 : 1;
    }
    return res.failed || res.cancelled ? 1 : 0;
}

void print_overview(std::ostream& os) {
    os << usage_text
       << "\nOperations (T? optional, array<T>, map<string,T>; `help <Operation>` for details):\n";
    for (auto const& e : operations())
        e.summary(os);
}

int run(int argc, char** argv) {
    arguments a = parse_arguments(argc, argv);
    std::string_view const command = a.positional.empty() ? std::string_view{} : a.positional.front();
    if (command == "help" || (a.help && a.positional.empty())) {
        if (a.positional.size() > 2)
            throw usage_error("help takes at most one operation");
        if (a.positional.size() == 2)
            find_operation(a.positional[1]).help(std::cout);
        else
            print_overview(std::cout);
        return 0;
    }
    if (command == "serve" || command == "resync-bulk") {
        if (a.help) {
            std::cout << usage_text;
            return 0;
        }
        return command == "serve" ? serve(a) : resync_bulk(a);
    }
    if (a.positional.empty())
        throw usage_error("no operation given (erpsync --help lists them)");
    if (a.positional.size() > 1)
        throw usage_error("one operation at a time; unexpected " + json_quoted(a.positional[1]));
    operation_entry const& op = find_operation(command);
    if (a.help) {
        op.help(std::cout);
        return 0;
    }
    return op.call(a);
}

} // namespace

int main(int argc, char** argv) {
    try {
        return run(argc, argv);
    } catch (usage_error const& e) {
        std::cerr << "error: " << e.what() << '\n';
        return 2;
    } catch (std::exception const& e) {
        std::cerr << "error: " << e.what() << '\n';
        return 1;
    }
}
