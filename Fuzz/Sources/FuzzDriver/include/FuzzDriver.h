// libFuzzer's entry point for programs with their own `main` (SwiftPM renames an executable's
// entry point to `<module>_main`, so libFuzzer's `main` cannot be used).
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
