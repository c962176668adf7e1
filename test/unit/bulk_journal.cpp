// The bulk journal: lines written, resume counts (done, failed, in flight), a torn last line cut
// off, journals of another run or corrupt ones refused, never overwritten.

#include <superoffice/erpsync/bulk_journal.hpp>

#include <boost/system/errc.hpp>
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include <unistd.h>

namespace erp = superoffice::erpsync;
namespace fs = std::filesystem;

namespace {

struct temp_journal {
    fs::path path = fs::temp_directory_path() / ("erpsync-journal-" + std::to_string(::getpid()) + "-" +
                                                 std::to_string(counter()++) + ".jsonl");
    static int& counter() {
        static int n = 0;
        return n;
    }
    ~temp_journal() {
        std::error_code ec;
        fs::remove(path, ec);
    }
    std::string text() const {
        std::ifstream in(path, std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    void append(std::string const& s) const {
        std::ofstream out(path, std::ios::binary | std::ios::app);
        out << s;
    }
};

erp::key_outcome ok(unsigned attempts = 1) {
    erp::key_outcome o;
    o.attempts = attempts;
    o.calls = 1;
    return o;
}

erp::key_outcome refused() {
    erp::key_outcome o;
    o.status = erp::key_status::refused;
    o.ec = erp::error::plugin_failed;
    o.message = "Unknown ExternalKeys: X";
    o.attempts = 1;
    o.calls = 3;
    return o;
}

erp::key_outcome failed() {
    erp::key_outcome o;
    o.status = erp::key_status::failed;
    o.ec = erp::error::timeout;
    o.message = "timed out";
    o.attempts = 3;
    o.calls = 1;
    return o;
}

constexpr char const* run = "ForceResyncExternal 1 Customer";

} // namespace

BOOST_AUTO_TEST_SUITE(test_bulk_journal)

BOOST_AUTO_TEST_CASE(lines_and_resume_counts) {
    temp_journal t;
    {
        erp::bulk_journal j;
        BOOST_TEST_REQUIRE(!j.open(t.path.string(), run, false));
        j.taken(6);
        j.record(0, "K-0", ok());
        j.record(1, "X", refused(), true);
        j.record(2, "K-2", failed());
        j.record(3, "K-3", refused(), false); // refused in a batch (isolation off): not done
        erp::key_outcome never;
        never.status = erp::key_status::not_attempted;
        j.record(4, "K-4", never);
        BOOST_TEST(!j.close());
    }
    auto const text = t.text();
    BOOST_TEST(text.rfind(R"({"erpsync_bulk_journal":1,"run":"ForceResyncExternal 1 Customer"})"
                          "\n{\"taken\":6}\n",
                          0) == 0u);
    BOOST_TEST(text.find(R"({"i":0,"key":"K-0","outcome":"succeeded","attempts":1,"calls":1})") !=
               std::string::npos);
    BOOST_TEST(text.find(R"("i":1,"key":"X","outcome":"refused","alone":true)") != std::string::npos);
    BOOST_TEST(text.find(R"("outcome":"failed")") != std::string::npos);
    BOOST_TEST(text.find(R"("i":4)") == std::string::npos); // not attempted: no line

    erp::bulk_journal r;
    BOOST_TEST_REQUIRE(!r.open(t.path.string(), run, true));
    auto const& info = r.resumed();
    BOOST_TEST(info.succeeded == 1u);
    BOOST_TEST(info.refused == 1u);
    BOOST_TEST(info.to_retry == 2u);  // 2 (failed) and 3 (refused in a batch)
    BOOST_TEST(info.in_flight == 2u); // 4 and 5: taken, no line
    BOOST_TEST(info.taken == 6u);
    BOOST_TEST(!info.repaired);
    BOOST_TEST(r.done(0));
    BOOST_TEST(r.done(1));
    BOOST_TEST(!r.done(2));
    BOOST_TEST(!r.done(3));
    BOOST_TEST(!r.done(5));
    BOOST_TEST(!r.done(1000));
    // the resumed run appends: 2 now succeeds
    r.record(2, "K-2", ok());
    BOOST_TEST(!r.close());
    erp::bulk_journal again;
    BOOST_TEST_REQUIRE(!again.open(t.path.string(), run, true));
    BOOST_TEST(again.done(2));
    BOOST_TEST(again.resumed().succeeded == 2u);
    BOOST_TEST(again.resumed().to_retry == 1u);
}

BOOST_AUTO_TEST_CASE(a_torn_last_line_is_cut_off) {
    temp_journal t;
    {
        erp::bulk_journal j;
        BOOST_TEST_REQUIRE(!j.open(t.path.string(), run, false));
        j.taken(2);
        j.record(0, "K-0", ok());
        BOOST_TEST(!j.close());
    }
    auto const whole = t.text();
    t.append(R"({"i":1,"key":"K-)");
    erp::bulk_journal r;
    BOOST_TEST_REQUIRE(!r.open(t.path.string(), run, true));
    BOOST_TEST(r.resumed().repaired);
    BOOST_TEST(r.resumed().in_flight == 1u);
    BOOST_TEST(t.text() == whole); // cut back to the last whole line
    r.record(1, "K-1", ok());
    BOOST_TEST(!r.close());
    erp::bulk_journal again;
    BOOST_TEST_REQUIRE(!again.open(t.path.string(), run, true));
    BOOST_TEST(again.done(0));
    BOOST_TEST(again.done(1));
    BOOST_TEST(again.resumed().lines == 4u); // header, taken, two keys
}

BOOST_AUTO_TEST_CASE(refused_journals) {
    temp_journal t;
    {
        erp::bulk_journal j;
        BOOST_TEST_REQUIRE(!j.open(t.path.string(), run, false));
        BOOST_TEST(!j.close());
    }
    std::string why;
    erp::bulk_journal j;
    // never overwritten
    auto ec = j.open(t.path.string(), run, false, &why);
    BOOST_TEST((ec == boost::system::errc::invalid_argument));
    BOOST_TEST(why.find("exists") != std::string::npos, why);
    // another run's
    ec = j.open(t.path.string(), "ForceResync 2", true, &why);
    BOOST_TEST((ec == boost::system::errc::invalid_argument));
    BOOST_TEST(why.find("ForceResyncExternal 1 Customer") != std::string::npos, why);
    // a corrupt line in the middle
    t.append("not json\n{\"taken\":1}\n");
    ec = j.open(t.path.string(), run, true, &why);
    BOOST_TEST((ec == boost::system::errc::invalid_argument));
    BOOST_TEST(why.find("line 2") != std::string::npos, why);
    // not a journal at all
    temp_journal other;
    other.append("{\"hello\":1}\n");
    ec = j.open(other.path.string(), run, true, &why);
    BOOST_TEST((ec == boost::system::errc::invalid_argument));
    BOOST_TEST(why.find("not a bulk journal") != std::string::npos, why);
    // a missing journal is created on resume
    temp_journal fresh;
    BOOST_TEST(!j.open(fresh.path.string(), run, true));
    BOOST_TEST(j.resumed().taken == 0u);
    BOOST_TEST(!j.close());
    BOOST_TEST(fresh.text().find("erpsync_bulk_journal") == 2u);
}

BOOST_AUTO_TEST_SUITE_END()
