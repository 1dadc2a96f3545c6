// Only the declaration in include/FuzzDriver.h is needed; libFuzzer itself defines the function.
#include "FuzzDriver.h"
