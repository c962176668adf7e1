// The client's deadline watch: one timer for the deadlines of every call in flight. Driven with
// a real io_context and deadlines a few milliseconds away; what is checked is which calls are
// told and when the timer is set, not how fast the machine is.
#include <superoffice/erpsync/detail/deadline_watch.hpp>

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

namespace asio = boost::asio;
namespace detail = superoffice::erpsync::detail;
using namespace std::chrono_literals;
using clock_type = std::chrono::steady_clock;

namespace {

// A call under watch: records when it was told its deadline passed; leaves the watch when
// destroyed, as the client's calls do.
struct call {
    std::string name;
    std::vector<std::string>* told;
    clock_type::time_point told_at{};
    detail::deadline_watch::entry entry;
    detail::deadline_watch* watch = nullptr;

    call() = default;
    call(call const&) = delete;
    call& operator=(call const&) = delete;
    ~call() {
        if (watch)
            watch->remove(entry);
    }

    static std::shared_ptr<call> make(std::string name, std::vector<std::string>& told,
                                      clock_type::time_point deadline) {
        auto c = std::make_shared<call>();
        c->name = std::move(name);
        c->told = &told;
        c->entry.deadline = deadline;
        c->entry.owner = c;
        c->entry.expire = [](std::shared_ptr<void> const& owner) {
            auto& self = *static_cast<call*>(owner.get());
            self.told_at = clock_type::now();
            self.told->push_back(self.name);
        };
        return c;
    }
};

} // namespace

BOOST_AUTO_TEST_SUITE(test_detail_deadline_watch)

BOOST_AUTO_TEST_CASE(only_calls_past_their_deadline_are_told_each_once_in_time) {
    asio::io_context io(1);
    auto w = std::make_shared<detail::deadline_watch>(io.get_executor());
    std::vector<std::string> told;
    auto const t0 = clock_type::now();
    auto a = call::make("a", told, t0 + 20ms);
    auto b = call::make("b", told, t0 + 60ms);
    auto c = call::make("c", told, t0 + 5s);   // ends before its deadline
    auto d = call::make("d", told, t0 + 10ms); // earlier than the timer's setting: set again
    w->add(a->entry);
    w->add(b->entry);
    w->add(c->entry);
    BOOST_TEST(w->size() == 3u);
    w->add(d->entry);
    w->add(d->entry); // twice: linked once
    BOOST_TEST(w->size() == 4u);
    BOOST_TEST(w->armed());
    // c ends once b has been told
    asio::post(io, [&] {}); // the run starts with something queued
    while (told.size() < 3 && io.run_one_for(2s)) {
    }
    BOOST_TEST_REQUIRE(told.size() == 3u);
    BOOST_TEST(told[0] == "d");
    BOOST_TEST(told[1] == "a");
    BOOST_TEST(told[2] == "b");
    BOOST_TEST((d->told_at >= t0 + 10ms));
    BOOST_TEST((a->told_at >= t0 + 20ms));
    BOOST_TEST((b->told_at >= t0 + 60ms));
    BOOST_TEST(w->size() == 1u); // c, set for its deadline
    BOOST_TEST(w->armed());
    w->remove(c->entry);
    w->remove(c->entry); // twice: harmless
    BOOST_TEST(w->size() == 0u);
    BOOST_TEST(!w->armed());
    // nothing under watch: the io_context has no work left, run() returns at once
    auto const before = clock_type::now();
    io.restart();
    io.run();
    BOOST_TEST((clock_type::now() - before < 1s));
    BOOST_TEST(told.size() == 3u); // c was never told
}

BOOST_AUTO_TEST_CASE(a_call_ended_before_its_deadline_is_not_told) {
    asio::io_context io(1);
    auto w = std::make_shared<detail::deadline_watch>(io.get_executor());
    std::vector<std::string> told;
    auto const t0 = clock_type::now();
    auto a = call::make("a", told, t0 + 10ms);
    auto b = call::make("b", told, t0 + 30ms);
    w->add(a->entry);
    w->add(b->entry);
    w->remove(a->entry); // the timer stays set for a's deadline, finds nothing due, waits for b
    io.run_for(2s);
    BOOST_TEST(told.size() == 1u);
    BOOST_TEST(told.at(0) == "b");
    BOOST_TEST(!w->armed());
}

BOOST_AUTO_TEST_CASE(a_call_being_destroyed_is_not_told_and_a_destroyed_watch_is_quiet) {
    asio::io_context io(1);
    std::vector<std::string> told;
    auto const t0 = clock_type::now();
    {
        auto w = std::make_shared<detail::deadline_watch>(io.get_executor());
        auto a = call::make("a", told, t0 + 1ms);
        auto b = call::make("b", told, t0 + 1ms);
        w->add(a->entry);
        w->add(b->entry);
        a->watch = w.get();
        // a is destroyed before its deadline is looked at: b alone is told
        a.reset();
        BOOST_TEST(w->size() == 1u);
        while (told.empty() && io.run_one_for(2s)) {
        }
        BOOST_TEST(told == std::vector<std::string>{"b"}, boost::test_tools::per_element());
        auto c = call::make("c", told, t0 + 10ms);
        w->add(c->entry);
        w->remove(c->entry);
        w->add(c->entry);
        BOOST_TEST(w->armed());
        // the watch goes away with its timer set: the wait ends, its handler finds no watch
        w.reset();
    }
    io.restart();
    io.run_for(2s);
    BOOST_TEST(told.size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
