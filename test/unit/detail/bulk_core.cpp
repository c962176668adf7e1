// The bulk resync's decisions, driven with scripted events (no sockets): isolation of refused keys
// with its exact call counts, hints, transport failures, cancellation in the middle of a split,
// the concurrency limit, lazy taking, and 0 lost / 0 settled twice under random scripts.

#include <superoffice/erpsync/detail/bulk_core.hpp>

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

namespace d = superoffice::erpsync::detail;

namespace {

using ordinal = d::bulk_core::ordinal;

/// A scripted run: a source of `keys` ordinals; an agent refusing any batch that holds a key of
/// `bad` (naming them in its answer when `names`), failing the calls `fail` picks; calls finish in
/// the order `pick` chooses among those in flight (first started by default).
struct script {
    std::uint64_t keys = 0;
    std::set<ordinal> bad;
    bool names = false;
    std::function<bool(d::bulk_core::batch const&)> fail = [](auto const&) { return false; };
    std::function<std::size_t(std::size_t)> pick = [](std::size_t) { return std::size_t(0); };
    /// called before each call finishes; return true to stop the run there
    std::function<bool(d::bulk_core&)> before_finish = [](d::bulk_core&) { return false; };

    // results
    std::map<ordinal, std::vector<d::bulk_core::settlement>> settled;
    std::uint64_t next_key = 0;
    std::size_t max_in_flight = 0;
    std::size_t limit_exceeded = 0;
    std::vector<std::size_t> batch_sizes;

    void record(std::vector<d::bulk_core::settlement> const& s) {
        for (auto const& x : s)
            settled[x.key].push_back(x);
    }

    void run(d::bulk_core& core) {
        std::vector<std::uint64_t> flying; // call ids in start order
        for (;;) {
            auto a = core.next();
            record(core.drain());
            if (a.kind == d::bulk_core::action_kind::take) {
                std::vector<ordinal> k;
                while (k.size() < a.count && next_key < keys)
                    k.push_back(next_key++);
                core.taken(std::move(k), next_key == keys);
                continue;
            }
            if (a.kind == d::bulk_core::action_kind::send) {
                flying.push_back(a.to_send->id);
                batch_sizes.push_back(a.to_send->keys.size());
                max_in_flight = std::max(max_in_flight, core.in_flight());
                limit_exceeded += core.in_flight() > core.concurrency();
                continue;
            }
            if (a.kind == d::bulk_core::action_kind::done)
                break;
            BOOST_TEST_REQUIRE(!flying.empty()); // wait with nothing in flight: stuck
            if (before_finish(core))
                core.stop();
            auto const i = pick(flying.size()) % flying.size();
            auto const id = flying[i];
            flying.erase(flying.begin() + static_cast<std::ptrdiff_t>(i));
            auto const& b = *core.find(id);
            std::vector<ordinal> named;
            bool refused = false;
            for (auto k : b.keys)
                if (bad.count(k)) {
                    refused = true;
                    if (names)
                        named.push_back(k);
                }
            auto const v = fail(b) ? d::batch_verdict::failed
                                   : (refused ? d::batch_verdict::refused : d::batch_verdict::succeeded);
            record(core.finished(id, v, named));
        }
    }

    std::size_t settled_twice() const {
        std::size_t n = 0;
        for (auto const& [k, v] : settled)
            n += v.size() > 1;
        return n;
    }
    std::size_t count(d::key_fate f) const {
        std::size_t n = 0;
        for (auto const& [k, v] : settled)
            n += v.front().fate == f;
        return n;
    }
};

d::bulk_core::settings one_batch(std::size_t size, bool hints = false) {
    d::bulk_core::settings s;
    s.batch_size = size;
    s.concurrency = 1;
    s.use_hints = hints;
    return s;
}

} // namespace

BOOST_AUTO_TEST_SUITE(test_bulk_core)

BOOST_AUTO_TEST_CASE(one_bad_key_in_a_batch_of_100_costs_2_calls_per_halving) {
    // 100 -> 50 -> 25 -> 12|13 -> 6 -> 3 -> 1|2 -> 1: six halvings of 2 calls after the first call
    for (ordinal bad : {ordinal(0), ordinal(37), ordinal(99)}) {
        d::bulk_core core(one_batch(100));
        script s;
        s.keys = 100;
        s.bad = {bad};
        s.run(core);
        BOOST_TEST(s.settled.size() == 100u);
        BOOST_TEST(s.settled_twice() == 0u);
        BOOST_TEST(s.count(d::key_fate::succeeded) == 99u);
        BOOST_TEST(s.count(d::key_fate::refused) == 1u);
        BOOST_TEST((s.settled.at(bad).front().fate == d::key_fate::refused));
        auto const& st = core.stats();
        BOOST_TEST(s.settled.at(bad).front().calls == st.splits + 1); // the batch and a part per halving
        BOOST_TEST(st.calls == (bad == 99 ? 15u : 13u), "bad key " << bad << ": " << st.calls << " calls");
        BOOST_TEST(st.isolation_calls == st.calls - 1);
        BOOST_TEST(st.calls - 1 <= 2 * std::ceil(std::log2(100.0))); // the bound: 2 ceil(log2 n)
        BOOST_TEST(st.splits == (st.calls - 1) / 2);
        BOOST_TEST(st.hinted_splits == 0u);
    }
}

BOOST_AUTO_TEST_CASE(a_refusal_naming_the_bad_key_costs_2_calls) {
    d::bulk_core core(one_batch(100, true));
    script s;
    s.keys = 100;
    s.bad = {42};
    s.names = true;
    s.run(core);
    BOOST_TEST(s.count(d::key_fate::succeeded) == 99u);
    BOOST_TEST(s.count(d::key_fate::refused) == 1u);
    BOOST_TEST(core.stats().calls == 3u); // the batch, K-42 alone (refused), the other 99 (ok)
    BOOST_TEST(core.stats().hinted_splits == 1u);
    BOOST_TEST(s.batch_sizes == (std::vector<std::size_t>{100, 1, 99}));
}

BOOST_AUTO_TEST_CASE(a_wrong_hint_is_not_trusted) {
    // the agent names key 3 (good) and not key 60 (bad): 3 alone succeeds, the rest is refused
    // again (naming 3 again, which is no longer in it) and halved down to 60
    d::bulk_core core(one_batch(100, true));
    script s;
    s.keys = 100;
    s.bad = {60};
    std::vector<ordinal> lie{3};
    // drive by hand: the script names the bad keys; here a liar
    std::vector<std::uint64_t> flying;
    std::size_t calls = 0;
    for (;;) {
        auto a = core.next();
        if (a.kind == d::bulk_core::action_kind::take) {
            std::vector<ordinal> k;
            while (k.size() < a.count && s.next_key < s.keys)
                k.push_back(s.next_key++);
            core.taken(std::move(k), true);
            continue;
        }
        if (a.kind == d::bulk_core::action_kind::send) {
            flying.push_back(a.to_send->id);
            ++calls;
            continue;
        }
        if (a.kind == d::bulk_core::action_kind::done)
            break;
        auto id = flying.front();
        flying.erase(flying.begin());
        auto const& b = *core.find(id);
        bool const refused = std::find(b.keys.begin(), b.keys.end(), ordinal(60)) != b.keys.end();
        s.record(core.finished(id, refused ? d::batch_verdict::refused : d::batch_verdict::succeeded, lie));
    }
    BOOST_TEST(s.settled.size() == 100u);
    BOOST_TEST(s.settled_twice() == 0u);
    BOOST_TEST(s.count(d::key_fate::refused) == 1u);
    BOOST_TEST((s.settled.at(60).front().fate == d::key_fate::refused));
    BOOST_TEST((s.settled.at(3).front().fate == d::key_fate::succeeded));
    BOOST_TEST(core.stats().hinted_splits == 1u);
    // 1 + 2 (the hint) + 2 per halving of the other 99 down to key 60 (99 -> 50 -> 25 -> 12 -> 6
    // -> 3 -> 2 -> 1)
    BOOST_TEST(calls == 3u + 2 * 7);
}

BOOST_AUTO_TEST_CASE(several_bad_keys_each_isolated) {
    d::bulk_core core(one_batch(100));
    script s;
    s.keys = 1000;
    s.bad = {5, 17, 150, 151, 999};
    s.run(core);
    BOOST_TEST(s.settled.size() == 1000u);
    BOOST_TEST(s.settled_twice() == 0u);
    BOOST_TEST(s.count(d::key_fate::refused) == 5u);
    BOOST_TEST(s.count(d::key_fate::succeeded) == 995u);
    for (auto k : s.bad)
        BOOST_TEST((s.settled.at(k).front().fate == d::key_fate::refused));
    auto const extra = core.stats().calls - 10;
    BOOST_TEST(extra <= 5 * 2 * 7u, extra << " isolation calls");
    BOOST_TEST_MESSAGE("5 bad keys in 1000, batches of 100: " << core.stats().calls << " calls");
}

BOOST_AUTO_TEST_CASE(all_bad_keys_cost_2n_minus_1_calls_per_batch) {
    d::bulk_core core(one_batch(8));
    script s;
    s.keys = 16;
    for (ordinal k = 0; k < 16; ++k)
        s.bad.insert(k);
    s.run(core);
    BOOST_TEST(s.count(d::key_fate::refused) == 16u);
    BOOST_TEST(s.settled_twice() == 0u);
    BOOST_TEST(core.stats().calls == 2 * (2 * 8 - 1u)); // every part of the binary tree
}

BOOST_AUTO_TEST_CASE(isolation_off_settles_the_batch_refused) {
    auto set = one_batch(10);
    set.isolate = false;
    d::bulk_core core(set);
    script s;
    s.keys = 30;
    s.bad = {12};
    s.run(core);
    BOOST_TEST(core.stats().calls == 3u);
    BOOST_TEST(s.count(d::key_fate::refused) == 10u);
    BOOST_TEST(s.count(d::key_fate::succeeded) == 20u);
}

BOOST_AUTO_TEST_CASE(a_failed_call_is_not_split) {
    // the batch is refused for key 7; the part holding 7 then fails (say a timeout): its keys
    // are settled failed together, not split further
    d::bulk_core core(one_batch(16));
    script s;
    s.keys = 16;
    s.bad = {7};
    s.fail = [](d::bulk_core::batch const& b) { return b.depth == 1 && b.keys.front() == 0; };
    s.run(core);
    BOOST_TEST(s.settled.size() == 16u);
    BOOST_TEST(s.count(d::key_fate::failed) == 8u); // keys 0..7
    BOOST_TEST(s.count(d::key_fate::succeeded) == 8u);
    BOOST_TEST(core.stats().calls == 3u);
    BOOST_TEST((s.settled.at(7).front().fate == d::key_fate::failed));
    BOOST_TEST(s.settled.at(7).front().calls == 2u);
}

BOOST_AUTO_TEST_CASE(cancelled_in_the_middle_of_a_split) {
    // two batches of 8 in flight; the first is refused and split; the run stops while its halves
    // wait: they are unresolved, the second batch (in flight) settles, nothing more is taken
    d::bulk_core::settings set;
    set.batch_size = 8;
    set.concurrency = 2;
    set.use_hints = false;
    d::bulk_core core(set);
    script s;
    s.keys = 100;
    s.bad = {3};
    std::size_t finishes = 0;
    s.before_finish = [&](d::bulk_core&) { return ++finishes == 2; };
    // the first finish (batch 0..7) splits; but with concurrency 2 a half is sent at once: stop
    // before the second finish
    s.run(core);
    BOOST_TEST(core.stopped());
    BOOST_TEST(s.settled_twice() == 0u);
    BOOST_TEST(core.stats().taken == 16u + 0u); // two batches, none after the stop
    BOOST_TEST(s.settled.size() == 16u);        // every taken key settled
    // the half waiting at the stop (4..7, in one refused call), and the halves of the half in
    // flight at the stop, refused after it (0..3, in two refused calls)
    BOOST_TEST(s.count(d::key_fate::unresolved) == 8u);
    BOOST_TEST(s.count(d::key_fate::succeeded) == 8u); // the second batch, in flight at the stop
    BOOST_TEST(s.settled.at(4).front().calls == 1u);
    BOOST_TEST(s.settled.at(0).front().calls == 2u);
    BOOST_TEST(core.stats().unresolved == 8u);
    BOOST_TEST(
        core.stats().succeeded + core.stats().refused + core.stats().failed + core.stats().unresolved == 16u);
    BOOST_TEST(core.held() == 0u);
}

BOOST_AUTO_TEST_CASE(keys_are_taken_only_when_a_call_can_start) {
    d::bulk_core::settings set;
    set.batch_size = 10;
    set.concurrency = 3;
    d::bulk_core core(set);
    // take, send, take, send, take, send, then wait: 30 keys held, never more
    std::vector<std::uint64_t> ids;
    ordinal next = 0;
    for (int i = 0; i < 3; ++i) {
        auto a = core.next();
        BOOST_TEST_REQUIRE((a.kind == d::bulk_core::action_kind::take));
        BOOST_TEST(a.count == 10u);
        std::vector<ordinal> k;
        for (int j = 0; j < 10; ++j)
            k.push_back(next++);
        core.taken(k, false);
        a = core.next();
        BOOST_TEST_REQUIRE((a.kind == d::bulk_core::action_kind::send));
        ids.push_back(a.to_send->id);
    }
    BOOST_TEST((core.next().kind == d::bulk_core::action_kind::wait));
    BOOST_TEST(core.held() == 30u);
    // a lowered limit: finishing one call does not start another
    core.set_concurrency(1);
    core.finished(ids[0], d::batch_verdict::succeeded);
    BOOST_TEST((core.next().kind == d::bulk_core::action_kind::wait));
    core.finished(ids[1], d::batch_verdict::succeeded);
    BOOST_TEST((core.next().kind == d::bulk_core::action_kind::wait));
    core.finished(ids[2], d::batch_verdict::succeeded);
    BOOST_TEST((core.next().kind == d::bulk_core::action_kind::take));
    core.taken({}, true); // the source ends
    BOOST_TEST((core.next().kind == d::bulk_core::action_kind::done));
    BOOST_TEST(core.stats().max_held == 30u);
    // raised again: more calls at once
    d::bulk_core c2(set);
    c2.set_concurrency(5);
    BOOST_TEST(c2.concurrency() == 5u);
    c2.set_concurrency(0);
    BOOST_TEST(c2.concurrency() == 1u);
}

BOOST_AUTO_TEST_CASE(random_scripts_lose_nothing_and_settle_nothing_twice) {
    std::mt19937_64 rng(20260303);
    for (int round = 0; round < 200; ++round) {
        d::bulk_core::settings set;
        set.batch_size = 1 + rng() % 40;
        set.concurrency = 1 + rng() % 6;
        set.use_hints = rng() % 2;
        d::bulk_core core(set);
        script s;
        s.keys = rng() % 500;
        s.names = rng() % 2;
        for (ordinal k = 0; k < s.keys; ++k)
            if (rng() % 50 == 0)
                s.bad.insert(k);
        s.fail = [&](auto const&) { return rng() % 10 == 0; };
        s.pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
        bool const cancel = rng() % 4 == 0;
        std::size_t const cancel_at = rng() % 30;
        std::size_t finishes = 0;
        s.before_finish = [&](d::bulk_core& c) {
            if (rng() % 7 == 0)
                c.set_concurrency(1 + rng() % 6); // as an adaptive controller would
            return cancel && finishes++ == cancel_at;
        };
        s.run(core);
        auto const& st = core.stats();
        BOOST_TEST(s.settled_twice() == 0u);
        BOOST_TEST(s.settled.size() == st.taken); // every key taken is settled
        if (!core.stopped())
            BOOST_TEST(st.taken == s.keys); // all keys were taken
        BOOST_TEST(st.succeeded + st.refused + st.failed + st.unresolved == st.taken);
        BOOST_TEST(s.limit_exceeded == 0u);
        BOOST_TEST(st.max_held <= 6 * set.batch_size);
        BOOST_TEST(core.held() == 0u);
        // a bad key is never reported succeeded; a good one never refused
        for (auto const& [k, v] : s.settled) {
            auto const f = v.front().fate;
            if (s.bad.count(k))
                BOOST_TEST((f != d::key_fate::succeeded));
            else
                BOOST_TEST((f != d::key_fate::refused));
        }
    }
}

BOOST_AUTO_TEST_CASE(naming_a_key_in_a_refusal) {
    BOOST_TEST(d::refusal_names_key("Unknown ExternalKeys: K-5, K-17", "K-5"));
    BOOST_TEST(d::refusal_names_key("Unknown ExternalKeys: K-5, K-17", "K-17"));
    BOOST_TEST(!d::refusal_names_key("Unknown ExternalKeys: K-5, K-17", "K-1"));
    BOOST_TEST(!d::refusal_names_key("Unknown ExternalKeys: K-50", "K-5"));
    BOOST_TEST(d::refusal_names_key("Unknown InternalKeyIds: 999", "999"));
    BOOST_TEST(d::refusal_names_key("'abc' not found", "abc"));
    BOOST_TEST(d::refusal_names_key("abc", "abc"));
    BOOST_TEST(!d::refusal_names_key("xabc", "abc"));
    BOOST_TEST(!d::refusal_names_key("anything", ""));
}

BOOST_AUTO_TEST_SUITE_END()
