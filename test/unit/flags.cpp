#include <superoffice/erpsync/enums.hpp>
#include <superoffice/erpsync/flags.hpp>

#include <boost/test/unit_test.hpp>

namespace erp = superoffice::erpsync;

BOOST_AUTO_TEST_SUITE(test_flags)

BOOST_AUTO_TEST_CASE(parses_comma_space_and_numbers) {
    auto m = erp::field_right_mask::parse("Read, UIHintMandatory");
    BOOST_TEST(m.has(erp::efield_right::Read));
    BOOST_TEST(m.has(erp::efield_right::UIHintMandatory));
    BOOST_TEST(!m.has(erp::efield_right::Write));
    BOOST_TEST(m.bits() == 65u);
    BOOST_TEST(erp::field_right_mask::parse("Read Write").bits() == 3u);
    BOOST_TEST(erp::field_right_mask::parse("3").bits() == 3u);
    BOOST_TEST(erp::field_right_mask::parse("read|write").bits() == 3u);
    BOOST_TEST(erp::table_right_mask::parse("").empty());
}

BOOST_AUTO_TEST_CASE(unknown_names_are_kept_and_written_back) {
    auto m = erp::field_right_mask::parse("Update, UIHintMandatory"); // the docs' example
    BOOST_TEST(m.has(erp::efield_right::UIHintMandatory));
    BOOST_TEST_REQUIRE(m.unknown_names().size() == 1u);
    BOOST_TEST(m.unknown_names()[0] == "Update");
    BOOST_TEST(m.to_string() == "UIHintMandatory, Update");
    auto f = erp::field_right_mask::parse("FULL");
    BOOST_TEST(f.full());
    BOOST_TEST(f.has(erp::efield_right::Nullable));
    BOOST_TEST(f.to_string() == "FULL");
}

BOOST_AUTO_TEST_CASE(aliases_and_shared_bits_write_one_name) {
    BOOST_TEST(erp::table_right_mask::parse("R, F").to_string() == "Select, Filtering");
    BOOST_TEST(erp::field_right_mask::parse("Unused4").to_string() == "Nullable");
    BOOST_TEST(erp::table_right_mask{}.to_string() == "0");
    BOOST_TEST(erp::table_right_mask::from_bits(1024 | 2).to_string() == "Update, 1024");
}

BOOST_AUTO_TEST_CASE(set_reset_and_compare) {
    erp::table_right_mask m;
    m.set(erp::etable_right::Insert).set(erp::etable_right::Delete);
    BOOST_TEST(m.bits() == 12u);
    m.reset(erp::etable_right::Insert);
    BOOST_TEST((m == erp::table_right_mask(erp::etable_right::Delete)));
}

BOOST_AUTO_TEST_SUITE_END()
