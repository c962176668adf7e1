//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#include "options.hpp"

#include <superoffice/erpsync/credentials.hpp>
#include <superoffice/erpsync/logger.hpp>
#include <superoffice/erpsync/proxy.hpp>
#include <superoffice/erpsync/soap.hpp>
#include <superoffice/erpsync/tenant.hpp>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <utility>

#include "text.hpp"

namespace erpsync_cli {

namespace {

constexpr std::string_view value_options[] = {"--url",
                                              "--user",
                                              "--password",
                                              "--ticket",
                                              "--ticket-file",
                                              "--token",
                                              "--app-token",
                                              "--select",
                                              "--timeout",
                                              "--ca-file",
                                              "--ca-path",
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

/// The options of the target, its credentials and the connection, accepted by every command that
/// calls.
constexpr std::string_view call_options[] = {
    "--url",         "--user",          "--password",          "--ticket",
    "--ticket-file", "--token",         "--app-token",         "--timeout",
    "--ca-file",     "--ca-path",       "--language",          "--protocol",
    "--context",     "--environment",   "--system-user-token", "--private-key-file",
    "--client-id",   "--client-secret", "--refresh-token"};

/// The first line of standard input, without its line end (for `--password-stdin`).
std::string read_stdin_line(std::string_view what) {
    std::string line;
    if (!std::getline(std::cin, line))
        throw usage_error(std::string(what) + ": standard input is empty");
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    if (line.empty())
        throw usage_error(std::string(what) + ": the first line of standard input is empty");
    return line;
}

/// A secret read from a file (or `-`, standard input): its first line, trimmed.
std::string read_secret_file(std::string_view option, std::string const& path) {
    if (path == "-")
        return read_stdin_line(option);
    std::ifstream f(path, std::ios::binary);
    if (!f)
        throw usage_error(std::string(option) + ": cannot read " + path);
    std::string line;
    std::getline(f, line);
    auto t = trim(line);
    if (t.empty())
        throw usage_error(std::string(option) + ": the first line of " + path + " is empty");
    return std::string(t);
}

/// A header's name: an HTTP token.
bool header_name_ok(std::string_view n) {
    if (n.empty())
        return false;
    for (char c : n) {
        bool const ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                        std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
        if (!ok)
            return false;
    }
    return true;
}

/// The library's log records as lines on stderr. The library never puts a secret in a record
/// (credentials' headers appear as `[redacted]`); the values of `-H` headers are redacted here as
/// well, since any of them may be a key.
erp::logger stderr_logger(int verbose, std::vector<std::string> header_names) {
    erp::logger log;
    log.min_level = verbose >= 2 ? erp::log_level::debug : erp::log_level::info;
    log.sink = [names = std::move(header_names)](erp::log_record const& r) {
        // erpsync: <level> <Operation> <event> (attempt N, http S, T ms[, wait W ms])[: error][ | message]
        auto ms = [](auto d) {
            return std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(d).count());
        };
        std::string line = "erpsync: " + std::string(to_string(r.level)) + ' ' + std::string(r.operation) +
                           ' ' + std::string(r.event) + " (";
        if (r.attempt)
            line += "attempt " + std::to_string(r.attempt) + ", ";
        if (r.http_status)
            line += "http " + std::to_string(r.http_status) + ", ";
        line += ms(r.latency) + " ms";
        if (r.wait.count() > 0)
            line += ", wait " + ms(r.wait) + " ms";
        line += ')';
        if (r.ec)
            line += ": " + r.ec.message();
        if (!r.message.empty()) {
            // one header a line in the request's description; -H values are redacted
            std::string_view m = r.message;
            for (std::size_t i = 0; i <= m.size();) {
                std::size_t end = std::min(m.find('\n', i), m.size());
                std::string_view l = m.substr(i, end - i);
                line += i == 0 ? std::string_view(" | ") : std::string_view("\n    ");
                auto colon = l.find(": ");
                if (i > 0 && colon != std::string_view::npos &&
                    std::any_of(names.begin(), names.end(),
                                [&](std::string const& n) { return iequals(n, l.substr(0, colon)); })) {
                    line += l.substr(0, colon);
                    line += ": [redacted]";
                } else {
                    line += l;
                }
                i = end + 1;
            }
        }
        line += '\n';
        std::cerr << line << std::flush; // one write a record
    };
    return log;
}

} // namespace

arguments parse_arguments(int argc, char** argv) {
    arguments a;
    for (int i = 1; i < argc; ++i) {
        std::string_view arg = argv[i];
        if (arg.size() < 2 || arg[0] != '-' || arg == "-") {
            a.positional.emplace_back(arg);
            continue;
        }
        if (arg.find_first_not_of('v', 1) == std::string_view::npos) { // -v, -vv
            a.verbose += static_cast<int>(arg.size() - 1);
            continue;
        }
        if (arg == "-H" || arg == "--header" || arg.starts_with("--header=")) {
            if (arg.starts_with("--header="))
                a.headers.emplace_back(arg.substr(9));
            else if (i + 1 < argc)
                a.headers.emplace_back(argv[++i]);
            else
                throw usage_error(std::string(arg) + " needs a value (\"Name: value\")");
            continue;
        }
        // --name=value; only the name is ever echoed back (the value may be a secret).
        std::string_view name = arg.substr(0, arg.find('='));
        std::optional<std::string_view> inline_value;
        if (name.size() < arg.size())
            inline_value = arg.substr(name.size() + 1);
        if (std::find(std::begin(value_options), std::end(value_options), name) != std::end(value_options)) {
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
        if (name == "--verbose") {
            if (inline_value)
                throw usage_error("--verbose takes no value");
            ++a.verbose;
            continue;
        }
        bool* flag = name == "--sandbox"                  ? &a.sandbox
                     : name == "--pretty"                 ? &a.pretty
                     : name == "--no-blank-values"        ? &a.no_blank_values
                     : name == "--progress"               ? &a.progress
                     : name == "--no-progress"            ? &a.no_progress
                     : name == "--resume"                 ? &a.resume
                     : name == "--adaptive"               ? &a.adaptive
                     : name == "--version"                ? &a.version
                     : name == "--insecure"               ? &a.insecure
                     : name == "--password-stdin"         ? &a.password_stdin
                     : (name == "--help" || name == "-h") ? &a.help
                                                          : nullptr;
        if (!flag)
            throw usage_error("unknown option " + std::string(name));
        if (inline_value)
            throw usage_error(std::string(name) + " takes no value");
        *flag = true;
    }
    if (a.progress && a.no_progress)
        throw usage_error("give either --progress or --no-progress, not both");
    return a;
}

std::optional<std::string> option_or_env(arguments const& a, std::string_view option, char const* variable,
                                         bool use_env) {
    if (auto v = a.get(option))
        return v;
    if (use_env)
        if (char const* e = std::getenv(variable); e && *e)
            return std::string(e);
    return std::nullopt;
}

void only_options(arguments const& a, std::vector<std::string_view> allowed, std::string_view command,
                  bool calls) {
    if (calls)
        allowed.insert(allowed.end(), std::begin(call_options), std::end(call_options));
    for (auto const& [name, value] : a.values)
        if (std::find(allowed.begin(), allowed.end(), name) == allowed.end())
            throw usage_error(name + " does not apply to " + std::string(command));
    if (!calls) {
        char const* what = !a.headers.empty() ? "-H/--header"
                           : a.insecure       ? "--insecure"
                           : a.password_stdin ? "--password-stdin"
                           : a.verbose        ? "-v/--verbose"
                                              : nullptr;
        if (what)
            throw usage_error(std::string(what) + " does not apply to " + std::string(command));
    }
}

long long parse_integer(std::string_view option, std::string const& text, long long lo, long long hi) {
    long long v = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc{} || end != text.data() + text.size() || v < lo || v > hi)
        throw usage_error(std::string(option) + " must be a whole number from " + std::to_string(lo) +
                          " to " + std::to_string(hi));
    return v;
}

std::chrono::steady_clock::duration parse_seconds(std::string_view what, std::string const& text) {
    double s = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), s);
    if (ec != std::errc{} || end != text.data() + text.size() || !(s > 0) || s > 86400)
        throw usage_error(std::string(what) + " must be a number of seconds above 0 and at most 86400");
    return std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(s));
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

void check_stdin_users(arguments const& a) {
    std::vector<std::string> users;
    if (a.get("--body") == "-")
        users.push_back("--body -");
    if (a.get("--keys-file") == "-")
        users.push_back("--keys-file -");
    if (a.password_stdin)
        users.push_back("--password-stdin");
    if (a.get("--ticket-file") == "-")
        users.push_back("--ticket-file -");
    if (users.size() > 1)
        throw usage_error(join(users, " and ") + " both read standard input: give one of them a file");
}

erp::client_config make_config(arguments const& a, sandbox_handle const* sandbox) {
    check_stdin_users(a);
    erp::client_config cfg;
    cfg.threading = erp::call_threading::single_threaded; // the command runs its io_context on one thread
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
    std::optional<std::string> password;
    if (a.password_stdin) {
        if (a.get("--password"))
            throw usage_error("give either --password or --password-stdin, not both");
        password = read_stdin_line("--password-stdin");
    } else {
        password = option_or_env(a, "--password", "ERPSYNC_PASSWORD", env);
    }
    std::optional<std::string> ticket;
    if (auto tf = a.get("--ticket-file")) {
        if (a.get("--ticket"))
            throw usage_error("give either --ticket or --ticket-file, not both");
        ticket = read_secret_file("--ticket-file", *tf);
    } else {
        ticket = option_or_env(a, "--ticket", "ERPSYNC_TICKET", env);
    }
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
        throw usage_error("--user needs --password or --password-stdin (or ERPSYNC_PASSWORD)");
    if (password && !user)
        throw usage_error("--password needs --user (or ERPSYNC_USER)");
    char const* scheme = "none";
    if (user) {
        cfg.auth = erp::credentials::basic(*user, *password);
        scheme = "Basic";
    } else if (ticket) {
        cfg.auth = erp::credentials::so_ticket(*ticket);
        scheme = "SOTicket";
    } else if (token) {
        cfg.auth = erp::credentials::bearer(*token);
        scheme = "Bearer";
    } else if (system_user_token) {
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
        scheme = "system user";
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
        scheme = "OAuth";
    } else if (sandbox) {
        cfg.auth = erp::credentials::basic(sandbox->user(), sandbox->password());
        scheme = "Basic (the sandbox's)";
    }
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
        cfg.timeout = parse_seconds("--timeout", *t);
    else if (auto e = option_or_env(a, "--timeout", "ERPSYNC_TIMEOUT"))
        cfg.timeout = parse_seconds("ERPSYNC_TIMEOUT", *e);
    if (auto ca = a.get("--ca-file")) {
        cfg.tls.ca_file = *ca;
    } else if (auto e = option_or_env(a, "--ca-file", "ERPSYNC_CA_FILE")) {
        cfg.tls.ca_file = *e;
    }
    if (!cfg.tls.ca_file.empty() && !std::ifstream(cfg.tls.ca_file))
        throw usage_error(std::string(a.get("--ca-file") ? "--ca-file" : "ERPSYNC_CA_FILE") +
                          ": cannot read " + cfg.tls.ca_file);
    if (auto dir = a.get("--ca-path")) {
        std::error_code ec;
        if (!std::filesystem::is_directory(*dir, ec))
            throw usage_error("--ca-path: " + *dir + " is not a directory");
        cfg.tls.ca_path = *dir;
    }
    if (a.insecure) {
        cfg.tls.verify = false;
        std::cerr << "WARNING: --insecure: TLS certificates and host names are NOT verified; anyone on the "
                     "network path can read and change this traffic, credentials included\n";
    }
    for (auto const& h : a.headers) {
        auto colon = h.find(':');
        std::string_view const name = trim(std::string_view(h).substr(0, colon));
        if (colon == std::string::npos || !header_name_ok(name) ||
            std::string_view(h).find_first_of("\r\n") != std::string_view::npos)
            throw usage_error("-H/--header must be \"Name: value\" (a token name, no line breaks)");
        cfg.headers.emplace_back(std::string(name), std::string(trim(std::string_view(h).substr(colon + 1))));
    }
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
    if (a.verbose) {
        std::vector<std::string> names;
        for (auto const& [n, v] : cfg.headers)
            names.push_back(n);
        cfg.log = stderr_logger(a.verbose, std::move(names));
        std::cerr << "erpsync: target "
                  << (cfg.base_url.empty()
                          ? "context " + cfg.tenant.context_identifier + " (" + cfg.tenant.environment + ")"
                          : cfg.base_url)
                  << ", " << (cfg.protocol.is_rest() ? "REST" : "SOAP") << ", credentials: " << scheme
                  << ", timeout " << std::chrono::duration<double>(cfg.timeout).count()
                  << " s, TLS verification " << (cfg.tls.verify ? "on" : "OFF")
                  << (cfg.tls.ca_file.empty() ? "" : ", CA file " + cfg.tls.ca_file)
                  << (cfg.tls.ca_path.empty() ? "" : ", CA path " + cfg.tls.ca_path) << '\n';
    }
    return cfg;
}

void check_config(erp::error_code ec, erp::diagnostics const& diag) {
    if (ec)
        throw usage_error(ec.message() + " (" + diag.to_string() + ")");
}

} // namespace erpsync_cli
