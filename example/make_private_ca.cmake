# Makes a private certificate authority and a server certificate for 127.0.0.1 and localhost signed
# by it, with the openssl command, for the tls_private_ca example:
#   cmake -DDIR=<output dir> -P make_private_ca.cmake   ->  ca.pem, server.pem, server.key
# (EC P-256 keys, valid for two days: a test's PKI, made fresh at each run.)
if(NOT DEFINED DIR)
    message(FATAL_ERROR "make_private_ca: set DIR")
endif()
find_program(OPENSSL_COMMAND openssl REQUIRED)
file(MAKE_DIRECTORY "${DIR}")
file(WRITE "${DIR}/server.ext" "subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\n"
                              "keyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n")
foreach(step IN ITEMS ca csr sign)
    if(step STREQUAL "ca")
        set(args req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout ca.key -out ca.pem
                 -days 2 -subj "/CN=superoffice-erpsync example private CA"
                 -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign")
    elseif(step STREQUAL "csr")
        set(args req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout server.key -out server.csr
                 -subj "/CN=localhost")
    else()
        set(args x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem -days 2
                 -extfile server.ext)
    endif()
    execute_process(COMMAND "${OPENSSL_COMMAND}" ${args} WORKING_DIRECTORY "${DIR}"
                    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "openssl ${step} failed (${rc}):\n${out}")
    endif()
endforeach()
message(STATUS "private CA and server certificate in ${DIR}")
