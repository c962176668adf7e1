//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
// erpsync's help: the usage text, the list of operations and each operation in detail, and the
// lookup of an operation by name. Everything per operation comes from `ops::all`.

#include <superoffice/erpsync/json.hpp>
#include <superoffice/erpsync/operations.hpp>
#include <superoffice/erpsync/soap.hpp>

#include <boost/mp11/algorithm.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "commands.hpp"
#include "text.hpp"
#include "types.hpp"

namespace erpsync_cli {

namespace {

constexpr char const* usage_text =
    R"(usage: erpsync [options] <Operation> [--body JSON | --body-file PATH | --body -]
       erpsync --sandbox [--seed FILE] [options] <Operation> [--body ...]
       erpsync serve [--port N] [--seed FILE]
       erpsync resync-bulk --connection N --keys-file FILE [--actor-type T] [options]
       erpsync help [<Operation>]          (also: erpsync [<Operation>] --help)
       erpsync --version

Calls one operation of the SuperOffice WebAPI ErpSync agent (POST {base}/api/v1/Agents/ErpSync/<Operation>,
or with --protocol soap the Services88 SOAP endpoint {base}/Remote/Services88/ErpSync.svc)
and prints the reply as JSON. <Operation> is a wire name in any case (ForceResync, forceresync), the
C++ name (force_resync) or the kebab-case name (force-resync).

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
  --user NAME          Basic, with --password or --password-stdin                      [ERPSYNC_USER]
  --password SECRET                                                                    [ERPSYNC_PASSWORD]
  --password-stdin     read the password from the first line of standard input
  --ticket TICKET      SOTicket                                                        [ERPSYNC_TICKET]
  --ticket-file FILE   read the ticket from the first line of FILE (- for standard input)
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
  Options are visible to other local users (ps): prefer the variables, --password-stdin or
  --ticket-file for secrets. Only one option may read standard input (--body -, --keys-file -,
  --password-stdin, --ticket-file -).
  Proxies: HTTPS_PROXY / HTTP_PROXY (http://[user:password@]host:port) and NO_PROXY are honoured
  for real targets, as curl does; secrets in them are never printed.
Connection:
  --protocol P         rest (default), soap (SOAP 1.1, Services88 ErpSync.svc) or soap12  [ERPSYNC_PROTOCOL]
  --timeout SECONDS    time allowed for a call (default 30)                          [ERPSYNC_TIMEOUT]
  --ca-file PATH       PEM file of trusted CA certificates, for https                [ERPSYNC_CA_FILE]
  --ca-path DIR        a directory of hashed CA certificates (c_rehash layout), for https
  --insecure           do NOT verify TLS certificates and host names (testing only; warns each run)
  -H, --header 'Name: value'  an extra header on every request (repeatable)
  --language CODE      Accept-Language and SO-Language, e.g. en
  -v, --verbose        the library's log on stderr: each call's outcome and retries; -vv also each
                       attempt's request line and headers. Secrets are never printed: credentials'
                       headers and the values of -H headers show as [redacted].
Call:
  --select FIELDS      $select: comma separated properties of the reply (only they are printed; REST)
  --pretty             indent the JSON reply
Serve:
  --port N             the sandbox's port on 127.0.0.1 (default: any free port)
Bulk resync (erpsync resync-bulk --connection N --keys-file FILE [--actor-type T]):
  --keys-file PATH     one key per line (- for stdin): ERP keys with --actor-type (ForceResyncExternal),
                       else internal key ids (ForceResync); blank lines are skipped
  --batch-size N       keys per call (default 100)      --concurrency N   calls at once (default 4)
  --no-blank-values    the ...NoBlankValues operations
  --progress           a progress bar on stderr even when it is not a terminal (default: only on a
                       terminal)                        --no-progress     never a progress bar
  --adaptive           adapt the calls in flight to the server (cut on 429/503 or rising latency),
                       up to --concurrency
  --journal FILE       record every key's outcome in FILE (JSON lines, written as batches complete);
                       FILE must not exist unless --resume is given
  --resume             resume the run recorded in --journal: keys done (resynced, or refused alone)
                       are skipped, keys whose call failed or was in flight when it stopped are sent
                       again; the key file must be the same
                       The file is read as the run goes. A batch the agent refuses is split until
                       each refused key stands alone (the others are resynced). Prints a JSON
                       summary: the counts, elapsed_seconds, keys_per_second, the HTTP attempts
                       (retries, keys_retried, max_attempts) and every failed key with the agent's
                       message. Ctrl-C stops after the calls in flight (each within --timeout) and
                       prints the partial summary.

Output: the reply as JSON on stdout: true/false for yes/no answers, a quoted name for enum answers,
null for operations answering 204 No Content. A failed call prints `error: ...` and the diagnostics
on stderr.

Exit status:
  0    the call answered; every key of a bulk run was resynced
  1    the server answered with an error (a refusal, an HTTP error status, a reply that cannot be
       read); a bulk run where some keys failed
  2    usage error: unknown or conflicting options, a refused request body, a bad setting (nothing
       was sent)
  3    nothing could be done: the call got no answer (connection refused, unknown host, TLS
       failure, timeout); a bulk run with keys where none was resynced or refused by the agent
  130  interrupted by SIGINT (143: SIGTERM); a bulk run prints its partial summary first
)";

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

/// One operation's entry in `erpsync --help`.
template <class Op>
void print_summary(std::ostream& os) {
    os << "  " << Op::name << " -> " << response_name<typename Op::response_type>() << "\n      "
       << Op::summary << '\n';
    std::string line = "      " + std::string(kind_name(Op::request_travels));
    if constexpr (Op::request_travels != erp::request_kind::none) {
        auto fields = fields_of<typename Op::request_type>();
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
    using req = typename Op::request_type;
    using resp = typename Op::response_type;
    os << Op::name << "  (C++: superoffice::erpsync::ops::" << split_camel(Op::name, '_') << ", also "
       << split_camel(Op::name, '-') << ")\n"
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

struct help_entry {
    std::string_view name;
    void (*summary)(std::ostream&);
    void (*help)(std::ostream&);
};

/// Every operation, in list order.
std::vector<help_entry> const& operations() {
    static std::vector<help_entry> const table = [] {
        std::vector<help_entry> t;
        boost::mp11::mp_for_each<erp::ops::all>([&](auto op) {
            using Op = decltype(op);
            t.push_back({Op::name, &print_summary<Op>, &print_operation<Op>});
        });
        return t;
    }();
    return table;
}

} // namespace

bool type_catalogue::first_time(std::string const& name) {
    if (std::find(seen.begin(), seen.end(), name) != seen.end())
        return false;
    seen.push_back(name);
    return true;
}

void type_catalogue::append_wrapped(std::string& out, std::string line, std::vector<std::string> const& items,
                                    std::string_view sep) {
    for (std::size_t i = 0; i < items.size(); ++i) {
        std::string_view const joiner = i == 0 ? std::string_view(" ") : sep;
        if (i > 0 && line.size() + joiner.size() + items[i].size() > 110) {
            out += line;
            out += sep.substr(0, sep.find_last_not_of(' ') + 1); // the separator without its trailing space
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

void type_catalogue::append_fields(std::string& out,
                                   std::vector<std::pair<std::string, std::string>> const& f,
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

std::size_t find_operation(std::string_view name) {
    auto const& ops = operations();
    for (std::size_t i = 0; i < ops.size(); ++i)
        if (iequals(name, ops[i].name) || name == split_camel(ops[i].name, '_') ||
            name == split_camel(ops[i].name, '-'))
            return i;
    std::string near;
    std::string const folded = fold(name);
    for (auto const& e : ops) {
        std::string const candidate = fold(e.name);
        if (edit_distance(folded, candidate) <= 2 ||
            (folded.size() >= 4 && candidate.find(folded) != std::string::npos))
            near += std::string(near.empty() ? "" : ", ") + std::string(e.name);
    }
    throw usage_error("unknown operation " + json_quoted(name) +
                      (near.empty() ? "" : "; did you mean " + near + "?") + " (erpsync --help lists them)");
}

void print_usage(std::ostream& os) {
    os << usage_text;
}

void print_overview(std::ostream& os) {
    os << usage_text
       << "\nOperations (T? optional, array<T>, map<string,T>; `help <Operation>` for details):\n";
    for (auto const& e : operations())
        e.summary(os);
}

void print_operation_help(std::size_t op, std::ostream& os) {
    operations().at(op).help(os);
}

} // namespace erpsync_cli
