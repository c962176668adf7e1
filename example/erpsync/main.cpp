//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
// erpsync: calls any ErpSync operation from the shell and prints the reply as JSON; resyncs keys
// in bulk; serves the sandbox. docs/cli.md is its manual, `erpsync --help` the same in short.
//
//   erpsync [options] <Operation> [--body JSON | --body-file PATH | --body -]
//   erpsync --sandbox [--seed FILE] <Operation> [...]     against an in-process sandbox
//   erpsync resync-bulk --connection N --keys-file FILE [--actor-type T] [options]
//   erpsync serve [--port N] [--seed FILE]                the sandbox until SIGINT/SIGTERM
//   erpsync help [<Operation>]                            every operation, or one in detail
//   erpsync --version
//
// <Operation>: a wire name in any case (ForceResync), the C++ name (force_resync) or the
// kebab-case name (force-resync).
//
// Options (an [ENV] variable stands in for an option not given):
//   request      --body JSON|-, --body-file PATH, --select FIELDS, --pretty
//   target       --url BASE [ERPSYNC_URL], --context CTX [ERPSYNC_CONTEXT],
//                --environment ENV [ERPSYNC_ENVIRONMENT], --sandbox, --seed FILE
//   credentials  --user NAME [ERPSYNC_USER] with --password SECRET [ERPSYNC_PASSWORD] or
//                --password-stdin; --ticket T [ERPSYNC_TICKET] or --ticket-file FILE|-;
//                --token T [ERPSYNC_TOKEN]; --app-token T [ERPSYNC_APP_TOKEN];
//                --system-user-token T, --private-key-file PATH, --client-secret S;
//                --refresh-token T, --client-id ID (each with its ERPSYNC_ variable)
//   connection   --protocol rest|soap|soap11|soap12 [ERPSYNC_PROTOCOL],
//                --timeout SECONDS [ERPSYNC_TIMEOUT], --ca-file PATH [ERPSYNC_CA_FILE],
//                --ca-path DIR, --insecure (warns on stderr each run), -H/--header 'Name: value'
//                (repeatable), --language CODE, -v/--verbose (-vv: each attempt's request line
//                and headers; secrets show as [redacted])
//   resync-bulk  --connection N, --keys-file PATH|-, --actor-type T, --batch-size N,
//                --concurrency N, --no-blank-values, --adaptive, --journal FILE, --resume,
//                --progress / --no-progress (default: a bar only when stderr is a terminal)
//   serve        --port N, --seed FILE
//   other        -h/--help, --version
//
// Only one option may read standard input (--body -, --keys-file -, --password-stdin,
// --ticket-file -). Secrets given as options are visible to other local users (ps): prefer the
// variables, --password-stdin or --ticket-file.
//
// Output: the reply as JSON on stdout (true/false, a quoted enum name, null for 204 No Content);
// resync-bulk prints a JSON summary (counts, elapsed_seconds, keys_per_second, attempts, retries,
// keys_retried, max_attempts, the failed keys). Errors: `error: ...` on stderr.
//
// Exit status (exit_codes.hpp):
//   0    the call answered; every key of a bulk run was resynced
//   1    the server answered with an error; a bulk run where some keys failed
//   2    usage error (nothing was sent)
//   3    nothing could be done: no answer at all (refused, unreachable, TLS, timeout); a bulk run
//        where no key was resynced or refused by the agent
//   130  interrupted by SIGINT (143 for SIGTERM); a bulk run prints its partial summary first
//
// Everything per operation comes from `ops::all` (help.cpp, call.cpp); the program uses the
// library's public API only.

#include <superoffice/erpsync/version.hpp>

#include <boost/version.hpp>

#include <exception>
#include <iostream>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "text.hpp"
#include <openssl/opensslv.h>

namespace erpsync_cli {
namespace {

int run(int argc, char** argv) {
    arguments a = parse_arguments(argc, argv);
    if (a.version) {
        if (!a.positional.empty() || a.help)
            throw usage_error("--version takes no other argument");
        std::cout << "erpsync " << superoffice::erpsync::version_string << " (superoffice-erpsync "
                  << superoffice::erpsync::version_string << ", Boost " << BOOST_VERSION / 100000 << '.'
                  << BOOST_VERSION / 100 % 1000 << '.' << BOOST_VERSION % 100 << ", " << OPENSSL_VERSION_TEXT
                  << ")\n";
        return exit_ok;
    }
    std::string_view const command = a.positional.empty() ? std::string_view{} : a.positional.front();
    if (command == "help" || (a.help && a.positional.empty())) {
        if (a.positional.size() > 2)
            throw usage_error("help takes at most one operation");
        if (a.positional.size() == 2)
            print_operation_help(find_operation(a.positional[1]), std::cout);
        else
            print_overview(std::cout);
        return exit_ok;
    }
    if (command == "serve" || command == "resync-bulk") {
        if (a.help) {
            print_usage(std::cout);
            return exit_ok;
        }
        return command == "serve" ? serve(a) : resync_bulk(a);
    }
    if (a.positional.empty())
        throw usage_error("no operation given (erpsync --help lists them)");
    if (a.positional.size() > 1)
        throw usage_error("one operation at a time; unexpected " + json_quoted(a.positional[1]));
    std::size_t const op = find_operation(command);
    if (a.help) {
        print_operation_help(op, std::cout);
        return exit_ok;
    }
    return call_operation(op, a);
}

} // namespace
} // namespace erpsync_cli

int main(int argc, char** argv) {
    try {
        return erpsync_cli::run(argc, argv);
    } catch (erpsync_cli::usage_error const& e) {
        std::cerr << "error: " << e.what() << '\n';
        return erpsync_cli::exit_usage;
    } catch (std::exception const& e) {
        std::cerr << "error: " << e.what() << '\n';
        return erpsync_cli::exit_failed;
    }
}
