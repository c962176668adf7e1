//
// Codec rules: unknown keys, missing keys, null, enums, flag masks, field paths, writing, and the
// documentation's sample bodies.
//
#include <superoffice/erpsync/carriers/engine_status.hpp>
#include <superoffice/erpsync/carriers/plugin_response.hpp>
#include <superoffice/erpsync/json.hpp>
#include <superoffice/erpsync/operations.hpp>

#include <boost/describe/class.hpp>
#include <boost/json/error.hpp>
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace erp = superoffice::erpsync;

namespace {

template <class T>
T decode(std::string_view text) {
    erp::diagnostics d;
    auto r = erp::from_json<T>(text, &d);
    BOOST_TEST_REQUIRE(!r.has_error(), d.to_string());
    return *r;
}

template <class T>
erp::diagnostics decode_error(std::string_view text, erp::error_code expected) {
    erp::diagnostics d;
    T v{};
    auto ec = erp::from_json(text, v, &d);
    BOOST_TEST(ec == expected, ec.message());
    return d;
}

// Sample bodies from the API documentation (shared/seeds).
constexpr std::string_view sample_force_resync_no_blank_values_response = R"({
  "IsOk": false,
  "UserExplanation": "et",
  "TechExplanation": "numquam",
  "ErrorCode": "omnis",
  "Changes": null,
  "Status": "Error",
  "TableRight": null,
  "FieldProperties": {
    "fieldName": {
      "FieldRight": null,
      "FieldType": "System.Int32",
      "FieldLength": 968
    }
  }
})";

constexpr std::string_view sample_force_resync_external_no_blank_values_response = R"({
  "IsOk": false,
  "UserExplanation": "rem",
  "TechExplanation": "voluptatibus",
  "ErrorCode": "sapiente",
  "Changes": {
    "AddedRecords": [ {}, {} ],
    "UpdatedRecords": [ {}, {} ],
    "DeletedRecords": [ {}, {} ],
    "TableRight": {},
    "FieldProperties": {
      "fieldName": {
        "FieldRight": { "Mask": "FULL", "Reason": "" },
        "FieldType": "System.Int32",
        "FieldLength": 215
      }
    }
  },
  "TableRight": { "Mask": "Delete", "Reason": "" },
  "FieldProperties": {
    "fieldName": {
      "FieldRight": { "Mask": "FULL", "Reason": "" },
      "FieldType": "System.Int32",
      "FieldLength": 425
    }
  }
})";

constexpr std::string_view sample_get_engine_status_response = R"({
  "IsRunning": false,
  "StatusMessage": "reiciendis",
  "Interval": "rem",
  "TableRight": null,
  "FieldProperties": {
    "fieldName": { "FieldRight": null, "FieldType": "System.String", "FieldLength": 339 }
  }
})";

constexpr std::string_view sample_connect_actor_request = R"({
"ErpConnectionId": 726,
"CrmRecordId": 556,
"CrmActorType": "Contact",
"ErpKey": "cumque",
"ErpActorType": "Customer",
"FieldValues": [
{ "DisplayName": "O'Connell, Okuneva and Bayer", "CrmFieldKey": "qui", "Value": "ea", "DisplayValue": "est",
  "SyncToCrm": false, "SyncToErp": false },
{ "DisplayName": "O'Connell, Okuneva and Bayer", "CrmFieldKey": "qui", "Value": "ea", "DisplayValue": "est",
  "SyncToCrm": false, "SyncToErp": true }
]
})";

// A type with its own text form: the codec reads and writes it as a string through the
// text_value hook, knowing nothing else about it.
struct hex_color {
    std::uint32_t rgb = 0;

    static constexpr char const* expected_text = "a colour such as #1a2b3c";
    static std::optional<hex_color> parse(std::string_view text, std::string* error) {
        if (text.size() != 7 || text[0] != '#') {
            if (error)
                *error = "not # and six hex digits";
            return std::nullopt;
        }
        hex_color c;
        for (char ch : text.substr(1)) {
            int d = ch >= '0' && ch <= '9' ? ch - '0' : ch >= 'a' && ch <= 'f' ? ch - 'a' + 10 : -1;
            if (d < 0) {
                if (error)
                    *error = "not a lower-case hex digit";
                return std::nullopt;
            }
            c.rgb = c.rgb * 16 + static_cast<std::uint32_t>(d);
        }
        return c;
    }
    void append_to(std::string& out) const {
        static constexpr char hex[] = "0123456789abcdef";
        out += '#';
        for (int shift = 20; shift >= 0; shift -= 4)
            out += hex[(rgb >> shift) & 15];
    }
};
static_assert(erp::text_value<hex_color>);
static_assert(!erp::text_value<std::string>);
static_assert(!erp::text_value<erp::table_right_mask>);

struct palette {
    hex_color Main{};
    std::optional<hex_color> Accent{};
    std::vector<hex_color> Others{};
};
BOOST_DESCRIBE_STRUCT(palette, (), (Main, Accent, Others))

// A text form that needs escaping in JSON.
struct quoted_label {
    std::string text;

    static constexpr char const* expected_text = "a label";
    static std::optional<quoted_label> parse(std::string_view text, std::string*) {
        return quoted_label{std::string(text)};
    }
    void append_to(std::string& out) const { out += text; }
};

struct labelled {
    quoted_label Label{};
    std::int32_t Count = 0;
};
BOOST_DESCRIBE_STRUCT(labelled, (), (Label, Count))

// Nests as deep as the document does.
struct tree {
    std::int32_t Value = 0;
    std::vector<tree> Children{};
};
BOOST_DESCRIBE_STRUCT(tree, (), (Value, Children))

} // namespace

BOOST_AUTO_TEST_SUITE(test_json)

BOOST_AUTO_TEST_CASE(sample_plugin_response_with_nulls) {
    auto r = decode<erp::plugin_response>(sample_force_resync_no_blank_values_response);
    BOOST_TEST(!r.IsOk);
    BOOST_TEST(r.UserExplanation == "et");
    BOOST_TEST(r.TechExplanation == "numquam");
    BOOST_TEST(r.ErrorCode == "omnis");
    BOOST_TEST(!r.Changes.has_value());
    BOOST_TEST((r.Status == erp::quote_status::Error));
    BOOST_TEST(!r.TableRight.has_value());
    BOOST_TEST_REQUIRE(r.FieldProperties.count("fieldName") == 1u);
    BOOST_TEST(!r.FieldProperties["fieldName"].FieldRight.has_value());
    BOOST_TEST(r.FieldProperties["fieldName"].FieldType == "System.Int32");
    BOOST_TEST(r.FieldProperties["fieldName"].FieldLength == 968);
}

BOOST_AUTO_TEST_CASE(sample_plugin_response_with_changes_and_masks) {
    auto r = decode<erp::plugin_response>(sample_force_resync_external_no_blank_values_response);
    BOOST_TEST_REQUIRE(r.Changes.has_value());
    BOOST_TEST(r.Changes->AddedRecords.size() == 2u);
    BOOST_TEST(r.Changes->UpdatedRecords.size() == 2u);
    BOOST_TEST(r.Changes->DeletedRecords.size() == 2u);
    BOOST_TEST(r.Changes->UpdatedRecords[0].RecordId == 0);
    BOOST_TEST_REQUIRE(r.Changes->TableRight.has_value());
    BOOST_TEST(r.Changes->TableRight->Mask.empty());
    BOOST_TEST_REQUIRE(r.TableRight.has_value());
    BOOST_TEST(r.TableRight->Mask.has(erp::etable_right::Delete));
    BOOST_TEST(!r.TableRight->Mask.has(erp::etable_right::Update));
    auto const& fr = r.FieldProperties.at("fieldName").FieldRight;
    BOOST_TEST_REQUIRE(fr.has_value());
    BOOST_TEST(fr->Mask.full());
    BOOST_TEST(fr->Mask.has(erp::efield_right::Write));
    BOOST_TEST(fr->Mask.to_string() == "FULL");
    BOOST_TEST(!r.Status.has_value()); // the older tree does not send Status
}

BOOST_AUTO_TEST_CASE(sample_engine_status) {
    // the documented sample has a lorem word where the TimeSpan goes: refused with the path
    erp::erp_sync_engine_status s;
    erp::diagnostics d;
    BOOST_TEST((erp::from_json(sample_get_engine_status_response, s, &d) == erp::error::invalid_value));
    BOOST_TEST(d.field_path == "Interval");
    std::string fixed(sample_get_engine_status_response);
    fixed.replace(fixed.find("\"rem\""), 5, "\"PT5M\"");
    s = decode<erp::erp_sync_engine_status>(fixed);
    BOOST_TEST(!s.IsRunning);
    BOOST_TEST(s.StatusMessage == "reiciendis");
    BOOST_TEST((s.Interval.duration() == std::chrono::minutes(5)));
    BOOST_TEST(s.Interval.to_string() == "PT5M");
    BOOST_TEST(s.FieldProperties.at("fieldName").FieldLength == 339);
}

BOOST_AUTO_TEST_CASE(sample_connect_actor_request_round_trip) {
    auto r = decode<erp::connect_actor_request>(sample_connect_actor_request);
    BOOST_TEST(r.ErpConnectionId == 726);
    BOOST_TEST((r.CrmActorType == erp::crm_actor_type::Contact));
    BOOST_TEST((r.ErpActorType == erp::erp_actor_type::Customer));
    BOOST_TEST_REQUIRE(r.FieldValues.size() == 2u);
    BOOST_TEST(r.FieldValues[1].SyncToErp);
    BOOST_TEST(r.FieldValues[0].DisplayName == "O'Connell, Okuneva and Bayer");
    auto again = decode<erp::connect_actor_request>(erp::to_json(r).value());
    BOOST_TEST(erp::to_json(again).value() == erp::to_json(r).value());
}

BOOST_AUTO_TEST_CASE(unknown_keys_are_ignored_at_any_depth) {
    auto r = decode<erp::plugin_response>(
        R"({"New":{"a":[1,{"b":null}],"c":"x"},"IsOk":true,"Changes":{"Extra":[[]],"AddedRecords":[{"RecordId":4,"Zz":1}]}})");
    BOOST_TEST(r.IsOk);
    BOOST_TEST(r.Changes->AddedRecords.at(0).RecordId == 4);
}

BOOST_AUTO_TEST_CASE(missing_keys_keep_defaults) {
    erp::plugin_response r;
    r.ErrorCode = "kept";
    BOOST_TEST(!erp::from_json(R"({"IsOk":true})", r));
    BOOST_TEST(r.IsOk);
    BOOST_TEST(r.ErrorCode == "kept");
}

BOOST_AUTO_TEST_CASE(null_resets_optionals_strings_containers_and_carriers) {
    auto r = decode<erp::plugin_response>(
        R"({"UserExplanation":null,"Changes":{"AddedRecords":null},"Status":null,"FieldProperties":null})");
    BOOST_TEST(r.UserExplanation.empty());
    BOOST_TEST(r.Changes.has_value());
    BOOST_TEST(r.Changes->AddedRecords.empty());
    BOOST_TEST(!r.Status.has_value());
    auto f = decode<erp::field_property>(R"({"FieldRight":null})");
    BOOST_TEST(!f.FieldRight.has_value());
}

BOOST_AUTO_TEST_CASE(key_names_match_case_insensitively_after_exact) {
    auto r = decode<erp::plugin_response>(R"({"isok":true,"errorcode":"E1"})");
    BOOST_TEST(r.IsOk);
    BOOST_TEST(r.ErrorCode == "E1");
}

BOOST_AUTO_TEST_CASE(enums_by_name_number_and_unknown) {
    auto a = decode<erp::force_resync_external_request>(R"({"ErpActorType":"Supplier"})");
    BOOST_TEST((a.ErpActorType == erp::erp_actor_type::Supplier));
    auto b = decode<erp::force_resync_external_request>(R"({"ErpActorType":"supplier"})");
    BOOST_TEST((b.ErpActorType == erp::erp_actor_type::Supplier));
    auto c = decode<erp::force_resync_external_request>(R"({"ErpActorType":3})");
    BOOST_TEST((c.ErpActorType == erp::erp_actor_type::Partner));
    auto d = decode<erp::force_resync_external_request>(R"({"ErpActorType":"Warehouse"})");
    BOOST_TEST((d.ErpActorType == erp::erp_actor_type::unrecognized));
    auto e = decode<erp::force_resync_external_request>(R"({"ErpActorType":77})");
    BOOST_TEST((e.ErpActorType == erp::erp_actor_type::unrecognized));
    auto w = decode<erp::plugin_response>(R"({"Status":"Warn"})");
    BOOST_TEST((*w.Status == erp::quote_status::Warning));
    BOOST_TEST(
        erp::to_json(w).value() ==
        R"({"IsOk":false,"UserExplanation":"","TechExplanation":"","ErrorCode":"","Status":"Warning"})");
}

BOOST_AUTO_TEST_CASE(writing_an_unrecognized_enum_fails_with_its_path) {
    erp::connect_actor_request r;
    r.FieldValues.resize(1);
    r.CrmActorType = erp::crm_actor_type::unrecognized;
    erp::diagnostics d;
    std::string out;
    BOOST_TEST((erp::to_json(r, out, &d) == erp::error::unencodable_value));
    BOOST_TEST(d.field_path == "CrmActorType");
    BOOST_TEST(out.empty()); // nothing half-written
}

BOOST_AUTO_TEST_CASE(writer_paths_through_arrays_and_maps) {
    erp::plugin_response r;
    r.Changes.emplace();
    r.Changes->UpdatedRecords.resize(2);
    r.Changes->UpdatedRecords[1].FieldProperties["Name"].FieldRight.emplace();
    r.Status = erp::quote_status::unrecognized;
    erp::diagnostics d;
    BOOST_TEST(!erp::to_json(r, &d).has_value());
    BOOST_TEST(d.field_path == "Status");
    std::vector<std::vector<erp::crm_actor_type>> nested{
        {erp::crm_actor_type::Contact}, {erp::crm_actor_type::Sale, erp::crm_actor_type::unrecognized}};
    BOOST_TEST(!erp::to_json(nested, &d).has_value());
    BOOST_TEST(d.field_path == "[1][1]");
    std::vector<erp::connect_actor_request> reqs(2);
    reqs[1].ErpActorType = erp::erp_actor_type::unrecognized;
    BOOST_TEST(!erp::to_json(reqs, &d).has_value());
    BOOST_TEST(d.field_path == "[1].ErpActorType");
}

BOOST_AUTO_TEST_CASE(type_errors_name_the_field_path) {
    auto d = decode_error<erp::plugin_response>(
        R"({"Changes":{"UpdatedRecords":[{"RecordId":1},{"RecordId":2},{"RecordId":3},{"RecordId":"x"}]}})",
        erp::error::type_mismatch);
    BOOST_TEST(d.field_path == "Changes.UpdatedRecords[3].RecordId");
    BOOST_TEST(d.client_message.find("expected an integer, got a string") != std::string::npos);

    auto d2 = decode_error<erp::plugin_response>(R"({"FieldProperties":{"Name":{"FieldLength":true}}})",
                                                 erp::error::type_mismatch);
    BOOST_TEST(d2.field_path == "FieldProperties.Name.FieldLength");

    auto d3 = decode_error<erp::plugin_response>(R"({"IsOk":"yes"})", erp::error::type_mismatch);
    BOOST_TEST(d3.field_path == "IsOk");
    auto d4 =
        decode_error<erp::force_resync_request>(R"({"InternalKeyIds":[1,2,{}]})", erp::error::type_mismatch);
    BOOST_TEST(d4.field_path == "InternalKeyIds[2]");
    auto d5 = decode_error<erp::plugin_response>(R"({"Changes":[]})", erp::error::type_mismatch);
    BOOST_TEST(d5.field_path == "Changes");
}

BOOST_AUTO_TEST_CASE(numbers_are_range_checked) {
    auto d = decode_error<erp::force_resync_request>(R"({"ErpConnectionId":4294967296})",
                                                     erp::error::value_out_of_range);
    BOOST_TEST(d.field_path == "ErpConnectionId");
    decode_error<erp::force_resync_request>(R"({"ErpConnectionId":-2147483649})",
                                            erp::error::value_out_of_range);
    decode_error<erp::force_resync_request>(R"({"ErpConnectionId":1.5})", erp::error::type_mismatch);
    BOOST_TEST(decode<erp::force_resync_request>(R"({"ErpConnectionId":7.0})").ErpConnectionId == 7);
    decode_error<erp::force_resync_request>(R"({"ErpConnectionId":2147483648.0})",
                                            erp::error::value_out_of_range);
    // doubles at 2^63 and 2^64 must not wrap around
    std::int64_t a = 0;
    std::uint64_t b = 0;
    BOOST_TEST((erp::from_json("9223372036854775807.0", a) == erp::error::value_out_of_range));
    BOOST_TEST((erp::from_json("18446744073709551615.0", b) == erp::error::value_out_of_range));
    BOOST_TEST((erp::from_json("-1.0", b) == erp::error::value_out_of_range));
    BOOST_TEST(!erp::from_json("4611686018427387904.0", a));
    BOOST_TEST(a == 4611686018427387904LL);
    BOOST_TEST(decode<erp::force_resync_request>(R"({"ErpConnectionId":-2147483648})").ErpConnectionId ==
               std::numeric_limits<std::int32_t>::min());
}

BOOST_AUTO_TEST_CASE(syntax_errors_are_boost_json_codes) {
    erp::plugin_response r;
    erp::diagnostics d;
    auto ec = erp::from_json(R"({"IsOk":tru})", r, &d);
    BOOST_TEST((ec.category() == boost::json::make_error_code(boost::json::error::syntax).category()));
    BOOST_TEST((ec == erp::condition::decode_failed));
    BOOST_TEST(!d.client_message.empty());
    BOOST_TEST((erp::from_json(R"({"IsOk":true} x)", r) == boost::json::error::extra_data));
    BOOST_TEST(erp::from_json("", r));
}

BOOST_AUTO_TEST_CASE(depth_is_limited) {
    std::string deep(200, '[');
    deep.insert(0, R"({"Unknown":)");
    erp::plugin_response r;
    BOOST_TEST((erp::from_json(deep, r) == boost::json::error::too_deep));
}

BOOST_AUTO_TEST_CASE(deep_documents_within_the_limit_keep_their_paths) {
    // 30 levels of object and array: deeper than the frames the reader keeps inline
    std::string text, close;
    for (int i = 0; i < 30; ++i) {
        text += R"({"Value":)" + std::to_string(i) + R"(,"Children":[)";
        close += "]}";
    }
    auto t = decode<tree>(text + R"({"Value":-1})" + close);
    tree const* n = &t;
    for (int i = 0; i < 30; ++i) {
        BOOST_TEST_REQUIRE(n->Value == i);
        BOOST_TEST_REQUIRE(n->Children.size() == 1u);
        n = &n->Children[0];
    }
    BOOST_TEST(n->Value == -1);
    BOOST_TEST(erp::to_json(t).value() == text + R"({"Value":-1,"Children":[]})" + close);

    auto d = decode_error<tree>(text + R"({"Value":"x"})" + close, erp::error::type_mismatch);
    std::string path;
    for (int i = 0; i < 30; ++i)
        path += i ? ".Children[0]" : "Children[0]";
    BOOST_TEST(d.field_path == path + ".Value");
}

BOOST_AUTO_TEST_CASE(keys_in_any_order_repeated_or_in_another_case) {
    auto r = decode<erp::changed_data_item>(
        R"({"RecordId":1,"Tablename":"a","recordid":2,"X":{},"TABLENAME":"b","Tablename":"c","RecordId":3})");
    BOOST_TEST(r.RecordId == 3);
    BOOST_TEST(r.Tablename == "c");
    auto s = decode<erp::changed_data_item>(R"({"FieldProperties":{},"TableRight":null,"RecordId":9})");
    BOOST_TEST(s.RecordId == 9);
}

BOOST_AUTO_TEST_CASE(text_values_are_escaped_when_written) {
    labelled l{quoted_label{"say \"hi\"\n"}, 2};
    auto j = erp::to_json(l).value();
    BOOST_TEST(j == R"({"Label":"say \"hi\"\n","Count":2})");
    BOOST_TEST(decode<labelled>(j).Label.text == l.Label.text);
    std::string out = "[";
    BOOST_TEST(!erp::to_json(l, out));
    BOOST_TEST(out == "[" + j);
}

BOOST_AUTO_TEST_CASE(writer_strings_between_appends_of_the_caller) {
    std::string body = "{";
    erp::detail::json_writer w(body, nullptr);
    body += "\"a\":";
    w.write_string("x\"y");
    body += ",\"b\":";
    w.write_string(std::string(100, 'z'));
    body += '}';
    BOOST_TEST(body == R"({"a":"x\"y","b":")" + std::string(100, 'z') + "\"}");
}

BOOST_AUTO_TEST_CASE(strings_in_parts_and_escapes) {
    std::string big(5000, 'a');
    auto r = decode<erp::plugin_response>(R"({"TechExplanation":")" + big + R"(\n\"\u00e6\ud83d\ude00"})");
    BOOST_TEST(r.TechExplanation == big + "\n\"\xc3\xa6\xf0\x9f\x98\x80");
    erp::plugin_response w;
    w.TechExplanation = std::string("tab\tquote\"back\\ctl\x01");
    auto j = erp::to_json(w).value();
    BOOST_TEST(j.find(R"("TechExplanation":"tab\tquote\"back\\ctl\u0001")") != std::string::npos);
    BOOST_TEST(decode<erp::plugin_response>(j).TechExplanation == w.TechExplanation);
}

BOOST_AUTO_TEST_CASE(writing_uses_wire_names_and_omits_empty_optionals) {
    erp::force_resync_request req;
    req.ErpConnectionId = 538;
    req.InternalKeyIds = {668, 897};
    BOOST_TEST(erp::to_json(req).value() == R"({"ErpConnectionId":538,"InternalKeyIds":[668,897]})");
    erp::force_resync_external_request ext;
    ext.ErpConnectionId = 863;
    ext.ErpActorType = erp::erp_actor_type::Customer;
    ext.ExternalKeys = {"libero", "nulla"};
    BOOST_TEST(erp::to_json(ext).value() ==
               R"({"ErpConnectionId":863,"ErpActorType":"Customer","ExternalKeys":["libero","nulla"]})");
    erp::erp_sync_field_value v;
    v.CrmFieldKey = "qui";
    BOOST_TEST(
        erp::to_json(v).value() ==
        R"({"DisplayName":"","CrmFieldKey":"qui","Value":"","DisplayValue":"","SyncToCrm":false,"SyncToErp":false})");
    erp::table_right tr;
    tr.Mask = erp::table_right_mask(erp::etable_right::Select) | erp::etable_right::Update;
    BOOST_TEST(erp::to_json(tr).value() == R"({"Mask":"Select, Update","Reason":""})");
    BOOST_TEST(erp::to_json(erp::no_request{}).value() == "{}");
}

BOOST_AUTO_TEST_CASE(text_values_read_and_write_as_strings) {
    auto p = decode<palette>(R"({"Main":"#1a2b3c","Accent":"#000010","Others":["#ffffff",null]})");
    BOOST_TEST(p.Main.rgb == 0x1a2b3cu);
    BOOST_TEST_REQUIRE(p.Accent.has_value());
    BOOST_TEST(p.Accent->rgb == 0x10u);
    BOOST_TEST_REQUIRE(p.Others.size() == 2u);
    BOOST_TEST(p.Others[0].rgb == 0xffffffu);
    BOOST_TEST(p.Others[1].rgb == 0u); // null reads as a default-constructed value
    BOOST_TEST(erp::to_json(p).value() ==
               R"({"Main":"#1a2b3c","Accent":"#000010","Others":["#ffffff","#000000"]})");

    auto n = decode<palette>(R"({"Main":null,"Accent":null})");
    BOOST_TEST(n.Main.rgb == 0u);
    BOOST_TEST(!n.Accent.has_value());
    BOOST_TEST(erp::to_json(n).value() == R"({"Main":"#000000","Others":[]})");

    BOOST_TEST(decode<hex_color>(R"("#0000ff")").rgb == 0xffu);
    BOOST_TEST(erp::to_json(hex_color{0xabcdef}).value() == R"("#abcdef")");
}

BOOST_AUTO_TEST_CASE(malformed_text_values_are_invalid_values_with_paths) {
    auto d = decode_error<palette>(R"({"Others":["#ffffff","#12345g"]})", erp::error::invalid_value);
    BOOST_TEST(d.field_path == "Others[1]");
    BOOST_TEST(d.client_message ==
               "expected a colour such as #1a2b3c: not a lower-case hex digit at Others[1]");
    BOOST_TEST((erp::error_code(erp::error::invalid_value) == erp::condition::decode_failed));

    auto d2 = decode_error<palette>(R"({"Accent":"red"})", erp::error::invalid_value);
    BOOST_TEST(d2.field_path == "Accent");

    // other JSON types are type errors naming the expected text form
    auto d3 = decode_error<palette>(R"({"Main":1193046})", erp::error::type_mismatch);
    BOOST_TEST(d3.field_path == "Main");
    BOOST_TEST(d3.client_message == "expected a colour such as #1a2b3c, got a number at Main");
    auto d4 = decode_error<palette>(R"({"Accent":{}})", erp::error::type_mismatch);
    BOOST_TEST(d4.client_message == "expected a colour such as #1a2b3c, got an object at Accent");
    decode_error<palette>(R"({"Main":true})", erp::error::type_mismatch);
    decode_error<palette>(R"({"Main":["#000000"]})", erp::error::type_mismatch);
}

BOOST_AUTO_TEST_SUITE_END()
