// Non-default values for any described type, generated from the descriptions: every member set,
// every array and map holding one element (nesting bounded). Used to round-trip every operation.
#ifndef SO_ERPSYNC_TEST_SAMPLE_VALUES_HPP
#define SO_ERPSYNC_TEST_SAMPLE_VALUES_HPP

#include <superoffice/erpsync/detail/type_traits.hpp>
#include <superoffice/erpsync/time.hpp>

#include <boost/describe/enum.hpp>
#include <boost/mp11/algorithm.hpp>

#include <chrono>
#include <string>

namespace superoffice::erpsync::test {

template <class T>
T sample_value(int depth = 0) {
    using namespace superoffice::erpsync::detail;
    if constexpr (std::is_same_v<T, bool>) {
        return true;
    } else if constexpr (is_integer_v<T>) {
        return T(1);
    } else if constexpr (std::is_floating_point_v<T>) {
        return T(1.5);
    } else if constexpr (std::is_same_v<T, std::string>) {
        return "sample \"text\" \xc3\xa6\xc3\xb8\xc3\xa5";
    } else if constexpr (std::is_same_v<T, time_span>) {
        return time_span(std::chrono::seconds(90));
    } else if constexpr (std::is_same_v<T, timestamp>) {
        return timestamp::parse("2024-02-29T13:14:15.1234567+01:00").value();
    } else if constexpr (is_described_enum_v<T>) {
        // the second enumerator: past `Unknown` where there is one
        T v{};
        int i = 0;
        boost::mp11::mp_for_each<boost::describe::describe_enumerators<T>>([&](auto D) {
            if (i++ == 1)
                v = D.value;
        });
        return v;
    } else if constexpr (is_open_enum_v<T>) {
        return T(sample_value<typename T::enum_type>(depth));
    } else if constexpr (is_flag_set_v<T>) {
        return T{};
    } else if constexpr (is_optional_v<T>) {
        return T(sample_value<typename T::value_type>(depth + 1));
    } else if constexpr (is_vector_v<T>) {
        T v;
        if (depth < 3)
            v.push_back(sample_value<typename T::value_type>(depth + 1));
        return v;
    } else if constexpr (is_string_map_v<T>) {
        T m;
        if (depth < 3)
            m.emplace("key", sample_value<typename T::mapped_type>(depth + 1));
        return m;
    } else {
        static_assert(is_described_struct_v<T>);
        T v{};
        boost::mp11::mp_for_each<members_t<T>>([&](auto D) {
            using M = std::remove_cvref_t<decltype(v.*D.pointer)>;
            v.*D.pointer = sample_value<M>(depth + 1);
        });
        return v;
    }
}

} // namespace superoffice::erpsync::test

#endif
