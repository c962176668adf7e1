// Kill and resume: `erpsync resync-bulk --journal` runs as a child process against an in-process
// sandbox, is killed (SIGKILL) while calls are in flight, and `--resume` finishes the run: every
// key ends exactly once in the journal as done, the keys in flight at the kill are reported and
// sent again, a torn last line is repaired. Not timed: the sandbox holds the child's calls at a
// gate (its observer blocks the server's thread after the K-th call) until the child is dead.
#include <superoffice/erpsync/sandbox/server.hpp>

#include <boost/json/parse.hpp>
#include <boost/test/unit_test.hpp>

#if defined(SO_ERPSYNC_CLI_PATH) && defined(__unix__)

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

namespace erp = superoffice::erpsync;
namespace sandbox = superoffice::erpsync::sandbox;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

sandbox::seed many_linked(std::size_t n) {
    auto s = sandbox::default_seed();
    sandbox::add_linked_customers(s, n);
    return s;
}

/// A child process running the CLI, its output in files.
struct child {
    pid_t pid = -1;

    child(std::vector<std::string> args, fs::path const& out, fs::path const& err) {
        std::vector<char*> argv;
        args.insert(args.begin(), SO_ERPSYNC_CLI_PATH);
        for (auto& a : args)
            argv.push_back(a.data());
        argv.push_back(nullptr);
        char* envp[] = {nullptr}; // no ERPSYNC_ variables, no proxies
        posix_spawn_file_actions_t fa;
        posix_spawn_file_actions_init(&fa);
        posix_spawn_file_actions_addopen(&fa, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        posix_spawn_file_actions_addopen(&fa, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        int const rc = posix_spawn(&pid, SO_ERPSYNC_CLI_PATH, &fa, nullptr, argv.data(), envp);
        posix_spawn_file_actions_destroy(&fa);
        BOOST_TEST_REQUIRE(rc == 0, "cannot start " << SO_ERPSYNC_CLI_PATH);
    }

    /// The exit status, or -1 after `limit` (the child is then killed).
    int wait(std::chrono::milliseconds limit) {
        auto const until = std::chrono::steady_clock::now() + limit;
        for (;;) {
            int st = 0;
            pid_t const r = waitpid(pid, &st, WNOHANG);
            if (r == pid) {
                pid = -1;
                return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
            }
            if (std::chrono::steady_clock::now() > until) {
                kill(pid, SIGKILL);
                waitpid(pid, &st, 0);
                pid = -1;
                return -1;
            }
            std::this_thread::sleep_for(2ms);
        }
    }

    ~child() {
        if (pid > 0) {
            kill(pid, SIGKILL);
            int st = 0;
            waitpid(pid, &st, 0);
        }
    }
};

/// What a journal holds: key lines (outcome per position), the highest "taken".
struct journal_counts {
    std::size_t key_lines = 0;
    std::uint64_t taken = 0;
    std::map<std::uint64_t, std::size_t> done; // position -> lines saying succeeded
    bool torn = false;
};

journal_counts read_journal(fs::path const& p) {
    journal_counts c;
    std::ifstream in(p, std::ios::binary);
    std::string line;
    while (std::getline(in, line)) {
        if (in.eof()) {
            c.torn = !line.empty();
            break;
        }
        boost::system::error_code ec;
        auto v = boost::json::parse(line, ec);
        if (ec || !v.is_object())
            continue;
        auto const& o = v.get_object();
        if (auto const* t = o.if_contains("taken"))
            c.taken = std::max(c.taken, t->to_number<std::uint64_t>());
        if (auto const* i = o.if_contains("i")) {
            ++c.key_lines;
            if (o.at("outcome").as_string() == "succeeded")
                ++c.done[i->to_number<std::uint64_t>()];
        }
    }
    return c;
}

std::string slurp(fs::path const& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

} // namespace

BOOST_AUTO_TEST_SUITE(test_bulk_resume)

BOOST_AUTO_TEST_CASE(killed_mid_run_and_resumed_every_key_once) {
    constexpr std::size_t n = 20000, batch = 100, concurrency = 4, gate_at = 60;
    auto const dir = fs::temp_directory_path() / ("erpsync-bulk-resume-" + std::to_string(getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    auto const keys_file = dir / "keys.txt", journal = dir / "journal.jsonl";
    {
        std::ofstream k(keys_file);
        for (std::size_t i = 0; i < n; ++i)
            k << "K-" << i << '\n';
    }
    std::atomic<std::size_t> calls{0};
    std::atomic<bool> gated{false}, open{false};
    sandbox::options o;
    o.engine_timer = false;
    o.observer = [&](std::string_view op, std::string_view, unsigned, std::string_view) {
        if (op != "ForceResyncExternal" || ++calls != gate_at)
            return;
        gated = true;
        // hold the server (its only thread) until the child is dead; bounded
        for (int i = 0; i < 60000 && !open; ++i)
            std::this_thread::sleep_for(1ms);
    };
    sandbox::server sb(o, many_linked(n));
    std::vector<std::string> args{"resync-bulk",
                                  "--url",
                                  sb.base_url(),
                                  "--user",
                                  "sandbox",
                                  "--password",
                                  "sandbox",
                                  "--connection",
                                  "1",
                                  "--actor-type",
                                  "Customer",
                                  "--keys-file",
                                  keys_file,
                                  "--journal",
                                  journal,
                                  "--batch-size",
                                  std::to_string(batch),
                                  "--concurrency",
                                  std::to_string(concurrency),
                                  "--no-progress"};

    journal_counts at_kill;
    {
        child first(args, dir / "out1.json", dir / "err1.txt");
        // the gate holds the 60th call; the calls before it complete and are journaled
        auto const until = std::chrono::steady_clock::now() + 60s;
        while (std::chrono::steady_clock::now() < until) {
            if (gated) {
                at_kill = read_journal(journal);
                if (at_kill.key_lines >= (gate_at - concurrency) * batch)
                    break;
            }
            std::this_thread::sleep_for(2ms);
        }
        BOOST_TEST_REQUIRE(gated.load());
        kill(first.pid, SIGKILL);
        BOOST_TEST(first.wait(10s) == 128 + SIGKILL);
    }
    open = true; // the server goes on (answering a dead client)
    at_kill = read_journal(journal);
    std::size_t const in_flight = at_kill.taken - at_kill.key_lines;
    BOOST_TEST(in_flight >= batch); // the gated call at least
    BOOST_TEST(in_flight <= concurrency * batch);
    BOOST_TEST(at_kill.done.size() == at_kill.key_lines);
    // a kill in the middle of a write: a torn last line
    {
        std::ofstream j(journal, std::ios::binary | std::ios::app);
        j << R"({"i":19999,"key":"K-199)";
    }

    args.push_back("--resume");
    child second(args, dir / "out2.json", dir / "err2.txt");
    int const status = second.wait(120s);
    BOOST_TEST(status == 0, "exit " << status << ": " << slurp(dir / "err2.txt"));
    boost::system::error_code ec;
    auto out = boost::json::parse(slurp(dir / "out2.json"), ec);
    BOOST_TEST_REQUIRE(!ec, slurp(dir / "out2.json"));
    auto const& summary = out.as_object();
    auto const& resumed = summary.at("resumed").as_object();
    BOOST_TEST(resumed.at("succeeded").to_number<std::uint64_t>() == at_kill.key_lines);
    BOOST_TEST(resumed.at("in_flight_sent_again").to_number<std::uint64_t>() == in_flight);
    BOOST_TEST(resumed.at("failed_sent_again").to_number<std::uint64_t>() == 0u);
    BOOST_TEST(resumed.at("torn_line_repaired").as_bool());
    BOOST_TEST(summary.at("skipped").to_number<std::uint64_t>() == at_kill.key_lines);
    BOOST_TEST(summary.at("succeeded").to_number<std::uint64_t>() == n - at_kill.key_lines);
    BOOST_TEST(summary.at("failed").to_number<std::uint64_t>() == 0u);

    auto const final = read_journal(journal);
    BOOST_TEST(!final.torn);
    BOOST_TEST(final.key_lines == n);
    std::size_t once = 0;
    for (auto const& [pos, count] : final.done)
        once += count == 1 && pos < n;
    BOOST_TEST(once == n); // every key exactly once, as done
    // the sandbox agrees: every key applied; twice only for keys in flight at the kill
    std::size_t applied = 0, twice = 0;
    sb.with_state([&](sandbox::emulator& e) {
        for (std::size_t i = 0; i < n; ++i) {
            auto const c = e.resync_count(1, erp::erp_actor_type::Customer, "K-" + std::to_string(i));
            applied += c >= 1;
            twice += c == 2;
        }
        return 0;
    });
    BOOST_TEST(applied == n);
    BOOST_TEST(twice <= in_flight);
    BOOST_TEST_MESSAGE("kill and resume: " << n << " keys, killed with " << at_kill.key_lines
                                           << " keys journaled (taken " << at_kill.taken << "), " << in_flight
                                           << " in flight reported and sent again, " << twice
                                           << " applied twice; final journal " << final.key_lines
                                           << " key lines, " << once << " keys done exactly once");
    fs::remove_all(dir);
}

BOOST_AUTO_TEST_SUITE_END()

#endif
