// libFuzzer's driver (compiler-rt, linked by `-sanitize=fuzzer`). SwiftPM makes an executable's `main` its
// module's entry point, so each harness's main.swift starts libFuzzer itself through this call instead of
// libFuzzer's own `main`.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
