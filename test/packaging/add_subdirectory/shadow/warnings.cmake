# The consumer's own module named like one of superoffice-erpsync's (cmake/warnings.cmake): the library
# includes its modules by path, so this one must never be included.
message(FATAL_ERROR "${CMAKE_CURRENT_LIST_FILE}, the consumer's module, was included in place of superoffice-erpsync's own")
